import { AsyncLocalStorage } from 'node:async_hooks';
import { createRequire } from 'node:module';
import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';

export type { Logger } from 'pino';

const levels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof levels)[number];

export interface LoggerSettings {
  /** `info` unless LOG_LEVEL says otherwise. */
  level?: string | undefined;
  /** Human-readable lines (pino-pretty) instead of one JSON object per line. */
  pretty: boolean;
}

/** Fields that must never reach a log line, wherever they appear in the logged object. */
const redactedPaths = [
  'password',
  'token',
  'email',
  'secret',
  '*.password',
  '*.token',
  '*.email',
  '*.secret',
  'req.headers.cookie',
  'req.headers.authorization',
];

// On globalThis: the built server may hold two copies of this module (the app's and Astro's
// logger destination), and both must see the request being served.
const scopeKey = Symbol.for('rtw-academy.request-scope');
const requestScope = ((globalThis as { [scopeKey]?: AsyncLocalStorage<{ reqId: string }> })[scopeKey] ??=
  new AsyncLocalStorage<{ reqId: string }>());

/** Runs `work` so that every log line written during it carries `reqId`. */
export function runWithRequestId<T>(reqId: string, work: () => T): T {
  return requestScope.run({ reqId }, work);
}

/** Runs `work` outside any request, so timers it starts do not carry that request's id. */
export function outsideRequest<T>(work: () => T): T {
  return requestScope.exit(work);
}

/** LOG_LEVEL when it names a pino level, otherwise `info`. */
export function parseLogLevel(value: string | undefined): LogLevel {
  const level = value?.trim().toLowerCase();
  return levels.find((known) => known === level) ?? 'info';
}

/**
 * A pino logger: JSON lines in production, pino-pretty in development. pino-pretty is a
 * development dependency, so a production install without it falls back to JSON.
 */
export function createLogger(settings: LoggerSettings, destination?: DestinationStream): Logger {
  const options: LoggerOptions = {
    level: parseLogLevel(settings.level),
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: redactedPaths, censor: '[redacted]' },
    serializers: { err: pino.stdSerializers.err, error: pino.stdSerializers.err },
    // The request id of the request this line was written in, wherever in the code that was.
    mixin: () => requestScope.getStore() ?? {},
  };
  if (destination) return pino(options, destination);
  if (settings.pretty) {
    const pretty = loadPrettyStream();
    if (pretty) return pino(options, pretty);
  }
  return pino(options, pino.destination({ dest: 1, sync: true }));
}

function loadPrettyStream(): DestinationStream | undefined {
  try {
    // Resolved at run time: the production image installs no development dependencies.
    const require = createRequire(import.meta.url);
    const pretty = require('pino-pretty') as (options: object) => DestinationStream;
    return pretty({ sync: true, colorize: process.stdout.isTTY, ignore: 'pid,hostname', singleLine: true });
  } catch {
    return undefined;
  }
}

/** The logger of a script (backup, restore, jobs, serve): pretty on a terminal, JSON otherwise. */
export function createScriptLogger(): Logger {
  return createLogger({
    level: process.env.LOG_LEVEL,
    pretty: process.stdout.isTTY && process.env.NODE_ENV !== 'production',
  });
}
