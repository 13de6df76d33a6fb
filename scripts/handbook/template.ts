/**
 * The printed handbook's HTML: cover, contents and chapters, styled by print.css, in English or
 * Bahasa Malaysia. Pure: the caller supplies the chapters' HTML, the fonts' CSS and the page
 * numbers, so the same input always gives the same document.
 */
import type { Locale } from '#src/i18n/index.ts';

export const HANDBOOK_AUTHOR = 'RTW Academy';

/** The words an edition prints around its chapters, and its metadata. */
export interface HandbookWording {
  title: string;
  subtitle: string;
  subject: string;
  /** BCP 47 tag for the document and the PDF's /Lang. */
  language: string;
  disclaimer: string;
  edition: (date: string) => string;
  contents: string;
  /** The marker at the top of each chapter's first page, found again in the printed text. */
  chapter: (number: number) => string;
  /** The running footer's page number, as CSS `content` (print.css has the English one). */
  pageCounter: string;
  /** PDF keywords, each phrase hyphenated (keywords are separated by spaces). */
  keywords: string[];
}

export const HANDBOOK_WORDING: Readonly<Record<Locale, HandbookWording>> = {
  en: {
    title: 'RTW Coordinator Handbook',
    subtitle: 'A practical desk reference for return-to-work coordinators at Malaysian workplaces',
    subject:
      'Return to work after injury or illness: the coordinator’s role, early intervention, RTW plans, ' +
      'suitable duties, the RTW hierarchy, mental health and six months of monitoring.',
    language: 'en-MY',
    disclaimer:
      'An RTW Academy publication to go with the RTW Coordinator course. It is not an official SOCSO ' +
      'document and not SOCSO policy: for the details of a case, ask the SOCSO case manager.',
    edition: (date) => `Edition of ${date}`,
    contents: 'Contents',
    chapter: (number) => `Chapter ${number}`,
    pageCounter: "'Page ' counter(page) ' of ' counter(pages)",
    keywords: ['return-to-work', 'RTW-coordinator', 'SOCSO', 'PERKESO', 'disability-management', 'Malaysia'],
  },
  ms: {
    title: 'Buku Panduan Penyelaras RTW',
    subtitle: 'Rujukan meja yang praktikal untuk penyelaras kembali bekerja di tempat kerja di Malaysia',
    subject:
      'Kembali bekerja selepas kecederaan atau penyakit: peranan penyelaras, intervensi awal, pelan RTW, ' +
      'tugas sesuai, hierarki RTW, kesihatan mental dan pemantauan selama enam bulan.',
    language: 'ms-MY',
    disclaimer:
      'Terbitan RTW Academy untuk mengiringi kursus Penyelaras RTW. Ia bukan dokumen rasmi PERKESO dan ' +
      'bukan dasar PERKESO: untuk butiran sesuatu kes, rujuk Pengurus Kes PERKESO.',
    edition: (date) => `Edisi ${date}`,
    contents: 'Kandungan',
    chapter: (number) => `Bab ${number}`,
    pageCounter: "'Halaman ' counter(page) ' daripada ' counter(pages)",
    keywords: ['kembali-bekerja', 'Penyelaras-RTW', 'PERKESO', 'pengurusan-hilang-upaya', 'Malaysia'],
  },
};

export interface PrintedChapter {
  id: string;
  title: string;
  summary: string;
  /** The chapter body as HTML, its sections as h2 and subsections as h3. */
  html: string;
}

export interface HandbookDocument {
  /** The edition's language. */
  locale: Locale;
  chapters: PrintedChapter[];
  /** "20 November 2026": when the newest chapter last changed. */
  edition: string;
  /** `@font-face` rules for Noto Sans. */
  fontCss: string;
  /** The print stylesheet. */
  css: string;
  /** The first page of each chapter by id, once a first print has measured them. */
  pageNumbers?: ReadonlyMap<string, number>;
}

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

/** Front matter is plain text: give its apostrophes the curly form the chapters' Markdown gets. */
export function typographicApostrophes(text: string): string {
  return text.replace(/(\p{L})'(\p{L})/gu, '$1’$2');
}

/** The marker at the top of each chapter's first page, found again in the printed text. */
export function chapterLabel(number: number, locale: Locale = 'en'): string {
  return HANDBOOK_WORDING[locale].chapter(number);
}

/**
 * Heading ids repeat between chapters ("what-to-do"), so each gets its chapter's id in front:
 * every anchor in the one document stays unique.
 */
function prefixHeadingIds(html: string, chapterId: string): string {
  return html.replace(/<h([2-6]) id="([^"]*)"/g, (_match, level: string, id: string) => {
    return `<h${level} id="${chapterId}--${id}"`;
  });
}

function cover(edition: string, wording: HandbookWording): string {
  return `<section class="cover" aria-labelledby="cover-title">
  <p class="cover-brand">${escapeHtml(HANDBOOK_AUTHOR)}</p>
  <div class="cover-main">
    <h1 id="cover-title">${escapeHtml(wording.title)}</h1>
    <p class="cover-subtitle">${escapeHtml(wording.subtitle)}</p>
    <p class="cover-edition">${escapeHtml(wording.edition(edition))}</p>
  </div>
  <p class="cover-disclaimer">${escapeHtml(wording.disclaimer)}</p>
</section>`;
}

function contents(
  chapters: PrintedChapter[],
  pageNumbers: ReadonlyMap<string, number> | undefined,
  wording: HandbookWording,
): string {
  const entries = chapters.map((chapter, index) => {
    const page = pageNumbers?.get(chapter.id);
    return `<li>
      <a href="#${chapter.id}"><span class="toc-number">${index + 1}</span><span class="toc-title">${escapeHtml(typographicApostrophes(chapter.title))}</span><span class="toc-leader" aria-hidden="true"></span><span class="toc-page">${page ?? ''}</span></a>
      <p class="toc-summary">${escapeHtml(typographicApostrophes(chapter.summary))}</p>
    </li>`;
  });
  return `<nav class="contents" aria-labelledby="contents-title">
  <h1 id="contents-title">${escapeHtml(wording.contents)}</h1>
  <ol>
    ${entries.join('\n    ')}
  </ol>
</nav>`;
}

function chapterSection(chapter: PrintedChapter, index: number, locale: Locale): string {
  return `<section class="chapter" aria-labelledby="${chapter.id}">
  <p class="chapter-number">${chapterLabel(index + 1, locale)}</p>
  <h1 id="${chapter.id}">${escapeHtml(typographicApostrophes(chapter.title))}</h1>
  <p class="chapter-summary">${escapeHtml(typographicApostrophes(chapter.summary))}</p>
  ${prefixHeadingIds(chapter.html, chapter.id)}
</section>`;
}

/** The whole handbook as one HTML document, ready for Chromium's print to PDF. */
export function renderHandbookHtml(document: HandbookDocument): string {
  const wording = HANDBOOK_WORDING[document.locale];
  // print.css sets the English running footer; another edition replaces its words.
  const footer =
    document.locale === 'en'
      ? ''
      : `@page { @bottom-left { content: '${wording.title.replaceAll("'", "\\'")}'; } @bottom-right { content: ${wording.pageCounter}; } }`;
  return `<!doctype html>
<html lang="${wording.language}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(wording.title)}</title>
<meta name="author" content="${escapeHtml(HANDBOOK_AUTHOR)}">
<meta name="description" content="${escapeHtml(wording.subject)}">
<style>
${document.fontCss}
${document.css}
${footer}
</style>
</head>
<body>
${cover(document.edition, wording)}
${contents(document.chapters, document.pageNumbers, wording)}
<main>
${document.chapters.map((chapter, index) => chapterSection(chapter, index, document.locale)).join('\n')}
</main>
</body>
</html>`;
}
