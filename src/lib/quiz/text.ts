/**
 * The small part of Markdown that quiz prompts and scenarios use: paragraphs (blank line
 * between), bullet and numbered lists, **bold** and *italic*. Parsed into plain data that
 * components render as elements, so no author text is ever injected as HTML.
 */

export interface TextRun {
  text: string;
  strong?: boolean;
  em?: boolean;
}

export type TextBlock =
  { kind: 'paragraph'; runs: TextRun[] } | { kind: 'bullets' | 'numbers'; items: TextRun[][] };

const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBER = /^\s*\d{1,3}[.)]\s+(.*)$/;

/** Splits `**bold**` and `*italic*` / `_italic_` runs; anything unmatched stays literal. */
export function parseRuns(text: string): TextRun[] {
  const runs: TextRun[] = [];
  const pattern = /\*\*([^*]+)\*\*|\*([^*\s][^*]*)\*|(?<![\w])_([^_\s][^_]*)_(?![\w])/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const index = match.index;
    if (index > last) runs.push({ text: text.slice(last, index) });
    if (match[1] !== undefined) runs.push({ text: match[1], strong: true });
    else runs.push({ text: match[2] ?? match[3] ?? '', em: true });
    last = index + match[0].length;
  }
  if (last < text.length) runs.push({ text: text.slice(last) });
  return runs;
}

interface ListState {
  kind: 'bullets' | 'numbers';
  items: string[];
}

/** Blocks of a prompt or scenario text. */
export function parseQuizText(source: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  for (const chunk of source.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const state: { paragraph: string[]; list: ListState | null } = { paragraph: [], list: null };
    const flushParagraph = (): void => {
      if (state.paragraph.length > 0)
        blocks.push({ kind: 'paragraph', runs: parseRuns(state.paragraph.join(' ')) });
      state.paragraph = [];
    };
    const flushList = (): void => {
      if (state.list) blocks.push({ kind: state.list.kind, items: state.list.items.map(parseRuns) });
      state.list = null;
    };
    for (const line of chunk.split('\n')) {
      if (line.trim() === '') continue;
      const item = BULLET.exec(line) ?? NUMBER.exec(line);
      const kind = BULLET.test(line) ? 'bullets' : item ? 'numbers' : null;
      const itemText = item?.[1];
      if (kind && itemText !== undefined) {
        flushParagraph();
        if (state.list?.kind !== kind) flushList();
        state.list ??= { kind, items: [] };
        state.list.items.push(itemText.trim());
      } else if (state.list && /^\s+/.test(line)) {
        // An indented line continues the list item above it.
        const last = state.list.items.length - 1;
        state.list.items[last] = `${state.list.items[last] ?? ''} ${line.trim()}`;
      } else {
        flushList();
        state.paragraph.push(line.trim());
      }
    }
    flushParagraph();
    flushList();
  }
  return blocks;
}
