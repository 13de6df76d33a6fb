/** Starts the mail sink (mail-sink.ts) as a child process and reads what it received. */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { ReceivedMail } from './mime.ts';

export type { ReceivedMail } from './mime.ts';

export interface MailSink {
  /** `smtp://127.0.0.1:<port>` */
  smtpUrl: string;
  smtpPort: number;
  httpPort: number;
  messages(): Promise<ReceivedMail[]>;
  /** Waits until a message matching `match` has arrived (polls; fails after `timeoutMs`). */
  waitFor(match: (mail: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  clear(): Promise<void>;
  setMode(mode: 'ok' | 'tempfail'): Promise<void>;
  stop(): Promise<void>;
}

const script = fileURLToPath(new URL('./mail-sink.ts', import.meta.url));

/** Reads from an already running sink (the browser tests start it as a Playwright web server). */
export function connectMailSink(ports: { smtp: number; http: number }, child?: ChildProcess): MailSink {
  const base = `http://127.0.0.1:${ports.http}`;
  const messages = async (): Promise<ReceivedMail[]> =>
    (await (await fetch(`${base}/messages`)).json()) as ReceivedMail[];
  return {
    smtpUrl: `smtp://127.0.0.1:${ports.smtp}`,
    smtpPort: ports.smtp,
    httpPort: ports.http,
    messages,
    async waitFor(match, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = (await messages()).find(match);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`No matching message arrived within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async clear() {
      await fetch(`${base}/messages`, { method: 'DELETE' });
    },
    async setMode(mode) {
      await fetch(`${base}/mode`, { method: 'POST', body: mode });
    },
    async stop() {
      if (!child || child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

/** Starts a sink on free ports in a new process. */
export async function startMailSink(): Promise<MailSink> {
  const child = spawn(process.execPath, [script, '--smtp', '0', '--http', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const [line] = (await Promise.race([
    once(lines, 'line'),
    once(child, 'exit').then(() => {
      throw new Error('The mail sink stopped before it listened');
    }),
  ])) as [string];
  const ports = JSON.parse(line) as { smtp: number; http: number };
  return connectMailSink(ports, child);
}
