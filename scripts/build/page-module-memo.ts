/**
 * A Vite plugin for the server build: each page module is imported once per process, not once
 * per request. Astro 7's route table (`virtual:astro:pages`) maps every page to
 * `() => import("…")`, and the production pipeline calls that on every request
 * (`getModuleForRoute`). A dynamic `import()` of a module that is already loaded still runs
 * Node's resolver (package scope and package.json lookups) and the loader's job map before it
 * answers: on the lesson page 3–4% of the server's CPU (docs/performance.md, issue #20).
 *
 * The transform wraps each of those functions so that it keeps the promise of its first call
 * (and forgets it if the import failed, so a failure is retried like before). It fails the build
 * when the route table is not in the shape it expects, so an Astro upgrade that changes it cannot
 * silently drop the change.
 */
import type { Plugin } from 'vite';
import { serverModuleTransform } from './server-transform.ts';

/** Astro's route table module, as Vite names it once resolved. */
export const pagesModuleId = '\0virtual:astro:pages';

/** One entry of the table: `const _page12 = () => import("…");`. */
const pageImport = /^const (_page\d+) = \(\) => import\(("[^"\n]+")\);$/gm;

/** The route table's code with every page import kept after its first call. */
export function memoisePageImports(code: string): string {
  let count = 0;
  const kept = code.replace(pageImport, (_line, name: string, specifier: string) => {
    count++;
    return `const ${name} = keptPageImport(() => import(${specifier}));`;
  });
  // The prerender build's table is empty (every page is rendered on demand): nothing to keep.
  if (!code.includes('const pageMap = new Map([') || (count === 0 && code.includes('import(')))
    throw new Error(
      'page-module-memo: Astro\'s route table (virtual:astro:pages) no longer has `const _pageN = () => import("…");` ' +
        'entries and a pageMap. Update scripts/build/page-module-memo.ts (or remove the plugin if Astro now keeps page modules itself).',
    );
  const helper = [
    'function keptPageImport(load) {',
    '  let kept;',
    '  return () =>',
    '    (kept ??= load().catch((error) => {',
    '      kept = undefined;',
    '      throw error;',
    '    }));',
    '}',
    '',
  ].join('\n');
  return helper + kept;
}

export function pageModuleMemo(): Plugin {
  return serverModuleTransform({
    name: 'rtw:page-module-memo',
    matches: (id) => id === pagesModuleId,
    transform: memoisePageImports,
    missing: 'page-module-memo: the server build never loaded virtual:astro:pages.',
  });
}
