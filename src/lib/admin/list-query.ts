/**
 * The query strings of the admin lists: what a filter form or a sort link puts in the URL, read
 * back into a typed query that never fails (unknown values fall back to the default). Pure.
 */
import { roles, type Role } from '#src/lib/roles.ts';

export const USER_SORTS = ['name', 'email', 'employer', 'role', 'status', 'lastActive', 'created'] as const;
export type UserSort = (typeof USER_SORTS)[number];
export const USER_STATUSES = ['active', 'deactivated'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];
export type SortDirection = 'asc' | 'desc';

export const ADMIN_PAGE_SIZE = 25;
/** Search text longer than this is cut: no name or email is longer. */
const SEARCH_MAX = 200;

export function oneOf<T extends string>(value: string | null | undefined, allowed: readonly T[]): T | null {
  return allowed.find((candidate) => candidate === value) ?? null;
}

/** A 1-based page number from the URL (anything odd is page 1). */
export function pageParam(params: URLSearchParams, name = 'page'): number {
  const page = Number.parseInt(params.get(name) ?? '', 10);
  return Number.isSafeInteger(page) && page >= 1 && page <= 1_000_000 ? page : 1;
}

export function directionParam(params: URLSearchParams, fallback: SortDirection = 'asc'): SortDirection {
  return oneOf(params.get('dir'), ['asc', 'desc'] as const) ?? fallback;
}

export function textParam(params: URLSearchParams, name: string, max = SEARCH_MAX): string {
  return (params.get(name) ?? '').trim().slice(0, max);
}

export interface UserListQuery {
  search: string;
  role: Role | null;
  status: UserStatus | null;
  employerId: string | null;
  sort: UserSort;
  direction: SortDirection;
  page: number;
}

export function parseUserListQuery(params: URLSearchParams): UserListQuery {
  const sort = oneOf(params.get('sort'), USER_SORTS) ?? 'name';
  return {
    search: textParam(params, 'q'),
    role: oneOf(params.get('role'), roles),
    status: oneOf(params.get('status'), USER_STATUSES),
    employerId: textParam(params, 'employer', 40) || null,
    sort,
    // Recent activity first is what an admin looks for; names read A to Z.
    direction: directionParam(params, sort === 'lastActive' || sort === 'created' ? 'desc' : 'asc'),
    page: pageParam(params),
  };
}

/** The query string of a user list, without defaults, for links and the CSV export. */
/** The link of another page of a list: the current query with only `page` changed. */
export function withPage(url: URL, page: number): string {
  const params = new URLSearchParams(url.search);
  if (page > 1) params.set('page', String(page));
  else params.delete('page');
  const text = params.toString();
  return `${url.pathname}${text ? `?${text}` : ''}`;
}

/** The CSV export link of a list page: the same filters, no page. */
export function exportHref(path: string, url: URL): string {
  const params = new URLSearchParams(url.search);
  params.delete('page');
  const text = params.toString();
  return `${path}${text ? `?${text}` : ''}`;
}
