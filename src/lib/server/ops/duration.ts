import { DAY_MS, HOUR_MS, MINUTE_MS } from '#src/lib/time.ts';

const units: Record<string, number> = { s: 1000, m: MINUTE_MS, h: HOUR_MS, d: DAY_MS };

/** `90s`, `30m`, `6h`, `1d` (or combinations such as `1h30m`) in ms; null when it does not parse. */
export function parseDuration(text: string): number | null {
  const trimmed = text.trim().toLowerCase();
  if (!/^(\d+[smhd])+$/.test(trimmed)) return null;
  let total = 0;
  for (const [, amount, unit] of trimmed.matchAll(/(\d+)([smhd])/g)) total += Number(amount) * units[unit!]!;
  return total > 0 ? total : null;
}
