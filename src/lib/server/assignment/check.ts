/**
 * The checks on assignment files that no single schema can make, for `npm run content:check`:
 * the job aids file parts name must exist, and a translation must keep its English file's
 * structure (ids, word ranges, points, rules), because submissions and marks are stored under
 * the English ids.
 */
import { compareAssignmentStructure } from '#src/lib/content/assignment-schema.ts';
import type { ContentTree } from '#src/lib/server/content/files.ts';

/** Returns `file: field: what is wrong` lines; empty when every assignment fits. */
export function checkAssignments(tree: ContentTree): string[] {
  const problems: string[] = [];
  const aidIds = new Set(tree.jobAids.map((aid) => aid.id));
  const moduleIds = new Set(tree.modules.map((module) => module.id));
  const english = new Map((tree.assignments ?? []).map((entry) => [entry.id, entry]));
  for (const entry of english.values()) {
    if (!moduleIds.has(entry.id))
      problems.push(`${entry.file}: the folder has no valid module.yaml: an assignment belongs to a module`);
    entry.data.parts.forEach((part, index) => {
      if (part.type === 'file' && part.jobAid !== undefined && !aidIds.has(part.jobAid)) {
        problems.push(
          `${entry.file}: parts[${index}].jobAid: there is no job aid "${part.jobAid}": use one of ${[...aidIds].sort().join(', ')}`,
        );
      }
    });
  }
  for (const [, translations] of Object.entries(tree.translations)) {
    for (const entry of translations.assignments ?? []) {
      const source = english.get(entry.id);
      if (!source) continue;
      for (const difference of compareAssignmentStructure(source.data, entry.data))
        problems.push(`${entry.file}: ${difference} (${source.file})`);
    }
  }
  return problems;
}
