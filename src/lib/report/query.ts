/** The query strings of the report pages and their CSV exports, read the same way by both. Pure. */
import { oneOf, pageParam, textParam } from '#src/lib/admin/list-query.ts';
import { dayStartMs, resolveDateRange, type DateRange, type DateRangeProblem } from './dates.ts';
import { DAY_MS } from '#src/lib/time.ts';

export interface CompletionQuery {
  range: DateRange;
  problems: DateRangeProblem[];
  courseId: string | null;
  employerId: string | null;
}

export function parseCompletionQuery(params: URLSearchParams, now: number): CompletionQuery {
  const { range, problems } = resolveDateRange({ from: params.get('from'), to: params.get('to') }, now);
  return {
    range,
    problems,
    courseId: textParam(params, 'course', 100) || null,
    employerId: textParam(params, 'employer', 40) || null,
  };
}

export interface ProgressQuery {
  courseId: string | null;
  employerId: string | null;
  inactiveOnly: boolean;
  page: number;
}

export function parseProgressQuery(params: URLSearchParams): ProgressQuery {
  return {
    courseId: textParam(params, 'course', 100) || null,
    employerId: textParam(params, 'employer', 40) || null,
    inactiveOnly: params.get('inactive') === '1',
    page: pageParam(params),
  };
}

export const EXPIRY_DAY_OPTIONS = ['30', '60', '90'] as const;

export function parseExpiryDays(params: URLSearchParams): 30 | 60 | 90 {
  return Number(oneOf(params.get('days'), EXPIRY_DAY_OPTIONS) ?? '90') as 30 | 60 | 90;
}

export const AUDIT_SUBJECT_TYPES = [
  'user',
  'organisation',
  'enrolment',
  'certificate',
  'session',
  'submission',
  'workshop',
] as const;
export type AuditSubjectType = (typeof AUDIT_SUBJECT_TYPES)[number];
/** The actor filter value for entries made by the command line or the system (no actor). */
export const SYSTEM_ACTOR = 'system';

export interface AuditQuery {
  actor: string | null;
  action: string | null;
  subjectType: AuditSubjectType | null;
  subjectId: string | null;
  /** `YYYY-MM-DD` as typed (empty when not set). */
  from: string;
  to: string;
  startMs: number | null;
  /** Exclusive: midnight after the `to` day. */
  endMs: number | null;
  problems: ('invalid-from' | 'invalid-to')[];
  page: number;
}

/** The audit log's filters; with no dates it covers the whole log. */
export function parseAuditQuery(params: URLSearchParams): AuditQuery {
  const from = textParam(params, 'from', 20);
  const to = textParam(params, 'to', 20);
  const startMs = from ? dayStartMs(from) : null;
  const toStart = to ? dayStartMs(to) : null;
  const problems: AuditQuery['problems'] = [];
  if (from && startMs === null) problems.push('invalid-from');
  if (to && toStart === null) problems.push('invalid-to');
  return {
    actor: textParam(params, 'actor', 40) || null,
    action: textParam(params, 'action', 80) || null,
    subjectType: oneOf(params.get('subjectType'), AUDIT_SUBJECT_TYPES),
    subjectId: textParam(params, 'subjectId', 80) || null,
    from,
    to,
    startMs,
    endMs: toStart === null ? null : toStart + DAY_MS,
    problems,
    page: pageParam(params),
  };
}
