import { describe, expect, it } from 'vitest';
import { countAxis } from './chart-scale.ts';

describe('countAxis', () => {
  it('gives an empty chart a usable axis', () => {
    expect(countAxis(0)).toEqual({ max: 1, step: 1, ticks: [0, 1] });
  });

  it('uses whole, nice steps that reach the largest value', () => {
    expect(countAxis(3)).toEqual({ max: 3, step: 1, ticks: [0, 1, 2, 3] });
    expect(countAxis(7)).toEqual({ max: 8, step: 2, ticks: [0, 2, 4, 6, 8] });
    expect(countAxis(95)).toEqual({ max: 100, step: 50, ticks: [0, 50, 100] });
    expect(countAxis(1234).max).toBeGreaterThanOrEqual(1234);
  });

  it('always covers the value with at most a few ticks', () => {
    for (let value = 0; value < 5000; value += 37) {
      const axis = countAxis(value);
      expect(axis.max).toBeGreaterThanOrEqual(value);
      expect(axis.ticks.length).toBeLessThanOrEqual(11);
      expect(Number.isInteger(axis.step)).toBe(true);
    }
  });
});
