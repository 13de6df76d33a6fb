/**
 * A Vite plugin for the server build: Astro turns each rendered page into UTF-8 bytes with a
 * faster encoder. With streaming off (astro.config.mjs), Astro renders a page to one string and
 * encodes it with `TextEncoder.encode`, which measures the string's UTF-8 length in one pass and
 * writes it in another; a page with any character outside Latin-1 (a curly quote, a dash, a
 * learner's name in Tamil) is held as UTF-16, where both passes are slow. `encodeInto` a buffer
 * kept for the purpose writes it in one pass, and a copy of the bytes written is the page: 23
 * against 38 µs for the 15 KB lesson page, and 8% of the lesson page's CPU profile was this
 * encoding (docs/performance.md, issue #20 part I).
 *
 * The transform replaces the module's `encoder` (the one every page render uses) with an object
 * of the same shape. It fails the build when the declaration is not where it expects, so an
 * Astro upgrade that moves it cannot silently drop the change.
 */
import type { Plugin } from 'vite';
import { serverModuleTransform } from './server-transform.ts';

/** Where the encoder lives in the installed package, and how it is declared. */
export const encoderModule = /[\\/]astro[\\/]dist[\\/]runtime[\\/]server[\\/]render[\\/]common\.js$/;
export const encoderDeclaration = 'const encoder = new TextEncoder();';

/**
 * The kept buffer's size. A string of up to a third of this many UTF-16 code units always fits
 * (no code unit takes more than 3 bytes); a longer one is encoded as before.
 */
export const scratchBytes = 256 * 1024;

/** The module's code with the one-pass encoder in place of Astro's `TextEncoder`. */
export function withPageEncoder(code: string): string {
  const at = code.indexOf(encoderDeclaration);
  if (at < 0 || code.indexOf(encoderDeclaration, at + 1) >= 0)
    throw new Error(
      `page-encoder: "${encoderDeclaration}" is not in Astro's render/common.js exactly once; ` +
        'Astro changed it. Update scripts/build/page-encoder.ts (or remove the plugin if Astro now encodes pages in one pass).',
    );
  const replacement = [
    'const textEncoder = new TextEncoder();',
    `const encodeScratch = new Uint8Array(${scratchBytes});`,
    'const encoder = {',
    '  encoding: "utf-8",',
    '  encode(input = "") {',
    '    const text = `${input}`;',
    '    if (text.length * 3 > encodeScratch.length) return textEncoder.encode(text);',
    '    const { written } = textEncoder.encodeInto(text, encodeScratch);',
    '    return encodeScratch.slice(0, written);',
    '  },',
    '  encodeInto: (text, into) => textEncoder.encodeInto(text, into),',
    '};',
  ].join('\n');
  return code.slice(0, at) + replacement + code.slice(at + encoderDeclaration.length);
}

export function pageEncoder(): Plugin {
  return serverModuleTransform({
    name: 'rtw:page-encoder',
    matches: (id) => encoderModule.test(id),
    transform: withPageEncoder,
    missing: 'page-encoder: the server build never loaded astro/dist/runtime/server/render/common.js.',
  });
}
