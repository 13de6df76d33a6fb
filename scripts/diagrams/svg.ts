/**
 * Small tools for the course diagrams: text measured with the Noto Sans the site uses, wrapped to
 * a width, and SVG elements written as strings. Every diagram is 560 units wide, so that its
 * smallest text (20 units) is still about 10 px on a 360 px phone and the figure fits A4 portrait.
 */
import { primaryFace } from '#src/lib/server/pdf/fonts.ts';

export const WIDTH = 560;
export const MARGIN = 24;

/** Brand colours, each dark enough on white and on the tint for AA contrast. */
export const colours = {
  ink: '#1c2b36',
  navy: '#0b3c5d',
  teal: '#166e7e',
  tint: '#e2f0f2',
  gold: '#8a5a12',
  goldTint: '#faf0de',
  white: '#ffffff',
  line: '#4a5a66',
} as const;

/** An <img> cannot use the page's web fonts, so name close metric matches after Noto Sans. */
export const FONT_STACK = "'Noto Sans', 'Liberation Sans', Arial, Helvetica, sans-serif";

// Fallback fonts differ a little in width: wrap as if every line were this much wider.
const SLACK = 1.08;

/** The width of `text` at `size`, measured with Noto Sans (regular or bold). */
export function textWidth(text: string, size: number, bold = false): number {
  const font = primaryFace(bold ? 700 : 400).font;
  if (!font) throw new Error('Noto Sans is not loaded');
  return (font.layout(text).advanceWidth / font.unitsPerEm) * size * SLACK;
}

/** Greedy word wrap to `width`. */
export function wrap(text: string, width: number, size: number, bold = false): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/u).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (!line || textWidth(candidate, size, bold) <= width) line = candidate;
    else {
      lines.push(line);
      line = word;
    }
    if (textWidth(line, size, bold) > width)
      throw new Error(`"${word}" is wider than ${width} units at size ${size}: shorten it`);
  }
  if (line) lines.push(line);
  return lines;
}

export const escapeXml = (text: string): string =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

export const lineHeight = (size: number): number => Math.round(size * 1.3);

export interface TextOptions {
  readonly size: number;
  readonly bold?: boolean;
  readonly fill?: string;
  readonly anchor?: 'start' | 'middle' | 'end';
}

/** Lines of text with the first baseline at `y`; returns the SVG and the block's height. */
export function textLines(lines: readonly string[], x: number, y: number, options: TextOptions): string {
  const { size, bold = false, fill = colours.ink, anchor = 'start' } = options;
  const step = lineHeight(size);
  const attributes = `font-size="${size}"${bold ? ' font-weight="700"' : ''} fill="${fill}"${anchor === 'start' ? '' : ` text-anchor="${anchor}"`}`;
  if (lines.length === 1) return `<text x="${x}" y="${y}" ${attributes}>${escapeXml(lines[0] ?? '')}</text>`;
  const spans = lines
    .map((line, i) => `<tspan x="${x}" ${i === 0 ? `y="${y}"` : `dy="${step}"`}>${escapeXml(line)}</tspan>`)
    .join('');
  return `<text ${attributes}>${spans}</text>`;
}

/** The height wrapped lines take, from the top of the first line to below the last. */
export const blockHeight = (lines: number, size: number): number => lines * lineHeight(size);

/** An arrowhead pointing in `direction` with its tip at (x, y). */
export function arrowHead(
  x: number,
  y: number,
  direction: 'down' | 'up' | 'left' | 'right',
  fill: string,
): string {
  const s = 9;
  const points = {
    down: [x - s, y - s * 1.4, x + s, y - s * 1.4, x, y],
    up: [x - s, y + s * 1.4, x + s, y + s * 1.4, x, y],
    left: [x + s * 1.4, y - s, x + s * 1.4, y + s, x, y],
    right: [x - s * 1.4, y - s, x - s * 1.4, y + s, x, y],
  }[direction];
  return `<polygon points="${points.join(' ')}" fill="${fill}"/>`;
}

/** The whole SVG document: accessible name and description, language, white background. */
export function svgDocument(input: {
  readonly id: string;
  readonly language: 'en' | 'ms';
  readonly title: string;
  readonly description: string;
  readonly height: number;
  readonly body: string;
}): string {
  const { id, language, title, description, height, body } = input;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-labelledby="${id}-title ${id}-desc" lang="${language}" xml:lang="${language}" font-family="${FONT_STACK}">
<title id="${id}-title">${escapeXml(title)}</title>
<desc id="${id}-desc">${escapeXml(description)}</desc>
<rect x="0" y="0" width="${WIDTH}" height="${height}" fill="${colours.white}"/>
${body}
</svg>
`;
}
