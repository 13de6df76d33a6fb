/**
 * What a translation must keep from the English file (docs/content-format.md, "Languages"):
 * everything but the words. Each function compares an English piece with its translation and
 * returns `field: what differs` phrases (empty when they agree); content:check puts the file in
 * front. Pure, so every rule has a unit test.
 */
import type { ComponentUse } from './mdx-scan.ts';
import type { CourseData, HandbookChapterData, LessonData, ModuleData } from './schema.ts';

/** Component props and quiz fields that hold words: translated, so only their presence is compared. */
const TEXT_KEYS = new Set([
  'title',
  'summary',
  'alt',
  'caption',
  'question',
  'text',
  'feedback',
  'explanation',
  'prompt',
  'scenario',
  'term',
  'definition',
  'signatoryTitle',
]);

const TEXT = '«text»';

/**
 * The value with every text replaced by a marker: strings under a text key (or in a list under
 * one) become `«text»`, so two versions compare equal when only their words differ.
 */
export function structureOf(
  value: unknown,
  textKeys: ReadonlySet<string> = TEXT_KEYS,
  isText = false,
): unknown {
  if (Array.isArray(value)) return value.map((item) => structureOf(item, textKeys, isText));
  if (typeof value === 'string') return isText ? TEXT : value;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, structureOf(item, textKeys, textKeys.has(key))]),
    );
  }
  return value;
}

const show = (value: unknown): string => (value === undefined ? 'nothing' : JSON.stringify(value));

/**
 * The first place two structures differ, as `path: English has X, the translation has Y`, or
 * null when they are the same. Lists are compared item by item, so a missing or extra option
 * shows as a length difference at the list's path.
 */
export function firstDifference(english: unknown, translated: unknown, path = ''): string | null {
  if (Array.isArray(english) && Array.isArray(translated)) {
    if (english.length !== translated.length)
      return `${path || 'the list'}: English has ${english.length} item(s), the translation ${translated.length}`;
    for (let index = 0; index < english.length; index++) {
      const found = firstDifference(english[index], translated[index], `${path}[${index}]`);
      if (found) return found;
    }
    return null;
  }
  if (
    typeof english === 'object' &&
    english !== null &&
    !Array.isArray(english) &&
    typeof translated === 'object' &&
    translated !== null &&
    !Array.isArray(translated)
  ) {
    const a = english as Record<string, unknown>;
    const b = translated as Record<string, unknown>;
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const found = firstDifference(a[key], b[key], path ? `${path}.${key}` : key);
      if (found) return found;
    }
    return null;
  }
  if (english === translated) return null;
  if (english === TEXT || translated === TEXT)
    return `${path}: ${english === TEXT ? 'English has text here, the translation has none' : 'the translation has text here, English has none'}`;
  return `${path}: English has ${show(english)}, the translation has ${show(translated)}`;
}

/** Lesson front matter: all but `title` and the words of `sources` must match. */
export function compareLessonFrontMatter(english: LessonData, translated: LessonData): string[] {
  const found = firstDifference(
    structureOf({ ...english, sources: english.sources.map(() => TEXT) }, new Set(['title'])),
    structureOf({ ...translated, sources: translated.sources.map(() => TEXT) }, new Set(['title'])),
  );
  return found ? [found] : [];
}

/**
 * A picture may have a translated version beside it: `/images/x.svg` → `/images/x-ms.svg`.
 * Any other change of `src` is a structural difference.
 */
function sameFigure(englishSrc: unknown, translatedSrc: unknown, locale: string): boolean {
  if (typeof englishSrc !== 'string' || typeof translatedSrc !== 'string')
    return englishSrc === translatedSrc;
  return (
    translatedSrc === englishSrc || translatedSrc === englishSrc.replace(/(\.[a-z0-9]+)$/i, `-${locale}$1`)
  );
}

/**
 * The components of a lesson body: the same components in the same order, with the same
 * non-text props (ids, sources, types, aids, correct flags, number of options).
 */
export function compareComponents(
  english: ReadonlyArray<ComponentUse>,
  translated: ReadonlyArray<ComponentUse>,
  locale: string,
): string[] {
  const problems: string[] = [];
  const count = Math.max(english.length, translated.length);
  for (let index = 0; index < count; index++) {
    const a = english[index];
    const b = translated[index];
    if (!a || !b) {
      const extra = a ?? b;
      problems.push(
        `line ${b?.line ?? '(end)'}: the English version has ${english.length} component(s), the translation ${translated.length}` +
          (extra ? `: <${extra.name}> at English line ${a?.line ?? '?'} has no counterpart` : ''),
      );
      break;
    }
    if (a.name !== b.name) {
      problems.push(
        `line ${b.line}: <${b.name}> stands where the English version has <${a.name}> (English line ${a.line}): keep the components in the same order`,
      );
      break;
    }
    const englishProps = { ...a.attributes };
    const translatedProps = { ...b.attributes };
    if (a.name === 'Figure' && sameFigure(englishProps.src, translatedProps.src, locale)) {
      delete englishProps.src;
      delete translatedProps.src;
    }
    const found = firstDifference(structureOf(englishProps), structureOf(translatedProps));
    if (found) problems.push(`line ${b.line}: <${b.name}>: ${found}`);
  }
  return problems;
}

/** module.yaml: the same order, flags and aliases, glossary ids in order, and as many objectives and references. */
export function compareModules(english: ModuleData, translated: ModuleData): string[] {
  const shape = (data: ModuleData) =>
    structureOf({
      ...data,
      objectives: data.objectives.map(() => TEXT),
      references: data.references.map(() => TEXT),
    });
  const found = firstDifference(shape(english), shape(translated));
  return found ? [found] : [];
}

/** A course file: everything but the title, summary and certificate wording. */
export function compareCourses(english: CourseData, translated: CourseData): string[] {
  const found = firstDifference(structureOf(english), structureOf(translated));
  return found ? [found] : [];
}

/** A handbook chapter's front matter: the same order. */
export function compareHandbookChapters(
  english: HandbookChapterData,
  translated: HandbookChapterData,
): string[] {
  const found = firstDifference(structureOf(english), structureOf(translated));
  return found ? [found] : [];
}

interface QuizLike {
  settings: unknown;
  questions: ReadonlyArray<{ id: string }>;
}

/**
 * A quiz or final assessment: the same settings and, item by item, the same ids, types, correct
 * flags, answers, matches, points, competencies, modules and order. One phrase per item that
 * differs, named by the English item's id.
 */
export function compareQuizzes(english: QuizLike, translated: QuizLike): string[] {
  const problems: string[] = [];
  const settings = firstDifference(english.settings, translated.settings, 'settings');
  if (settings) problems.push(settings);
  if (english.questions.length !== translated.questions.length) {
    problems.push(
      `questions: English has ${english.questions.length} item(s), the translation ${translated.questions.length}`,
    );
  }
  english.questions.forEach((question, index) => {
    const other = translated.questions[index];
    if (!other) return;
    const found = firstDifference(structureOf(question), structureOf(other), `questions[${index}]`);
    if (found) problems.push(`item "${question.id}": ${found}`);
  });
  return problems;
}
