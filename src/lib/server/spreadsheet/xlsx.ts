/**
 * A small, valid Office Open XML spreadsheet (.xlsx) writer: the zip of the package parts
 * ([Content_Types].xml, relationships, workbook, worksheets, styles, shared strings, core
 * properties) that Excel, LibreOffice and Google Sheets open. It covers what a form to fill in
 * needs: text cells in a few styles, column widths and styles, a frozen header, drop-down lists
 * and date checks, landscape printing with repeated header rows, and hidden sheets. The same
 * workbook always gives the same bytes.
 */
import { strToU8, zipSync } from 'fflate';

export type CellStyle = 'plain' | 'header' | 'label' | 'title' | 'wrap' | 'date';

export interface Cell {
  readonly text: string;
  readonly style?: CellStyle;
}

export interface Column {
  /** Width in characters of the default font. */
  readonly width: number;
  /** The style of the column's empty cells, so typing there gets it (wrap, date). */
  readonly style?: CellStyle;
}

/** A check on what may be typed into a range of cells, with the message shown when it fails. */
export type Validation =
  | { readonly kind: 'list'; readonly range: string; readonly source: string; readonly error: string }
  | { readonly kind: 'date'; readonly range: string; readonly error: string };

export interface Sheet {
  /** 1 to 31 characters, none of : \ / ? * [ ] */
  readonly name: string;
  readonly columns: readonly Column[];
  /** Rows from row 1; null leaves a cell empty. */
  readonly rows: ReadonlyArray<ReadonlyArray<Cell | null>>;
  /** Rows kept in view while scrolling (a header). */
  readonly frozenRows?: number;
  readonly validations?: readonly Validation[];
  readonly landscape?: boolean;
  /** Rows printed at the top of every page. */
  readonly printTitleRows?: number;
  readonly hidden?: boolean;
}

export interface Workbook {
  readonly title: string;
  readonly creator: string;
  /** BCP 47 tag, such as en-MY. */
  readonly language: string;
  readonly sheets: readonly Sheet[];
}

// Style ids in cellXfs below, in this order.
const styleIds: Record<CellStyle, number> = { plain: 0, header: 1, label: 2, title: 3, wrap: 4, date: 5 };
const dateFormatId = 164;

/** Zip entries dated 1 January 2026 in local time: fflate writes DOS times from local fields. */
const fixedTime = new Date(2026, 0, 1, 0, 0, 0);

const escapeXml = (text: string): string =>
  text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    // Characters XML 1.0 forbids would make the file unreadable.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/gu, '');

/** The column letters of a 0-based index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** A sheet name as a formula writes it: quoted, with quotes doubled. */
export function sheetReference(name: string): string {
  return `'${name.replaceAll("'", "''")}'`;
}

/** A valid sheet name from any heading: forbidden characters dropped, at most 31 characters. */
export function safeSheetName(name: string): string {
  const cleaned = name
    .replace(/[:\\/?*[\]]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/^'|'$/gu, '');
  return (cleaned || 'Sheet').slice(0, 31).trim();
}

const xmlHeader = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const mainNs = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const relNs = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function stylesXml(): string {
  return `${xmlHeader}<styleSheet xmlns="${mainNs}">
<numFmts count="1"><numFmt numFmtId="${dateFormatId}" formatCode="dd/mm/yyyy"/></numFmts>
<fonts count="3"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="14"/><name val="Calibri"/><family val="2"/></font></fonts>
<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFE2F0F2"/><bgColor indexed="64"/></patternFill></fill></fills>
<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"><color rgb="FF6B808F"/></left><right style="thin"><color rgb="FF6B808F"/></right><top style="thin"><color rgb="FF6B808F"/></top><bottom style="thin"><color rgb="FF6B808F"/></bottom><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="6">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>
<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>
<xf numFmtId="${dateFormatId}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf>
</cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>`;
}

function worksheetXml(sheet: Sheet, index: number, stringIndex: (text: string) => number): string {
  const width = Math.max(sheet.columns.length, ...sheet.rows.map((row) => row.length), 1);
  const height = Math.max(sheet.rows.length, 1);
  const frozen = sheet.frozenRows ?? 0;
  const view =
    frozen > 0
      ? `<sheetView workbookViewId="0"${index === 0 ? ' tabSelected="1"' : ''}><pane ySplit="${frozen}" topLeftCell="A${frozen + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${frozen + 1}" sqref="A${frozen + 1}"/></sheetView>`
      : `<sheetView workbookViewId="0"${index === 0 ? ' tabSelected="1"' : ''}/>`;
  const cols = sheet.columns
    .map((column, i) => {
      const style = column.style && column.style !== 'plain' ? ` style="${styleIds[column.style]}"` : '';
      return `<col min="${i + 1}" max="${i + 1}" width="${column.width}" customWidth="1"${style}/>`;
    })
    .join('');
  const rows = sheet.rows
    .map((row, r) => {
      const cells = row
        .map((cell, c) => {
          if (!cell) return '';
          const style = cell.style && cell.style !== 'plain' ? ` s="${styleIds[cell.style]}"` : '';
          return `<c r="${columnLetters(c)}${r + 1}" t="s"${style}><v>${stringIndex(cell.text)}</v></c>`;
        })
        .join('');
      return `<row r="${r + 1}">${cells}</row>`;
    })
    .join('');
  const validations = sheet.validations ?? [];
  const validationXml =
    validations.length === 0
      ? ''
      : `<dataValidations count="${validations.length}">${validations
          .map((validation) =>
            validation.kind === 'list'
              ? `<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" error="${escapeXml(validation.error)}" sqref="${validation.range}"><formula1>${escapeXml(validation.source)}</formula1></dataValidation>`
              : `<dataValidation type="date" operator="greaterThan" allowBlank="1" showErrorMessage="1" error="${escapeXml(validation.error)}" sqref="${validation.range}"><formula1>1</formula1></dataValidation>`,
          )
          .join('')}</dataValidations>`;
  const fitToPage = sheet.landscape ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '';
  const pageSetup = sheet.landscape
    ? '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>'
    : '<pageSetup paperSize="9" orientation="portrait"/>';
  return `${xmlHeader}<worksheet xmlns="${mainNs}" xmlns:r="${relNs}">${fitToPage}<dimension ref="A1:${columnLetters(width - 1)}${height}"/><sheetViews>${view}</sheetViews><sheetFormatPr defaultRowHeight="15"/>${cols ? `<cols>${cols}</cols>` : ''}<sheetData>${rows}</sheetData>${validationXml}<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>${pageSetup}</worksheet>`;
}

/** Writes a workbook as .xlsx bytes. Throws when a sheet name is invalid or repeated. */
export function writeXlsx(workbook: Workbook): Uint8Array {
  const names = new Set<string>();
  for (const sheet of workbook.sheets) {
    if (sheet.name !== safeSheetName(sheet.name))
      throw new Error(`Sheet name "${sheet.name}" is not allowed: use safeSheetName()`);
    const key = sheet.name.toLowerCase();
    if (names.has(key)) throw new Error(`Two sheets are named "${sheet.name}"`);
    names.add(key);
  }
  if (workbook.sheets.every((sheet) => sheet.hidden)) throw new Error('A workbook needs a visible sheet');

  const strings: string[] = [];
  const stringIds = new Map<string, number>();
  let stringCount = 0;
  const stringIndex = (text: string): number => {
    stringCount++;
    let id = stringIds.get(text);
    if (id === undefined) {
      id = strings.length;
      strings.push(text);
      stringIds.set(text, id);
    }
    return id;
  };
  const sheetsXml = workbook.sheets.map((sheet, index) => worksheetXml(sheet, index, stringIndex));

  const sheetEntries = workbook.sheets
    .map(
      (sheet, i) =>
        `<sheet name="${escapeXml(sheet.name)}" sheetId="${i + 1}"${sheet.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`,
    )
    .join('');
  const definedNames = workbook.sheets
    .map((sheet, i) =>
      sheet.printTitleRows
        ? `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeXml(sheetReference(sheet.name))}!$1:$${sheet.printTitleRows}</definedName>`
        : '',
    )
    .join('');
  const workbookXml = `${xmlHeader}<workbook xmlns="${mainNs}" xmlns:r="${relNs}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>${sheetEntries}</sheets>${definedNames ? `<definedNames>${definedNames}</definedNames>` : ''}</workbook>`;
  const sheetCount = workbook.sheets.length;
  const workbookRels = `${xmlHeader}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${workbook.sheets
    .map(
      (_sheet, i) =>
        `<Relationship Id="rId${i + 1}" Type="${relNs}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
    )
    .join(
      '',
    )}<Relationship Id="rId${sheetCount + 1}" Type="${relNs}/styles" Target="styles.xml"/><Relationship Id="rId${sheetCount + 2}" Type="${relNs}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
  const sharedStrings = `${xmlHeader}<sst xmlns="${mainNs}" count="${stringCount}" uniqueCount="${strings.length}">${strings
    .map((text) => `<si><t xml:space="preserve">${escapeXml(text)}</t></si>`)
    .join('')}</sst>`;
  const contentTypes = `${xmlHeader}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${workbook.sheets
    .map(
      (_sheet, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    )
    .join(
      '',
    )}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`;
  const rootRels = `${xmlHeader}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${relNs}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`;
  const core = `${xmlHeader}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${escapeXml(workbook.title)}</dc:title><dc:creator>${escapeXml(workbook.creator)}</dc:creator><dc:language>${escapeXml(workbook.language)}</dc:language></cp:coreProperties>`;

  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(contentTypes),
    '_rels/.rels': strToU8(rootRels),
    'docProps/core.xml': strToU8(core),
    'xl/workbook.xml': strToU8(workbookXml),
    'xl/_rels/workbook.xml.rels': strToU8(workbookRels),
    'xl/styles.xml': strToU8(stylesXml()),
    'xl/sharedStrings.xml': strToU8(sharedStrings),
  };
  sheetsXml.forEach((xml, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(xml);
  });
  return zipSync(files, { level: 6, mtime: fixedTime });
}
