/**
 * What a learner's attached file really is, judged by its content, never by its name: a PDF that
 * @cantoo/pdf-lib can parse, no larger than 10 MB, with no active content. Active content is
 * anything a PDF reader may run by itself or on a click: JavaScript (`/JS`, `/JavaScript`, a
 * JavaScript action, an `/OpenAction` that runs one), additional actions (`/AA`), launching a
 * program, XFA forms (which carry scripts) and embedded files (which may be programs). Names are
 * compared after PDF's `#xx` escapes are decoded, and objects inside compressed object streams
 * and later incremental updates are checked too, because the parser reads them all.
 */
import {
  PDFArray,
  PDFCheckBox,
  PDFDict,
  PDFDocument,
  PDFDropdown,
  PDFInvalidObject,
  PDFName,
  PDFOptionList,
  PDFRadioGroup,
  PDFStream,
  PDFTextField,
  type PDFObject,
} from '@cantoo/pdf-lib';

/** The largest file a learner may attach. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export type PdfRefusal =
  /** Nothing in the file. */
  | 'empty'
  | 'too-big'
  /** A program (Windows, Linux, macOS), a script or an archive, whatever its name says. */
  | 'executable'
  /** Not a PDF at all (a Word file, a picture...). */
  | 'not-pdf'
  /** Starts like a PDF but cannot be read. */
  | 'damaged'
  /** Needs a password to open. */
  | 'encrypted'
  | 'active-content';

export interface PdfFormField {
  name: string;
  /** The filled-in value as text: a checkbox is "yes" or "", a choice its selected options. */
  value: string;
}

export type PdfInspection =
  { ok: true; pages: number; fields: PdfFormField[] } | { ok: false; reason: PdfRefusal; detail?: string };

const EXECUTABLE_SIGNATURES: ReadonlyArray<{ bytes: readonly number[]; what: string }> = [
  { bytes: [0x4d, 0x5a], what: 'a Windows program (.exe)' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], what: 'a Linux program' },
  { bytes: [0xcf, 0xfa, 0xed, 0xfe], what: 'a macOS program' },
  { bytes: [0xce, 0xfa, 0xed, 0xfe], what: 'a macOS program' },
  { bytes: [0xfe, 0xed, 0xfa, 0xce], what: 'a macOS program' },
  { bytes: [0xfe, 0xed, 0xfa, 0xcf], what: 'a macOS program' },
  { bytes: [0xca, 0xfe, 0xba, 0xbe], what: 'a macOS or Java program' },
  { bytes: [0x23, 0x21], what: 'a script' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a zip archive or an Office file' },
  { bytes: [0x52, 0x61, 0x72, 0x21], what: 'a RAR archive' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], what: 'a 7-Zip archive' },
];

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((byte, index) => bytes[index] === byte);
}

/** Dictionary keys that make a PDF act by itself. */
const ACTIVE_KEYS = new Set(['JS', 'JavaScript', 'AA', 'XFA', 'EmbeddedFile', 'EmbeddedFiles']);
/** Action types (`/S`) that run something. */
const ACTIVE_ACTIONS = new Set(['JavaScript', 'Launch', 'ImportData', 'RichMediaExecute', 'GoToE']);
/** Object types (`/Type`, `/Subtype`) that hold a file or a player. */
const ACTIVE_TYPES = new Set(['EmbeddedFile', 'Filespec', 'FileAttachment', 'RichMedia']);

/** The same names in raw bytes, for objects the parser could not read. */
const RAW_ACTIVE = /\/(?:JS|JavaScript|AA|Launch|XFA|EmbeddedFiles?|RichMedia)(?![A-Za-z0-9])/u;

function nameOf(object: PDFObject | undefined): string | null {
  return object instanceof PDFName ? object.decodeText() : null;
}

/** The first active thing found in an object tree, or null. */
function findActive(object: PDFObject, seen: Set<PDFObject>, depth = 0): string | null {
  if (depth > 64 || seen.has(object)) return null;
  seen.add(object);
  if (object instanceof PDFStream) return findActive(object.dict, seen, depth + 1);
  if (object instanceof PDFArray) {
    for (const item of object.asArray()) {
      const found = findActive(item, seen, depth + 1);
      if (found) return found;
    }
    return null;
  }
  if (object instanceof PDFInvalidObject) {
    const raw = new Uint8Array(object.sizeInBytes());
    object.copyBytesInto(raw, 0);
    const text = Buffer.from(raw).toString('latin1');
    const match = RAW_ACTIVE.exec(text);
    return match ? match[0] : null;
  }
  if (!(object instanceof PDFDict)) return null;
  for (const [key, value] of object.entries()) {
    const name = key.decodeText();
    if (ACTIVE_KEYS.has(name)) return `/${name}`;
    if (name === 'S') {
      const action = nameOf(value);
      if (action && ACTIVE_ACTIONS.has(action)) return `/S /${action}`;
    }
    if (name === 'Type' || name === 'Subtype') {
      const type = nameOf(value);
      if (type && ACTIVE_TYPES.has(type)) return `/${name} /${type}`;
    }
    const found = findActive(value, seen, depth + 1);
    if (found) return found;
  }
  return null;
}

function fieldValue(field: ReturnType<ReturnType<PDFDocument['getForm']>['getFields']>[number]): string {
  if (field instanceof PDFTextField) return field.getText() ?? '';
  if (field instanceof PDFCheckBox) return field.isChecked() ? 'yes' : '';
  if (field instanceof PDFDropdown || field instanceof PDFOptionList) return field.getSelected().join(', ');
  if (field instanceof PDFRadioGroup) return field.getSelected() ?? '';
  return '';
}

/** Reads the filled-in form fields, for the marking page (never fails: a form is optional). */
function readFormFields(doc: PDFDocument): PdfFormField[] {
  try {
    return doc
      .getForm()
      .getFields()
      .slice(0, 500)
      .map((field) => {
        let value = '';
        try {
          value = fieldValue(field);
        } catch {
          value = '';
        }
        return { name: field.getName().slice(0, 200), value: value.slice(0, 5000) };
      });
  } catch {
    return [];
  }
}

/**
 * Decides whether `bytes` may be stored as a learner's PDF. Checks are cheapest first: size,
 * program signatures, the `%PDF-` header, then a full parse and a walk over every object.
 */
export async function inspectPdf(bytes: Uint8Array): Promise<PdfInspection> {
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, reason: 'too-big' };
  const executable = EXECUTABLE_SIGNATURES.find((signature) => startsWith(bytes, signature.bytes));
  if (executable) return { ok: false, reason: 'executable', detail: executable.what };
  if (!startsWith(bytes, PDF_MAGIC)) return { ok: false, reason: 'not-pdf' };

  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false, preserveXFA: true, ignoreEncryption: true });
  } catch {
    return { ok: false, reason: 'damaged' };
  }
  // Encrypted strings and streams cannot be checked (nor read by the marker without the password).
  if (doc.isEncrypted) return { ok: false, reason: 'encrypted' };
  const seen = new Set<PDFObject>();
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    const found = findActive(object, seen);
    if (found) return { ok: false, reason: 'active-content', detail: found };
  }
  for (const object of [doc.context.trailerInfo.Root, doc.context.trailerInfo.Info]) {
    const resolved = object ? doc.context.lookup(object) : undefined;
    const found = resolved ? findActive(resolved, seen) : null;
    if (found) return { ok: false, reason: 'active-content', detail: found };
  }
  let pages = 0;
  try {
    pages = doc.getPageCount();
  } catch {
    return { ok: false, reason: 'damaged' };
  }
  if (pages === 0) return { ok: false, reason: 'damaged' };
  return { ok: true, pages, fields: readFormFields(doc) };
}

/**
 * A file name safe to show and to put in a download header: no folders, no control characters,
 * at most 120 characters, always ending in `.pdf`.
 */
export function cleanFileName(name: string): string {
  const base = name
    .replace(/^.*[\\/]/u, '')
    .replace(/[\p{Cc}\p{Cf}"<>|:*?]/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();
  const stem = base
    .replace(/\.pdf$/iu, '')
    .slice(0, 116)
    .trim();
  return `${stem === '' ? 'document' : stem}.pdf`;
}
