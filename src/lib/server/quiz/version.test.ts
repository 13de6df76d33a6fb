import { describe, expect, it } from 'vitest';
import { fixtureData, fixtureQuiz } from './quiz-fixture.ts';
import { quizSchema, type Quiz } from './schema.ts';
import { canonicalJson, quizContentVersion } from './version.ts';

function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, child]) => [key, reversedKeys(child)]),
  );
}

describe('quizContentVersion', () => {
  it('is a 64-character hex SHA-256', () => {
    expect(quizContentVersion(fixtureQuiz)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not depend on key order', () => {
    const reordered = reversedKeys(fixtureQuiz) as Quiz;
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(fixtureQuiz));
    expect(quizContentVersion(reordered)).toBe(quizContentVersion(fixtureQuiz));
  });

  it('changes when an answer key changes', () => {
    const data = fixtureData();
    const questions = data['questions'] as Array<Record<string, unknown>>;
    (questions[2] as Record<string, unknown>)['answer'] = true;
    expect(quizContentVersion(quizSchema.parse(data))).not.toBe(quizContentVersion(fixtureQuiz));
  });

  it('changes when questions are reordered', () => {
    const data = fixtureData();
    (data['questions'] as unknown[]).reverse();
    expect(quizContentVersion(quizSchema.parse(data))).not.toBe(quizContentVersion(fixtureQuiz));
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every depth and leaves out undefined values', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: undefined } })).toBe(
      '{"a":{"d":[2,{"e":0,"f":1}]},"b":1}',
    );
  });

  it('keeps a "__proto__" key as data', () => {
    expect(canonicalJson(JSON.parse('{"__proto__":{"x":1},"a":2}'))).toBe('{"__proto__":{"x":1},"a":2}');
  });
});
