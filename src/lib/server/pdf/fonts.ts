/**
 * The bundled Noto fonts (npm @fontsource packages, split by Unicode range): which face has a
 * glyph for a character, loading faces once, and splitting text into runs of one face.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fontkit from '@cantoo/fontkit';
import type { Font as FontkitFont } from '@cantoo/fontkit';

export type FontWeight = 400 | 700;

export interface FontFace {
  readonly key: string;
  readonly specifier: string;
  readonly ranges: ReadonlyArray<readonly [number, number]>;
  font?: FontkitFont;
  bytes?: Uint8Array;
}

const packageRequire = createRequire(import.meta.url);

// Order is preference: the first face that has a glyph wins.
const fontPackages: ReadonlyArray<{ name: string; prefix: string; subsets: (keys: string[]) => string[] }> = [
  {
    name: '@fontsource/noto-sans',
    prefix: 'noto-sans',
    subsets: () => [
      'latin',
      'latin-ext',
      'vietnamese',
      'greek',
      'greek-ext',
      'cyrillic',
      'cyrillic-ext',
      'devanagari',
    ],
  },
  { name: '@fontsource/noto-sans-tamil', prefix: 'noto-sans-tamil', subsets: () => ['tamil'] },
  {
    // Chinese comes in about 100 numbered chunks ("[4]", "[21]", ...) listed in unicode.json.
    name: '@fontsource/noto-sans-sc',
    prefix: 'noto-sans-sc',
    subsets: (keys) =>
      keys
        .map((key) => /^\[(\d+)\]$/u.exec(key)?.[1])
        .filter((chunk): chunk is string => chunk !== undefined)
        .sort((a, b) => Number(a) - Number(b)),
  },
];

const facesByWeight = new Map<FontWeight, FontFace[]>();
const faceIndexByWeight = new Map<FontWeight, Map<number, FontFace | null>>();
// pdf-lib parses font bytes again for every document; handing it the already parsed font (seen
// through `keepingLayouts`) keeps the WOFF decompression and table parsing to once per process.
const parsedFontByBytes = new WeakMap<Uint8Array, FontkitFont>();

/** fontkit for pdf-lib's registerFontkit: reuses the faces this module already parsed. */
export const cachedFontkit = {
  create: (bytes: Uint8Array, postscriptName?: string) =>
    parsedFontByBytes.get(bytes) ?? fontkit.create(bytes, postscriptName ?? ''),
};

type GlyphRun = ReturnType<FontkitFont['layout']>;
const keptLayoutLimit = 2000;

/**
 * `font` whose `layout` (shaping: GSUB and GPOS lookups, most of the cost of drawing a text)
 * answers a text it shaped before with the same glyph run. pdf-lib shapes every string it draws,
 * in every document, and a certificate or job aid repeats most of its strings; pdf-lib only reads
 * the run (its glyphs go into that document's own subset), so sharing it changes no byte of any
 * document. Layouts asked for with features, a script, a language or a direction are not kept.
 * The kept runs start over when they reach their limit.
 */
function keepingLayouts(font: FontkitFont): FontkitFont {
  const runs = new Map<string, GlyphRun>();
  const layout = (text: unknown, ...options: unknown[]): GlyphRun => {
    const shape = () => (font.layout as (...args: unknown[]) => GlyphRun)(text, ...options);
    if (typeof text !== 'string' || options.some((option) => option !== undefined)) return shape();
    let run = runs.get(text);
    if (!run) {
      if (runs.size >= keptLayoutLimit) runs.clear();
      run = shape();
      runs.set(text, run);
    }
    return run;
  };
  return new Proxy(font, {
    get: (target, property, receiver) =>
      property === 'layout' ? layout : (Reflect.get(target, property, receiver) as unknown),
  });
}

function parseRanges(list: string): Array<readonly [number, number]> {
  return list.split(',').map((part) => {
    const [start = '', end] = part.trim().replace(/^U\+/iu, '').split('-');
    return [parseInt(start, 16), parseInt(end ?? start, 16)] as const;
  });
}

function facesFor(weight: FontWeight): FontFace[] {
  const cached = facesByWeight.get(weight);
  if (cached) return cached;
  const faces: FontFace[] = [];
  for (const pkg of fontPackages) {
    const unicode = JSON.parse(
      readFileSync(packageRequire.resolve(`${pkg.name}/unicode.json`), 'utf8'),
    ) as Record<string, string>;
    for (const subset of pkg.subsets(Object.keys(unicode))) {
      const ranges = unicode[subset] ?? unicode[`[${subset}]`];
      if (ranges === undefined) continue;
      const file = `${pkg.prefix}-${subset}-${weight}-normal.woff`;
      faces.push({
        key: file.replace(/\.woff$/u, ''),
        specifier: `${pkg.name}/files/${file}`,
        ranges: parseRanges(ranges),
      });
    }
  }
  facesByWeight.set(weight, faces);
  return faces;
}

export function loadFace(face: FontFace): FontkitFont {
  if (face.font) return face.font;
  const bytes = new Uint8Array(readFileSync(packageRequire.resolve(face.specifier)));
  const font = fontkit.create(bytes);
  if (!('hasGlyphForCodePoint' in font))
    throw new Error(`${face.specifier} is a font collection, not a font`);
  face.bytes = bytes;
  face.font = font;
  parsedFontByBytes.set(bytes, keepingLayouts(font));
  return font;
}

/**
 * The face that draws a code point: among the files whose declared Unicode range covers it,
 * the first whose font really has the glyph (`hasGlyphForCodePoint`). Cached per process.
 */
export function faceForCodePoint(codePoint: number, weight: FontWeight): FontFace | null {
  let index = faceIndexByWeight.get(weight);
  if (!index) {
    index = new Map();
    faceIndexByWeight.set(weight, index);
  }
  const known = index.get(codePoint);
  if (known !== undefined) return known;
  let found: FontFace | null = null;
  for (const face of facesFor(weight)) {
    if (!face.ranges.some(([start, end]) => codePoint >= start && codePoint <= end)) continue;
    if (loadFace(face).hasGlyphForCodePoint(codePoint)) {
      found = face;
      break;
    }
  }
  index.set(codePoint, found);
  return found;
}

export function primaryFace(weight: FontWeight): FontFace {
  const face = facesFor(weight)[0];
  if (!face) throw new Error('The Noto Sans latin font is missing from @fontsource/noto-sans');
  loadFace(face);
  return face;
}

interface FaceRun {
  readonly text: string;
  readonly face: FontFace;
}

// Marks and joiners belong to the character before them even if another face also has them.
const attachesToPrevious = /^[\p{M}\u200c\u200d\ufe00-\ufe0f]$/u;

/**
 * Splits text into runs that one face can draw. A character stays in the current run when
 * that run's face has it (spaces, punctuation, marks), so shaping sees whole words.
 */
export function splitIntoRuns(text: string, weight: FontWeight): FaceRun[] {
  const runs: Array<{ text: string; face: FontFace }> = [];
  for (const char of text.normalize('NFC')) {
    const codePoint = char.codePointAt(0) ?? 0;
    const current = runs.at(-1);
    if (current && (current.face.font?.hasGlyphForCodePoint(codePoint) || attachesToPrevious.test(char))) {
      current.text += char;
      continue;
    }
    // Nothing covers it: draw it with the main face (a visible box) rather than drop it.
    const face = faceForCodePoint(codePoint, weight) ?? current?.face ?? primaryFace(weight);
    if (current && current.face === face) current.text += char;
    else runs.push({ text: char, face });
  }
  return runs;
}

/**
 * The characters of `text` that no bundled font can draw (they would print as boxes), so a
 * caller can refuse a name before issuing a certificate.
 */
export function findUnsupportedCharacters(text: string): string[] {
  const missing = new Set<string>();
  for (const char of text.normalize('NFC')) {
    if (/^[\s\p{Cc}\p{Cf}]$/u.test(char) || attachesToPrevious.test(char)) continue;
    if (faceForCodePoint(char.codePointAt(0) ?? 0, 400) === null) missing.add(char);
  }
  return [...missing];
}
