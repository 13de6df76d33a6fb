/**
 * Reading the assignment and marking forms. Field names: `answer:<part id>` (text),
 * `file:<part id>` (a PDF), `level:<criterion id>` and `comment:<criterion id>` (marking).
 * No Astro imports: tests use it.
 */
import { formText } from '#src/lib/server/http/form-text.ts';
import type { Marks } from '#src/lib/assignment/rubric.ts';
import { decisions, type MarkingDecision } from '#src/lib/assignment/marking.ts';

export { formText };

/** The `answer:` fields: text answers by part id. */
export function formAnswers(form: FormData): Record<string, string> {
  const answers: Record<string, string> = {};
  for (const [name, value] of form.entries()) {
    if (name.startsWith('answer:') && typeof value === 'string')
      answers[name.slice('answer:'.length)] = value;
  }
  return answers;
}

/** The `file:` fields that carry a file (an empty file input sends a nameless, empty file). */
export function formFiles(form: FormData): { partId: string; file: File }[] {
  const files: { partId: string; file: File }[] = [];
  for (const [name, value] of form.entries()) {
    if (!name.startsWith('file:') || typeof value === 'string') continue;
    if (value.size === 0 && value.name === '') continue;
    files.push({ partId: name.slice('file:'.length), file: value });
  }
  return files;
}

/** Levels and comments by criterion id. */
export function formMarks(form: FormData): Marks {
  const marks: Record<string, { level: string; comment: string }> = {};
  for (const [name, value] of form.entries()) {
    if (typeof value !== 'string') continue;
    if (name.startsWith('level:')) {
      const id = name.slice('level:'.length);
      marks[id] = { level: value, comment: marks[id]?.comment ?? '' };
    } else if (name.startsWith('comment:')) {
      const id = name.slice('comment:'.length);
      marks[id] = { level: marks[id]?.level ?? '', comment: value };
    }
  }
  return marks;
}

export function formDecision(form: FormData): MarkingDecision | null {
  const value = formText(form, 'decision');
  return (decisions as readonly string[]).includes(value) ? (value as MarkingDecision) : null;
}
