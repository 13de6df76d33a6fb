/**
 * One worker process for the multi-process outbox test: drains the outbox of DATABASE_URL
 * through SMTP_URL until nothing is due, then prints its report as JSON.
 */
import { createDb } from '#src/lib/server/db.ts';
import { drainOutbox } from '#src/lib/server/mail/sender.ts';
import { createSmtpTransport } from '#src/lib/server/mail/transport.ts';

const db = await createDb(process.env.DATABASE_URL ?? '', { busyTimeoutMs: 10_000 });
const transport = createSmtpTransport(process.env.SMTP_URL ?? '');
const total = { sent: 0, retrying: 0, failed: 0, expired: 0, lostClaims: 0 };
// Small batches, so that both workers are claiming while the other one sends.
for (;;) {
  const report = await drainOutbox({
    db,
    transport,
    settings: { from: 'RTW Academy <no-reply@test.example>', siteUrl: 'https://rtw.test' },
    batchSize: 2,
    maxPerRun: 2,
  });
  for (const key of Object.keys(total) as (keyof typeof total)[]) total[key] += report[key];
  if (report.sent + report.retrying + report.failed + report.expired + report.lostClaims === 0) break;
}
transport.close();
db.close();
console.log(JSON.stringify(total));
