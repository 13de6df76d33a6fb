/**
 * Demo data for `npm start` on the default local database: employers and accounts in every
 * role and state, so that a newcomer finds every screen populated. Idempotent: a database
 * that already has the demo admin is left as it is.
 */
import { eq } from 'drizzle-orm';
import type { Database, Orm } from '#src/lib/server/db.ts';
import { newId } from '#src/lib/server/ids.ts';
import { findOrCreateOrganisation } from '#src/lib/server/employer/directory.ts';
import { hashPassword } from '#src/lib/server/account/password.ts';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { mfaCredential, user } from '#db/schema.ts';
import { requiresMfa, type Role } from '#src/lib/roles.ts';

/** Every demo account signs in with this password (documented in the README). */
export const DEMO_PASSWORD = 'rtw-demo-2026';

/**
 * The TOTP key (base32) of every demo account whose role requires two-step verification, so the
 * demo admin can sign in with `npm run demo:totp` and the browser tests can compute its codes.
 * Published in the README: for demo and test databases only, never a real account.
 */
export const DEMO_TOTP_SECRET = 'RTWDEMOTOTPKEYFORDEMOANDTESTONLY';

export const demoEmployers = [
  'Syarikat Elektronik Cahaya Sdn Bhd',
  'Lintas Pulau Logistics Sdn Bhd',
  'Hotel Seri Selatan Johor Bahru',
  'Ladang Sungai Sarawak Berhad',
] as const;

export interface DemoAccount {
  email: string;
  fullName: string;
  role: Role;
  employer: (typeof demoEmployers)[number] | 'RTW Academy';
  locale?: 'en' | 'ms';
  /** Days ago the account was registered (default 90): before anything the other steps give it. */
  registeredDaysAgo?: number;
}

export const demoAccounts: DemoAccount[] = [
  {
    email: 'admin@demo.rtw-academy.my',
    fullName: 'Nurul Huda binti Ismail',
    role: 'admin',
    employer: 'RTW Academy',
  },
  {
    email: 'trainer@demo.rtw-academy.my',
    fullName: 'Rajesh a/l Subramaniam',
    role: 'trainer',
    employer: 'RTW Academy',
  },
  {
    email: 'learner@demo.rtw-academy.my',
    fullName: 'Siti Nur Aisyah binti Abdullah',
    role: 'learner',
    employer: 'Syarikat Elektronik Cahaya Sdn Bhd',
    // She finished the supervisors' course about two years ago (seed/certificates.ts).
    registeredDaysAgo: 760,
  },
  {
    email: 'tan.weiming@demo.rtw-academy.my',
    fullName: 'Tan Wei Ming',
    role: 'learner',
    employer: 'Lintas Pulau Logistics Sdn Bhd',
  },
  {
    email: 'kavitha@demo.rtw-academy.my',
    fullName: 'Kavitha a/p Ramasamy',
    role: 'learner',
    employer: 'Hotel Seri Selatan Johor Bahru',
    locale: 'ms',
  },
  {
    email: 'jugah@demo.rtw-academy.my',
    fullName: 'Jugah anak Nyandang',
    role: 'learner',
    employer: 'Ladang Sungai Sarawak Berhad',
  },
  {
    email: 'mei.ling@demo.rtw-academy.my',
    fullName: 'Lim Mei Ling',
    role: 'learner',
    employer: 'Syarikat Elektronik Cahaya Sdn Bhd',
  },
  {
    email: 'hafiz@demo.rtw-academy.my',
    fullName: 'Muhammad Hafiz bin Othman',
    role: 'learner',
    employer: 'Lintas Pulau Logistics Sdn Bhd',
  },
];

/** Extra demo steps that later features register (enrolments, progress, attempts, certificates). */
export type SeedStep = (orm: Orm, context: { now: number; users: Map<string, string> }) => Promise<string>;

export async function seedDemo(db: Database, now: number, steps: SeedStep[] = []): Promise<string> {
  const admin = demoAccounts[0];
  if (!admin) throw new Error('No demo accounts defined');
  const [existing] = await db.orm.select({ id: user.id }).from(user).where(eq(user.email, admin.email));
  if (existing) return 'Demo data is already in the database.';

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const report: string[] = [];
  await db.write(async (orm) => {
    const users = new Map<string, string>();
    for (const account of demoAccounts) {
      const org = await findOrCreateOrganisation(orm, account.employer);
      const id = newId();
      await orm.insert(user).values({
        id,
        email: account.email,
        fullName: account.fullName,
        passwordHash,
        role: account.role,
        organisationId: org.id,
        locale: account.locale ?? 'en',
        createdAt: new Date(now - (account.registeredDaysAgo ?? 90) * 24 * 3600_000),
        lastActiveAt: new Date(now - 24 * 3600_000),
      });
      users.set(account.email, id);
      if (requiresMfa(account.role)) {
        await orm.insert(mfaCredential).values({
          userId: id,
          secret: Buffer.from(decodeBase32IgnorePadding(DEMO_TOTP_SECRET)),
          createdAt: new Date(now - 90 * 24 * 3600_000),
          confirmedAt: new Date(now - 90 * 24 * 3600_000),
        });
      }
    }
    for (const name of demoEmployers) await findOrCreateOrganisation(orm, name);
    report.push(`Seeded ${demoAccounts.length} demo accounts (password "${DEMO_PASSWORD}").`);
    report.push('Demo admins sign in with a second step: `npm run demo:totp` prints the current code.');
    for (const step of steps) report.push(await step(orm, { now, users }));
  });
  return report.join('\n');
}
