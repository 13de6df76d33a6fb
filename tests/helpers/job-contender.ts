/**
 * A separate process that contends for one job: prints `ready`, waits for `go` on stdin, runs
 * the job `contended` through runJobOnce and prints the result as JSON. Used by tests/jobs.test.ts.
 * Usage: node tests/helpers/job-contender.ts <database url> <run ms>
 */
import { createInterface } from 'node:readline';
import { sql } from 'drizzle-orm';
import { createDb } from '#src/lib/server/db.ts';
import { createHolderId } from '#src/lib/server/jobs/lease.ts';
import { runJobOnce } from '#src/lib/server/jobs/scheduler.ts';
import { createLogger } from '#src/lib/server/ops/log.ts';

const [url, runMs] = process.argv.slice(2);
const db = await createDb(url!);
const log = createLogger({ level: 'silent', pretty: false });
const lines = createInterface({ input: process.stdin });
console.log('ready');
for await (const line of lines) if (line.trim() === 'go') break;
const result = await runJobOnce(
  db,
  {
    name: 'contended',
    everyMs: 60 * 60_000,
    async run({ db: jobDb }) {
      await jobDb.write((orm) =>
        orm.run(
          sql`INSERT INTO counter (name, value) VALUES ('contended-runs', 1) ON CONFLICT (name) DO UPDATE SET value = value + 1`,
        ),
      );
      await new Promise((resolve) => setTimeout(resolve, Number(runMs)));
    },
  },
  { holder: createHolderId(), log },
);
console.log(JSON.stringify(result));
lines.close();
db.close();
