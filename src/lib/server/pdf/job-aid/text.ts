/** Breaking a job aid's text into paragraphs and lines that fit a width. */
import type { TextStyle, Typesetter } from '../typesetter.ts';

export const lineHeight = (style: TextStyle): number => style.size * 1.36;

/** Greedy word wrap; a word wider than the line is broken between characters. */
export function wrapText(type: Typesetter, text: string, maxWidth: number, style: TextStyle): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/u).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (type.widthOf(candidate, style) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    let piece = '';
    for (const char of word) {
      if (piece && type.widthOf(piece + char, style) > maxWidth) {
        lines.push(piece);
        piece = '';
      }
      piece += char;
    }
    line = piece;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Wrapped lines with the space that the wrap took out put back at each line's end (it draws
 * nothing), so text extracted or read aloud from the PDF keeps its word breaks.
 */
export function withLineEndSpaces(lines: readonly string[]): string[] {
  return lines.map((line, index) => (index < lines.length - 1 ? `${line} ` : line));
}
