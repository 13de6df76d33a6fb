import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DIAGRAM_FOLDER, DIAGRAMS, diagramFile } from './catalogue.ts';
import { textWidth, WIDTH } from './svg.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cases = Object.keys(DIAGRAMS).flatMap((name) =>
  (['en', 'ms'] as const).map((language) => ({ name, language, file: diagramFile(name, language) })),
);

/** Every piece of text the SVG draws, with where it starts, its size and its weight. */
function textRuns(
  svg: string,
): Array<{ text: string; x: number; size: number; bold: boolean; anchor: string }> {
  const runs: Array<{ text: string; x: number; size: number; bold: boolean; anchor: string }> = [];
  for (const match of svg.matchAll(/<text ([^>]*)>(.*?)<\/text>/gsu)) {
    const attributes = match[1] ?? '';
    const body = match[2] ?? '';
    const size = Number(/font-size="([\d.]+)"/u.exec(attributes)?.[1] ?? 0);
    const bold = attributes.includes('font-weight="700"');
    const anchor = /text-anchor="(\w+)"/u.exec(attributes)?.[1] ?? 'start';
    const lines = body.includes('<tspan x=')
      ? [...body.matchAll(/<tspan x="([\d.]+)"[^>]*>(.*?)<\/tspan>/gu)].map((line) => ({
          x: Number(line[1]),
          text: line[2] ?? '',
        }))
      : [{ x: Number(/\bx="([\d.]+)"/u.exec(attributes)?.[1] ?? 0), text: body }];
    for (const line of lines) {
      const text = line.text
        .replace(/<[^>]+>/gu, '')
        .replaceAll('&amp;', '&')
        .replaceAll('&#39;', "'");
      runs.push({ text, x: line.x, size, bold, anchor });
    }
  }
  return runs;
}

describe.each(cases)('diagram $file', ({ name, language, file }) => {
  const committed = readFileSync(join(root, DIAGRAM_FOLDER, file), 'utf8');

  it('is up to date with scripts/diagrams (run npm run build:diagrams if not)', () => {
    expect(committed === DIAGRAMS[name]?.(language), `${file} is stale: run npm run build:diagrams`).toBe(
      true,
    );
  });

  it('has an accessible name and description in its own language', () => {
    expect(committed).toMatch(/<svg [^>]*role="img"[^>]*aria-labelledby="[^"]+-title [^"]+-desc"/u);
    expect(committed).toContain(`lang="${language}"`);
    expect(committed).toMatch(/<title id="[^"]+-title">[^<]{10,}<\/title>/u);
    expect(committed).toMatch(/<desc id="[^"]+-desc">[^<]{100,}<\/desc>/u);
  });

  it('keeps every line of text inside its 560-unit width, even in a slightly wider font', () => {
    for (const run of textRuns(committed)) {
      const width = textWidth(run.text, run.size, run.bold);
      const left = run.anchor === 'middle' ? run.x - width / 2 : run.anchor === 'end' ? run.x - width : run.x;
      expect(left, `"${run.text}" starts outside the figure`).toBeGreaterThanOrEqual(0);
      expect(left + width, `"${run.text}" runs past the right edge`).toBeLessThanOrEqual(WIDTH);
    }
  });
});

describe('the early-intervention chart', () => {
  it('no longer marks the first 3 months as a window, and says whose figures it shows', () => {
    const english = readFileSync(join(root, DIAGRAM_FOLDER, 'early-intervention-timeline.svg'), 'utf8');
    expect(english).not.toMatch(/Act early|first 3 months/u);
    expect(english).toContain('Figures SOCSO attributes to Australian studies');
    expect(english).toContain('About 50%');
    expect(english).toContain('About 20%');
  });
});

describe('lessons and handbook chapters', () => {
  const contentRoot = join(root, 'src/content');
  const files = (folder: string): string[] =>
    readdirSync(folder, { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile() && /\.mdx?$/u.test(entry.name))
      .map((entry) => join(entry.parentPath, entry.name));

  it('show the Bahasa Malaysia variant of a diagram in translated files and the English one elsewhere', () => {
    const shown: string[] = [];
    for (const file of files(contentRoot)) {
      const translated = /[/\\]ms[/\\]/u.test(file);
      for (const match of readFileSync(file, 'utf8').matchAll(/src="\/images\/lessons\/([\w-]+)\.svg"/gu)) {
        const stem = match[1] ?? '';
        const base = stem.replace(/-ms$/u, '');
        if (!(base in DIAGRAMS)) continue;
        shown.push(base);
        expect(stem, `${file} shows ${stem}.svg`).toBe(translated ? `${base}-ms` : base);
      }
    }
    expect(new Set(shown)).toEqual(new Set(Object.keys(DIAGRAMS)));
  });
});
