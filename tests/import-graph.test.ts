/**
 * The module graph of src/lib has no import cycles (a cycle makes start-up order matter and hides
 * a missing boundary: the app → ops → mail → app loop was one). Type-only imports are erased at
 * build time and do not count. Reads the files as text: no bundler needed.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const libDir = join(root, 'src/lib');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Value imports and re-exports of a file, resolved to absolute paths inside the repo. */
function valueImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers: string[] = [];
  const pattern = /^(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gms;
  for (const match of text.matchAll(pattern)) {
    if (match[1]) continue;
    specifiers.push(match[2]!);
  }
  return specifiers.flatMap((specifier) => {
    if (specifier.startsWith('#src/')) return [join(root, specifier.slice(1))];
    if (specifier.startsWith('.')) return [resolve(dirname(file), specifier)];
    return [];
  });
}

/** Strongly connected components with more than one file, or a file importing itself (Tarjan). */
function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const lowlinks = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    indices.set(node, index);
    lowlinks.set(node, index);
    index += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (!indices.has(next)) {
        visit(next);
        lowlinks.set(node, Math.min(lowlinks.get(node)!, lowlinks.get(next)!));
      } else if (onStack.has(next)) {
        lowlinks.set(node, Math.min(lowlinks.get(node)!, indices.get(next)!));
      }
    }
    if (lowlinks.get(node) !== indices.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (graph.get(node) ?? []).includes(node)) found.push(component.sort());
  };
  for (const node of graph.keys()) if (!indices.has(node)) visit(node);
  return found;
}

describe('the import graph of src/lib', () => {
  const graph = new Map(sourceFiles(libDir).map((file) => [file, valueImports(file)]));

  it('reads the imports it is checking', () => {
    expect(graph.size).toBeGreaterThan(100);
    const background = graph.get(join(libDir, 'server/ops/background.ts'));
    expect(background).toContain(join(libDir, 'server/jobs/scheduler.ts'));
  });

  it('has no cycles', () => {
    expect(cycles(graph).map((component) => component.map((file) => relative(root, file)))).toEqual([]);
  });

  it('finds a cycle when there is one', () => {
    const a = '/a.ts';
    const b = '/b.ts';
    expect(
      cycles(
        new Map([
          [a, [b]],
          [b, [a]],
        ]),
      ),
    ).toEqual([[a, b]]);
  });
});
