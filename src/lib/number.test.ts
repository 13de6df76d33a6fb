import { describe, expect, it } from 'vitest';
import { numberFormatter } from './number.ts';

describe('numberFormatter', () => {
  it('formats as a new Intl.NumberFormat with the same options would', () => {
    const cases: [string, Intl.NumberFormatOptions, number][] = [
      ['en-MY', {}, 1234.56789],
      ['ms-MY', {}, 1234.56789],
      ['en-MY', { maximumFractionDigits: 1 }, 83.333],
      ['ms-MY', { maximumFractionDigits: 2 }, 1.005],
      ['en-MY', { style: 'percent', maximumFractionDigits: 0 }, 0.456],
      ['ms-MY', { style: 'percent' }, 0.456],
    ];
    for (const [tag, options, value] of cases) {
      const style = options.style === 'percent' ? 'percent' : 'decimal';
      const shared = numberFormatter(tag, { style, maximumFractionDigits: options.maximumFractionDigits });
      expect(shared.format(value)).toBe(new Intl.NumberFormat(tag, options).format(value));
    }
  });

  it('gives one formatter per language and style, built once', () => {
    const first = numberFormatter('en-MY', { maximumFractionDigits: 1 });
    expect(numberFormatter('en-MY', { maximumFractionDigits: 1 })).toBe(first);
    expect(numberFormatter('ms-MY', { maximumFractionDigits: 1 })).not.toBe(first);
    expect(numberFormatter('en-MY', { maximumFractionDigits: 2 })).not.toBe(first);
    expect(numberFormatter('en-MY')).not.toBe(first);
    expect(numberFormatter('en-MY', { style: 'percent', maximumFractionDigits: 1 })).not.toBe(first);
  });
});
