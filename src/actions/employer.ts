import { ActionError, defineAction, type ActionAPIContext } from 'astro:actions';
import { z } from 'astro/zod';
import { isLocale } from '#src/i18n/index.ts';
import type { SessionUser } from '#src/lib/server/account/session.ts';
import { getDb } from '#src/lib/server/app.ts';
import { getCatalogue } from '#src/lib/server/content/course.ts';
import { requireActionUser } from '#src/lib/server/account/guard.ts';
import { managedEmployerIdsOf } from '#src/lib/server/employer/access.ts';
import { createEmployer } from '#src/lib/server/employer/directory.ts';
import { addEmployerDomain, removeEmployerDomain } from '#src/lib/server/employer/domains.ts';
import { inviteStaff } from '#src/lib/server/employer/invitations.ts';
import { changeJoinCode, joinEmployerWithCode } from '#src/lib/server/employer/join-code.ts';
import { addEmployerManager, removeEmployerManager } from '#src/lib/server/employer/managers.ts';
import {
  changeTrainerEmployer,
  getTrainerScope,
  setTrainerScope,
} from '#src/lib/server/employer/trainers.ts';
import {
  assignCourse,
  changeDueDate,
  remindLearner,
  withdrawAssignment,
} from '#src/lib/server/employer/training.ts';
import { mailAvailable, sendQueuedMailSoon } from '#src/lib/server/mail/app.ts';
import { withdrawInvitation } from '#src/lib/server/mail/invitation.ts';
import { field } from './form.ts';

/** The largest CSV a manager may upload (the request body limit is 256 KB). */
const MAX_CSV_BYTES = 200 * 1024;

/** A manager (or an admin) and the employers they act for; everyone else gets NOT_FOUND. */
async function workspaceActor(context: Pick<ActionAPIContext, 'locals'>): Promise<{
  actor: SessionUser;
  managedEmployerIds: string[];
}> {
  const actor = requireActionUser(context, 'manager');
  return { actor, managedEmployerIds: await managedEmployerIdsOf(await getDb(), actor) };
}

/**
 * Another employer's records answer as if they did not exist: the same 404 as a page of theirs.
 * `not-found` here means "not a record of this employer", never a stale record of one's own.
 */
function hideOthers<T extends { ok: boolean; reason?: string }>(result: T): T {
  if (!result.ok && (result.reason === 'forbidden' || result.reason === 'not-found'))
    throw new ActionError({ code: 'NOT_FOUND', message: 'Not found.' });
  return result;
}

/**
 * The employer workspace (managers for their employers, admins for any) and the admin's settings
 * for employers: managers, trainers, domains. Every handler checks the role first; the domain
 * functions check the employer again (managesEmployer) and audit in the same transaction.
 */
export const employer = {
  assignCourse: defineAction({
    accept: 'form',
    input: z.object({
      employerId: field(),
      courseId: field(),
      dueDate: field(),
      emails: field(),
      everyone: field(),
    }),
    handler: async (input, context) => {
      const { actor, managedEmployerIds } = await workspaceActor(context);
      const notify = mailAvailable();
      const result = await assignCourse(
        await getDb(),
        await getCatalogue(context.locals.locale),
        actor,
        { ...input, everyone: input.everyone === 'yes' },
        { now: Date.now(), managedEmployerIds, notify },
      );
      hideOthers(result);
      if (result.ok && notify) sendQueuedMailSoon();
      const values = {
        courseId: input.courseId.slice(0, 100),
        dueDate: input.dueDate.slice(0, 20),
        emails: input.emails.slice(0, 100_000),
        everyone: input.everyone === 'yes',
      };
      return { ...result, values };
    },
  }),

  changeDueDate: defineAction({
    accept: 'form',
    input: z.object({ employerId: field(), enrolmentId: field(), dueDate: field() }),
    handler: async (input, context) => {
      const { actor, managedEmployerIds } = await workspaceActor(context);
      const result = await changeDueDate(await getDb(), actor, input, {
        now: Date.now(),
        managedEmployerIds,
      });
      hideOthers(result);
      return {
        ...result,
        enrolmentId: input.enrolmentId.slice(0, 40),
        values: { dueDate: input.dueDate.slice(0, 20) },
      };
    },
  }),

  withdrawAssignment: defineAction({
    accept: 'form',
    input: z.object({ employerId: field(), enrolmentId: field(), confirm: field() }),
    handler: async (input, context) => {
      const { actor, managedEmployerIds } = await workspaceActor(context);
      const enrolmentId = input.enrolmentId.slice(0, 40);
      if (input.confirm !== 'yes') return { ok: false as const, reason: 'confirm' as const, enrolmentId };
      const result = await withdrawAssignment(await getDb(), actor, input, {
        now: Date.now(),
        managedEmployerIds,
      });
      hideOthers(result);
      return { ...result, enrolmentId };
    },
  }),

  remind: defineAction({
    accept: 'form',
    input: z.object({ employerId: field(), enrolmentId: field() }),
    handler: async (input, context) => {
      const { actor, managedEmployerIds } = await workspaceActor(context);
      if (!mailAvailable()) return { ok: false as const, reason: 'unavailable' as const };
      const result = await remindLearner(
        await getDb(),
        await getCatalogue(context.locals.locale),
        actor,
        input,
        { now: Date.now(), managedEmployerIds },
      );
      hideOthers(result);
      if (result.ok) sendQueuedMailSoon();
      return { ...result, enrolmentId: input.enrolmentId.slice(0, 40) };
    },
  }),

  invite: defineAction({
    accept: 'form',
    input: z.object({
      employerId: field(),
      people: field(),
      file: z.unknown(),
      locale: field(),
      courseId: field(),
      dueDate: field(),
    }),
    handler: async (input, context) => {
      const { actor, managedEmployerIds } = await workspaceActor(context);
      const values = {
        people: input.people.slice(0, 100_000),
        locale: isLocale(input.locale) ? input.locale : context.locals.locale,
        courseId: input.courseId.slice(0, 100),
        dueDate: input.dueDate.slice(0, 20),
      };
      if (!mailAvailable()) return { ok: false as const, reason: 'unavailable' as const, values };
      let text = input.people;
      if (input.file instanceof File && input.file.size > 0) {
        if (input.file.size > MAX_CSV_BYTES)
          return { ok: false as const, reason: 'file-too-large' as const, values };
        text = `${await input.file.text()}\n${input.people}`;
      }
      const result = await inviteStaff(
        await getDb(),
        await getCatalogue(context.locals.locale),
        actor,
        {
          employerId: input.employerId,
          text,
          locale: input.locale,
          courseId: input.courseId,
          dueDate: input.dueDate,
        },
        { now: Date.now(), managedEmployerIds },
      );
      hideOthers(result);
      if (result.ok && result.invited > 0) sendQueuedMailSoon();
      return { ...result, values };
    },
  }),

  withdrawInvitation: defineAction({
    accept: 'form',
    input: z.object({ employerId: field(), invitationId: field() }),
    handler: async (input, context) => {
      const { actor, managedEmployerIds } = await workspaceActor(context);
      const result = await withdrawInvitation(await getDb(), actor, input.invitationId, {
        now: Date.now(),
        managedEmployerIds,
      });
      // A stale invitation of one's own employer gets a message; another employer's is a 404.
      if (!result.ok && result.reason === 'forbidden') hideOthers(result);
      return result;
    },
  }),

  changeJoinCode: defineAction({
    accept: 'form',
    input: z.object({ employerId: field(), remove: field() }),
    handler: async (input, context) => {
      const { actor, managedEmployerIds } = await workspaceActor(context);
      return hideOthers(
        await changeJoinCode(
          await getDb(),
          actor,
          { employerId: input.employerId, remove: input.remove === 'yes' },
          { now: Date.now(), managedEmployerIds },
        ),
      );
    },
  }),

  /** A signed-in learner without an employer joins one with its code. */
  joinWithCode: defineAction({
    accept: 'form',
    input: z.object({ code: field() }),
    handler: async (input, context) => {
      const user = requireActionUser(context);
      const result = await joinEmployerWithCode(await getDb(), user.id, input.code, Date.now());
      return { ...result, values: { code: input.code.slice(0, 40) } };
    },
  }),

  create: defineAction({
    accept: 'form',
    input: z.object({ name: field() }),
    handler: async (input, context) => {
      const actor = requireActionUser(context, 'admin');
      const result = await createEmployer(await getDb(), actor, input, Date.now());
      return { ...result, values: { name: input.name.slice(0, 300) } };
    },
  }),

  addManager: defineAction({
    accept: 'form',
    input: z.object({ employerId: field(), email: field(), userId: field() }),
    handler: async (input, context) => {
      const actor = requireActionUser(context, 'admin');
      const result = await addEmployerManager(
        await getDb(),
        actor,
        {
          employerId: input.employerId,
          email: input.email,
          ...(input.userId ? { userId: input.userId } : {}),
        },
        Date.now(),
      );
      return { ...result, values: { email: input.email.slice(0, 300) } };
    },
  }),

  removeManager: defineAction({
    accept: 'form',
    input: z.object({ employerId: field(), userId: field() }),
    handler: async (input, context) => {
      const actor = requireActionUser(context, 'admin');
      return removeEmployerManager(await getDb(), actor, input, Date.now());
    },
  }),

  changeTrainerEmployer: defineAction({
    accept: 'form',
    input: z.object({ employerId: field(), trainerId: field(), assign: field() }),
    handler: async (input, context) => {
      const actor = requireActionUser(context, 'admin');
      return changeTrainerEmployer(
        await getDb(),
        actor,
        { trainerId: input.trainerId, employerId: input.employerId, assign: input.assign === 'yes' },
        Date.now(),
      );
    },
  }),

  setTrainerReach: defineAction({
    accept: 'form',
    input: z.object({ trainerId: field(), reach: field() }),
    handler: async (input, context) => {
      const actor = requireActionUser(context, 'admin');
      const db = await getDb();
      const current = await getTrainerScope(db, input.trainerId);
      return setTrainerScope(
        db,
        actor,
        {
          trainerId: input.trainerId,
          allEmployers: input.reach === 'all',
          employerIds: current.employers.map((employer) => employer.id),
        },
        Date.now(),
      );
    },
  }),

  addDomain: defineAction({
    accept: 'form',
    input: z.object({ employerId: field(), domain: field() }),
    handler: async (input, context) => {
      const actor = requireActionUser(context, 'admin');
      const result = await addEmployerDomain(await getDb(), actor, input, Date.now());
      return { ...result, values: { domain: input.domain.slice(0, 300) } };
    },
  }),

  removeDomain: defineAction({
    accept: 'form',
    input: z.object({ employerId: field(), domain: field() }),
    handler: async (input, context) => {
      const actor = requireActionUser(context, 'admin');
      return removeEmployerDomain(await getDb(), actor, input, Date.now());
    },
  }),
};
