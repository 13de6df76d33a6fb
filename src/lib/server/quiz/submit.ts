/**
 * The submit endpoint of the quiz player (module quiz and final assessment). Submission is the
 * hot path, so it is a plain endpoint rather than an action on the player page: the page would be
 * rendered (CSP hashes and all) only to redirect. It keeps the action contract: the origin check
 * applies, access is decided here, and the answer is a 303 redirect (POST/redirect/GET).
 */
import type { APIContext } from 'astro';
import type { QuizTarget } from '#src/lib/quiz/access.ts';
import { quizHref, quizResultHref, quizTakeHref } from '#src/lib/quiz/paths.ts';
import { getDb } from '#src/lib/server/app.ts';
import { getCatalogue } from '#src/lib/server/content/course.ts';
import { recordCompletions } from '#src/lib/server/completion.ts';
import { refreshProgressPercentsOf } from '#src/lib/server/learning/progress-percent.ts';
import { submitAttempt } from './attempt.ts';
import { readSubmitForm } from './form.ts';
import { findQuizPlace } from './page.ts';

/** Grades the signed-in user's attempt and redirects to its result (or back to the quiz). */
export async function handleQuizSubmit(context: APIContext, final: boolean): Promise<Response> {
  const params = { course: context.params.course, module: context.params.module };
  const guess: QuizTarget = { courseId: params.course ?? '', moduleId: final ? null : (params.module ?? '') };
  const user = context.locals.user;
  if (!user)
    return context.redirect(`/sign-in?next=${encodeURIComponent(quizTakeHref(guess))}&expired=1`, 303);
  const place = await findQuizPlace(user, params, final);
  if (!place) return new Response(null, { status: 404 });
  const form = await readSubmitForm(context.request);
  if (!form) return context.redirect(quizTakeHref(place.target), 303);
  const db = await getDb();
  const catalogue = await getCatalogue();
  const now = Date.now();
  const result = await submitAttempt(
    db,
    place.content,
    { userId: user.id, attemptId: form.attemptId, posted: form.posted },
    now,
    // A first pass changes the learner's % complete: keep the reports' copy in the same transaction.
    (orm) => refreshProgressPercentsOf(orm, catalogue, user.id),
  );
  if (!result.ok) return context.redirect(quizHref(place.target), 303);
  // Passing for the first time can complete a module or the course: record it now.
  if (result.firstPass) await recordCompletions(db, catalogue, user.id, now);
  const ended = result.endedBy === 'time' ? '?ended=time' : '';
  return context.redirect(`${quizResultHref(place.target, result.attemptNumber)}${ended}`, 303);
}
