import { sanitiseAnswers, type Answers, type TrueFalseAnswer } from './answers.ts';
import { orderById, resolveLayout, type AttemptLayout, type LayoutEntry } from './draw.ts';
import type { GradeResult, QuestionGrade } from './grading.ts';
import type { AnswerableQuestion, Quiz, QuizSettings } from './schema.ts';
import type { PublicAnswerable, PublicChoice, PublicQuestion } from '#src/lib/quiz/types.ts';

// The public shapes live in lib/quiz-types.ts because the quiz player island uses them too.
export type { PublicChoice, PublicQuestion };

function choices(entries: ReadonlyArray<{ id: string; text: string }>, order: unknown): PublicChoice[] {
  // Copy field by field: spreading would carry `correct`, `match` or `feedback` along.
  return orderById(entries, order).map((entry) => ({ id: entry.id, text: entry.text }));
}

function publicAnswerable(question: AnswerableQuestion, entry: LayoutEntry): PublicAnswerable {
  const { id, prompt } = question;
  switch (question.type) {
    case 'single':
    case 'multiple':
      return { id, type: question.type, prompt, options: choices(question.options, entry.optionOrder) };
    case 'truefalse':
      return { id, type: 'truefalse', prompt };
    case 'ordering':
      return { id, type: 'ordering', prompt, items: choices(question.items, entry.itemOrder) };
    case 'matching':
      return {
        id,
        type: 'matching',
        prompt,
        premises: choices(question.premises, entry.premiseOrder),
        responses: choices(question.responses, entry.responseOrder),
      };
  }
}

/**
 * The drawn questions as the browser may see them during an attempt, in the frozen orders:
 * ids, type, prompt, scenario text and option/item/premise/response texts, nothing else.
 */
export function toPublicQuestions(quiz: Quiz, layout: AttemptLayout): PublicQuestion[] {
  return resolveLayout(quiz, layout).map(({ question, entry, subQuestions }) => {
    if (question.type !== 'scenario') return publicAnswerable(question, entry);
    const scenario: PublicQuestion = {
      id: question.id,
      type: 'scenario',
      scenario: question.scenario,
      questions: subQuestions.map((sub) => publicAnswerable(sub.question, sub.entry)),
    };
    if (question.prompt !== undefined) scenario.prompt = question.prompt;
    return scenario;
  });
}

/** Whether the per-question review may be shown, from `settings.review` and the attempt's result. */
export function canShowReview(settings: Pick<QuizSettings, 'review'>, passed: boolean): boolean {
  switch (settings.review) {
    case 'after-submit':
      return true;
    case 'after-pass':
      return passed;
    case 'never':
      return false;
  }
}

export interface ReviewOption extends PublicChoice {
  chosen: boolean;
  /** Only when correct answers may be shown. */
  correct?: boolean;
  /** Always for a chosen option; for the others only when correct answers may be shown. */
  feedback?: string;
}

/** An ordering item in the learner's order. */
export interface ReviewOrderedItem extends PublicChoice {
  /** Only when correct answers may be shown. */
  inRightPlace?: boolean;
}

export interface ReviewPremise extends PublicChoice {
  chosenResponseId: string | null;
  /** Only when correct answers may be shown, as is `correctResponseId`. */
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
  /** Only when correct answers may be shown. */
  explanation?: string;
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
  showCorrectAnswers: boolean;
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
  // An explanation says why the right answer is right, so it is part of the key.
  if (question.explanation !== undefined && context.showCorrectAnswers)
    base.explanation = question.explanation;
  return base;
}

function reviewAnswerable(
  question: AnswerableQuestion,
  entry: LayoutEntry,
  context: ReviewContext,
): ReviewAnswerable {
  const base = { ...reviewBase(question, context), prompt: question.prompt };
  const answer = Object.hasOwn(context.answers, question.id) ? context.answers[question.id] : undefined;
  const reveal = context.showCorrectAnswers;
  switch (question.type) {
    case 'single':
    case 'multiple': {
      const chosen = new Set(typeof answer === 'string' ? [answer] : Array.isArray(answer) ? answer : []);
      const options = orderById(question.options, entry.optionOrder).map((option) => {
        const reviewed: ReviewOption = { id: option.id, text: option.text, chosen: chosen.has(option.id) };
        if (reveal) reviewed.correct = option.correct;
        if (option.feedback !== undefined && (reveal || reviewed.chosen)) reviewed.feedback = option.feedback;
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
            const shown: ReviewOrderedItem = { id: item.id, text: item.text };
            if (reveal) shown.inRightPlace = question.items[index]?.id === item.id;
            return [shown];
          }),
      };
      if (reveal) reviewed.correctOrder = question.items.map((item) => ({ id: item.id, text: item.text }));
      return reviewed;
    }
    case 'matching': {
      const matches =
        answer !== undefined && typeof answer === 'object' && !Array.isArray(answer) ? answer : {};
      const premises = orderById(question.premises, entry.premiseOrder).map((premise) => {
        const chosenResponseId = Object.hasOwn(matches, premise.id) ? (matches[premise.id] ?? null) : null;
        const reviewed: ReviewPremise = { id: premise.id, text: premise.text, chosenResponseId };
        if (reveal) {
          reviewed.correct = chosenResponseId === premise.match;
          reviewed.correctResponseId = premise.match;
        }
        return reviewed;
      });
      return {
        ...base,
        type: 'matching',
        premises,
        responses: choices(question.responses, entry.responseOrder),
      };
    }
  }
}

/**
 * The per-question review of a submitted attempt: the learner's answers, points, option feedback
 * and explanations. Which answers were right, and the explanations (which give the key away), are
 * included only when `showCorrectAnswers` is set.
 * Check `canShowReview` first: this function does not apply `settings.review`.
 */
export function toReview(
  quiz: Quiz,
  layout: AttemptLayout,
  answers: Answers,
  grade: GradeResult,
  options: { showCorrectAnswers: boolean },
): ReviewQuestion[] {
  const grades = new Map<string, QuestionGrade>();
  for (const questionGrade of grade.questions) {
    if (!grades.has(questionGrade.questionId)) grades.set(questionGrade.questionId, questionGrade);
  }
  const context: ReviewContext = {
    answers: sanitiseAnswers(answers, layout, quiz),
    grades,
    showCorrectAnswers: options.showCorrectAnswers,
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
