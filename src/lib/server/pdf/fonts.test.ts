import { describe, expect, it, vi } from 'vitest';
import { cachedFontkit, loadFace, primaryFace } from './fonts.ts';

function facePair() {
  const face = primaryFace(400);
  const parsed = loadFace(face);
  if (!face.bytes) throw new Error('loadFace keeps the bytes it parsed');
  const drawing = cachedFontkit.create(face.bytes);
  if (!drawing || !('layout' in drawing)) throw new Error('cachedFontkit gives back a single face');
  return { parsed, drawing };
}

describe('the fonts pdf-lib draws with', () => {
  it('are the faces parsed once, one view per face for every document', () => {
    const { parsed, drawing } = facePair();
    const again = cachedFontkit.create(primaryFace(400).bytes!);
    expect(again).toBe(drawing);
    expect(drawing.unitsPerEm).toBe(parsed.unitsPerEm);
    expect(drawing.postscriptName).toBe(parsed.postscriptName);
  });

  it('shape a text once, and answer with the glyphs fontkit itself gives', () => {
    const { parsed, drawing } = facePair();
    const text = `Sijil Kecekapan ffi ${process.pid}`;
    const shaped = vi.spyOn(parsed, 'layout');
    const first = drawing.layout(text);
    const second = drawing.layout(text);
    expect(second).toBe(first);
    expect(shaped).toHaveBeenCalledTimes(1);
    shaped.mockRestore();
    const fresh = parsed.layout(text);
    expect(first.glyphs.map((glyph) => glyph.id)).toEqual(fresh.glyphs.map((glyph) => glyph.id));
    const advances = (run: typeof first) => (run.positions ?? []).map((position) => position.xAdvance);
    expect(advances(first)).toEqual(advances(fresh));
    expect(advances(first).length).toBeGreaterThan(0);
  });

  it('shape again when asked for features, and keep texts apart', () => {
    const { drawing } = facePair();
    const text = `Serial ${process.pid}`;
    expect(drawing.layout(text, ['liga'])).not.toBe(drawing.layout(text, ['liga']));
    expect(drawing.layout(`${text} A`)).not.toBe(drawing.layout(`${text} B`));
  });
});
