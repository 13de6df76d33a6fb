import { describe, expect, it } from 'vitest';
import { matchesHolderName, nameWords } from './holder-name.ts';

describe('nameWords', () => {
  it('drops case, accents and punctuation', () => {
    expect(nameWords("Zoë  O'Néil-Łukasz")).toEqual(['zoe', 'o', 'neil', 'łukasz']);
  });
});

describe('matchesHolderName', () => {
  it('accepts a family name wherever it stands in a Malaysian name', () => {
    expect(matchesHolderName('Siti Nur Aisyah binti Abdullah', 'abdullah')).toBe(true);
    expect(matchesHolderName('Tan Wei Ming', 'TAN')).toBe(true);
    expect(matchesHolderName('Kavitha a/p Ramasamy', 'Ramasamy')).toBe(true);
    expect(matchesHolderName('Kavitha a/p Ramasamy', 'a/p Ramasamy')).toBe(true);
  });

  it('ignores accents and case on either side', () => {
    expect(matchesHolderName('Zoë Łukasz', 'zoe')).toBe(true);
    expect(matchesHolderName('Noël Dupont', 'NOEL DUPONT')).toBe(true);
  });

  it('wants whole words, in order', () => {
    expect(matchesHolderName('Siti Nur Aisyah binti Abdullah', 'Abdul')).toBe(false);
    expect(matchesHolderName('Tan Wei Ming', 'Ming Tan')).toBe(false);
    expect(matchesHolderName('Tan Wei Ming', 'Lim')).toBe(false);
  });

  it('refuses empty input and connecting words alone', () => {
    expect(matchesHolderName('Siti Nur Aisyah binti Abdullah', '')).toBe(false);
    expect(matchesHolderName('Siti Nur Aisyah binti Abdullah', ' - ')).toBe(false);
    expect(matchesHolderName('Siti Nur Aisyah binti Abdullah', 'binti')).toBe(false);
    expect(matchesHolderName('Kavitha a/p Ramasamy', 'a/p')).toBe(false);
  });
});
