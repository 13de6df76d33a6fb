/**
 * Names stored before the look-alike rules (issue 18) that would not pass them now: hidden
 * characters or stacked combining marks, in people's names, employer names and the holder names
 * printed on certificates. Reported for an admin to follow up; never changed here.
 */
import { certificate, organisation, user } from '#db/schema.ts';
import { findLookAlikeProblem } from '#src/lib/account/rules.ts';
import type { Database } from '#src/lib/server/db.ts';

export interface NameFinding {
  table: 'user' | 'organisation' | 'certificate';
  id: string;
  /** Who or what it is, for the admin reading the report (email, employer or serial). */
  label: string;
  problem: 'hidden-characters' | 'stacked-marks' | 'not-nfc';
  /** The name with every hidden or combining character shown as U+XXXX. */
  visible: string;
}

/** Shows the characters that make a name look like another. */
export function revealCharacters(value: string): string {
  return [...value]
    .map((c) =>
      /[\p{L}\p{N}\p{P}\p{S}\p{Zs}]/u.test(c) && !/\p{M}/u.test(c)
        ? c
        : `<U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}>`,
    )
    .join('');
}

function check(value: string): NameFinding['problem'] | null {
  return findLookAlikeProblem(value) ?? (value.normalize('NFC') === value ? null : 'not-nfc');
}

/** Every stored name that breaks the rules, reading each table once. */
export async function findLookAlikeNames(db: Database): Promise<NameFinding[]> {
  const findings: NameFinding[] = [];
  const people = await db.orm.select({ id: user.id, name: user.fullName, email: user.email }).from(user);
  for (const row of people) {
    const problem = check(row.name);
    if (problem)
      findings.push({
        table: 'user',
        id: row.id,
        label: row.email,
        problem,
        visible: revealCharacters(row.name),
      });
  }
  const employers = await db.orm.select({ id: organisation.id, name: organisation.name }).from(organisation);
  for (const row of employers) {
    const problem = check(row.name);
    if (problem)
      findings.push({
        table: 'organisation',
        id: row.id,
        label: row.name,
        problem,
        visible: revealCharacters(row.name),
      });
  }
  const certificates = await db.orm
    .select({ id: certificate.id, name: certificate.holderName, serial: certificate.serial })
    .from(certificate);
  for (const row of certificates) {
    const problem = check(row.name);
    if (problem)
      findings.push({
        table: 'certificate',
        id: row.id,
        label: row.serial,
        problem,
        visible: revealCharacters(row.name),
      });
  }
  return findings;
}
