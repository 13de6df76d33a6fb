import type { Quiz } from './schema.ts';
import { quizContentVersion } from './version.ts';

/** A module quiz (id = module id) or a final assessment (id = assessment id). */
export type QuizKind = 'module' | 'assessment';

/** A quiz as the attempt functions need it: parsed content, its id and its content version. */
export interface QuizContent {
  id: string;
  kind: QuizKind;
  quiz: Quiz;
  /** `quizContentVersion(quiz)`: attempts record it, so a later change of the bank is noticed. */
  version: string;
}

/** Wraps parsed quiz content with its id and version. The version is computed once, here. */
export function toQuizContent(id: string, kind: QuizKind, quiz: Quiz): QuizContent {
  return { id, kind, quiz, version: quizContentVersion(quiz) };
}
