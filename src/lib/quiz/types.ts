/**
 * Types shared by the quiz pages and the quiz player island. Isomorphic: nothing here may carry
 * an answer key, feedback or an explanation, because these shapes reach the browser.
 */

/** An option, item, premise or response as the learner sees it. */
export interface PublicChoice {
  id: string;
  text: string;
}

/** Set on a question shown in English because the learner's language has no translation of it. */
interface Untranslated {
  untranslated?: boolean;
}

/**
 * A question as the browser may see it before submission: no key, feedback or explanation.
 * Choice ids are opaque tokens drawn for this attempt, never the authored ids.
 */
export type PublicAnswerable = Untranslated &
  (
    | { id: string; type: 'single' | 'multiple'; prompt: string; options: PublicChoice[] }
    | { id: string; type: 'truefalse'; prompt: string }
    | { id: string; type: 'ordering'; prompt: string; items: PublicChoice[] }
    | { id: string; type: 'matching'; prompt: string; premises: PublicChoice[]; responses: PublicChoice[] }
  );

export type PublicQuestion =
  | PublicAnswerable
  | (Untranslated & {
      id: string;
      type: 'scenario';
      prompt?: string;
      scenario: string;
      questions: PublicAnswerable[];
    });

/**
 * One saved answer: an option id (single), `'true'`/`'false'` (true/false), option ids
 * (multiple), item ids in order (ordering) or premise id → response id (matching).
 */
export type PlayerAnswer = string | string[] | Record<string, string>;

/** Saved answers keyed by answerable question id. */
export type PlayerAnswers = Record<string, PlayerAnswer>;

/** Every string the player shows, already translated on the server. */
export interface QuizPlayerLabels {
  /** BCP 47 tag of the language these labels are in: numbers and plural forms follow it. */
  tag: string;
  questionNumber: string;
  questionOf: string;
  answeredOf: string;
  previous: string;
  next: string;
  save: string;
  reviewAndSubmit: string;
  backToQuestions: string;
  submit: string;
  submitting: string;
  reviewTitle: string;
  reviewLead: string;
  unansweredWarning: string;
  answered: string;
  notAnswered: string;
  goToQuestion: string;
  chooseOne: string;
  chooseAll: string;
  trueLabel: string;
  falseLabel: string;
  position: string;
  positionOf: string;
  moveUp: string;
  moveDown: string;
  moved: string;
  /** The ordering question's box: the learner confirms the order shown is their answer. */
  orderConfirm: string;
  orderConfirmHint: string;
  matchChoose: string;
  scenarioLabel: string;
  saving: string;
  saved: string;
  saveFailed: string;
  notSavedYet: string;
  timeLeft: string;
  timeWarning5: string;
  timeWarning1: string;
  timeUp: string;
  noTimeLimit: string;
  pageOf: string;
  /** Note on a question shown in English because it has no translation yet. */
  untranslated: string;
}

/** Everything the quiz player island receives. Plain data only. */
export interface QuizPlayerProps {
  attemptId: string;
  /** `module:<id>` or `assessment:<id>`: which quiz the attempt belongs to. */
  quizRef: string;
  /** Drawn questions in the frozen order, from `toPublicQuestions`. */
  questions: PublicQuestion[];
  /** The learner's own saved answers. */
  answers: PlayerAnswers;
  /** Top-level question ids per page of the form that works without JavaScript. */
  pages: string[][];
  /** 0-based page shown by the server-rendered form. */
  page: number;
  /** When the attempt ends (ms since epoch), or null without a time limit. */
  deadlineAt: number | null;
  /** The server clock when the page was rendered, so the timer ignores a wrong device clock. */
  serverNow: number;
  /** Form action (URL) that saves a page and moves between pages. */
  savePageAction: string;
  /** Form action (URL) that submits the attempt for marking. */
  submitAction: string;
  /** Where to go when the server says the attempt has ended (time up, submitted elsewhere). */
  endedHref: string;
  labels: QuizPlayerLabels;
  /** BCP 47 language tag and time zone for the times the player shows. */
  locale: string;
  timeZone: string;
}
