/**
 * Finds the components a lesson uses (`<Term id="x">`, `<KnowledgeCheck options={[...]} />`) and
 * reads their attributes, without compiling the MDX. Enough for content:check to cross-check ids
 * and props; the MDX compiler itself reports syntax errors at build time.
 */

export interface ComponentUse {
  name: string;
  /** 1-based line of the opening tag in the file. */
  line: number;
  /** String attributes as strings, `{...}` attributes as parsed values, bare attributes as true. */
  attributes: Record<string, unknown>;
  /** Attribute expressions that could not be read as plain data. */
  unreadable: string[];
  /** Offsets of the opening tag in the body: `body.slice(start, end)` is `<Name ...>` or `<Name ... />`. */
  start: number;
  end: number;
}

/** Splits `---` front matter from the body; `bodyLine` is the 1-based line the body starts on. */
export function splitFrontMatter(source: string): {
  frontMatter: string | null;
  body: string;
  bodyLine: number;
} {
  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(source);
  if (!match) return { frontMatter: null, body: source, bodyLine: 1 };
  return {
    frontMatter: match[1] ?? '',
    body: source.slice(match[0].length),
    bodyLine: match[0].split('\n').length,
  };
}

/** Blanks out fenced code blocks and inline code so tags inside them are not taken as components. */
function maskCode(text: string): string {
  const blank = (part: string) => part.replace(/[^\n]/g, ' ');
  return text.replace(/^(```|~~~)[\s\S]*?^\1[^\n]*$/gm, blank).replace(/`[^`\n]*`/g, blank);
}

/** Every capitalised component tag in an MDX body. */
export function scanComponents(body: string, firstLine = 1): ComponentUse[] {
  const text = maskCode(body);
  const uses: ComponentUse[] = [];
  const tag = /<([A-Z][A-Za-z0-9]*)(?=[\s/>])/g;
  let match: RegExpExecArray | null;
  while ((match = tag.exec(text)) !== null) {
    const name = match[1] ?? '';
    const line = firstLine + (text.slice(0, match.index).match(/\n/g)?.length ?? 0);
    const parsed = readAttributes(text, match.index + match[0].length);
    uses.push({
      name,
      line,
      attributes: parsed.attributes,
      unreadable: parsed.unreadable,
      start: match.index,
      end: parsed.end,
    });
    tag.lastIndex = parsed.end;
  }
  return uses;
}

function readAttributes(
  text: string,
  start: number,
): { attributes: Record<string, unknown>; unreadable: string[]; end: number } {
  const attributes: Record<string, unknown> = {};
  const unreadable: string[] = [];
  let index = start;
  const skipSpace = () => {
    while (index < text.length && /\s/.test(text[index] ?? '')) index++;
  };
  while (index < text.length) {
    skipSpace();
    const char = text[index];
    if (char === '>') return { attributes, unreadable, end: index + 1 };
    if (char === '/' && text[index + 1] === '>') return { attributes, unreadable, end: index + 2 };
    const name = /^[A-Za-z_][\w-]*/.exec(text.slice(index))?.[0];
    if (!name) return { attributes, unreadable, end: index + 1 };
    index += name.length;
    skipSpace();
    if (text[index] !== '=') {
      attributes[name] = true;
      continue;
    }
    index++;
    skipSpace();
    const quote = text[index];
    if (quote === '"' || quote === "'") {
      const close = text.indexOf(quote, index + 1);
      if (close < 0) return { attributes, unreadable, end: text.length };
      attributes[name] = text.slice(index + 1, close);
      index = close + 1;
    } else if (quote === '{') {
      const close = matchingBrace(text, index);
      const expression = text.slice(index + 1, close);
      try {
        attributes[name] = parseLiteral(expression);
      } catch {
        unreadable.push(name);
      }
      index = close + 1;
    } else {
      return { attributes, unreadable, end: index };
    }
  }
  return { attributes, unreadable, end: index };
}

function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let index = open; index < text.length; index++) {
    const char = text[index];
    if (char === '"' || char === "'" || char === '`') {
      const close = text.indexOf(char, index + 1);
      if (close < 0) return text.length;
      index = close;
    } else if (char === '{') depth++;
    else if (char === '}') {
      depth--;
      if (depth === 0) return index;
    }
  }
  return text.length;
}

/**
 * Reads a JavaScript literal made of arrays, objects, strings, numbers, true, false and null
 * (what authors write in component props). Throws on anything else.
 */
export function parseLiteral(source: string): unknown {
  let index = 0;
  const fail = (what: string): never => {
    throw new Error(`${what} at ${index}`);
  };
  const space = () => {
    while (index < source.length && /\s/.test(source[index] ?? '')) index++;
  };
  const value = (): unknown => {
    space();
    const char = source[index];
    if (char === '[') {
      index++;
      const list: unknown[] = [];
      for (;;) {
        space();
        if (source[index] === ']') {
          index++;
          return list;
        }
        list.push(value());
        space();
        if (source[index] === ',') index++;
        else if (source[index] !== ']') fail('expected , or ]');
      }
    }
    if (char === '{') {
      index++;
      const object: Record<string, unknown> = {};
      for (;;) {
        space();
        if (source[index] === '}') {
          index++;
          return object;
        }
        const quote = source[index];
        let key: string;
        if (quote === '"' || quote === "'") key = stringLiteral();
        else {
          const name = /^[A-Za-z_$][\w$]*/.exec(source.slice(index))?.[0];
          if (!name) return fail('expected a key');
          key = name;
          index += name.length;
        }
        space();
        if (source[index] !== ':') fail('expected :');
        index++;
        object[key] = value();
        space();
        if (source[index] === ',') index++;
        else if (source[index] !== '}') fail('expected , or }');
      }
    }
    if (char === '"' || char === "'") return stringLiteral();
    const word = /^(true|false|null|-?\d+(?:\.\d+)?)/.exec(source.slice(index))?.[0];
    if (!word) return fail('unexpected value');
    index += word.length;
    return word === 'true' ? true : word === 'false' ? false : word === 'null' ? null : Number(word);
  };
  const stringLiteral = (): string => {
    const quote = source[index];
    let out = '';
    index++;
    while (index < source.length && source[index] !== quote) {
      if (source[index] === '\\') {
        index++;
        const escaped = source[index] ?? '';
        out += escaped === 'n' ? '\n' : escaped;
      } else out += source[index];
      index++;
    }
    if (source[index] !== quote) fail('unterminated string');
    index++;
    return out;
  };
  const result = value();
  space();
  if (index < source.length) fail('unexpected text after the value');
  return result;
}
