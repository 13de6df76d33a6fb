/**
 * Roles and who counts as what: the one place these rules live. Isomorphic (pages, the server,
 * the database schema and tests share it). Staff roles rank learner < trainer < admin; an employer
 * `manager` stands beside them: more than a learner (their employers' staff records), never staff
 * (no drafts, no trainer or admin pages), and admins may do whatever a manager may.
 */
export const roles = ['learner', 'trainer', 'manager', 'admin'] as const;
export type Role = (typeof roles)[number];

/** Who is acting: the signed-in user as the guard saw them. */
export interface Actor {
  id: string;
  role: Role;
}

/**
 * Whether a user holds at least `role`: learner < trainer < admin, and learner < manager < admin.
 * A manager does not hold `trainer` and a trainer does not hold `manager`.
 */
export function hasRole(user: { role: Role }, role: Role): boolean {
  switch (role) {
    case 'learner':
      return true;
    case 'trainer':
      return user.role === 'trainer' || user.role === 'admin';
    case 'manager':
      return user.role === 'manager' || user.role === 'admin';
    case 'admin':
      return user.role === 'admin';
  }
}

/** Trainers and admins: they see drafts and staff pages, and never count as learners. Managers are not staff. */
export function isStaff(role: Role): boolean {
  return hasRole({ role }, 'trainer');
}

/**
 * Whether an actor may make admin changes. Actions check the role first (guard.ts); the domain
 * functions check again, so that no other caller can skip it.
 */
export function isAdmin(actor: Actor | null | undefined): actor is Actor {
  return actor !== null && actor !== undefined && hasRole(actor, 'admin');
}

/** An employer manager (not an admin): sees only the staff of the employers an admin gave them. */
export function isManager(actor: { role: Role } | null | undefined): boolean {
  return actor?.role === 'manager';
}

/**
 * Whether an actor may act for an employer in the employer workspace: admins for every employer,
 * managers for the employers in `managedEmployerIds` (from the manager_employer table, see
 * src/lib/server/employer/access.ts), nobody else.
 */
export function managesEmployer(
  actor: { role: Role } | null | undefined,
  employerId: string,
  managedEmployerIds: readonly string[],
): boolean {
  if (!actor) return false;
  if (actor.role === 'admin') return true;
  return actor.role === 'manager' && managedEmployerIds.includes(employerId);
}

/**
 * Whether a role must sign in with a second factor (TOTP). A string, so that roles added later
 * (the employer `manager`) are covered here without another change.
 */
export function requiresMfa(role: string): boolean {
  return role === 'admin' || role === 'manager';
}

/**
 * Whether a role gets the short staff session lifetimes (2 hours idle, 12 hours at most) rather
 * than the learners' ones: everyone who can see or change other people's records.
 */
export function hasStaffSessionLimits(role: string): boolean {
  return role === 'trainer' || role === 'admin' || role === 'manager';
}
