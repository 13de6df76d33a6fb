import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { planJobAidOutputs } from '#src/lib/server/job-aid/outputs.ts';
import { readJobAidSources } from '#src/lib/server/job-aid/sources.ts';
import { SPREADSHEET_ROWS } from './job-aid.ts';
import { columnLetters, safeSheetName, writeXlsx } from './xlsx.ts';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const sources = readJobAidSources(root);
if (!sources.ok) throw new Error(`Invalid job aid specs:\n${sources.problems.join('\n')}`);

const hasPython = spawnSync('python3', ['--version'], { stdio: 'ignore' }).status === 0;
if (!hasPython)
  console.warn('Skipping the independent reading of the .xlsx files: python3 is not installed.');

/**
 * Opens an .xlsx with Python's own zipfile and ElementTree, independently of the code that wrote
 * it, and prints what a spreadsheet program would show: sheets, cells, styles, panes, lists.
 */
const reader = String.raw`
import json, sys, zipfile, xml.etree.ElementTree as ET
ns = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
      'r': 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'}
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
parts = {name: ET.fromstring(z.read(name)) for name in z.namelist()}
strings = [''.join(t.text or '' for t in si.iter('{%s}t' % ns['m'])) for si in parts['xl/sharedStrings.xml'].findall('m:si', ns)]
styles = parts['xl/styles.xml']
fonts = styles.find('m:fonts', ns).findall('m:font', ns)
xfs = styles.find('m:cellXfs', ns).findall('m:xf', ns)
def bold(style):
    return fonts[int(xfs[int(style)].get('fontId'))].find('m:b', ns) is not None
rels = {r.get('Id'): r.get('Target') for r in parts['xl/_rels/workbook.xml.rels']}
sheets = []
for sheet in parts['xl/workbook.xml'].find('m:sheets', ns):
    xml = parts['xl/' + rels[sheet.get('{%s}id' % ns['r'])]]
    cells = {}
    for c in xml.iter('{%s}c' % ns['m']):
        v = c.find('m:v', ns)
        cells[c.get('r')] = {'text': strings[int(v.text)] if c.get('t') == 's' else v.text, 'bold': bold(c.get('s', '0'))}
    pane = xml.find('.//m:pane', ns)
    sheets.append({
        'name': sheet.get('name'), 'hidden': sheet.get('state') == 'hidden', 'cells': cells,
        'frozen': pane.get('state') == 'frozen' and pane.get('ySplit') if pane is not None else None,
        'widths': [float(col.get('width')) for col in xml.iter('{%s}col' % ns['m'])],
        'validations': [{'type': d.get('type'), 'range': d.get('sqref'), 'formula': d.find('m:formula1', ns).text}
                        for d in xml.iter('{%s}dataValidation' % ns['m'])],
    })
print(json.dumps({'parts': sorted(z.namelist()), 'sheets': sheets}))
`;

interface ReadSheet {
  name: string;
  hidden: boolean;
  cells: Record<string, { text: string; bold: boolean }>;
  frozen: string | null;
  widths: number[];
  validations: Array<{ type: string; range: string; formula: string }>;
}

function readWithPython(path: string): { parts: string[]; sheets: ReadSheet[] } {
  const result = spawnSync('python3', ['-c', reader, path], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`python3 could not read ${path}:\n${result.stderr}`);
  return JSON.parse(result.stdout) as { parts: string[]; sheets: ReadSheet[] };
}

const cases = sources.aids.flatMap((aid) =>
  planJobAidOutputs(aid)
    .filter((output) => output.format === 'xlsx')
    .map((output) => ({ name: output.file, aid, output })),
);

describe('the spreadsheets', () => {
  it('ship for the keeping-in-touch log and the suitable-duties register, in both languages', () => {
    expect(cases.map((entry) => entry.name).sort()).toEqual([
      'keeping-in-touch-log-ms.xlsx',
      'keeping-in-touch-log.xlsx',
      'suitable-duties-register-ms.xlsx',
      'suitable-duties-register.xlsx',
    ]);
  });
});

describe.each(cases)('job aid spreadsheet $name', ({ aid, output }) => {
  const spec = output.language === 'ms' ? aid.translations.ms : aid.english;
  if (!spec) throw new Error(`No spec for ${output.file}`);
  const table = spec.sections.find((section) => section.table);
  const committed = join(root, 'public/downloads', output.file);

  it('is a zip of the OOXML parts whose XML parses, the same bytes every time', async () => {
    const bytes = await output.render();
    const files = unzipSync(bytes);
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining([
        '[Content_Types].xml',
        '_rels/.rels',
        'xl/workbook.xml',
        'xl/_rels/workbook.xml.rels',
        'xl/styles.xml',
        'xl/sharedStrings.xml',
        'xl/worksheets/sheet1.xml',
      ]),
    );
    for (const [name, content] of Object.entries(files))
      expect(strFromU8(content).startsWith('<?xml'), `${name} is not XML`).toBe(true);
    expect(Buffer.from(await output.render()).equals(Buffer.from(bytes))).toBe(true);
  });

  it.runIf(hasPython)(
    'opens in an independent reader with a bold, frozen header of the table columns, widths, lists and date checks',
    () => {
      if (!existsSync(committed))
        throw new Error(`public/downloads/${output.file} is missing: run npm run build:job-aids`);
      const book = readWithPython(committed);
      const [first, details, instructions, lists] = book.sheets;
      const columns = table?.table?.columns ?? [];
      expect(first?.name).toBe(safeSheetName(table?.heading ?? ''));
      expect(first?.frozen).toBe('1');
      expect(first?.widths).toHaveLength(columns.length);
      columns.forEach((column, index) => {
        const cell = first?.cells[`${columnLetters(index)}1`];
        expect(cell?.text.startsWith(column.label)).toBe(true);
        expect(cell?.bold).toBe(true);
      });
      const choice = columns.findIndex((column) => column.type === 'choice');
      const choiceRange = `${columnLetters(choice)}2:${columnLetters(choice)}${SPREADSHEET_ROWS + 1}`;
      expect(first?.validations).toContainEqual(
        expect.objectContaining({ type: 'list', range: choiceRange }),
      );
      const hasDate = columns.some((column) => column.type === 'date');
      expect(first?.validations.some((validation) => validation.type === 'date')).toBe(hasDate);
      const fieldSection = spec.sections.find((section) => section.fields);
      expect(details?.name).toBe(safeSheetName(fieldSection?.heading ?? ''));
      const detailTexts = Object.values(details?.cells ?? {}).map((cell) => cell.text);
      for (const field of fieldSection?.fields ?? [])
        expect(detailTexts.some((text) => text.startsWith(field.label))).toBe(true);
      expect(instructions?.cells.A1?.text).toBe(spec.title);
      expect(lists?.hidden).toBe(true);
      expect(book.parts).toContain('docProps/core.xml');
    },
  );

  it('matches the committed public/downloads file (run npm run build:job-aids if not)', async () => {
    expect(existsSync(committed), `public/downloads/${output.file} is missing`).toBe(true);
    expect(
      readFileSync(committed).equals(Buffer.from(await output.render())),
      `public/downloads/${output.file} is stale; run: npm run build:job-aids`,
    ).toBe(true);
  });
});

describe('writeXlsx', () => {
  it('numbers columns like a spreadsheet and cleans sheet names', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
    expect(safeSheetName('Review 1: week 1 [draft] / final version of it all')).toBe(
      'Review 1 week 1 draft final ver',
    );
  });

  it('escapes text and refuses a workbook it cannot write', () => {
    const bytes = writeXlsx({
      title: 'A & B',
      creator: 'RTW Academy',
      language: 'en-MY',
      sheets: [{ name: 'Log', columns: [{ width: 10 }], rows: [[{ text: '<Tan & "Siti">\u0001' }]] }],
    });
    expect(strFromU8(unzipSync(bytes)['xl/sharedStrings.xml'] ?? new Uint8Array())).toContain(
      '&lt;Tan &amp; &quot;Siti&quot;&gt;</t>',
    );
    const sheet = { name: 'Log', columns: [], rows: [] };
    expect(() => writeXlsx({ title: 'x', creator: 'x', language: 'en', sheets: [sheet, sheet] })).toThrow(
      'Two sheets are named "Log"',
    );
    expect(() =>
      writeXlsx({ title: 'x', creator: 'x', language: 'en', sheets: [{ ...sheet, name: 'a/b' }] }),
    ).toThrow(/is not allowed/u);
  });
});
