import { defineAction } from 'astro:actions';
import { z } from 'astro/zod';
import { getDb } from '#src/lib/server/app.ts';
import { getCatalogue } from '#src/lib/server/content/course.ts';
import { enrolByEmails, enrolSelf, withdrawSelf } from '#src/lib/server/learning/enrolment.ts';
import { requireActionUser } from '#src/lib/server/account/guard.ts';
import { learnerScope } from '#src/lib/server/employer/access.ts';
import { completeLesson, undoLessonCompletion } from '#src/lib/server/learning/progress.ts';
import { followCompletions } from '#src/lib/server/completion.ts';
import { field } from './form.ts';

/**
 * Enrolment and progress. Every action acts for the signed-in user only: no input names a user,
 * except staff enrolment, which takes email addresses and checks the role.
 */
export const learning = {
  enrol: defineAction({
    accept: 'form',
    input: z.object({ courseId: field() }),
    handler: async (input, context) => {
      const user = requireActionUser(context);
      return enrolSelf(await getDb(), await getCatalogue(), user, input.courseId, Date.now());
    },
  }),

  withdraw: defineAction({
    accept: 'form',
    input: z.object({ courseId: field() }),
    handler: async (input, context) => {
      const user = requireActionUser(context);
      return withdrawSelf(await getDb(), user.id, input.courseId, Date.now());
    },
  }),

  complete: defineAction({
    accept: 'form',
    input: z.object({ courseId: field(), moduleId: field(), lesson: field() }),
    handler: async (input, context) => {
      const user = requireActionUser(context);
      const [db, catalogue, now] = [await getDb(), await getCatalogue(), Date.now()];
      const result = await completeLesson(
        db,
        catalogue,
        user,
        { courseId: input.courseId, moduleId: input.moduleId, slug: input.lesson },
        now,
      );
      if (!result.ok) return result;
      await followCompletions(db, catalogue, user.id, result.recorded, now);
      // The full progress object stays on the server; the page reloads it.
      return {
        ok: true as const,
        alreadyComplete: result.alreadyComplete,
        moduleCompleted: result.moduleCompleted,
        courseCompleted: result.courseCompleted,
      };
    },
  }),

  /** The undo offered right after "Mark as complete" (the learner's own completion only). */
  undoComplete: defineAction({
    accept: 'form',
    input: z.object({ courseId: field(), moduleId: field(), lesson: field() }),
    handler: async (input, context) => {
      const user = requireActionUser(context);
      return undoLessonCompletion(
        await getDb(),
        await getCatalogue(),
        user,
        { courseId: input.courseId, moduleId: input.moduleId, slug: input.lesson },
        Date.now(),
      );
    },
  }),

  staffEnrol: defineAction({
    accept: 'form',
    input: z.object({ courseId: field(), emails: field() }),
    handler: async (input, context) => {
      const user = requireActionUser(context, 'trainer');
      const result = await enrolByEmails(
        await getDb(),
        await getCatalogue(),
        user,
        input.courseId,
        input.emails,
        Date.now(),
        // Employers (issue 15): a trainer limited to some employers enrols only their learners.
        learnerScope(user),
      );
      return { ...result, values: { courseId: input.courseId, emails: input.emails.slice(0, 100_000) } };
    },
  }),
};
