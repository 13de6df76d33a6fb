import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy, hashPassword, verifyPassword } from './password.ts';

describe('password policy', () => {
  it('needs 8 to 128 characters, counted as characters not bytes', () => {
    expect(checkPasswordPolicy('short1!')).toBe('too-short');
    expect(checkPasswordPolicy('kuih-lapis-merah')).toBeNull();
    expect(checkPasswordPolicy('x'.repeat(129))).toBe('too-long');
    expect(checkPasswordPolicy('🙂🌴🍵🚲🌧🎋🦜🪁')).toBeNull();
    expect(checkPasswordPolicy('é'.repeat(7))).toBe('too-short');
  });

  it('refuses the most common passwords whatever their case', () => {
    expect(checkPasswordPolicy('password')).toBe('common');
    expect(checkPasswordPolicy('PASSWORD1')).toBe('common');
    expect(checkPasswordPolicy('12345678')).toBe('common');
    expect(checkPasswordPolicy('qwertyuiop')).toBe('common');
  });

  it('refuses a password built on the email name', () => {
    expect(checkPasswordPolicy('aisyah2026!', { email: 'aisyah@example.my' })).toBe('contains-email');
    expect(checkPasswordPolicy('teh-tarik-kurang-manis', { email: 'aisyah@example.my' })).toBeNull();
  });
});

describe('password strength', () => {
  it('refuses what a strength estimator scores below 3, counting the app’s words and the person as known', () => {
    for (const weak of [
      'aaaaaaaa',
      'rtwacademy',
      'rtw-academy',
      'RtwAcademy2026',
      'Password123!',
      'qwerty123456',
    ])
      expect(checkPasswordPolicy(weak), weak).not.toBeNull();
    expect(checkPasswordPolicy('rtwacademy')).toBe('weak');
    expect(checkPasswordPolicy('kavitha-ramasamy', { fullName: 'Kavitha a/p Ramasamy' })).toBe('weak');
    expect(checkPasswordPolicy('kuih-lapis-merah', { fullName: 'Kavitha a/p Ramasamy' })).toBeNull();
    expect(checkPasswordPolicy('correct horse battery')).toBeNull();
  });
});

describe('password hashing', () => {
  it('uses Argon2id and verifies only the right password', async () => {
    const hash = await hashPassword('teh-tarik-kurang-manis');
    expect(hash.startsWith('$argon2id$')).toBe(true);
    expect(hash).toContain('m=19456,t=2,p=1');
    expect(await verifyPassword(hash, 'teh-tarik-kurang-manis')).toBe(true);
    expect(await verifyPassword(hash, 'teh-tarik-kurang-manis ')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'anything')).toBe(false);
  });
});
