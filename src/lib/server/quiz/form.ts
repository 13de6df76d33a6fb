/** Reading the quiz player's form posts: which attempt, which answers. No Astro imports: tests use it. */
import { formText } from '#src/lib/server/http/form-text.ts';
import type { PostedAnswers } from './attempt.ts';

export { formText };

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

/** What a submit request carries: the attempt and the answers posted with it (if any). */
export interface SubmitForm {
  attemptId: string;
  posted: PostedAnswers | undefined;
}

/**
 * Reads the submit endpoint's form body (see submit.ts); null when the body is not a form.
 * The answers are still in the ids the browser was shown: `submitAttempt` maps them back.
 */
export async function readSubmitForm(request: Request): Promise<SubmitForm | null> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return null;
  }
  return { attemptId: formText(form, 'attemptId'), posted: postedForSubmit(form) };
}
