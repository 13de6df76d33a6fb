/** The staff list's query string, read the same way by the page and its CSV export. Pure. */
import {
  directionParam,
  oneOf,
  pageParam,
  textParam,
  type SortDirection,
} from '#src/lib/admin/list-query.ts';
import { STAFF_STATES, type StaffState } from './staff-state.ts';

export const STAFF_SORTS = ['name', 'state', 'due', 'course'] as const;
export type StaffSort = (typeof STAFF_SORTS)[number];

export interface StaffListQuery {
  search: string;
  courseId: string | null;
  state: StaffState | null;
  sort: StaffSort;
  direction: SortDirection;
  page: number;
}

export function parseStaffQuery(params: URLSearchParams): StaffListQuery {
  const sort = oneOf(params.get('sort'), STAFF_SORTS) ?? 'state';
  return {
    search: textParam(params, 'q'),
    courseId: textParam(params, 'course', 100) || null,
    state: oneOf(params.get('state'), STAFF_STATES),
    sort,
    direction: directionParam(params, 'asc'),
    page: pageParam(params),
  };
}
