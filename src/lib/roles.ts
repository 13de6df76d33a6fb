/**
 * Roles and who counts as what: the one place these rules live. Isomorphic (pages, the server,
 * the database schema and tests share it). Roles rank learner < trainer < admin.
 */
export const roles = ['learner', 'trainer', 'admin'] as const;
export type Role = (typeof roles)[number];

/** Who is acting: the signed-in user as the guard saw them. */
export interface Actor {
  id: string;
  role: Role;
}

/** Whether a user holds at least `role` (learner < trainer < admin). */
export function hasRole(user: { role: Role }, role: Role): boolean {
  if (role === 'learner') return true;
  if (role === 'trainer') return user.role === 'trainer' || user.role === 'admin';
  return user.role === 'admin';
}

/** Trainers and admins: they see drafts and staff pages, and never count as learners. */
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
