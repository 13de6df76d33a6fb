/** Measuring and drawing mixed-script text with subset-embedded fonts, for every PDF layout. */
import { createHash } from 'node:crypto';
import { rgb, type PDFDocument } from '@cantoo/pdf-lib';
import type { Color, PDFFont, PDFPage } from '@cantoo/pdf-lib';
import {
  cachedFontkit,
  faceForCodePoint,
  loadFace,
  primaryFace,
  splitIntoRuns,
  type FontFace,
  type FontWeight,
} from './fonts.ts';

export interface TextStyle {
  readonly size: number;
  readonly weight?: FontWeight;
  readonly color?: Color;
  /** Extra space after each character, in points. */
  readonly characterSpacing?: number;
}

/** Measures and draws mixed-script text in one document with subset-embedded Noto fonts. */
export interface Typesetter {
  widthOf(text: string, style: TextStyle): number;
  /** Draws text with its left end at x; returns its width. */
  draw(page: PDFPage, text: string, x: number, y: number, style: TextStyle): number;
  drawCentred(page: PDFPage, text: string, centreX: number, y: number, style: TextStyle): void;
  drawRightAligned(page: PDFPage, text: string, rightX: number, y: number, style: TextStyle): void;
  /** The largest size up to `size` at which text fits in maxWidth. */
  fitSize(text: string, maxWidth: number, style: TextStyle): number;
}

function subsetTag(seed: string, faceKey: string): string {
  const digest = createHash('sha256').update(`${seed}\u0000${faceKey}`).digest();
  let tag = '';
  for (let i = 0; i < 6; i++) tag += String.fromCharCode(65 + ((digest[i] ?? 0) % 26));
  return tag;
}

/**
 * What measuring a text costs is shaping it (fontkit's layout), and the answer depends only on
 * the face and the text, not on the document: the runs a text splits into and each run's width
 * at size 1 (widths scale linearly with the size) are kept per process, so the labels every
 * certificate and job aid repeats are shaped for measuring once, not once per document. Drawing
 * shapes through the faces of `cachedFontkit`, which keep their glyph runs the same way
 * (fonts.ts); pdf-lib still adds each run's glyphs to that document's own subset.
 * Both maps start over when they reach their limit.
 */
const keptLimit = 5000;
const runsByText = new Map<string, ReturnType<typeof splitIntoRuns>>();
const unitWidthsByFace = new Map<string, Map<string, number>>();
let keptWidths = 0;

function keptRuns(text: string, weight: FontWeight): ReturnType<typeof splitIntoRuns> {
  const key = `${weight}\u0000${text}`;
  let runs = runsByText.get(key);
  if (!runs) {
    if (runsByText.size >= keptLimit) runsByText.clear();
    runs = splitIntoRuns(text, weight);
    runsByText.set(key, runs);
  }
  return runs;
}

/** The width of `text` in `face` at size 1, measured with `font` (the face embedded) the first time. */
function keptUnitWidth(face: FontFace, text: string, font: PDFFont): number {
  let widths = unitWidthsByFace.get(face.key);
  if (!widths) {
    widths = new Map();
    unitWidthsByFace.set(face.key, widths);
  }
  let unit = widths.get(text);
  if (unit === undefined) {
    if (keptWidths >= keptLimit) {
      for (const kept of unitWidthsByFace.values()) kept.clear();
      keptWidths = 0;
    }
    unit = font.widthOfTextAtSize(text, 1);
    widths.set(text, unit);
    keptWidths++;
  }
  return unit;
}

/**
 * Embeds (as subsets) every face that `texts` need and returns a typesetter for them. Every
 * string later drawn must be made of characters (in the same weight) from `texts`. `seed`
 * makes the subset font names deterministic; pass something derived from the content.
 */
export async function createTypesetter(
  doc: PDFDocument,
  texts: Iterable<{ readonly text: string; readonly weight?: FontWeight }>,
  seed: string,
): Promise<Typesetter> {
  doc.registerFontkit(cachedFontkit);

  // Each character's own face (or the main face) covers every way a substring can split
  // into runs, so callers may draw any part of the texts they passed, such as wrapped lines.
  const needed = new Set<FontFace>();
  for (const { text, weight = 400 } of texts) {
    needed.add(primaryFace(weight));
    for (const char of text.normalize('NFC')) {
      const face = faceForCodePoint(char.codePointAt(0) ?? 0, weight);
      if (face) needed.add(face);
    }
  }
  // Embed in a fixed order so the object numbers never depend on the order of `texts`.
  const embedded = new Map<FontFace, PDFFont>();
  for (const face of [...needed].sort((a, b) => a.key.localeCompare(b.key))) {
    const font = loadFace(face);
    const bytes = face.bytes;
    if (!bytes) throw new Error(`Font bytes for ${face.key} were not loaded`);
    const customName = `${subsetTag(seed, face.key)}+${font.postscriptName}`;
    embedded.set(face, await doc.embedFont(bytes, { subset: true, customName }));
  }

  const runsOf = (text: string, weight: FontWeight): Array<{ text: string; face: FontFace; font: PDFFont }> =>
    keptRuns(text, weight).map((run) => {
      const font = embedded.get(run.face);
      if (!font)
        throw new Error(`Text was drawn that createTypesetter was not given: ${JSON.stringify(text)}`);
      return { text: run.text, face: run.face, font };
    });

  const runWidth = (run: { text: string; face: FontFace; font: PDFFont }, style: TextStyle): number =>
    keptUnitWidth(run.face, run.text, run.font) * style.size +
    (style.characterSpacing ?? 0) * [...run.text].length;

  const widthOf = (text: string, style: TextStyle): number => {
    let width = 0;
    for (const run of runsOf(text, style.weight ?? 400)) width += runWidth(run, style);
    return width;
  };

  const draw = (page: PDFPage, text: string, x: number, y: number, style: TextStyle): number => {
    let cursor = x;
    for (const run of runsOf(text, style.weight ?? 400)) {
      page.drawText(run.text, {
        x: cursor,
        y,
        size: style.size,
        font: run.font,
        color: style.color ?? rgb(0, 0, 0),
        ...(style.characterSpacing ? { characterSpacing: style.characterSpacing } : {}),
      });
      cursor += runWidth(run, style);
    }
    return cursor - x;
  };

  return {
    widthOf,
    draw,
    drawCentred: (page, text, centreX, y, style) => {
      // Character spacing also follows the last character; do not let it push the text left.
      const trailing = style.characterSpacing ?? 0;
      draw(page, text, centreX - (widthOf(text, style) - trailing) / 2, y, style);
    },
    drawRightAligned: (page, text, rightX, y, style) => {
      const trailing = style.characterSpacing ?? 0;
      draw(page, text, rightX - widthOf(text, style) + trailing, y, style);
    },
    fitSize: (text, maxWidth, style) => {
      const width = widthOf(text, style);
      if (width <= maxWidth) return style.size;
      return Math.floor(((style.size * maxWidth) / width) * 4) / 4;
    },
  };
}
