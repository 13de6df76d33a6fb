import { existsSync } from 'node:fs';

/** Debian's Chromium (or CHROMIUM_PATH), or null when this machine has none. */
export function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((path): path is string => !!path && existsSync(path)) ?? null;
}
