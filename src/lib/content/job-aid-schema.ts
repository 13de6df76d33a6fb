/** The shape of a job aid spec in `src/content/job-aids/<id>.yaml`. Pure and isomorphic. */
import { z } from 'astro/zod';

const fieldId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u, {
  error: 'use lower-case letters, digits and single hyphens, like "worker-name"',
});
const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(max, { error: `must be at most ${max} characters` });

const label = text(200);

const textField = z.strictObject({ id: fieldId, label, type: z.literal('text') });
const dateField = z.strictObject({ id: fieldId, label, type: z.literal('date') });
const checkboxField = z.strictObject({ id: fieldId, label, type: z.literal('checkbox') });
const multilineField = z.strictObject({
  id: fieldId,
  label,
  type: z.literal('multiline'),
  lines: z
    .int({ error: 'must be a whole number' })
    .min(1, { error: 'must be from 1 to 20' })
    .max(20, { error: 'must be from 1 to 20' })
    .optional(),
});
const choiceField = z.strictObject({
  id: fieldId,
  label,
  type: z.literal('choice'),
  options: z
    .array(text(80), { error: 'options must be a list, like [Yes, No]' })
    .min(2, { error: 'a choice needs at least two options' })
    .refine((options) => new Set(options).size === options.length, { error: 'options must not repeat' }),
});

const field = z.discriminatedUnion(
  'type',
  [textField, multilineField, dateField, choiceField, checkboxField],
  {
    error: 'type must be one of text, multiline, date, choice, checkbox',
  },
);

const section = z.strictObject({
  heading: text(120),
  note: text(400).optional(),
  fields: z.array(field).min(1, { error: 'a section needs at least one field' }),
});

export const jobAidSchema = z
  .strictObject({
    title: text(120),
    description: text(600),
    order: z.int({ error: 'must be a whole number' }).min(0, { error: 'must be 0 or more' }),
    instructions: text(4000),
    sections: z.array(section).min(1, { error: 'a job aid needs at least one section' }),
  })
  .superRefine((spec, context) => {
    const seen = new Set<string>();
    spec.sections.forEach((sectionSpec, sectionIndex) => {
      sectionSpec.fields.forEach((fieldSpec, fieldIndex) => {
        if (seen.has(fieldSpec.id)) {
          context.addIssue({
            code: 'custom',
            path: ['sections', sectionIndex, 'fields', fieldIndex, 'id'],
            message: `field id "${fieldSpec.id}" is used twice; every field in a job aid needs its own id`,
          });
        }
        seen.add(fieldSpec.id);
      });
    });
  });

export type JobAidSpec = z.infer<typeof jobAidSchema>;
export type JobAidSection = JobAidSpec['sections'][number];
export type JobAidField = JobAidSection['fields'][number];

export type JobAidParseResult = { ok: true; spec: JobAidSpec } | { ok: false; problems: string[] };

/** Where an issue is, in words a trainer can find in the YAML: section heading, field id. */
function describePath(path: ReadonlyArray<PropertyKey>, data: unknown): string {
  const parts: string[] = [];
  let node: unknown = data;
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    const child: unknown =
      node !== null && typeof node === 'object'
        ? (node as Record<PropertyKey, unknown>)[key as PropertyKey]
        : undefined;
    if (typeof key === 'number' && path[i - 1] === 'sections') {
      const heading = (child as { heading?: unknown } | undefined)?.heading;
      parts.push(`section ${key + 1}${typeof heading === 'string' ? ` ("${heading}")` : ''}`);
    } else if (typeof key === 'number' && path[i - 1] === 'fields') {
      const id = (child as { id?: unknown } | undefined)?.id;
      parts.push(`field ${key + 1}${typeof id === 'string' ? ` ("${id}")` : ''}`);
    } else if (key !== 'sections' && key !== 'fields') {
      parts.push(String(key));
    }
    node = child;
  }
  return parts.join(' › ');
}

/**
 * Validates parsed YAML against `jobAidSchema`. Each problem names the file, the section and
 * the field, and says what to change.
 */
export function parseJobAid(fileName: string, data: unknown): JobAidParseResult {
  const result = jobAidSchema.safeParse(data);
  if (result.success) return { ok: true, spec: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => {
      const where = describePath(issue.path, data);
      const message =
        issue.code === 'unrecognized_keys'
          ? `unknown ${issue.keys.length === 1 ? 'key' : 'keys'} ${issue.keys.map((key) => `"${key}"`).join(', ')}: ` +
            'check the spelling or remove it' +
            (issue.keys.some((key) => key === 'lines' || key === 'options')
              ? ' (only multiline fields take "lines", only choice fields take "options")'
              : '')
          : issue.message;
      return `${fileName}${where ? `: ${where}` : ''}: ${message}`;
    }),
  };
}
