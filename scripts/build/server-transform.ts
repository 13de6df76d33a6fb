/**
 * The shape the build's transforms of Astro's own modules share (csp-digest-memo.ts,
 * page-module-memo.ts, page-encoder.ts): a Vite plugin that rewrites one module of the server
 * build, and fails the build when the server build never loaded that module, so an Astro upgrade
 * that moves or renames it cannot silently drop the change.
 */
import type { Plugin } from 'vite';

export function serverModuleTransform(input: {
  /** The plugin's name, `rtw:…`. */
  name: string;
  /** Whether a module id (without its `?query`) is the one to rewrite. */
  matches: (id: string) => boolean;
  /** The rewrite; it throws when the module is not in the shape it expects. */
  transform: (code: string) => string;
  /** What the build says when the server build never loaded the module. */
  missing: string;
}): Plugin {
  let found = false;
  return {
    name: input.name,
    apply: 'build',
    transform(code, id) {
      if (!input.matches(id.split('?')[0] ?? id)) return null;
      if (this.environment?.name === 'ssr') found = true;
      return { code: input.transform(code), map: null };
    },
    buildEnd(error) {
      if (!error && !found && this.environment?.name === 'ssr') this.error(input.missing);
    },
  };
}
