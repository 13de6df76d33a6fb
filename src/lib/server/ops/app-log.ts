import { LOG_LEVEL } from 'astro:env/server';
import { createLogger, type Logger } from './log.ts';

let logger: Logger | undefined;

/** The server's logger: JSON lines in a production build, pino-pretty under the dev server. */
export function appLog(): Logger {
  logger ??= createLogger({ level: LOG_LEVEL, pretty: import.meta.env.DEV });
  return logger;
}
