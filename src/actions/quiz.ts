import { defineAction } from 'astro:actions';
import { z } from 'astro/zod';
import { parseTimeMultiplier } from '#src/lib/quiz/rules.ts';
import { findAccountByEmail, setTimeMultiplier } from '#src/lib/server/quiz/accommodation.ts';
import { getDb } from '#src/lib/server/app.ts';
import { getCatalogue } from '#src/lib/server/content/course.ts';
import { requireActionUser } from '#src/lib/server/account/guard.ts';
import { saveAnswers, startAttempt } from '#src/lib/server/quiz/attempt.ts';
import { getQuizContent, quizFromRef } from '#src/lib/server/quiz/content.ts';
import { formAnswerFields, formPage, formText } from '#src/lib/server/quiz/form.ts';
import { field } from './form.ts';

/** Where the plain player form goes after saving a page. */
const moves = ['next', 'previous', 'save', 'review'] as const;
type Move = (typeof moves)[number];

/**
 * Quiz attempts. Every action acts for the signed-in user on their own attempts only: an
 * attempt id names nothing the user does not own. Responses carry no answer-key data.
 * The player form posts answers as `q:` fields (see `answersFromForm`), so `savePage` takes the
 * raw FormData. Submitting is an endpoint, not an action: see lib/server/quiz-submit.ts.
 */
export const quiz = {
  start: defineAction({
    accept: 'form',
    input: z.object({ courseId: field(), moduleId: field() }),
    handler: async (input, context) => {
      const user = requireActionUser(context);
      const catalogue = await getCatalogue();
      const moduleId = input.moduleId === '' ? null : input.moduleId;
      const course = catalogue.preview.course(input.courseId);
      const quizId =
        moduleId === null
          ? course?.rules.finalAssessmentId
          : course?.modules.find((m) => m.id === moduleId)?.quizId;
      const content = quizId
        ? await getQuizContent(moduleId === null ? 'assessment' : 'module', quizId)
        : null;
      if (!content) return { ok: false as const, reason: 'not-found' as const };
      return startAttempt(
        await getDb(),
        catalogue,
        user,
        { courseId: input.courseId, moduleId },
        content,
        Date.now(),
      );
    },
  }),

  /** The form without JavaScript: saves the page's answers, then moves as asked. */
  savePage: defineAction({
    accept: 'form',
    handler: async (form: FormData, context) => {
      const user = requireActionUser(context);
      const content = await quizFromRef(form.get('quiz'));
      const page = formPage(formText(form, 'page'));
      const go = formText(form, 'go');
      const move: Move = (moves as readonly string[]).includes(go) ? (go as Move) : 'save';
      if (!content || page === null) return { ok: false as const, reason: 'not-found' as const };
      const result = await saveAnswers(
        await getDb(),
        content,
        {
          userId: user.id,
          attemptId: formText(form, 'attemptId'),
          posted: { from: 'form', fields: formAnswerFields(form), page },
        },
        Date.now(),
        await getCatalogue(),
      );
      if (!result.ok) return result;
      return { ok: true as const, page, move };
    },
  }),

  /** The island's autosave. */
  save: defineAction({
    accept: 'json',
    input: z.object({ quiz: z.string().max(200), attemptId: z.string().max(64), answers: z.unknown() }),
    handler: async (input, context) => {
      const user = requireActionUser(context);
      const content = await quizFromRef(input.quiz);
      if (!content) return { ok: false as const, reason: 'not-found' as const };
      return saveAnswers(
        await getDb(),
        content,
        { userId: user.id, attemptId: input.attemptId, posted: { from: 'json', answers: input.answers } },
        Date.now(),
        await getCatalogue(),
      );
    },
  }),

  /** Trainers and admins: a learner's time accommodation, found by email. */
  setAccommodation: defineAction({
    accept: 'form',
    input: z.object({ email: field(), multiplier: field() }),
    handler: async (input, context) => {
      const user = requireActionUser(context, 'trainer');
      const db = await getDb();
      const values = { email: input.email.slice(0, 320), multiplier: input.multiplier };
      const choice = parseTimeMultiplier(input.multiplier);
      if (!choice.ok) return { ok: false as const, reason: 'invalid-choice' as const, values };
      const holder = await findAccountByEmail(db, input.email);
      if (!holder) return { ok: false as const, reason: 'not-found' as const, values };
      const result = await setTimeMultiplier(db, user, holder.id, choice.value, Date.now());
      if (!result.ok) return { ...result, values };
      return { ok: true as const, email: holder.email, changed: result.changed };
    },
  }),
};
