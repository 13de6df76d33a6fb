/**
 * Noto Sans for the printed handbook, from the @fontsource/noto-sans package: `@font-face` rules
 * with the fonts inlined as data URLs, so the page needs no file or network access to load them.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Latin and Latin Extended cover English and Malay text, names included. */
const subsets = ['latin', 'latin-ext'] as const;
const faces = [
  { weight: 400, style: 'normal' },
  { weight: 400, style: 'italic' },
  { weight: 600, style: 'normal' },
  { weight: 700, style: 'normal' },
  { weight: 700, style: 'italic' },
] as const;

function fontsourceFolder(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('@fontsource/noto-sans/package.json'));
}

/** `@font-face` rules for the weights and styles the handbook uses, fonts inlined. */
export function notoSansFontCss(): string {
  const folder = fontsourceFolder();
  const rules: string[] = [];
  for (const subset of subsets) {
    for (const face of faces) {
      const file = `noto-sans-${subset}-${face.weight}-${face.style}.woff2`;
      // The package's CSS for the weight carries each subset's unicode-range.
      const packageCss = readFileSync(
        join(folder, `${face.weight}${face.style === 'italic' ? '-italic' : ''}.css`),
        'utf8',
      );
      const block = packageCss.split('@font-face').find((rule) => rule.includes(`/${file}`)) ?? '';
      const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
      const font = readFileSync(join(folder, 'files', file));
      rules.push(
        `@font-face { font-family: 'Noto Sans'; font-style: ${face.style}; font-weight: ${face.weight}; ` +
          `src: url(data:font/woff2;base64,${font.toString('base64')}) format('woff2');` +
          (range ? ` unicode-range: ${range};` : '') +
          ' }',
      );
    }
  }
  return rules.join('\n');
}
