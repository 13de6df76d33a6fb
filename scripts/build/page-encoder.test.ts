import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { encoderDeclaration, scratchBytes, withPageEncoder } from './page-encoder.ts';

const renderFolder = join(
  dirname(createRequire(import.meta.url).resolve('astro/package.json')),
  'dist/runtime/server/render',
);
const written: string[] = [];
afterAll(() => {
  for (const file of written) rmSync(file, { force: true });
});

interface Encoder {
  encode(input?: string): Uint8Array;
}

/** Astro's render/common.js, transformed, imported beside the original so its imports resolve. */
async function transformedEncoder(): Promise<Encoder> {
  const source = readFileSync(join(renderFolder, 'common.js'), 'utf8');
  const file = join(renderFolder, `.page-encoder-test-${process.pid}.js`);
  writeFileSync(file, withPageEncoder(source));
  written.push(file);
  return ((await import(pathToFileURL(file).href)) as { encoder: Encoder }).encoder;
}

describe('page-encoder', () => {
  it("transforms the installed Astro's render module, and encodes exactly as TextEncoder does", async () => {
    const source = readFileSync(join(renderFolder, 'common.js'), 'utf8');
    expect(source.split(encoderDeclaration)).toHaveLength(2);
    const encoder = await transformedEncoder();
    const reference = new TextEncoder();
    const texts = [
      '',
      '<!DOCTYPE html><p>plain ASCII</p>',
      'Pulang ke kerja · “Return to Work” — it’s',
      'கார்த்திகேயன் 陈美玲 Nur Aisyah',
      'an emoji 🙂 and a lone surrogate \ud800 here',
      'x'.repeat(scratchBytes / 3),
      // Past the kept buffer: encoded the ordinary way.
      '—'.repeat(scratchBytes / 3 + 1),
    ];
    for (const text of texts) expect(encoder.encode(text)).toEqual(reference.encode(text));
    expect(encoder.encode()).toEqual(new Uint8Array());
  });

  it('gives every page its own bytes: the next page does not overwrite the last', async () => {
    const encoder = await transformedEncoder();
    const first = encoder.encode('first page');
    const second = encoder.encode('SECOND');
    expect(new TextDecoder().decode(first)).toBe('first page');
    expect(new TextDecoder().decode(second)).toBe('SECOND');
    expect(first.buffer).not.toBe(second.buffer);
  });

  it('fails when Astro no longer declares the encoder that way', () => {
    expect(() => withPageEncoder('const encoder = new TextEncoder("utf-8");')).toThrow(/page-encoder/);
  });
});
