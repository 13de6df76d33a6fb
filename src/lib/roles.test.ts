import { describe, expect, it } from 'vitest';
import { hasRole, isManager, isStaff, managesEmployer, roles } from './roles.ts';

describe('roles', () => {
  it('rank a manager beside trainers, never above them', () => {
    const manager = { role: 'manager' as const };
    expect(hasRole(manager, 'learner')).toBe(true);
    expect(hasRole(manager, 'manager')).toBe(true);
    expect(hasRole(manager, 'trainer')).toBe(false);
    expect(hasRole(manager, 'admin')).toBe(false);
    expect(hasRole({ role: 'trainer' }, 'manager')).toBe(false);
    expect(hasRole({ role: 'admin' }, 'manager')).toBe(true);
    expect(isStaff('manager')).toBe(false);
    expect(roles).toContain('manager');
  });

  it('let a manager act only for their employers, and an admin for any', () => {
    expect(managesEmployer({ role: 'manager' }, 'a', ['a'])).toBe(true);
    expect(managesEmployer({ role: 'manager' }, 'b', ['a'])).toBe(false);
    expect(managesEmployer({ role: 'admin' }, 'b', [])).toBe(true);
    expect(managesEmployer({ role: 'trainer' }, 'a', ['a'])).toBe(false);
    expect(managesEmployer({ role: 'learner' }, 'a', ['a'])).toBe(false);
    expect(managesEmployer(null, 'a', ['a'])).toBe(false);
    expect(isManager({ role: 'manager' })).toBe(true);
    expect(isManager({ role: 'admin' })).toBe(false);
  });
});
