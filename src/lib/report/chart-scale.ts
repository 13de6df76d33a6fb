/** Axis maths for the report charts (counts only). Pure. */

/** The smallest "nice" whole step (1, 2 or 5 times a power of ten) at least `raw`. */
function niceStep(raw: number): number {
  if (raw <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const factor of [1, 2, 5, 10]) {
    if (factor * power >= raw) return factor * power;
  }
  return 10 * power;
}

export interface CountAxis {
  /** The top of the axis: a multiple of `step`, at least the largest value (and at least 1). */
  max: number;
  step: number;
  /** 0, step, 2·step … max. */
  ticks: number[];
}

/** An axis for whole counts from 0, with about `targetTicks` intervals. */
export function countAxis(largest: number, targetTicks = 4): CountAxis {
  const top = Math.max(1, Math.ceil(largest));
  const step = niceStep(top / Math.max(1, targetTicks));
  const max = Math.ceil(top / step) * step;
  const ticks: number[] = [];
  for (let value = 0; value <= max; value += step) ticks.push(value);
  return { max, step, ticks };
}
