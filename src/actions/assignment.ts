import { defineAction } from 'astro:actions';
import { z } from 'astro/zod';
import type { Locale } from '#src/i18n/index.ts';
import type { Actor } from '#src/lib/roles.ts';
import { MAX_ANSWER_CHARS, MAX_COMMENT_CHARS } from '#src/lib/assignment/rubric.ts';
import { requireActionUser } from '#src/lib/server/account/guard.ts';
import { getDb } from '#src/lib/server/app.ts';
import { getAssignment } from '#src/lib/server/assignment/content.ts';
import {
  formAnswers,
  formDecision,
  formFiles,
  formMarks,
  formText,
} from '#src/lib/server/assignment/form.ts';
import {
  allowResubmission,
  claimSubmission,
  decideSubmission,
  releaseClaim,
  saveMarkDraft,
} from '#src/lib/server/assignment/marking.ts';
import { MAX_FILE_BYTES, type PdfRefusal } from '#src/lib/server/assignment/pdf-check.ts';
import {
  attachFile,
  removeFile,
  saveDraft,
  submitWork,
  type WorkTarget,
} from '#src/lib/server/assignment/work.ts';
import { recordCompletions } from '#src/lib/server/completion.ts';
import { getCatalogue } from '#src/lib/server/content/course.ts';
import { sendQueuedMailSoon } from '#src/lib/server/mail/app.ts';
import { field } from './form.ts';

function targetOf(form: FormData): WorkTarget {
  return {
    courseId: formText(form, 'courseId').slice(0, 100),
    moduleId: formText(form, 'moduleId').slice(0, 100),
  };
}

export interface FileError {
  partId: string;
  refusal: PdfRefusal;
  detail?: string;
}

/** Reads and checks one posted file; a file over the limit is refused before it is read. */
async function attachPosted(
  form: { target: WorkTarget; partId: string; file: File },
  actor: Actor,
  locale: Locale,
): Promise<{ ok: true } | { ok: false; error: FileError } | { ok: false; reason: string }> {
  if (form.file.size > MAX_FILE_BYTES)
    return { ok: false, error: { partId: form.partId, refusal: 'too-big' } };
  const content = await getAssignment(form.target.moduleId, locale);
  if (!content) return { ok: false, reason: 'not-found' };
  const bytes = new Uint8Array(await form.file.arrayBuffer());
  const result = await attachFile(
    await getDb(),
    await getCatalogue(),
    actor,
    form.target,
    content,
    form.partId,
    { name: form.file.name, bytes },
    Date.now(),
  );
  if (result.ok) return { ok: true };
  if (result.reason === 'file')
    return {
      ok: false,
      error: {
        partId: form.partId,
        refusal: result.refusal,
        ...(result.detail ? { detail: result.detail } : {}),
      },
    };
  return { ok: false, reason: result.reason };
}

/**
 * Assessed casework. A learner's actions act on their own submission only (no input names a
 * user); marking actions need a trainer or admin, and the domain functions check the employer
 * scope of each submission. The learner's form posts multipart data (text answers and PDFs), so
 * `save` and `attach` take the raw FormData; they are the only requests allowed a body larger
 * than 256 KB (src/lib/server/http/upload-limit.ts).
 */
export const assignment = {
  /**
   * The learner's form without JavaScript (and its buttons with it): saves every text answer
   * first, so nothing typed is lost, then attaches any files chosen, then does what the button
   * asked: save, remove a part's file (`intent=remove:<part>`) or submit for marking.
   */
  save: defineAction({
    accept: 'form',
    handler: async (form: FormData, context) => {
      const user = requireActionUser(context);
      const target = targetOf(form);
      const locale = context.locals.locale;
      const content = await getAssignment(target.moduleId, locale);
      if (!content) return { ok: false as const, reason: 'not-found' as const };
      const [db, catalogue] = [await getDb(), await getCatalogue()];
      const saved = await saveDraft(db, catalogue, user, target, content, formAnswers(form), Date.now());
      if (!saved.ok) return saved;
      const fileErrors: FileError[] = [];
      for (const { partId, file } of formFiles(form)) {
        const attached = await attachPosted({ target, partId, file }, user, locale);
        if (attached.ok) continue;
        if ('error' in attached) fileErrors.push(attached.error);
      }
      const intent = formText(form, 'intent');
      if (intent.startsWith('remove:')) {
        const removed = await removeFile(
          db,
          catalogue,
          user,
          target,
          content,
          intent.slice('remove:'.length),
          Date.now(),
        );
        if (!removed.ok) return removed;
        return { ok: true as const, intent: 'remove' as const, fileErrors };
      }
      if (intent === 'submit') {
        if (fileErrors.length > 0) return { ok: false as const, reason: 'file' as const, fileErrors };
        const submitted = await submitWork(db, catalogue, user, target, content, Date.now());
        if (!submitted.ok) return submitted;
        return { ok: true as const, intent: 'submit' as const, attempt: submitted.attempt, fileErrors };
      }
      return { ok: true as const, intent: 'save' as const, fileErrors };
    },
  }),

  /** The page script's upload: one PDF for one part, as soon as the learner chooses it. */
  attach: defineAction({
    accept: 'form',
    handler: async (form: FormData, context) => {
      const user = requireActionUser(context);
      const file = form.get('file');
      if (!(file instanceof File) || (file.size === 0 && file.name === ''))
        return { ok: false as const, reason: 'file' as const, fileErrors: [] as FileError[] };
      const attached = await attachPosted(
        { target: targetOf(form), partId: formText(form, 'partId').slice(0, 100), file },
        user,
        context.locals.locale,
      );
      if (attached.ok) return { ok: true as const };
      if ('error' in attached)
        return { ok: false as const, reason: 'file' as const, fileErrors: [attached.error] };
      return { ok: false as const, reason: attached.reason };
    },
  }),

  /** The page script's draft save, a second or two after the learner stops typing. */
  autosave: defineAction({
    accept: 'json',
    input: z.object({
      courseId: z.string().max(100),
      moduleId: z.string().max(100),
      answers: z.record(z.string().max(100), z.string().max(MAX_ANSWER_CHARS)),
    }),
    handler: async (input, context) => {
      const user = requireActionUser(context);
      const content = await getAssignment(input.moduleId, context.locals.locale);
      if (!content) return { ok: false as const, reason: 'not-found' as const };
      return saveDraft(
        await getDb(),
        await getCatalogue(),
        user,
        { courseId: input.courseId, moduleId: input.moduleId },
        content,
        input.answers,
        Date.now(),
      );
    },
  }),

  claim: defineAction({
    accept: 'form',
    input: z.object({ submissionId: field() }),
    handler: async (input, context) => {
      const user = requireActionUser(context, 'trainer');
      return claimSubmission(await getDb(), user, input.submissionId.slice(0, 64), Date.now());
    },
  }),

  release: defineAction({
    accept: 'form',
    input: z.object({ submissionId: field() }),
    handler: async (input, context) => {
      const user = requireActionUser(context, 'trainer');
      return releaseClaim(await getDb(), user, input.submissionId.slice(0, 64));
    },
  }),

  /** The marking form: save levels and comments, or record the decision (`intent=decide`). */
  mark: defineAction({
    accept: 'form',
    handler: async (form: FormData, context) => {
      const user = requireActionUser(context, 'trainer');
      const submissionId = formText(form, 'submissionId').slice(0, 64);
      const content = await getAssignment(
        formText(form, 'assignmentId').slice(0, 100),
        context.locals.locale,
      );
      if (!content) return { ok: false as const, reason: 'not-found' as const };
      const db = await getDb();
      const marks = formMarks(form);
      const overallComment = formText(form, 'overall').slice(0, MAX_COMMENT_CHARS + 1);
      const now = Date.now();
      if (formText(form, 'intent') !== 'decide') {
        const saved = await saveMarkDraft(db, user, submissionId, content, { marks, overallComment }, now);
        return saved.ok ? { ok: true as const, intent: 'save' as const } : saved;
      }
      // The learner's email names the assignment in the learner's language, not the marker's.
      const [english, malay] = await Promise.all([
        getAssignment(content.id, 'en'),
        getAssignment(content.id, 'ms'),
      ]);
      const decided = await decideSubmission(
        db,
        user,
        submissionId,
        content,
        { decision: formDecision(form), marks, overallComment },
        now,
        { en: english?.data.title ?? content.data.title, ms: malay?.data.title ?? content.data.title },
      );
      if (!decided.ok) return decided;
      sendQueuedMailSoon();
      // A pass may complete the module and the course (and issue a certificate).
      if (decided.decision === 'pass')
        await recordCompletions(db, await getCatalogue(), decided.learnerId, now);
      return { ok: true as const, intent: 'decide' as const, decision: decided.decision };
    },
  }),

  allowResubmission: defineAction({
    accept: 'form',
    input: z.object({ submissionId: field(), reason: field() }),
    handler: async (input, context) => {
      const user = requireActionUser(context, 'trainer');
      const result = await allowResubmission(
        await getDb(),
        user,
        input.submissionId.slice(0, 64),
        input.reason,
        Date.now(),
      );
      return { ...result, reasonText: input.reason.slice(0, 1000) };
    },
  }),
};
