import { PDFDocument, PDFFont } from '@cantoo/pdf-lib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTypesetter } from './typesetter.ts';

afterEach(() => vi.restoreAllMocks());

async function typesetterFor(texts: string[], seed: string) {
  const doc = await PDFDocument.create({ updateMetadata: false });
  return createTypesetter(
    doc,
    texts.map((text) => ({ text })),
    seed,
  );
}

describe('the typesetter', () => {
  it('measures a text once per process, the same in every document and at every size', async () => {
    const label = `Sijil Penyertaan ${process.pid}`;
    const shaped = vi.spyOn(PDFFont.prototype, 'widthOfTextAtSize');
    const first = await typesetterFor([label], 'first');
    const second = await typesetterFor([label], 'second');
    const width = first.widthOf(label, { size: 12 });
    expect(width).toBeGreaterThan(0);
    expect(second.widthOf(label, { size: 12 })).toBe(width);
    expect(second.widthOf(label, { size: 24 })).toBeCloseTo(width * 2, 9);
    expect(shaped.mock.calls.filter(([text]) => text === label)).toHaveLength(1);
  });

  it('measures mixed scripts run by run, as the fonts themselves measure them', async () => {
    const name = `கவிதா Ramasamy ${process.pid}`;
    const doc = await PDFDocument.create({ updateMetadata: false });
    const type = await createTypesetter(doc, [{ text: name }], 'mixed');
    const measured = vi.spyOn(PDFFont.prototype, 'widthOfTextAtSize');
    const width = type.widthOf(name, { size: 10 });
    // Each run was measured once at size 1 by its own embedded font; the sum scales to size 10.
    const runs = measured.mock.results.map((result) => result.value as number);
    expect(runs.length).toBeGreaterThan(1);
    expect(width).toBeCloseTo(
      runs.reduce((sum, unit) => sum + unit * 10, 0),
      9,
    );
    expect(type.widthOf(name, { size: 10, characterSpacing: 1 })).toBeCloseTo(width + [...name].length, 9);
  });
});
