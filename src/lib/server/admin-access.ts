import type { Role } from '../../../db/schema.ts';
import { hasRole } from './guard-roles.ts';

/** Who is acting: the signed-in user as the guard saw them. */
export interface Actor {
  id: string;
  role: Role;
}

/**
 * Whether an actor may make admin changes. Actions check the role first (guard.ts); the domain
 * functions check again, so that no other caller can skip it.
 */
export function isAdmin(actor: Actor | null | undefined): actor is Actor {
  return actor !== null && actor !== undefined && hasRole(actor, 'admin');
}

/** Free text an admin gives as the reason for a change: one line, at most 500 characters. */
export function cleanReason(value: string | null | undefined): string | null {
  const text = (value ?? '').normalize('NFC').replace(/\s+/gu, ' ').trim();
  return text ? [...text].slice(0, 500).join('') : null;
}
