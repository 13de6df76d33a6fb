/**
 * `npm run names:check`: lists the stored names (people, employers, certificate holders) that
 * the look-alike rules would now refuse: hidden characters, more than two combining marks on a
 * letter, or text not in Unicode NFC. It changes nothing; an admin follows up with each person.
 * `db:migrate` prints how many there are. Exit code 0 either way, or 1 with `--fail`.
 */
import { createDb, migrateDb } from '#src/lib/server/db.ts';
import { findLookAlikeNames } from '#src/lib/server/account/name-report.ts';
import { databaseUrl } from './db-url.ts';

const db = await createDb(databaseUrl(), { authToken: process.env.DATABASE_AUTH_TOKEN });
await migrateDb(db);
const findings = await findLookAlikeNames(db);
db.close();
if (findings.length === 0) {
  console.log('Every stored name passes the look-alike rules.');
} else {
  console.log(`${findings.length} stored name(s) would not pass the look-alike rules (nothing was changed):`);
  for (const finding of findings) {
    console.log(
      `- ${finding.table} ${finding.id} (${finding.label}): ${finding.problem}: ${finding.visible}`,
    );
  }
  console.log('Ask each person to correct their name on their profile; re-issue affected certificates.');
}
if (process.argv.includes('--fail') && findings.length > 0) process.exit(1);
