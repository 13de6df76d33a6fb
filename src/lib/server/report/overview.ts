/** The counts at the top of the admin area, in one statement. */
import { sql } from 'drizzle-orm';
import type { Actor } from '#src/lib/roles.ts';
import { learnerScope } from '#src/lib/server/employer/access.ts';
import type { Database } from '#src/lib/server/db.ts';
import { INACTIVE_AFTER_MS } from './progress.ts';
import { DAY_MS } from '#src/lib/time.ts';

export interface AdminOverview {
  activeLearners: number;
  staff: number;
  deactivated: number;
  employers: number;
  /** Active enrolments of active learners, not complete yet (in published courses). */
  inProgress: number;
  /** Of those, the ones whose learner has not been seen for 30 days or more. */
  inactive: number;
  completedLast30Days: number;
  /** Standing certificates that expire within the chosen window. */
  certificatesExpiring: number;
  auditLast7Days: number;
}

export async function loadAdminOverview(
  db: Database,
  now: number,
  publishedCourseIds: readonly string[],
  expiringWithinDays: number,
  /** Whose learners count: a trainer limited to some employers sees theirs (learnerScope); all when absent. */
  viewer: Actor | null = null,
): Promise<AdminOverview> {
  const scope = viewer ? learnerScope(viewer, sql`u.organisation_id`) : sql`1`;
  const courses =
    publishedCourseIds.length > 0
      ? sql.join(
          publishedCourseIds.map((id) => sql`${id}`),
          sql`, `,
        )
      : sql`NULL`;
  const [row] = await db.orm.all<Record<keyof AdminOverview, number>>(sql`
    SELECT
      (SELECT count(*) FROM user WHERE role = 'learner' AND status = 'active') AS activeLearners,
      (SELECT count(*) FROM user WHERE role IN ('trainer', 'admin') AND status = 'active') AS staff,
      (SELECT count(*) FROM user WHERE status = 'deactivated') AS deactivated,
      (SELECT count(*) FROM organisation WHERE merged_into IS NULL) AS employers,
      p.inProgress AS inProgress,
      p.inactive AS inactive,
      (SELECT count(*) FROM enrolment e JOIN user u ON u.id = e.user_id
        WHERE e.completed_at >= ${now - 30 * DAY_MS} AND u.role = 'learner') AS completedLast30Days,
      (SELECT count(*) FROM certificate WHERE revoked_at IS NULL AND superseded_by IS NULL
        AND expires_at > ${now} AND expires_at <= ${now + expiringWithinDays * DAY_MS}) AS certificatesExpiring,
      (SELECT count(*) FROM audit_event WHERE at >= ${now - 7 * DAY_MS}) AS auditLast7Days
    FROM (
      SELECT count(*) AS inProgress,
        coalesce(sum(CASE WHEN coalesce(u.last_active_at, e.enrolled_at) < ${now - INACTIVE_AFTER_MS} THEN 1 ELSE 0 END), 0) AS inactive
      FROM enrolment e JOIN user u ON u.id = e.user_id
      WHERE e.status = 'active' AND e.completed_at IS NULL AND u.role = 'learner' AND u.status = 'active'
        AND e.course_id IN (${courses}) AND ${scope}
    ) p`);
  const value = (key: keyof AdminOverview): number => Number(row?.[key] ?? 0);
  return {
    activeLearners: value('activeLearners'),
    staff: value('staff'),
    deactivated: value('deactivated'),
    employers: value('employers'),
    inProgress: value('inProgress'),
    inactive: value('inactive'),
    completedLast30Days: value('completedLast30Days'),
    certificatesExpiring: value('certificatesExpiring'),
    auditLast7Days: value('auditLast7Days'),
  };
}
