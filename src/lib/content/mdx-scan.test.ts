import { describe, expect, it } from 'vitest';
import { parseLiteral, scanComponents, splitFrontMatter } from './mdx-scan.ts';

describe('splitFrontMatter', () => {
  it('separates the front matter and says where the body starts', () => {
    const { frontMatter, body, bodyLine } = splitFrontMatter('---\ntitle: A\norder: 1\n---\n\nText\n');
    expect(frontMatter).toBe('title: A\norder: 1');
    expect(body).toBe('\nText\n');
    expect(bodyLine).toBe(5);
  });

  it('returns null when there is none', () => {
    expect(splitFrontMatter('# Title').frontMatter).toBeNull();
  });
});

describe('scanComponents', () => {
  it('reads string, bare and expression attributes with their lines', () => {
    const body = [
      'Some <Term id="yellow-flags">yellow flags</Term> here.',
      '',
      '<KnowledgeCheck',
      '  question="Which one?"',
      '  options={[{ text: "A, b", correct: true, feedback: "Yes {really}" }, { text: \'B\' }]}',
      '/>',
      '<Callout type="tip" title="Hint">',
    ].join('\n');
    const uses = scanComponents(body, 10);
    expect(uses.map((use) => [use.name, use.line])).toEqual([
      ['Term', 10],
      ['KnowledgeCheck', 12],
      ['Callout', 16],
    ]);
    expect(uses[1]?.attributes).toEqual({
      question: 'Which one?',
      options: [{ text: 'A, b', correct: true, feedback: 'Yes {really}' }, { text: 'B' }],
    });
  });

  it('ignores tags inside code', () => {
    const body = 'Write `<Term id="x">` like this:\n\n```mdx\n<Download aid="rtw-plan" />\n```\n';
    expect(scanComponents(body)).toEqual([]);
  });

  it('reports expressions that are not plain data', () => {
    const [use] = scanComponents('<KnowledgeCheck question="Q" options={makeOptions()} />');
    expect(use?.unreadable).toEqual(['options']);
  });
});

describe('parseLiteral', () => {
  it('reads nested data', () => {
    expect(parseLiteral(' [ { a: 1, "b": [true, false, null], c: -2.5 }, ] ')).toEqual([
      { a: 1, b: [true, false, null], c: -2.5 },
    ]);
  });

  it('throws on code', () => {
    expect(() => parseLiteral('fetch("x")')).toThrow();
    expect(() => parseLiteral('[1, 2')).toThrow();
  });
});
