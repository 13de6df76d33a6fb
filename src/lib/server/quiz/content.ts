import { getCollection } from 'astro:content';
import { toQuizContent, type QuizContent, type QuizKind } from './source.ts';

let byKind: Promise<Record<QuizKind, Map<string, QuizContent>>> | undefined;

/**
 * Every module quiz and final assessment, parsed and versioned once per process: content is
 * immutable within a build, and the submit path must not re-hash a bank per request.
 */
function loadAll(): Promise<Record<QuizKind, Map<string, QuizContent>>> {
  byKind ??= (async () => {
    const [quizzes, assessments] = await Promise.all([
      getCollection('quizzes'),
      getCollection('assessments'),
    ]);
    return {
      module: new Map(quizzes.map((entry) => [entry.id, toQuizContent(entry.id, 'module', entry.data)])),
      assessment: new Map(
        assessments.map((entry) => [entry.id, toQuizContent(entry.id, 'assessment', entry.data)]),
      ),
    };
  })().catch((error: unknown) => {
    byKind = undefined;
    throw new Error('The quizzes could not be loaded from the content collections.', { cause: error });
  });
  return byKind;
}

/** The module quiz (id = module id) or final assessment with this id, or null. */
export async function getQuizContent(kind: QuizKind, id: string): Promise<QuizContent | null> {
  return (await loadAll())[kind].get(id) ?? null;
}

/** Every quiz and assessment, module quizzes first, each group by id. */
export async function listQuizContent(): Promise<QuizContent[]> {
  const all = await loadAll();
  const sorted = (map: Map<string, QuizContent>): QuizContent[] =>
    [...map.values()].sort((left, right) => left.id.localeCompare(right.id));
  return [...sorted(all.module), ...sorted(all.assessment)];
}
