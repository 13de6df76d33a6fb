import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from '@cantoo/pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { renderCertificatePdf } from './certificate.ts';
import { findUnsupportedCharacters } from './fonts.ts';
import type { CertificatePdfInput } from './certificate.ts';

const workDirectory = mkdtempSync(join(tmpdir(), 'certificate-pdf-test-'));
afterAll(() => rmSync(workDirectory, { recursive: true, force: true }));

/** Whether a command-line tool is installed; prints why a check is skipped when it is not. */
function hasTool(name: string): boolean {
  const found = spawnSync(name, ['-v'], { stdio: 'ignore' }).error === undefined;
  if (!found)
    console.warn(
      `Skipping a check: \`${name}\` is not installed (apt-get install poppler-utils zbar-tools).`,
    );
  return found;
}
const canReadText = hasTool('pdftotext');
const canRender = hasTool('pdftoppm');
const canDecodeQr = hasTool('zbarimg');

let fileCount = 0;
function writeTemp(bytes: Uint8Array): string {
  const path = join(workDirectory, `certificate-${++fileCount}.pdf`);
  writeFileSync(path, bytes);
  return path;
}

/** The text a reader (or a screen reader) gets out of the PDF, with whitespace collapsed. */
function textOf(bytes: Uint8Array): string {
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', writeTemp(bytes), '-'], { encoding: 'utf8' });
  return text.normalize('NFC').replace(/\s+/gu, ' ');
}

const base: CertificatePdfInput = {
  serial: 'RTW-2026-000123',
  verificationCode: '7KQ9-M2XH-4TPA-ZB8N-C3WD',
  holderName: 'Siti Nur Aisyah binti Abdullah',
  courseTitle: 'Return to Work Coordinator Foundations',
  certificateTitle: 'Certificate of Completion',
  cpdHours: 12.5,
  issuedAt: new Date('2026-08-14T02:30:00Z'),
  expiresAt: new Date('2029-08-14T02:30:00Z'),
  signatoryName: 'Dr. Nurul Huda binti Ismail',
  signatoryTitle: 'Head of Training',
  issuer: 'RTW Academy',
  programme: 'Return to Work Coordinators Training Programme',
  verifyUrl: 'https://academy.example.my/verify/7KQ9M2XH4TPAZB8NC3WD',
  locale: 'en',
};

const names = [
  "Zoë Łukasz O'Brien-Nguyễn",
  '陈美玲',
  'கவிதா ராமசாமி',
  'Siti Nur Aisyah binti Abdullah',
  'Kavitha a/p Ramasamy',
];

describe('renderCertificatePdf', () => {
  it.runIf(canReadText).each(names)(
    'prints the holder name %s with the serial and code',
    async (holderName) => {
      const text = textOf(await renderCertificatePdf({ ...base, holderName }));
      expect(text).toContain(holderName.normalize('NFC'));
      expect(text).toContain('RTW-2026-000123');
      expect(text).toContain('7KQ9-M2XH-4TPA-ZB8N-C3WD');
    },
  );

  it.runIf(canReadText)('prints course, CPD hours, dates, signatory and issuer in English', async () => {
    const text = textOf(await renderCertificatePdf(base));
    for (const expected of [
      'Return to Work Coordinators Training Programme',
      'Certificate of Completion',
      'This certifies that',
      'Return to Work Coordinator Foundations',
      '12.5 hours',
      '14 August 2026',
      '14 August 2029',
      'Dr. Nurul Huda binti Ismail',
      'Head of Training',
      'RTW Academy',
      'academy.example.my/verify/7KQ9M2XH4TPAZB8NC3WD',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it.runIf(canReadText)('speaks Bahasa Malaysia, with Malay dates, when the locale is ms', async () => {
    const text = textOf(await renderCertificatePdf({ ...base, locale: 'ms', expiresAt: null }));
    expect(text).toContain('Dengan ini disahkan bahawa');
    expect(text).toContain('14 Ogos 2026');
    expect(text).toContain('12.5 jam');
    expect(text).toContain('Tiada tarikh luput');
    expect(text).not.toContain('This certifies that');
  });

  it.runIf(canReadText)('says "No expiry" when the certificate does not expire', async () => {
    expect(textOf(await renderCertificatePdf({ ...base, expiresAt: null }))).toContain('No expiry');
  });

  it.runIf(canReadText)('prints the date in Malaysia, not the server time zone', async () => {
    // 20:30 UTC on 13 August is 04:30 on 14 August in Kuala Lumpur.
    const text = textOf(await renderCertificatePdf({ ...base, issuedAt: new Date('2026-08-13T20:30:00Z') }));
    expect(text).toContain('14 August 2026');
  });

  it.runIf(canReadText)('keeps a very long name whole, on at most two lines', async () => {
    const holderName =
      'Puteri Nur Qistina Alya Maisarah binti Mohd Khairul Anuar Shahrizal Iskandar Zulkarnain Abdullah';
    const raw = execFileSync(
      'pdftotext',
      ['-enc', 'UTF-8', writeTemp(await renderCertificatePdf({ ...base, holderName })), '-'],
      {
        encoding: 'utf8',
      },
    );
    expect(raw.replace(/\s+/gu, ' ')).toContain(holderName);
    const lines = raw
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.length > 0 && holderName.includes(line));
    expect(lines.length).toBeLessThanOrEqual(2);
  });

  it.runIf(canRender && canDecodeQr)('carries a QR code that scans to the verify URL', async () => {
    const pdf = writeTemp(await renderCertificatePdf({ ...base, holderName: '陈美玲' }));
    const prefix = pdf.replace(/\.pdf$/u, '');
    execFileSync('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '1', '-singlefile', pdf, prefix]);
    const decoded = execFileSync('zbarimg', ['--raw', '-q', `${prefix}.png`], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    expect(decoded.trim()).toBe(base.verifyUrl);
  });

  it('gives identical bytes for the same input, and different bytes for another', async () => {
    const first = await renderCertificatePdf({ ...base, holderName: names[0] ?? '' });
    const second = await renderCertificatePdf({ ...base, holderName: names[0] ?? '' });
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    const other = await renderCertificatePdf({
      ...base,
      holderName: names[0] ?? '',
      serial: 'RTW-2026-000124',
    });
    expect(Buffer.from(first).equals(Buffer.from(other))).toBe(false);
  });

  it('gives the same bytes when many certificates render at once', async () => {
    const inputs = names.map((holderName, i) => ({ ...base, holderName, serial: `RTW-2026-00010${i}` }));
    const oneByOne: Uint8Array[] = [];
    for (const input of inputs) oneByOne.push(await renderCertificatePdf(input));
    const together = await Promise.all(inputs.map((input) => renderCertificatePdf(input)));
    together.forEach((bytes, i) =>
      expect(Buffer.from(bytes).equals(Buffer.from(oneByOne[i] ?? []))).toBe(true),
    );
  });

  it('records title, author, subject, keywords, language and the issue date as metadata', async () => {
    const bytes = await renderCertificatePdf({ ...base, locale: 'ms', holderName: '陈美玲' });
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(doc.getTitle()).toBe('Certificate of Completion: 陈美玲');
    expect(doc.getAuthor()).toBe('RTW Academy');
    expect(doc.getSubject()).toContain('陈美玲');
    expect(doc.getKeywords()).toContain('RTW-2026-000123');
    expect(doc.getLanguage()).toBe('ms-MY');
    expect(doc.getCreationDate()?.toISOString()).toBe(base.issuedAt.toISOString());
    expect(doc.getModificationDate()?.toISOString()).toBe(base.issuedAt.toISOString());
    expect(doc.getProducer()).toMatch(/^RTW Academy/u);
    expect(doc.getPageCount()).toBe(1);
    const { width, height } = doc.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([842, 595]);
  });

  it('declares PDF/A-2B in its XMP metadata', async () => {
    const raw = Buffer.from(await renderCertificatePdf(base)).toString('latin1');
    expect(raw).toMatch(/pdfaid:part>2</u);
    expect(raw).toMatch(/pdfaid:conformance>B</u);
    expect(raw).toContain('/OutputIntents');
  });

  it('renders a certificate in about 20 ms once warm (printed, not asserted)', async () => {
    for (let i = 0; i < 10; i++)
      await renderCertificatePdf({ ...base, holderName: names[i % names.length] ?? '' });
    const runs = 100;
    let bytes = 0;
    const started = performance.now();
    for (let i = 0; i < runs; i++) {
      const pdf = await renderCertificatePdf({
        ...base,
        holderName: names[i % names.length] ?? '',
        serial: `RTW-2026-${String(i).padStart(6, '0')}`,
      });
      bytes += pdf.length;
    }
    const perPdf = (performance.now() - started) / runs;
    console.info(
      `certificate PDF: ${perPdf.toFixed(1)} ms each over ${runs} warm renders, ${(bytes / runs / 1024).toFixed(1)} KB average`,
    );
    expect(perPdf).toBeGreaterThan(0);
  });
});

describe('findUnsupportedCharacters', () => {
  it('accepts Latin with diacritics, Tamil and Chinese names', () => {
    for (const name of names) expect(findUnsupportedCharacters(name)).toEqual([]);
  });

  it('lists characters no bundled font can draw', () => {
    expect(findUnsupportedCharacters('Ahmad عبدالله')).toEqual(['ع', 'ب', 'د', 'ا', 'ل', 'ه']);
  });
});
