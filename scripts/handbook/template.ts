/**
 * The printed handbook's HTML: cover, contents and chapters, styled by print.css. Pure: the caller supplies the chapters' HTML, the fonts'
 * CSS and the page numbers, so the same input always gives the same document.
 */

export const HANDBOOK_TITLE = 'RTW Coordinator Handbook';
export const HANDBOOK_SUBTITLE =
  'A practical desk reference for return-to-work coordinators at Malaysian workplaces';
export const HANDBOOK_AUTHOR = 'RTW Academy';
export const HANDBOOK_SUBJECT =
  'Return to work after injury or illness: the coordinator’s role, early intervention, RTW plans, ' +
  'suitable duties, the RTW hierarchy, mental health and six months of monitoring.';
export const HANDBOOK_LANGUAGE = 'en-MY';
const disclaimer =
  'An RTW Academy publication to go with the RTW Coordinator course. It is not an official SOCSO ' +
  'document and not SOCSO policy: for the details of a case, ask the SOCSO case manager.';

export interface PrintedChapter {
  id: string;
  title: string;
  summary: string;
  /** The chapter body as HTML, its sections as h2 and subsections as h3. */
  html: string;
}

export interface HandbookDocument {
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
export function chapterLabel(number: number): string {
  return `Chapter ${number}`;
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

function cover(edition: string): string {
  return `<section class="cover" aria-labelledby="cover-title">
  <p class="cover-brand">${escapeHtml(HANDBOOK_AUTHOR)}</p>
  <div class="cover-main">
    <h1 id="cover-title">${escapeHtml(HANDBOOK_TITLE)}</h1>
    <p class="cover-subtitle">${escapeHtml(HANDBOOK_SUBTITLE)}</p>
    <p class="cover-edition">Edition of ${escapeHtml(edition)}</p>
  </div>
  <p class="cover-disclaimer">${escapeHtml(disclaimer)}</p>
</section>`;
}

function contents(chapters: PrintedChapter[], pageNumbers: ReadonlyMap<string, number> | undefined): string {
  const entries = chapters.map((chapter, index) => {
    const page = pageNumbers?.get(chapter.id);
    return `<li>
      <a href="#${chapter.id}"><span class="toc-number">${index + 1}</span><span class="toc-title">${escapeHtml(typographicApostrophes(chapter.title))}</span><span class="toc-leader" aria-hidden="true"></span><span class="toc-page">${page ?? ''}</span></a>
      <p class="toc-summary">${escapeHtml(typographicApostrophes(chapter.summary))}</p>
    </li>`;
  });
  return `<nav class="contents" aria-labelledby="contents-title">
  <h1 id="contents-title">Contents</h1>
  <ol>
    ${entries.join('\n    ')}
  </ol>
</nav>`;
}

function chapterSection(chapter: PrintedChapter, index: number): string {
  return `<section class="chapter" aria-labelledby="${chapter.id}">
  <p class="chapter-number">${chapterLabel(index + 1)}</p>
  <h1 id="${chapter.id}">${escapeHtml(typographicApostrophes(chapter.title))}</h1>
  <p class="chapter-summary">${escapeHtml(typographicApostrophes(chapter.summary))}</p>
  ${prefixHeadingIds(chapter.html, chapter.id)}
</section>`;
}

/** The whole handbook as one HTML document, ready for Chromium's print to PDF. */
export function renderHandbookHtml(document: HandbookDocument): string {
  return `<!doctype html>
<html lang="${HANDBOOK_LANGUAGE}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(HANDBOOK_TITLE)}</title>
<meta name="author" content="${escapeHtml(HANDBOOK_AUTHOR)}">
<meta name="description" content="${escapeHtml(HANDBOOK_SUBJECT)}">
<style>
${document.fontCss}
${document.css}
</style>
</head>
<body>
${cover(document.edition)}
${contents(document.chapters, document.pageNumbers)}
<main>
${document.chapters.map(chapterSection).join('\n')}
</main>
</body>
</html>`;
}
