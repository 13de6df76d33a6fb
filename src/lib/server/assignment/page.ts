/**
 * What the assignment pages show, gathered in one place per route so that the pages stay thin:
 * the learner's page (/courses/<course>/<module>/assignment) and the marking page
 * (/staff/marking/<id>).
 */
import type { AstroGlobal } from 'astro';
import { getCollection } from 'astro:content';
import {
  assignmentModule,
  decideAssignmentAccess,
  type AssignmentAccess,
} from '#src/lib/assignment/access.ts';
import { submissionsAllowed } from '#src/lib/assignment/rubric.ts';
import { downloadHref } from '#src/lib/content/downloads.ts';
import type { CourseProgress } from '#src/lib/learning/progress.ts';
import type { CourseView, ModuleView } from '#src/lib/learning/structure.ts';
import { requireUser } from '#src/lib/server/account/guard.ts';
import { getDb } from '#src/lib/server/app.ts';
import { getCatalogue } from '#src/lib/server/content/course.ts';
import { findJobAid } from '#src/lib/server/content/job-aid.ts';
import { downloadFileSize } from '#src/lib/server/content/downloads.ts';
import { enrolmentIn, getLearningContext, progressIn } from '#src/lib/server/learning/context.ts';
import type { EnrolmentRow } from '#src/lib/server/learning/progress.ts';
import { getAssignment, type AssignmentContent } from './content.ts';
import { readAttachedFile } from './file-access.ts';
import { loadForMarking, type MarkingRecord } from './marking.ts';
import { inspectPdf, type PdfFormField } from './pdf-check.ts';
import { loadSubmission, type SubmissionView } from './submission.ts';

export interface JobAidLink {
  title: string;
  href: string;
}

/** The blank job aid PDFs the file parts name, in the reader's language where one was built. */
async function jobAidLinks(
  content: AssignmentContent,
  locale: 'en' | 'ms',
): Promise<Map<string, JobAidLink>> {
  const links = new Map<string, JobAidLink>();
  for (const part of content.data.parts) {
    if (part.type !== 'file' || !part.jobAid) continue;
    const localised = locale !== 'en' && downloadFileSize(part.jobAid, Date.now(), locale) !== null;
    links.set(part.id, {
      // The title in the reader's language where the aid is translated.
      title: (await findJobAid(part.jobAid, locale))?.spec.title ?? part.jobAid,
      href: downloadHref(part.jobAid, localised ? locale : 'en'),
    });
  }
  return links;
}

export interface AssignmentPageData {
  course: CourseView;
  module: ModuleView;
  content: AssignmentContent;
  access: AssignmentAccess;
  enrolment: EnrolmentRow | null;
  progress: CourseProgress | null;
  submission: SubmissionView | null;
  /** Submissions the learner may make in all. */
  allowed: number;
  jobAids: Map<string, JobAidLink>;
}

/** The learner's assignment page, or the 404 response. */
export async function loadAssignmentPage(Astro: AstroGlobal): Promise<AssignmentPageData | Response> {
  const { user, locale } = Astro.locals;
  const context = await getLearningContext(user, locale);
  const course = context.view.course(Astro.params.course ?? '');
  const module = assignmentModule(course, Astro.params.module ?? '');
  const content = module ? await getAssignment(module.id, locale) : null;
  if (!course || !module || !content) return new Response(null, { status: 404 });
  const enrolment = enrolmentIn(context, course.id);
  const progress = progressIn(context, course.id);
  const access = decideAssignmentAccess({ user, enrolment, progress, moduleId: module.id });
  const submission =
    user && access.kind !== 'preview'
      ? await loadSubmission(context.db.orm, { userId: user.id, assignmentId: module.id })
      : null;
  return {
    course,
    module,
    content,
    access,
    enrolment,
    progress,
    submission,
    allowed: submissionsAllowed(content.data.maxResubmissions, submission?.extraAttempts ?? 0),
    jobAids: await jobAidLinks(content, locale),
  };
}

export interface MarkedFile {
  id: string;
  partId: string;
  fileName: string;
  size: number;
  /** The PDF's filled-in form fields, with the job aid's labels where known. */
  fields: { label: string; value: string }[];
}

export interface MarkingPageData extends MarkingRecord {
  content: AssignmentContent;
  courseTitle: string;
  allowed: number;
  /** Files of the attempt being marked (the latest), by part id. */
  files: Map<string, MarkedFile>;
  /** The assignment file changed after this attempt was submitted. */
  contentChanged: boolean;
  now: number;
}

/** Labels of a job aid's fields (`id` → label), for showing a filled PDF's fields. */
async function fieldLabels(jobAidId: string | undefined): Promise<Map<string, string>> {
  if (!jobAidId) return new Map();
  const entry = (await getCollection('jobAids')).find((candidate) => candidate.id === jobAidId);
  const labels = new Map<string, string>();
  for (const section of entry?.data.sections ?? [])
    for (const field of section.fields ?? []) labels.set(field.id, `${section.heading}: ${field.label}`);
  return labels;
}

/** The marking page (trainers and admins, within their employer scope), or a response. */
export async function loadMarkingPage(Astro: AstroGlobal): Promise<MarkingPageData | Response> {
  const auth = requireUser(Astro, 'trainer');
  if (!auth.ok) return auth.response;
  const db = await getDb();
  const record = await loadForMarking(db, auth.user, Astro.params.id ?? '');
  const content = record ? await getAssignment(record.submission.assignmentId, Astro.locals.locale) : null;
  if (!record || !content) return new Response(null, { status: 404 });
  const catalogue = await getCatalogue(Astro.locals.locale);
  const latest = record.submission.history[0];
  const files = new Map<string, MarkedFile>();
  for (const part of content.data.parts) {
    const info = latest?.files[part.id];
    if (part.type !== 'file' || !info) continue;
    const stored = await readAttachedFile(db, auth.user, info.id);
    const inspection = stored ? await inspectPdf(stored.content) : null;
    const labels = await fieldLabels(part.jobAid);
    const fields = inspection?.ok
      ? inspection.fields
          .filter((field: PdfFormField) => field.value !== '')
          .map((field) => ({ label: labels.get(field.name) ?? field.name, value: field.value }))
      : [];
    files.set(part.id, { id: info.id, partId: part.id, fileName: info.fileName, size: info.size, fields });
  }
  return {
    ...record,
    content,
    courseTitle: catalogue.preview.course(record.submission.courseId)?.title ?? record.submission.courseId,
    allowed: submissionsAllowed(content.data.maxResubmissions, record.submission.extraAttempts),
    files,
    contentChanged: latest !== undefined && latest.contentVersion !== content.version,
    now: Date.now(),
  };
}
