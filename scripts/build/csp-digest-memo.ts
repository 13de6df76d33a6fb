/**
 * A Vite plugin for the server build: Astro's `generateCspDigest` remembers the digests it has
 * computed. Astro 7 digests, on every request, every stylesheet and script element a route has,
 * for the Content-Security-Policy header (`createResult`; an external stylesheet counts as an
 * empty string). Each digest is a WebCrypto call, a hop to the thread pool and back: on the
 * signed-out home page that was 12% of the server's CPU, on the lesson page 5–7%
 * (docs/performance.md, issue #20). The strings digested are the build's own (the route's
 * elements), so the answers never change within a process.
 *
 * The transform renames Astro's function and puts a remembering one with the same name and
 * signature in front of it. It fails the build when the function is not where it expects, so an
 * Astro upgrade that moves it cannot silently drop the change.
 */
import type { Plugin } from 'vite';
import { serverModuleTransform } from './server-transform.ts';

/** Where the function lives in the installed package, and how it begins. */
export const digestModule = /[\\/]astro[\\/]dist[\\/]core[\\/]encryption\.js$/;
export const digestSignature = 'async function generateCspDigest(data, algorithm) {';

/** Digests kept per process; strings longer than this are digested every time. */
export const keptDigests = 512;
export const keptLength = 64 * 1024;

/** The module's code with the remembering function in front of Astro's (renamed). */
export function memoiseDigests(code: string): string {
  const at = code.indexOf(digestSignature);
  if (at < 0 || code.indexOf(digestSignature, at + 1) >= 0)
    throw new Error(
      `csp-digest-memo: "${digestSignature}" is not in Astro's encryption module exactly once; ` +
        'Astro changed it. Update scripts/build/csp-digest-memo.ts (or remove the plugin if Astro now caches CSP digests itself).',
    );
  const remembering = [
    'const rememberedCspDigests = new Map();',
    'async function generateCspDigest(data, algorithm) {',
    '  const key = `${algorithm}\\u0000${data}`;',
    '  const known = rememberedCspDigests.get(key);',
    '  if (known !== undefined) return known;',
    '  const digest = await computeCspDigest(data, algorithm);',
    `  if (data.length <= ${keptLength} && rememberedCspDigests.size < ${keptDigests}) rememberedCspDigests.set(key, digest);`,
    '  return digest;',
    '}',
    '',
  ].join('\n');
  return (
    code.slice(0, at) +
    remembering +
    'async function computeCspDigest(data, algorithm) {' +
    code.slice(at + digestSignature.length)
  );
}

export function cspDigestMemo(): Plugin {
  return serverModuleTransform({
    name: 'rtw:csp-digest-memo',
    matches: (id) => digestModule.test(id),
    transform: memoiseDigests,
    missing: 'csp-digest-memo: the server build never loaded astro/dist/core/encryption.js.',
  });
}
