import type { APIRoute } from 'astro';
import { handleQuizSubmit } from '#src/lib/server/quiz/submit.ts';

/** Submits the signed-in learner's final assessment attempt (see lib/server/quiz-submit.ts). */
export const POST: APIRoute = (context) => handleQuizSubmit(context, true);
