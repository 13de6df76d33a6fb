import { z } from 'astro/zod';

/**
 * Shared wording for content schemas (courses, modules, lessons, quizzes), so that every file a
 * trainer edits reports problems the same way.
 */

/** Error option for a leaf value: says whether it is missing or of the wrong kind. */
export function expecting(
  kind: string,
  whatToAdd: string = kind,
): { error: (issue: { input?: unknown }) => string } {
  return {
    error: (issue) => (issue.input === undefined ? `is missing: add ${whatToAdd}` : `must be ${kind}`),
  };
}

/** A strict mapping: an unknown field is an error that names the fields allowed in that place. */
export function strictObject<const Shape extends z.core.$ZodShape>(shape: Shape) {
  const allowed = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code === 'unrecognized_keys') {
        const keys = issue.keys.map((key) => `"${key}"`).join(', ');
        return `unknown field ${keys}: remove it or fix its spelling (fields allowed here: ${allowed})`;
      }
      return issue.input === undefined ? 'is missing' : `must be a mapping with the fields ${allowed}`;
    },
  });
}
