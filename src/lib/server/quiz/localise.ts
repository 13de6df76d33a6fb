/**
 * Quiz text in the learner's language. A translated bank (modules/<m>/ms/quiz.yaml,
 * assessments/ms/<id>.yaml) repeats the English bank's ids and key with the text translated.
 * Only its text is used: ids, points, the key and the settings always come from the English
 * bank, so the draw, the tokens and the grade never depend on the language. A question the
 * translation lacks, or whose parts do not line up with the English one, is shown in English.
 */
import type { AnswerableQuestion, Question, Quiz } from './schema.ts';

export interface LocalisedQuiz {
  /** The English bank with the translated text put in where it lines up. */
  quiz: Quiz;
  /** Ids of questions (and scenario sub-questions) shown in English. */
  untranslated: ReadonlySet<string>;
}

function sameIds(left: ReadonlyArray<{ id: string }>, right: ReadonlyArray<{ id: string }>): boolean {
  if (left.length !== right.length) return false;
  const ids = new Set(right.map((entry) => entry.id));
  return left.every((entry) => ids.has(entry.id));
}

/** Texts of `translated` laid over `parts`, by id (the list must line up: `sameIds`). */
function overlay<T extends { id: string; text: string; feedback?: string }>(
  parts: readonly T[],
  translated: ReadonlyArray<{ id: string; text: string; feedback?: string }>,
): T[] {
  const byId = new Map(translated.map((part) => [part.id, part]));
  return parts.map((part) => {
    const other = byId.get(part.id);
    if (!other) return part;
    const out: T = { ...part, text: other.text };
    if (part.feedback !== undefined) out.feedback = other.feedback ?? part.feedback;
    return out;
  });
}

function withText<T extends { prompt: string; explanation?: string }>(
  question: T,
  other: { prompt: string; explanation?: string },
): T {
  const out: T = { ...question, prompt: other.prompt };
  if (question.explanation !== undefined) out.explanation = other.explanation ?? question.explanation;
  return out;
}

/** The translated answerable question, or null when it does not line up with the English one. */
function localiseAnswerable(
  question: AnswerableQuestion,
  other: Question | undefined,
): AnswerableQuestion | null {
  if (!other || other.type !== question.type) return null;
  switch (question.type) {
    case 'single':
    case 'multiple':
      if ((other.type !== 'single' && other.type !== 'multiple') || !sameIds(question.options, other.options))
        return null;
      return { ...withText(question, other), options: overlay(question.options, other.options) };
    case 'truefalse':
      return withText(question, other as Extract<Question, { type: 'truefalse' }>);
    case 'ordering':
      if (other.type !== 'ordering' || !sameIds(question.items, other.items)) return null;
      return { ...withText(question, other), items: overlay(question.items, other.items) };
    case 'matching':
      if (
        other.type !== 'matching' ||
        !sameIds(question.premises, other.premises) ||
        !sameIds(question.responses, other.responses)
      )
        return null;
      return {
        ...withText(question, other),
        premises: overlay(question.premises, other.premises),
        responses: overlay(question.responses, other.responses),
      };
  }
}

/**
 * `base` (English) with the text of `translation` where a question's ids line up, and the ids
 * of the questions left in English. Without a translation every question is in English.
 */
export function localiseQuiz(base: Quiz, translation: Quiz | null): LocalisedQuiz {
  const untranslated = new Set<string>();
  if (!translation) {
    for (const question of base.questions) {
      untranslated.add(question.id);
      if (question.type === 'scenario') for (const sub of question.questions) untranslated.add(sub.id);
    }
    return { quiz: base, untranslated };
  }
  const others = new Map(translation.questions.map((question) => [question.id, question]));
  const questions = base.questions.map((question): Question => {
    const other = others.get(question.id);
    if (question.type !== 'scenario') {
      const localised = localiseAnswerable(question, other);
      if (!localised) untranslated.add(question.id);
      return localised ?? question;
    }
    const otherScenario = other?.type === 'scenario' ? other : null;
    if (!otherScenario) untranslated.add(question.id);
    const subs = new Map((otherScenario?.questions ?? []).map((sub) => [sub.id, sub]));
    const out: Question = {
      ...question,
      questions: question.questions.map((sub) => {
        const localised = localiseAnswerable(sub, subs.get(sub.id));
        if (!localised) untranslated.add(sub.id);
        return localised ?? sub;
      }),
    };
    if (otherScenario) {
      out.scenario = otherScenario.scenario;
      if (question.prompt !== undefined) out.prompt = otherScenario.prompt ?? question.prompt;
      if (question.explanation !== undefined)
        out.explanation = otherScenario.explanation ?? question.explanation;
    }
    return out;
  });
  return { quiz: { ...base, title: translation.title, questions }, untranslated };
}
