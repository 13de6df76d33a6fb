import { describe, expect, it } from 'vitest';
import { compareLessonFrontMatter, firstDifference, structureOf } from './translation.ts';
import { lessonSchema } from './schema.ts';

describe('structureOf and firstDifference', () => {
  it('ignores the words of text fields but not their presence, ids or flags', () => {
    const english = { id: 'a', text: 'Yes', correct: true, items: [{ text: 'One' }, { text: 'Two' }] };
    const same = { id: 'a', text: 'Ya', correct: true, items: [{ text: 'Satu' }, { text: 'Dua' }] };
    expect(firstDifference(structureOf(english), structureOf(same))).toBeNull();
    expect(firstDifference(structureOf(english), structureOf({ ...same, id: 'b' }))).toBe(
      'id: English has "a", the translation has "b"',
    );
    expect(firstDifference(structureOf(english), structureOf({ ...same, items: [{ text: 'Satu' }] }))).toBe(
      'items: English has 2 item(s), the translation 1',
    );
    expect(firstDifference(structureOf(english), structureOf({ ...same, text: undefined }))).toBe(
      'text: English has text here, the translation has none',
    );
  });
});

describe('compareLessonFrontMatter', () => {
  const lesson = (data: Record<string, unknown>) =>
    lessonSchema.parse({ title: 'T', order: 1, minutes: 5, sources: ['A source'], ...data });

  it('allows a translated title and translated sources', () => {
    expect(
      compareLessonFrontMatter(lesson({}), lesson({ title: 'Tajuk', sources: ['Satu sumber'] })),
    ).toEqual([]);
  });

  it('reports a different flag, alias or number of sources', () => {
    expect(compareLessonFrontMatter(lesson({}), lesson({ required: false }))).toEqual([
      'required: English has true, the translation has false',
    ]);
    expect(compareLessonFrontMatter(lesson({}), lesson({ sources: [] }))).toEqual([
      'sources: English has 1 item(s), the translation 0',
    ]);
  });
});
