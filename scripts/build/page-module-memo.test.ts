import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { memoisePageImports } from './page-module-memo.ts';

const astroDist = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'dist');

const folder = mkdtempSync(join(tmpdir(), 'page-module-memo-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

type Load = (specifier: string) => Promise<unknown>;

/** Imports a transformed route table as a module, with `load` standing in for `import()`. */
async function importTable(code: string, load: Load) {
  (globalThis as { pageModuleMemoLoad?: Load }).pageModuleMemoLoad = load;
  const file = join(folder, `table-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(file, `const load = globalThis.pageModuleMemoLoad;\n${code.replace(/import\(/g, 'load(')}`);
  const module = (await import(pathToFileURL(file).href)) as { pageMap: Map<string, () => Promise<unknown>> };
  return module.pageMap;
}

const table = [
  'const _page0 = () => import("\\0virtual:astro:page:src/pages/index@_@astro");',
  'const _page1 = () => import("\\0virtual:astro:page:src/pages/courses/[course]/index@_@astro");',
  'const pageMap = new Map([',
  '    ["src/pages/index.astro", _page0],',
  '    ["src/pages/courses/[course]/index.astro", _page1]',
  ']);',
  '',
  'export { pageMap };',
].join('\n');

describe('page-module-memo', () => {
  it('matches the route table the installed Astro writes', () => {
    const source = readFileSync(join(astroDist, 'vite-plugin-pages/pages.js'), 'utf8');
    expect(source).toContain('imports.push(`const ${variable} = () => import("${virtualModuleName}");`);');
    expect(source).toContain('const pageMapCode = `const pageMap = new Map([');
  });

  it('imports each page once, and again after a failed import', async () => {
    const calls: string[] = [];
    let fail = true;
    const pageMap = await importTable(memoisePageImports(table), (specifier) => {
      calls.push(specifier);
      if (specifier.includes('courses') && fail) {
        fail = false;
        return Promise.reject(new Error('not there yet'));
      }
      return Promise.resolve({ specifier });
    });
    const home = pageMap.get('src/pages/index.astro');
    const course = pageMap.get('src/pages/courses/[course]/index.astro');
    expect(await home?.()).toEqual({ specifier: '\0virtual:astro:page:src/pages/index@_@astro' });
    expect(await home?.()).toBe(await home?.());
    await expect(course?.()).rejects.toThrow('not there yet');
    expect(await course?.()).toEqual({
      specifier: '\0virtual:astro:page:src/pages/courses/[course]/index@_@astro',
    });
    await course?.();
    expect(calls.filter((call) => call.includes('pages/index'))).toHaveLength(1);
    expect(calls.filter((call) => call.includes('courses'))).toHaveLength(2);
  });

  it('leaves an empty table (the prerender build) alone and refuses a table it does not know', () => {
    const empty = 'const pageMap = new Map([\n    \n]);\n\nexport { pageMap };';
    expect(() => memoisePageImports(empty)).not.toThrow();
    expect(() => memoisePageImports(table.replace(/\(\) => import/g, 'async () => import'))).toThrow(
      /page-module-memo/,
    );
    expect(() => memoisePageImports('export const pages = {};')).toThrow(/page-module-memo/);
  });
});
