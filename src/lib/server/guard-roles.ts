import type { Role } from '../../../db/schema.ts';

/** Whether a user holds at least `role` (learner < trainer < admin). */
export function hasRole(user: { role: Role }, role: Role): boolean {
  if (role === 'learner') return true;
  if (role === 'trainer') return user.role === 'trainer' || user.role === 'admin';
  return user.role === 'admin';
}
