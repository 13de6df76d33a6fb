/**
 * Writes the course diagrams to public/images/lessons/, each in English (<name>.svg) and Bahasa
 * Malaysia (<name>-ms.svg), from the texts and layouts in scripts/diagrams/. Text is measured
 * with Noto Sans and wrapped, so a translation that runs longer still fits.
 *
 *   npm run build:diagrams          write the SVGs whose content changed
 *   npm run build:diagrams -- --check   write nothing; exit 1 when one is missing or stale
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { DIAGRAM_FOLDER, DIAGRAMS, diagramFile } from './diagrams/catalogue.ts';

const folder = new URL(`../${DIAGRAM_FOLDER}/`, import.meta.url);

function existing(url: URL): string | null {
  try {
    return readFileSync(url, 'utf8');
  } catch {
    return null;
  }
}

const checkOnly = process.argv.includes('--check');
let stale = 0;
for (const [name, build] of Object.entries(DIAGRAMS)) {
  for (const language of ['en', 'ms'] as const) {
    const file = diagramFile(name, language);
    const target = new URL(file, folder);
    const svg = build(language);
    const upToDate = existing(target) === svg;
    if (checkOnly) {
      if (!upToDate) stale++;
      console.log(`${upToDate ? 'up to date' : 'STALE     '} ${DIAGRAM_FOLDER}/${file}`);
      continue;
    }
    if (!upToDate) writeFileSync(target, svg);
    console.log(`${upToDate ? 'unchanged' : 'written  '} ${DIAGRAM_FOLDER}/${file}`);
  }
}
if (stale > 0) {
  console.error(`${stale} diagram(s) are missing or stale. Run: npm run build:diagrams`);
  process.exitCode = 1;
}
