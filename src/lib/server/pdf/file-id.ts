/** Deterministic PDFs: the same content always gives the same bytes. */
import { createHash } from 'node:crypto';
import { PDFHexString, type PDFDocument } from '@cantoo/pdf-lib';

/**
 * A string that identifies a document's content whatever the key order of `value`, to seed
 * the file identifier and subset font names. `layout` names the layout version.
 */
export function contentSeed(layout: string, value: unknown): string {
  const sortedKeys = (_key: string, item: unknown): unknown =>
    item !== null && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item;
  return `${layout}\u0000${JSON.stringify(value, sortedKeys)}`;
}

/**
 * A file identifier derived from the content, so that the same input always yields the
 * same bytes (pdf-lib would otherwise leave `/ID` out, or pick a random one for PDF/A).
 */
export function setDeterministicFileId(doc: PDFDocument, seed: string): void {
  const digest = createHash('sha256').update(seed).digest().subarray(0, 16);
  const id = PDFHexString.fromBytes(new Uint8Array(digest));
  doc.context.trailerInfo.ID = doc.context.obj([id, id]);
}
