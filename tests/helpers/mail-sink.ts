/**
 * A real SMTP server for the tests (the `smtp-server` package) in its own process, with a small
 * HTTP side to read what it received. Run: `node tests/helpers/mail-sink.ts [--smtp N] [--http N]`
 * (0 = any free port); it prints `{"smtp":N,"http":N}` once both listen.
 *
 * Recipients whose address contains `tempfail` get 451 (try again later), `permfail` get 550.
 * `POST /mode` with `tempfail` makes every recipient get 451 until `POST /mode` with `ok`.
 * With credentials, only `rtw` / `sink-pass` is accepted (535 otherwise).
 *
 * HTTP: GET /messages (JSON), DELETE /messages, POST /mode, GET /healthz.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { parseMessage, type ReceivedMail } from './mime.ts';

function arg(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  return Number.isInteger(value) ? value : fallback;
}

const received: ReceivedMail[] = [];
let mode: 'ok' | 'tempfail' = 'ok';

function smtpError(message: string, responseCode: number): Error {
  return Object.assign(new Error(message), { responseCode });
}

const smtp = new SMTPServer({
  authOptional: true,
  allowInsecureAuth: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onAuth(auth, _session, callback) {
    if (auth.username === 'rtw' && auth.password === 'sink-pass') callback(null, { user: 'rtw' });
    else callback(smtpError('Invalid username or password', 535));
  },
  onRcptTo(address, _session, callback) {
    if (mode === 'tempfail' || address.address.includes('tempfail'))
      callback(smtpError('Mailbox busy, try again later', 451));
    else if (address.address.includes('permfail')) callback(smtpError('No such mailbox', 550));
    else callback();
  },
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      received.push({
        ...parseMessage(raw),
        envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
        receivedAt: Date.now(),
      });
      callback();
    });
  },
});

const http = createServer((request, response) => {
  const send = (status: number, body: unknown) => {
    // No keep-alive: a socket the server closes while idle would fail the next read.
    response.writeHead(status, { 'content-type': 'application/json', connection: 'close' });
    response.end(JSON.stringify(body));
  };
  if (request.url === '/healthz') return send(200, { ok: true });
  if (request.url === '/messages' && request.method === 'GET') return send(200, received);
  if (request.url === '/messages' && request.method === 'DELETE') {
    received.length = 0;
    return send(200, { ok: true });
  }
  if (request.url === '/mode' && request.method === 'POST') {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      mode = body.trim() === 'tempfail' ? 'tempfail' : 'ok';
      send(200, { mode });
    });
    return;
  }
  send(404, { error: 'not found' });
});

await new Promise<void>((resolve) => smtp.listen(arg('smtp', 0), '127.0.0.1', resolve));
await new Promise<void>((resolve) => http.listen(arg('http', 0), '127.0.0.1', resolve));
const smtpPort = (smtp.server.address() as AddressInfo).port;
const httpPort = (http.address() as AddressInfo).port;
console.log(JSON.stringify({ smtp: smtpPort, http: httpPort }));

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    http.close();
    smtp.close(() => process.exit(0));
  });
}
