import { getCollection } from 'astro:content';
import type { Locale } from '#src/i18n/index.ts';
import { localiseQuiz, type LocalisedQuiz } from './localise.ts';
import type { Quiz } from './schema.ts';
import { toQuizContent, type QuizContent, type QuizKind } from './source.ts';

interface LoadedQuizzes {
  byKind: Record<QuizKind, Map<string, QuizContent>>;
  /** Bahasa Malaysia text of the banks, by kind and id (text only: see localise.ts). */
  malay: Record<QuizKind, Map<string, Quiz>>;
}

let loaded: Promise<LoadedQuizzes> | undefined;

/**
 * Every module quiz and final assessment, parsed and versioned once per process: content is
 * immutable within a build, and the submit path must not re-hash a bank per request.
 */
function loadAll(): Promise<LoadedQuizzes> {
  loaded ??= (async () => {
    const [quizzes, assessments, quizzesMs, assessmentsMs] = await Promise.all([
      getCollection('quizzes'),
      getCollection('assessments'),
      getCollection('quizzesMs'),
      getCollection('assessmentsMs'),
    ]);
    return {
      byKind: {
        module: new Map(quizzes.map((entry) => [entry.id, toQuizContent(entry.id, 'module', entry.data)])),
        assessment: new Map(
          assessments.map((entry) => [entry.id, toQuizContent(entry.id, 'assessment', entry.data)]),
        ),
      },
      malay: {
        module: new Map(quizzesMs.map((entry) => [entry.id, entry.data])),
        assessment: new Map(assessmentsMs.map((entry) => [entry.id, entry.data])),
      },
    };
  })().catch((error: unknown) => {
    loaded = undefined;
    throw new Error('The quizzes could not be loaded from the content collections.', { cause: error });
  });
  return loaded;
}

/** The module quiz (id = module id) or final assessment with this id, or null. */
export async function getQuizContent(kind: QuizKind, id: string): Promise<QuizContent | null> {
  return (await loadAll()).byKind[kind].get(id) ?? null;
}

/** The quiz a form or the island names as `module:<id>` or `assessment:<id>`, or null. */
export async function quizFromRef(ref: unknown): Promise<QuizContent | null> {
  if (typeof ref !== 'string') return null;
  const [kind, id, ...rest] = ref.split(':');
  if (rest.length > 0 || !id || (kind !== 'module' && kind !== 'assessment')) return null;
  return getQuizContent(kind, id);
}

const localised = new Map<string, LocalisedQuiz>();

/**
 * The bank's text in `locale`, for showing questions, results and reviews: English as written,
 * Bahasa Malaysia from the translated bank with English for any question it lacks. Grading
 * always uses `content.quiz`. Made once per quiz and language.
 */
export async function getQuizText(content: QuizContent, locale: Locale): Promise<LocalisedQuiz> {
  if (locale === 'en') return { quiz: content.quiz, untranslated: new Set() };
  const key = `${content.kind}:${content.id}:${locale}`;
  let text = localised.get(key);
  if (!text) {
    const translation = (await loadAll()).malay[content.kind].get(content.id) ?? null;
    text = localiseQuiz(content.quiz, translation);
    localised.set(key, text);
  }
  return text;
}

/** Every quiz and assessment, module quizzes first, each group by id. */
export async function listQuizContent(): Promise<QuizContent[]> {
  const { byKind } = await loadAll();
  const sorted = (map: Map<string, QuizContent>): QuizContent[] =>
    [...map.values()].sort((left, right) => left.id.localeCompare(right.id));
  return [...sorted(byKind.module), ...sorted(byKind.assessment)];
}
