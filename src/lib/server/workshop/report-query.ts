/** The attendance report's filters from its URL, read the same way by the page and the CSV. */
import { textParam } from '#src/lib/admin/list-query.ts';
import { resolveDateRange, type DateRange } from '#src/lib/report/dates.ts';
import type { AttendanceFilters } from './report.ts';

export interface AttendanceQuery {
  filters: AttendanceFilters;
  range: DateRange;
  /** The dates typed could not be used: the default range is shown. */
  rangeProblem: boolean;
}

export function parseAttendanceQuery(params: URLSearchParams, now: number): AttendanceQuery {
  const { range, problems } = resolveDateRange({ from: params.get('from'), to: params.get('to') }, now);
  return {
    filters: {
      courseId: textParam(params, 'course', 100) || null,
      employerId: textParam(params, 'employer', 40) || null,
      startMs: range.startMs,
      endMs: range.endMs,
    },
    range,
    rangeProblem: problems.length > 0,
  };
}
