import { formatMessage } from '#src/i18n/format.ts';
import type { QuizPlayerLabels } from '#src/lib/quiz/types.ts';

/**
 * Fills a label the server translated: `{name}` placeholders and ICU plurals, with numbers and
 * plural forms in the labels' language (the same rules as the server's translator).
 */
export function formatLabel(
  labels: Pick<QuizPlayerLabels, 'tag'>,
  template: string,
  params: Record<string, string | number>,
): string {
  return formatMessage(template, params, labels.tag);
}
