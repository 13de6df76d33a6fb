/**
 * Astro's own log lines (`logger` in astro.config.mjs). In the production server they become
 * pino JSON lines like the app's, so a page error's stack trace lands in the log with the request
 * id of the request that failed. The dev server and `astro build` keep Astro's usual output.
 */
import type { AstroLoggerDestination, AstroLoggerMessage } from 'astro';
import nodeDestination from 'astro/logger/node';
import { createLogger } from './log.ts';

// Stripped from messages: Astro colours its text for terminals.
const colourCodes = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

function productionServer(): boolean {
  // Inside the built server Vite replaces these two expressions with `true`; `astro build` and
  // `astro dev` load this file with plain Node, where import.meta.env is undefined.
  try {
    return import.meta.env.PROD && import.meta.env.SSR;
  } catch {
    return false;
  }
}

export default function astroLogDestination(): AstroLoggerDestination {
  if (!productionServer()) return nodeDestination();
  const log = createLogger({ level: process.env.LOG_LEVEL, pretty: false }).child({ component: 'astro' });
  return {
    write(event: AstroLoggerMessage) {
      const fields = event.label ? { label: event.label } : {};
      const message = event.message.replace(colourCodes, '').trimEnd();
      switch (event.level) {
        case 'debug':
          log.debug(fields, message);
          break;
        case 'info':
          log.info(fields, message);
          break;
        case 'warn':
          log.warn(fields, message);
          break;
        case 'error':
          log.error(fields, message);
          break;
        case 'silent':
          break;
      }
    },
  };
}
