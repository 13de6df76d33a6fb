import { sanitiseAnswers, type Answers, type TrueFalseAnswer } from './answers.ts';
import { orderById, resolveLayout, type AttemptLayout, type LayoutEntry } from './draw.ts';
import type { GradeResult, QuestionGrade } from './grading.ts';
import type { AnswerableQuestion, Quiz, QuizSettings } from './schema.ts';
import { publicIdOf, type ChoicePart } from './tokens.ts';
import type { PublicAnswerable, PublicChoice, PublicQuestion } from '#src/lib/quiz/types.ts';

// The public shapes live in lib/quiz/types.ts because the quiz player island uses them too.
export type { PublicChoice, PublicQuestion };

/**
 * The parts in their frozen order, each with the id the browser sees (its token) and its text.
 * Copied field by field: spreading would carry `correct`, `match` or `feedback` along. A part
 * without a token (added to the bank after the draw) is left out.
 */
function choices(
  entries: ReadonlyArray<{ id: string; text: string }>,
  entry: LayoutEntry,
  part: ChoicePart,
  order: unknown,
): PublicChoice[] {
  return orderById(entries, order).flatMap((choice) => {
    const id = publicIdOf(entry, part, choice.id);
    return id === undefined ? [] : [{ id, text: choice.text }];
  });
}

function publicAnswerable(
  question: AnswerableQuestion,
  entry: LayoutEntry,
  untranslated: ReadonlySet<string>,
): PublicAnswerable {
  const { id, prompt } = question;
  const shown = ((): PublicAnswerable => {
    switch (question.type) {
      case 'single':
      case 'multiple':
        return {
          id,
          type: question.type,
          prompt,
          options: choices(question.options, entry, 'options', entry.optionOrder),
        };
      case 'truefalse':
        return { id, type: 'truefalse', prompt };
      case 'ordering':
        return {
          id,
          type: 'ordering',
          prompt,
          items: choices(question.items, entry, 'items', entry.itemOrder),
        };
      case 'matching':
        return {
          id,
          type: 'matching',
          prompt,
          premises: choices(question.premises, entry, 'premises', entry.premiseOrder),
          responses: choices(question.responses, entry, 'responses', entry.responseOrder),
        };
    }
  })();
  if (untranslated.has(id)) shown.untranslated = true;
  return shown;
}

/**
 * The drawn questions as the browser may see them during an attempt, in the frozen orders:
 * question ids, type, prompt, scenario text and option/item/premise/response texts with their
 * opaque per-attempt ids, nothing else. `quiz` may be a translation (see localise.ts): the
 * layout and tokens do not depend on the language; `untranslated` lists questions shown in
 * English because the translation lacks them.
 */
export function toPublicQuestions(
  quiz: Quiz,
  layout: AttemptLayout,
  untranslated: ReadonlySet<string> = new Set(),
): PublicQuestion[] {
  return resolveLayout(quiz, layout).map(({ question, entry, subQuestions }) => {
    if (question.type !== 'scenario') return publicAnswerable(question, entry, untranslated);
    const scenario: PublicQuestion = {
      id: question.id,
      type: 'scenario',
      scenario: question.scenario,
      questions: subQuestions.map((sub) => publicAnswerable(sub.question, sub.entry, untranslated)),
    };
    if (question.prompt !== undefined) scenario.prompt = question.prompt;
    if (untranslated.has(question.id)) scenario.untranslated = true;
    return scenario;
  });
}

/** Where the learner stands when a review is asked for. */
export interface ReviewStanding {
  /** The attempt being reviewed passed. */
  attemptPassed: boolean;
  /** Any submitted attempt at this quiz passed. */
  passedAny: boolean;
  /** Submitted attempts so far. */
  used: number;
  /** Attempts left, or null when unlimited. */
  left: number | null;
}

/**
 * How much of an attempt's review the learner may see:
 * `hidden` no per-question review;
 * `marks` which questions were right or wrong and the learner's own answers (the key is never shown);
 * `teach` the same plus the explanations, but not which option, order or match was right;
 * `full` everything, the key included.
 */
export type ReviewLevel = 'hidden' | 'marks' | 'teach' | 'full';

/**
 * The review policy of docs/content-format.md. `settings.review` says when the per-question
 * review appears. With `showCorrectAnswers: false` it shows marks only (explanations may name
 * the answer, so they stay hidden too). Otherwise the key is shown once the learner has passed
 * or submitted `revealAnswersAfterAttempts` attempts (0: from the first); before that the review
 * teaches without giving the answers away.
 */
export function decideReviewLevel(
  settings: Pick<QuizSettings, 'review' | 'showCorrectAnswers' | 'revealAnswersAfterAttempts'>,
  standing: ReviewStanding,
): ReviewLevel {
  const visible = ((): boolean => {
    switch (settings.review) {
      case 'after-submit':
        return true;
      case 'after-pass':
        return standing.attemptPassed;
      case 'after-pass-or-last-attempt':
        return standing.passedAny || standing.left === 0;
      case 'never':
        return false;
    }
  })();
  if (!visible) return 'hidden';
  if (!settings.showCorrectAnswers) return 'marks';
  const revealed =
    standing.passedAny ||
    settings.revealAnswersAfterAttempts === 0 ||
    standing.used >= settings.revealAnswersAfterAttempts;
  return revealed ? 'full' : 'teach';
}

export interface ReviewOption extends PublicChoice {
  chosen: boolean;
  /** Only in a full review. */
  correct?: boolean;
  /** Full review: every option's feedback; teaching review: the chosen option's, single choice only. */
  feedback?: string;
}

/** An ordering item in the learner's order. */
export interface ReviewOrderedItem extends PublicChoice {
  /** Only in a full review. */
  inRightPlace?: boolean;
}

export interface ReviewPremise extends PublicChoice {
  chosenResponseId: string | null;
  /** Only in a full review, as is `correctResponseId`. */
  correct?: boolean;
  correctResponseId?: string;
}

interface ReviewBase {
  questionId: string;
  prompt: string;
  points: number;
  maxPoints: number;
  /** Full marks. */
  correct: boolean;
  explanation?: string;
  /** Shown in English: the learner's language has no translation of this question. */
  untranslated?: true;
}

export type ReviewAnswerable =
  | (ReviewBase & { type: 'single' | 'multiple'; options: ReviewOption[] })
  | (ReviewBase & { type: 'truefalse'; answer: TrueFalseAnswer | null; correctAnswer?: TrueFalseAnswer })
  | (ReviewBase & {
      type: 'ordering';
      answer: ReviewOrderedItem[] | null;
      correctOrder?: PublicChoice[];
    })
  | (ReviewBase & {
      type: 'matching';
      premises: ReviewPremise[];
      responses: PublicChoice[];
    });

export type ReviewQuestion =
  | ReviewAnswerable
  | (Omit<ReviewBase, 'prompt'> & {
      type: 'scenario';
      prompt?: string;
      scenario: string;
      questions: ReviewAnswerable[];
    });

interface ReviewContext {
  answers: Answers;
  grades: Map<string, QuestionGrade>;
  reveal: boolean;
  explain: boolean;
  untranslated: ReadonlySet<string>;
}

function reviewBase(
  question: { id: string; explanation?: string },
  context: ReviewContext,
): Omit<ReviewBase, 'prompt'> {
  const grade = context.grades.get(question.id);
  const base: Omit<ReviewBase, 'prompt'> = {
    questionId: question.id,
    points: grade?.points ?? 0,
    maxPoints: grade?.maxPoints ?? 0,
    correct: grade?.correct ?? false,
  };
  // The explanation teaches the idea behind the question; authors keep the key out of it.
  if (question.explanation !== undefined && context.explain) base.explanation = question.explanation;
  if (context.untranslated.has(question.id)) base.untranslated = true;
  return base;
}

/** A part as the review shows it: the id the attempt used, and its text. */
function shownPart(entry: LayoutEntry, part: ChoicePart, choice: { id: string; text: string }): PublicChoice {
  return { id: publicIdOf(entry, part, choice.id) ?? choice.id, text: choice.text };
}

function reviewAnswerable(
  question: AnswerableQuestion,
  entry: LayoutEntry,
  context: ReviewContext,
): ReviewAnswerable {
  const base = { ...reviewBase(question, context), prompt: question.prompt };
  const answer = Object.hasOwn(context.answers, question.id) ? context.answers[question.id] : undefined;
  const { reveal } = context;
  switch (question.type) {
    case 'single':
    case 'multiple': {
      const chosen = new Set(typeof answer === 'string' ? [answer] : Array.isArray(answer) ? answer : []);
      // Teaching: on a multiple-choice question, feedback on a ticked box would tell right boxes from wrong.
      const chosenFeedback = reveal || question.type === 'single';
      const options = orderById(question.options, entry.optionOrder).map((option) => {
        const reviewed: ReviewOption = {
          ...shownPart(entry, 'options', option),
          chosen: chosen.has(option.id),
        };
        if (reveal) reviewed.correct = option.correct;
        if (option.feedback !== undefined && (reveal || (reviewed.chosen && chosenFeedback)))
          reviewed.feedback = option.feedback;
        return reviewed;
      });
      return { ...base, type: question.type, options };
    }
    case 'truefalse': {
      const reviewed: ReviewAnswerable = {
        ...base,
        type: 'truefalse',
        answer: answer === 'true' || answer === 'false' ? answer : null,
      };
      if (reveal) reviewed.correctAnswer = question.answer ? 'true' : 'false';
      return reviewed;
    }
    case 'ordering': {
      const order = Array.isArray(answer) ? answer : null;
      const reviewed: ReviewAnswerable = {
        ...base,
        type: 'ordering',
        answer:
          order &&
          order.flatMap((itemId, index) => {
            const item = question.items.find((candidate) => candidate.id === itemId);
            if (!item) return [];
            const shown: ReviewOrderedItem = shownPart(entry, 'items', item);
            if (reveal) shown.inRightPlace = question.items[index]?.id === item.id;
            return [shown];
          }),
      };
      if (reveal) reviewed.correctOrder = question.items.map((item) => shownPart(entry, 'items', item));
      return reviewed;
    }
    case 'matching': {
      const matches =
        answer !== undefined && typeof answer === 'object' && !Array.isArray(answer) ? answer : {};
      const responseId = (id: string): string => publicIdOf(entry, 'responses', id) ?? id;
      const premises = orderById(question.premises, entry.premiseOrder).map((premise) => {
        const chosen = Object.hasOwn(matches, premise.id) ? (matches[premise.id] ?? null) : null;
        const reviewed: ReviewPremise = {
          ...shownPart(entry, 'premises', premise),
          chosenResponseId: chosen === null ? null : responseId(chosen),
        };
        if (reveal) {
          reviewed.correct = chosen === premise.match;
          reviewed.correctResponseId = responseId(premise.match);
        }
        return reviewed;
      });
      return {
        ...base,
        type: 'matching',
        premises,
        responses: orderById(question.responses, entry.responseOrder).map((response) =>
          shownPart(entry, 'responses', response),
        ),
      };
    }
  }
}

/**
 * The per-question review of a submitted attempt at `level` (from `decideReviewLevel`; never
 * call it for `hidden`): marks and the learner's answers; the explanations from `teach` on;
 * and in a full review which option, order or match was right and every option's feedback. `quiz` may be a
 * translation with the same ids and key (localise.ts); `untranslated` marks questions it lacks.
 */
export function toReview(
  quiz: Quiz,
  layout: AttemptLayout,
  answers: Answers,
  grade: GradeResult,
  options: { level: Exclude<ReviewLevel, 'hidden'>; untranslated?: ReadonlySet<string> },
): ReviewQuestion[] {
  const grades = new Map<string, QuestionGrade>();
  for (const questionGrade of grade.questions) {
    if (!grades.has(questionGrade.questionId)) grades.set(questionGrade.questionId, questionGrade);
  }
  const context: ReviewContext = {
    answers: sanitiseAnswers(answers, layout, quiz),
    grades,
    reveal: options.level === 'full',
    explain: options.level !== 'marks',
    untranslated: options.untranslated ?? new Set(),
  };
  return resolveLayout(quiz, layout).map(({ question, entry, subQuestions }) => {
    if (question.type !== 'scenario') return reviewAnswerable(question, entry, context);
    const reviewed: ReviewQuestion = {
      ...reviewBase(question, context),
      type: 'scenario',
      scenario: question.scenario,
      questions: subQuestions.map((sub) => reviewAnswerable(sub.question, sub.entry, context)),
    };
    if (question.prompt !== undefined) reviewed.prompt = question.prompt;
    return reviewed;
  });
}
