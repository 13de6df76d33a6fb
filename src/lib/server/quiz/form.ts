/** Reading the quiz player's form posts: which quiz, which attempt, which answers. */
import type { PostedAnswers } from './attempt.ts';
import { getQuizContent } from './content.ts';
import type { QuizContent } from './source.ts';

/** The quiz a form or the island names as `module:<id>` or `assessment:<id>`, or null. */
export async function quizFromRef(ref: unknown): Promise<QuizContent | null> {
  if (typeof ref !== 'string') return null;
  const [kind, id, ...rest] = ref.split(':');
  if (rest.length > 0 || !id || (kind !== 'module' && kind !== 'assessment')) return null;
  return getQuizContent(kind, id);
}

/** A text field of a form, '' when missing or a file. */
export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

/** A 0-based page number of the player form, or null. */
export function formPage(value: string): number | null {
  return /^\d{1,4}$/.test(value) ? Number(value) : null;
}

/** The answer fields of a player form: the `q:` fields, nothing else. */
export function formAnswerFields(form: FormData): [string, string][] {
  const fields: [string, string][] = [];
  for (const [name, value] of form.entries()) {
    if (name.startsWith('q:') && typeof value === 'string') fields.push([name, value]);
  }
  return fields;
}

/**
 * The answers a submit form carries, from its `scope`: `all` (the island sends every answer),
 * a page number (one page of the plain form), or anything else (the confirmation step, which
 * submits the saved answers only).
 */
export function postedForSubmit(form: FormData): PostedAnswers | undefined {
  const scope = formText(form, 'scope');
  if (scope === 'all') return { from: 'form', fields: formAnswerFields(form), page: 'all' };
  const page = formPage(scope);
  return page === null ? undefined : { from: 'form', fields: formAnswerFields(form), page };
}
