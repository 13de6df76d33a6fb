/**
 * What the quiz routes (module quiz and final assessment) share: finding the course, module and
 * quiz from the URL, following action results with a redirect, and loading the data each page
 * renders. Pages stay thin: they call one `load…` function and render its data or its Response.
 */
import type { AstroGlobal } from 'astro';
import { actions } from 'astro:actions';
import type { CourseView, ModuleView } from '#src/lib/learning/structure.ts';
import { decideQuizEligibility, type QuizEligibility, type QuizTarget } from '#src/lib/quiz/access.ts';
import { quizHref, quizResultHref, quizTakeHref } from '#src/lib/quiz/paths.ts';
import { paginateQuestions } from '#src/lib/quiz/rules.ts';
import type { PlayerAnswers, PublicQuestion } from '#src/lib/quiz/types.ts';
import { getDb } from '#src/lib/server/app.ts';
import { getCatalogue, viewFor } from '#src/lib/server/content/course.ts';
import { requireUser } from '#src/lib/server/account/guard.ts';
import { enrolmentIn, getLearningContext, progressIn } from '#src/lib/server/learning/context.ts';
import { toPublicAnswers } from './answers.ts';
import type { StartResult } from './attempt.ts';
import {
  getActiveAttempt,
  getQuizOverview,
  getSubmittedAttempt,
  type ActiveAttempt,
  type QuizOverview,
  type SubmittedAttempt,
} from './attempt-views.ts';
import { getQuizContent, getQuizText } from './content.ts';
import type { LocalisedQuiz } from './localise.ts';
import {
  decideReviewLevel,
  toPublicQuestions,
  toReview,
  type ReviewLevel,
  type ReviewQuestion,
} from './public-view.ts';
import type { QuizContent } from './source.ts';

export interface QuizPlace {
  target: QuizTarget;
  course: CourseView;
  module: ModuleView | null;
  content: QuizContent;
  /** `module:<id>` or `assessment:<id>`, posted back by the player forms. */
  quizRef: string;
}

/** The route's course, module and quiz in the view the user may see, or null (404). */
export async function findQuizPlace(
  user: App.Locals['user'],
  params: { course?: string | undefined; module?: string | undefined },
  final: boolean,
): Promise<QuizPlace | null> {
  const view = viewFor(await getCatalogue(), user);
  const course = view.course(params.course ?? '');
  if (!course) return null;
  const module = final ? null : (view.module(course.id, params.module ?? '') ?? null);
  if (!final && !module) return null;
  const quizId = final ? course.rules.finalAssessmentId : (module?.quizId ?? null);
  if (!quizId) return null;
  const kind = final ? 'assessment' : 'module';
  const content = await getQuizContent(kind, quizId);
  if (!content) return null;
  return {
    target: { courseId: course.id, moduleId: module?.id ?? null },
    course,
    module,
    content,
    quizRef: `${kind}:${quizId}`,
  };
}

function notFound(): Response {
  return new Response(null, { status: 404 });
}

function signInAgain(astro: AstroGlobal, here: string): Response {
  return astro.redirect(`/sign-in?next=${encodeURIComponent(here)}&expired=1`, 303);
}

export type StartProblem = Exclude<StartResult, { ok: true }>;

export interface LandingData {
  place: QuizPlace;
  /** The bank's text in the reader's language. */
  text: LocalisedQuiz;
  overview: QuizOverview | null;
  eligibility: QuizEligibility | null;
  startProblem: StartProblem | null;
  enrolment: ReturnType<typeof enrolmentIn>;
  progress: ReturnType<typeof progressIn>;
  now: number;
}

/** The landing page: what the quiz is, the learner's attempts, and Start / Resume. */
export async function loadQuizLanding(astro: AstroGlobal, final: boolean): Promise<Response | LandingData> {
  const { user } = astro.locals;
  const start = astro.getActionResult(actions.quiz.start);
  const params = { course: astro.params.course, module: astro.params.module };
  const guessTarget: QuizTarget = {
    courseId: params.course ?? '',
    moduleId: final ? null : (params.module ?? ''),
  };
  if (start?.data?.ok) return astro.redirect(quizTakeHref(guessTarget), 303);
  if (start?.error?.code === 'UNAUTHORIZED') return signInAgain(astro, quizHref(guessTarget));

  const context = await getLearningContext(user);
  const place = await findQuizPlace(user, params, final);
  if (!place) return notFound();
  const now = Date.now();
  const enrolment = enrolmentIn(context, place.course.id);
  const progress = progressIn(context, place.course.id);
  let overview: QuizOverview | null = null;
  let eligibility: QuizEligibility | null = null;
  if (user) {
    overview = await getQuizOverview(await getDb(), user.id, place.content, now, await getCatalogue());
    eligibility = decideQuizEligibility({
      user,
      course: place.course,
      enrolment,
      progress,
      target: place.target,
    });
  }
  const startProblem =
    start?.data && !start.data.ok
      ? start.data
      : start?.error
        ? ({ ok: false, reason: 'not-found' } as const)
        : null;
  if (startProblem) astro.response.status = startProblem.reason === 'not-found' ? 404 : 409;
  const text = await getQuizText(place.content, astro.locals.locale);
  return { place, text, overview, eligibility, startProblem, enrolment, progress, now };
}

export interface PlayerData {
  place: QuizPlace;
  text: LocalisedQuiz;
  attempt: ActiveAttempt;
  /** The drawn questions in the reader's language, with this attempt's opaque choice ids. */
  questions: PublicQuestion[];
  /** The learner's saved answers in those ids. */
  answers: PlayerAnswers;
  pages: string[][];
  page: number;
  review: boolean;
  saved: boolean;
  now: number;
}

/** The player (a page of the form, or the confirmation step), after following action results. */
export async function loadQuizPlayer(astro: AstroGlobal, final: boolean): Promise<Response | PlayerData> {
  const auth = requireUser(astro);
  if (!auth.ok) return auth.response;
  const params = { course: astro.params.course, module: astro.params.module };
  const target: QuizTarget = {
    courseId: params.course ?? '',
    moduleId: final ? null : (params.module ?? ''),
  };
  const here = quizTakeHref(target);

  // A page save comes first: it needs only the URL to redirect.
  const saved = astro.getActionResult(actions.quiz.savePage);
  if (saved) {
    if (saved.error?.code === 'UNAUTHORIZED') return signInAgain(astro, here);
    const data = saved.data;
    if (data?.ok) {
      const page =
        data.move === 'next'
          ? data.page + 1
          : data.move === 'previous'
            ? Math.max(0, data.page - 1)
            : data.page;
      if (data.move === 'review') return astro.redirect(quizTakeHref(target, { review: true }), 303);
      const query = data.move === 'save' ? `page=${page + 1}&saved=1` : `page=${page + 1}`;
      return astro.redirect(`${here}?${query}`, 303);
    }
    if (data && data.reason === 'time-up')
      return astro.redirect(`${quizResultHref(target, data.attemptNumber)}?ended=time`, 303);
    return astro.redirect(quizHref(target), 303);
  }

  const place = await findQuizPlace(auth.user, params, final);
  if (!place) return notFound();
  const now = Date.now();
  const lookup = await getActiveAttempt(
    await getDb(),
    auth.user.id,
    place.content,
    now,
    undefined,
    await getCatalogue(),
  );
  if (lookup.kind === 'none') return astro.redirect(quizHref(place.target), 303);
  if (lookup.kind === 'ended')
    return astro.redirect(`${quizResultHref(place.target, lookup.attemptNumber)}?ended=time`, 303);
  const text = await getQuizText(place.content, astro.locals.locale);
  const { layout } = lookup.attempt;
  const questions = toPublicQuestions(text.quiz, layout, text.untranslated);
  const answers = toPublicAnswers(place.content.quiz, layout, lookup.attempt.answers);
  const pages = paginateQuestions(questions);
  const requested = Number(astro.url.searchParams.get('page') ?? '1');
  const page = Number.isInteger(requested) ? Math.min(Math.max(requested - 1, 0), pages.length - 1) : 0;
  astro.response.headers.set('Cache-Control', 'no-store');
  return {
    place,
    text,
    attempt: lookup.attempt,
    questions,
    answers,
    pages,
    page,
    review: astro.url.searchParams.get('step') === 'review',
    saved: astro.url.searchParams.get('saved') === '1',
    now,
  };
}

export interface ResultData {
  place: QuizPlace;
  text: LocalisedQuiz;
  result: SubmittedAttempt;
  /** How much of the review the policy allows now. */
  reviewLevel: ReviewLevel;
  review: ReviewQuestion[] | null;
  overview: QuizOverview;
  timedOut: boolean;
  now: number;
}

/** One of the signed-in user's own submitted attempts, with the review the settings allow. */
export async function loadQuizResult(astro: AstroGlobal, final: boolean): Promise<Response | ResultData> {
  const auth = requireUser(astro);
  if (!auth.ok) return auth.response;
  const place = await findQuizPlace(
    auth.user,
    { course: astro.params.course, module: astro.params.module },
    final,
  );
  const number = Number(astro.params.number);
  if (!place || !Number.isInteger(number) || number < 1) return notFound();
  const db = await getDb();
  const now = Date.now();
  // Opening a result also closes a timed-out attempt, so the page never shows a stale state.
  const overview = await getQuizOverview(db, auth.user.id, place.content, now, await getCatalogue());
  const result = await getSubmittedAttempt(db, auth.user.id, place.content, number);
  if (!result) {
    const running = overview.standing.inProgress;
    return running?.attemptNumber === number ? astro.redirect(quizTakeHref(place.target), 303) : notFound();
  }
  const { settings } = place.content.quiz;
  const { standing } = overview;
  const reviewLevel = decideReviewLevel(settings, {
    attemptPassed: result.grade.passed,
    passedAny: standing.passed,
    used: standing.used,
    left: standing.left,
  });
  const text = await getQuizText(place.content, astro.locals.locale);
  const review =
    reviewLevel === 'hidden'
      ? null
      : toReview(text.quiz, result.record.layout, result.record.answers, result.grade, {
          level: reviewLevel,
          untranslated: text.untranslated,
        });
  return { place, text, result, reviewLevel, review, overview, timedOut: result.endedBy === 'time', now };
}
