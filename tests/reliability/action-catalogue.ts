/**
 * Every Astro Action the app defines, read from the source of src/actions/*.ts, so the fuzzer
 * covers actions added later without anyone listing them here: the group, the name, whether it
 * takes a form or JSON, and the field names of its `z.object` input (none when the handler
 * reads the raw FormData).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ActionInfo {
  /** `group.name`, as in `/_actions/group.name` and `?_action=group.name`. */
  name: string;
  accept: 'form' | 'json';
  fields: string[];
}

/** Reads the actions under `projectRoot`/src/actions. */
export function listActions(projectRoot: string = process.cwd()): ActionInfo[] {
  const folder = join(projectRoot, 'src/actions');
  const actions: ActionInfo[] = [];
  for (const file of readdirSync(folder)
    .filter((name) => name.endsWith('.ts'))
    .sort()) {
    const source = readFileSync(join(folder, file), 'utf8');
    for (const group of source.matchAll(/export const (\w+) = \{([\s\S]*?)\n\};/g)) {
      const [, groupName = '', body = ''] = group;
      const starts = [...body.matchAll(/\n {2}(\w+): defineAction\(\{/g)];
      for (const [index, start] of starts.entries()) {
        const end = starts[index + 1]?.index ?? body.length;
        const definition = body.slice(start.index, end);
        const input = /input: z\.object\(\{([\s\S]*?)\}\)/.exec(definition)?.[1] ?? '';
        const fields = [...input.matchAll(/(\w+):\s*(?:field\(|z\.)/g)].map((match) => match[1] ?? '');
        actions.push({
          name: `${groupName}.${start[1] ?? ''}`,
          accept: /accept: 'json'/.test(definition) ? 'json' : 'form',
          fields,
        });
      }
    }
  }
  return actions;
}

/** Action names the app exposes: the groups of src/actions/index.ts `server`, as listed there. */
export function exposedGroups(projectRoot: string = process.cwd()): string[] {
  const source = readFileSync(join(projectRoot, 'src/actions/index.ts'), 'utf8');
  const list = /export const server = \{([^}]*)\}/.exec(source)?.[1] ?? '';
  return list
    .split(',')
    .map((name) => name.trim().split(':')[0]?.trim() ?? '')
    .filter((name) => name !== '');
}
