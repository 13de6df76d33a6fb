/** People and employers for the mail tests, written straight into a test database. */
import { organisation, user, type Locale } from '#db/schema.ts';
import type { Role } from '#src/lib/roles.ts';
import { hashPassword } from '#src/lib/server/account/password.ts';
import type { Database } from '#src/lib/server/db.ts';
import { newId } from '#src/lib/server/ids.ts';

export const TEST_PASSWORD = 'kopi-o-kosong-panas';
let passwordHash: Promise<string> | undefined;

export async function addEmployer(db: Database, name: string): Promise<string> {
  const id = newId();
  await db.write((orm) =>
    orm.insert(organisation).values({ id, name, nameKey: name.toLowerCase().replace(/\s+/gu, ' ') }),
  );
  return id;
}

export async function addPerson(
  db: Database,
  input: {
    email: string;
    fullName?: string;
    role?: Role;
    locale?: Locale;
    organisationId?: string | null;
    verified?: boolean;
    status?: 'active' | 'deactivated';
    createdAt?: number;
    lastActiveAt?: number | null;
  },
): Promise<string> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const id = newId();
  const createdAt = new Date(input.createdAt ?? Date.now());
  await db.write(async (orm) =>
    orm.insert(user).values({
      id,
      email: input.email,
      fullName: input.fullName ?? 'Siti Nur Aisyah binti Abdullah',
      passwordHash: await passwordHash!,
      role: input.role ?? 'learner',
      organisationId: input.organisationId ?? null,
      locale: input.locale ?? 'en',
      status: input.status ?? 'active',
      createdAt,
      lastActiveAt:
        input.lastActiveAt === undefined
          ? createdAt
          : input.lastActiveAt === null
            ? null
            : new Date(input.lastActiveAt),
      emailVerifiedAt: input.verified === false ? null : createdAt,
    }),
  );
  return id;
}
