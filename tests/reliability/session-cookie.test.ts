import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { organisation, user } from '#db/schema.ts';
import { createDb, migrateDb, type Database } from '#src/lib/server/db.ts';
import { createSession, validateSessionToken } from '#src/lib/server/account/session.ts';
import {
  generateSessionToken,
  parseSessionToken,
  TOKEN_PART_LENGTH,
} from '#src/lib/server/account/session-token.ts';

const part = /^[a-km-z2-9]{24}$/;
const tokenPart = fc.stringMatching(part);
const anyText = fc.oneof(
  fc.string({ maxLength: 120 }),
  fc.string({ unit: 'binary', maxLength: 120 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc
    .tuple(tokenPart, fc.string({ maxLength: 3 }), tokenPart)
    .map(([id, dot, secret]) => `${id}${dot}${secret}`),
);

test('parseSessionToken never throws and accepts only `<24 letters>.<24 letters>`', () => {
  fc.assert(
    fc.property(
      fc.oneof(anyText, fc.constantFrom(null, undefined, '', '.', '..', 'a'.repeat(49))),
      (value) => {
        const parts = parseSessionToken(value);
        if (parts === null) return;
        expect(part.test(parts.id) && part.test(parts.secret)).toBe(true);
        expect(`${parts.id}.${parts.secret}`).toBe(value);
      },
    ),
    { numRuns: 2000 },
  );
});

test('every token the server makes parses back to its parts, and a changed character never yields the same parts', () => {
  fc.assert(
    fc.property(
      fc.nat(TOKEN_PART_LENGTH * 2),
      fc.string({ minLength: 1, maxLength: 1, unit: 'binary' }),
      (at, replacement) => {
        const { id, secret, token } = generateSessionToken();
        expect(parseSessionToken(token)).toEqual({ id, secret });
        const changed = token.slice(0, at) + replacement + token.slice(at + 1);
        if (changed === token) return;
        const parts = parseSessionToken(changed);
        expect(parts === null || parts.id !== id || parts.secret !== secret).toBe(true);
      },
    ),
    { numRuns: 1000 },
  );
});

let folder: string;
let db: Database;
let token: string;
let sessionId: string;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'rtw-cookie-'));
  db = await createDb(`file:${join(folder, 'cookie.db')}`);
  await migrateDb(db);
  await db.write(async (orm) => {
    await orm.insert(organisation).values({ id: 'org', name: 'Cookie Sdn Bhd', nameKey: 'cookie sdn bhd' });
    await orm.insert(user).values({
      id: 'u1',
      email: 'cookie@example.my',
      fullName: 'Cookie Tester',
      passwordHash: 'x',
      organisationId: 'org',
    });
  });
  const created = await createSession(db, 'u1', Date.now());
  token = created.token;
  sessionId = created.session.id;
});

afterAll(() => {
  db.close();
  rmSync(folder, { recursive: true, force: true });
});

test('validateSessionToken turns every hostile cookie value into "signed out" without throwing', async () => {
  expect((await validateSessionToken(db, token, Date.now()))?.user.id).toBe('u1');
  const forged = fc.oneof(
    anyText,
    tokenPart.map((secret) => `${sessionId}.${secret}`),
    fc
      .nat(token.length - 1)
      .map((at) => `${token.slice(0, at)}${token[at] === 'a' ? 'b' : 'a'}${token.slice(at + 1)}`),
  );
  await fc.assert(
    fc.asyncProperty(forged, async (value) => {
      fc.pre(value !== token);
      expect(await validateSessionToken(db, value, Date.now())).toBeNull();
    }),
    { numRuns: 500 },
  );
  // Nothing above signed the real session out.
  expect((await validateSessionToken(db, token, Date.now()))?.user.id).toBe('u1');
});
