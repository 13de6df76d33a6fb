import { readFileSync } from 'node:fs';
import { PDFDocument, PDFName, PDFString } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, cleanFileName, inspectPdf } from './pdf-check.ts';

async function plainPdf(edit?: (doc: PDFDocument) => void, objectStreams = true): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([200, 200]);
  edit?.(doc);
  return doc.save({ useObjectStreams: objectStreams });
}

const jsAction = (doc: PDFDocument) =>
  doc.context.obj({ Type: 'Action', S: 'JavaScript', JS: PDFString.of('app.alert(1)') });

describe('inspectPdf', () => {
  it('accepts a plain PDF and a filled job aid, and reads the form fields', async () => {
    expect(await inspectPdf(await plainPdf())).toMatchObject({ ok: true, pages: 1 });
    const aid = await PDFDocument.load(readFileSync('public/downloads/rtw-plan.pdf'));
    aid.getForm().getTextField('worker-name').setText('Mohd Hafiz bin Razak');
    aid.getForm().getCheckBox('worker-copy').check();
    const result = await inspectPdf(await aid.save());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.fields).toContainEqual({ name: 'worker-name', value: 'Mohd Hafiz bin Razak' });
    expect(result.fields).toContainEqual({ name: 'worker-copy', value: 'yes' });
  });

  it('refuses empty, oversized, non-PDF and damaged files', async () => {
    expect(await inspectPdf(new Uint8Array())).toEqual({ ok: false, reason: 'empty' });
    expect(await inspectPdf(new Uint8Array(MAX_FILE_BYTES + 1))).toEqual({ ok: false, reason: 'too-big' });
    expect(await inspectPdf(new TextEncoder().encode('Hello, this is a Word file'))).toEqual({
      ok: false,
      reason: 'not-pdf',
    });
    const broken = new TextEncoder().encode('%PDF-1.7\n%garbage that is not a PDF body\n');
    expect(await inspectPdf(broken)).toMatchObject({ ok: false, reason: 'damaged' });
  });

  it('refuses renamed programs, scripts and archives by their first bytes', async () => {
    for (const head of [
      [0x4d, 0x5a, 0x90, 0x00],
      [0x7f, 0x45, 0x4c, 0x46],
      [0x23, 0x21, 0x2f],
      [0x50, 0x4b, 0x03, 0x04],
    ]) {
      const bytes = new Uint8Array(64);
      bytes.set(head);
      expect(await inspectPdf(bytes)).toMatchObject({ ok: false, reason: 'executable' });
    }
  });

  it('refuses JavaScript on open, in a field action, in the name tree and behind name escapes', async () => {
    const onOpen = await plainPdf((doc) =>
      doc.catalog.set(PDFName.of('OpenAction'), doc.context.register(jsAction(doc))),
    );
    expect(await inspectPdf(onOpen)).toMatchObject({ ok: false, reason: 'active-content' });
    // The same, written without object streams, so the dictionaries sit in the file as text.
    const flat = await plainPdf((doc) => doc.catalog.set(PDFName.of('OpenAction'), jsAction(doc)), false);
    expect(await inspectPdf(flat)).toMatchObject({ ok: false, reason: 'active-content' });

    const additional = await plainPdf((doc) => {
      const page = doc.getPage(0);
      page.node.set(PDFName.of('AA'), doc.context.obj({ O: jsAction(doc) }));
    });
    expect(await inspectPdf(additional)).toMatchObject({ ok: false, reason: 'active-content' });

    const names = await plainPdf((doc) =>
      doc.catalog.set(PDFName.of('Names'), doc.context.obj({ JavaScript: doc.context.obj({ Names: [] }) })),
    );
    expect(await inspectPdf(names)).toMatchObject({
      ok: false,
      reason: 'active-content',
      detail: '/JavaScript',
    });

    // `/J#53` is `/JS` written with a hex escape: readers decode it, and so does the check.
    const escaped = Buffer.from(
      await plainPdf((doc) => doc.catalog.set(PDFName.of('OpenAction'), jsAction(doc)), false),
    )
      .toString('latin1')
      .replace('/JS (', '/J#53 (');
    expect(await inspectPdf(Buffer.from(escaped, 'latin1'))).toMatchObject({
      ok: false,
      reason: 'active-content',
    });
  });

  it('allows an OpenAction that only opens a page', async () => {
    const goTo = await plainPdf((doc) => {
      doc.catalog.set(PDFName.of('OpenAction'), doc.context.obj([doc.getPage(0).ref, 'Fit']));
    });
    expect(await inspectPdf(goTo)).toMatchObject({ ok: true });
  });

  it('refuses launch actions and embedded files', async () => {
    const launch = await plainPdf((doc) =>
      doc.catalog.set(
        PDFName.of('OpenAction'),
        doc.context.obj({ S: 'Launch', F: PDFString.of('calc.exe') }),
      ),
    );
    expect(await inspectPdf(launch)).toMatchObject({ ok: false, reason: 'active-content' });
    const attached = await plainPdf((doc) => {
      void doc.attach(new TextEncoder().encode('MZ...'), 'tool.exe', {
        mimeType: 'application/octet-stream',
      });
    });
    expect(await inspectPdf(attached)).toMatchObject({ ok: false, reason: 'active-content' });
  });

  it('refuses password-protected PDFs', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    doc.encrypt({ userPassword: 'secret', ownerPassword: 'owner' });
    expect(await inspectPdf(await doc.save())).toMatchObject({ ok: false, reason: 'encrypted' });
  });
});

describe('cleanFileName', () => {
  it('keeps a readable name, drops folders and control characters, and ends in .pdf', () => {
    expect(cleanFileName('C:\\Users\\siti\\Pelan RTW v2.PDF')).toBe('Pelan RTW v2.pdf');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd.pdf');
    expect(cleanFileName('a\u0000b\u202e"c".pdf')).toBe('abc.pdf');
    expect(cleanFileName('')).toBe('document.pdf');
    expect(cleanFileName(`${'x'.repeat(300)}.pdf`)).toHaveLength(120);
  });
});
