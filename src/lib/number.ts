/**
 * Numbers as people here read them. Building an `Intl.NumberFormat` costs far more than using
 * one, so each language tag and precision gets one formatter per process, like the dates of
 * `time.ts`. Isomorphic and pure.
 */

export interface NumberStyle {
  /** Decimals shown at most (Intl's own default unless given: 3, or 0 for a percentage). */
  maximumFractionDigits?: number;
  /** `percent` formats a 0..1 share as a percentage. */
  style?: 'decimal' | 'percent';
}

const cache = new Map<string, Intl.NumberFormat>();

/** The shared formatter for a BCP 47 language tag (`intlLocale(locale)`) and style. */
export function numberFormatter(tag: string, options: NumberStyle = {}): Intl.NumberFormat {
  const { style = 'decimal', maximumFractionDigits } = options;
  const key = `${tag} ${style} ${maximumFractionDigits ?? ''}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(
      tag,
      maximumFractionDigits === undefined ? { style } : { style, maximumFractionDigits },
    );
    cache.set(key, format);
  }
  return format;
}
