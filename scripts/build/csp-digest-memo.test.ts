import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { digestSignature, keptLength, memoiseDigests } from './csp-digest-memo.ts';

const astroCore = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'dist/core');
const written: string[] = [];
afterAll(() => {
  for (const file of written) rmSync(file, { force: true });
});

/** Imports transformed code as a module beside `encryption.js`, so its relative imports resolve. */
async function importTransformed<T>(code: string): Promise<T> {
  const file = join(astroCore, `.encryption-memo-test-${process.pid}-${written.length}.js`);
  writeFileSync(file, code);
  written.push(file);
  return (await import(pathToFileURL(file).href)) as T;
}

function sha256(text: string): string {
  return `sha256-${createHash('sha256').update(text).digest('base64')}`;
}

describe('csp-digest-memo', () => {
  it("transforms the installed Astro's encryption module, and its digests stay the same", async () => {
    const source = readFileSync(join(astroCore, 'encryption.js'), 'utf8');
    expect(source.split(digestSignature)).toHaveLength(2);
    const { generateCspDigest } = await importTransformed<{
      generateCspDigest: (data: string, algorithm: string) => Promise<string>;
    }>(memoiseDigests(source));
    // The digest of nothing, which Astro adds to style-src for every external stylesheet.
    expect(await generateCspDigest('', 'SHA-256')).toBe(
      'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=',
    );
    for (const text of ['body{margin:0}', 'body{margin:0}', 'console.log(1)'])
      expect(await generateCspDigest(text, 'SHA-256')).toBe(sha256(text));
  });

  it('computes each string once, but not strings too long to keep', async () => {
    const module = await importTransformed<{
      generateCspDigest: (data: string, algorithm: string) => Promise<string>;
      calls: () => number;
    }>(
      memoiseDigests(
        [
          'let count = 0;',
          `${digestSignature} count++; return algorithm + ':' + data.length; }`,
          'export { generateCspDigest };',
          'export const calls = () => count;',
        ].join('\n'),
      ),
    );
    expect(await module.generateCspDigest('a', 'SHA-256')).toBe('SHA-256:1');
    expect(await module.generateCspDigest('a', 'SHA-256')).toBe('SHA-256:1');
    expect(await module.generateCspDigest('a', 'SHA-384')).toBe('SHA-384:1');
    expect(module.calls()).toBe(2);
    const long = 'x'.repeat(keptLength + 1);
    await module.generateCspDigest(long, 'SHA-256');
    await module.generateCspDigest(long, 'SHA-256');
    expect(module.calls()).toBe(4);
  });

  it('refuses a module whose function has changed, naming the file to update', () => {
    expect(() => memoiseDigests('async function generateCspDigest(input) {}')).toThrow(
      /scripts\/build\/csp-digest-memo\.ts/,
    );
  });
});
