/**
 * The certificate as a document: what the PDF prints for a record, its file name, a small
 * bounded cache of rendered PDFs (the same record and language always give the same bytes), and
 * many certificates streamed as one ZIP.
 */
import { Zip, ZipPassThrough } from 'fflate';
import { createTranslator, type Locale } from '#src/i18n/index.ts';
import { formatVerificationCode } from '#src/lib/certificate/code.ts';
import type { CourseView } from '#src/lib/learning/structure.ts';
import { renderCertificatePdf, type CertificatePdfInput } from '#src/lib/server/pdf/certificate.ts';
import type { CertificateRecord } from './store.ts';

/** The public page a certificate's QR code and link open. */
export function verifyUrlFor(siteUrl: string, compactCode: string): string {
  return `${siteUrl.replace(/\/+$/u, '')}/verify/${compactCode}`;
}

/**
 * What the PDF prints for a record. Name, course title, CPD hours, dates, serial and code come
 * from the record (as they were at issue), and so do the certificate title and signatory; records
 * issued before those were kept fall back to the course's current `certificate` block, then to
 * neutral wording when the course has since been removed.
 */
export function certificatePdfInput(
  record: CertificateRecord,
  course: Pick<CourseView, 'certificate'> | undefined,
  locale: Locale,
  siteUrl: string,
): CertificatePdfInput {
  const t = createTranslator(locale);
  const rule = course?.certificate;
  return {
    serial: record.serial,
    verificationCode: formatVerificationCode(record.verificationCode),
    holderName: record.holderName,
    courseTitle: record.courseTitle,
    certificateTitle: record.certificateTitle ?? rule?.title ?? t('certificates.pdf.defaultTitle'),
    cpdHours: record.cpdHours,
    issuedAt: new Date(record.issuedAt),
    expiresAt: record.expiresAt === null ? null : new Date(record.expiresAt),
    signatoryName: record.signatoryName ?? rule?.signatoryName ?? t('site.name'),
    signatoryTitle:
      record.signatoryTitle ?? rule?.signatoryTitle ?? t('certificates.pdf.defaultSignatoryTitle'),
    issuer: t('site.name'),
    programme: t('certificates.pdf.programme'),
    verifyUrl: verifyUrlFor(siteUrl, record.verificationCode),
    locale,
  };
}

/** Rendered PDFs kept per process; bounded, least recently used first out (about 30 KB each). */
const CACHE_LIMIT = 200;
const cache = new Map<string, Promise<Uint8Array>>();

/**
 * The certificate PDF, from the cache when this record was rendered before in this language.
 * Safe to cache: nothing a PDF prints changes after issue (revocation and supersession are shown
 * by the verification page, not the document).
 */
export function renderCertificate(
  record: CertificateRecord,
  course: Pick<CourseView, 'certificate'> | undefined,
  locale: Locale,
  siteUrl: string,
): Promise<Uint8Array> {
  const key = `${record.id}\u0000${locale}\u0000${siteUrl}`;
  const cached = cache.get(key);
  if (cached) {
    cache.delete(key);
    cache.set(key, cached);
    return cached;
  }
  const rendering = renderCertificatePdf(certificatePdfInput(record, course, locale, siteUrl));
  cache.set(key, rendering);
  rendering.catch(() => cache.delete(key));
  while (cache.size > CACHE_LIMIT) {
    const oldest = cache.keys().next().value;
    if (oldest === undefined) break;
    cache.delete(oldest);
  }
  return rendering;
}

/** An ASCII slug of a name for file names ("Zoë Łukasz" → "zoe-lukasz"); may be empty (Chinese, Tamil). */
function asciiSlug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ł/gu, 'l')
    .replace(/Ł/gu, 'L')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '')
    .slice(0, 60)
    .replace(/-+$/u, '');
}

/** `RTW-2026-000123-siti-nur-aisyah-binti-abdullah.pdf`: safe on every system, the serial first. */
export function certificateFileName(record: Pick<CertificateRecord, 'serial' | 'holderName'>): string {
  const slug = asciiSlug(record.holderName);
  const serial = record.serial.replace(/[^A-Za-z0-9-]/gu, '');
  return slug ? `${serial}-${slug}.pdf` : `${serial}.pdf`;
}

/** A Content-Disposition header for an ASCII file name (made safe again, in case). */
export function attachmentHeader(fileName: string): string {
  const safe = fileName.replace(/[^A-Za-z0-9._-]/gu, '_');
  return `attachment; filename="${safe}"`;
}

/**
 * Many certificates as one ZIP, streamed: each PDF is rendered only when the client is ready
 * for more, so memory stays at about one certificate whatever the count. PDFs are already
 * compressed, so they are stored as they are.
 */
export function streamCertificatesZip(
  records: readonly CertificateRecord[],
  render: (record: CertificateRecord) => Promise<Uint8Array>,
): ReadableStream<Uint8Array> {
  let zip: Zip;
  let next = 0;
  const names = new Set<string>();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      zip = new Zip((error, chunk, final) => {
        if (error) {
          controller.error(error);
          return;
        }
        controller.enqueue(chunk);
        if (final) controller.close();
      });
    },
    async pull(controller) {
      const record = records[next];
      if (!record) {
        zip.end();
        return;
      }
      next += 1;
      try {
        let name = certificateFileName(record);
        for (let n = 2; names.has(name); n++)
          name = certificateFileName(record).replace(/\.pdf$/u, `-${n}.pdf`);
        names.add(name);
        const bytes = new Uint8Array(await render(record));
        const file = new ZipPassThrough(name);
        file.mtime = new Date(Math.max(record.issuedAt, Date.UTC(1980, 0, 2)));
        zip.add(file);
        file.push(bytes, true);
      } catch (error) {
        controller.error(error);
      }
    },
  });
}
