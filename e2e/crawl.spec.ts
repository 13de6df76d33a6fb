import type { Page } from '@playwright/test';
import { demo, expect, signIn, test } from './fixtures.ts';

/**
 * Follows every same-origin link of the built site, as an anonymous visitor, the demo learner and
 * the demo admin (who also sees drafts): every page, download and picture must answer 2xx after
 * redirects, and every <img> must have an alt attribute. GET only, and never a link that acts.
 */

const SEEDS = ['/', '/courses', '/resources', '/handbook', '/glossary'];
const MAX_URLS = 1500;
/**
 * Sort, filter, page and `?next=` links multiply pages: a few URLs of each shape (path and query
 * parameter names) show that shape works.
 */
const MAX_PER_QUERY_SHAPE = 3;
const CONCURRENCY = 6;

interface CrawlReport {
  pages: number;
  downloads: number;
  images: number;
  external: number;
  skipped: number;
  capped: boolean;
  failures: string[];
  missingAlt: string[];
}

interface Found {
  links: string[];
  images: { src: string; hasAlt: boolean; html: string }[];
}

/** Never fetched: actions, and the endpoints behind the sign-out and language forms. */
function actsOnSomething(url: URL): boolean {
  return (
    url.pathname.startsWith('/_actions') ||
    url.pathname === '/sign-out' ||
    url.pathname === '/language' ||
    [...url.searchParams.keys()].some((key) => key.startsWith('_action'))
  );
}

/** Parses HTML in the browser without loading it: links and images, nothing runs. */
async function readPage(page: Page, html: string): Promise<Found> {
  return page.evaluate((source) => {
    const document = new DOMParser().parseFromString(source, 'text/html');
    return {
      links: [...document.querySelectorAll('a[href], area[href]')].map(
        (element) => element.getAttribute('href') ?? '',
      ),
      images: [...document.querySelectorAll('img')].map((image) => ({
        src: image.getAttribute('src') ?? '',
        hasAlt: image.hasAttribute('alt'),
        html: image.outerHTML.slice(0, 120),
      })),
    };
  }, html);
}

async function crawl(page: Page, baseURL: string): Promise<CrawlReport> {
  const origin = new URL(baseURL).origin;
  const report: CrawlReport = {
    pages: 0,
    downloads: 0,
    images: 0,
    external: 0,
    skipped: 0,
    capped: false,
    failures: [],
    missingAlt: [],
  };
  const seen = new Set<string>();
  const variants = new Map<string, number>();
  let queue: { url: string; from: string; image: boolean }[] = [];

  const enqueue = (href: string, from: string, image = false): void => {
    let url: URL;
    try {
      url = new URL(href, from);
    } catch {
      report.failures.push(`unreadable link "${href}" on ${from}`);
      return;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return;
    if (url.origin !== origin) {
      report.external += 1;
      return;
    }
    url.hash = '';
    if (seen.has(url.href)) return;
    if (actsOnSomething(url)) {
      report.skipped += 1;
      return;
    }
    if (url.search !== '') {
      const shape = `${url.pathname}?${[...new Set(url.searchParams.keys())].sort().join('&')}`;
      const count = variants.get(shape) ?? 0;
      if (count >= MAX_PER_QUERY_SHAPE) {
        report.skipped += 1;
        return;
      }
      variants.set(shape, count + 1);
    }
    if (seen.size >= MAX_URLS) {
      report.capped = true;
      return;
    }
    seen.add(url.href);
    queue.push({ url: url.href, from, image });
  };

  const visit = async (item: { url: string; from: string; image: boolean }): Promise<void> => {
    const response = await page.request.get(item.url, { failOnStatusCode: false, maxRedirects: 10 });
    const path = item.url.slice(origin.length);
    if (!response.ok()) {
      report.failures.push(`${response.status()} ${path} (linked from ${item.from.slice(origin.length)})`);
      return;
    }
    const isHtml = (response.headers()['content-type'] ?? '').includes('text/html');
    if (item.image) report.images += 1;
    else if (!isHtml) report.downloads += 1;
    if (!isHtml || item.image) return;
    report.pages += 1;
    const where = response.url();
    const found = await readPage(page, await response.text());
    for (const image of found.images) {
      if (!image.hasAlt) report.missingAlt.push(`${where.slice(origin.length)}: ${image.html}`);
      if (image.src !== '') enqueue(image.src, where, true);
    }
    for (const link of found.links) enqueue(link, where);
  };

  for (const seed of SEEDS) enqueue(seed, `${origin}/`);
  while (queue.length > 0) {
    const wave = queue;
    queue = [];
    for (let start = 0; start < wave.length; start += CONCURRENCY)
      await Promise.all(wave.slice(start, start + CONCURRENCY).map(visit));
  }
  return report;
}

function expectClean(report: CrawlReport, who: string): void {
  test.info().annotations.push({
    type: `crawl (${who})`,
    description:
      `${report.pages} pages, ${report.downloads} downloads, ${report.images} images; ` +
      `${report.external} external links and ${report.skipped} links not followed` +
      (report.capped ? `; stopped at ${MAX_URLS} URLs` : ''),
  });
  console.log(`crawl as ${who}: ${test.info().annotations.at(-1)?.description}`);
  expect(report.failures, `links that do not answer 2xx for ${who}`).toEqual([]);
  expect(report.missingAlt, `images without alt for ${who}`).toEqual([]);
  expect(report.pages).toBeGreaterThanOrEqual(SEEDS.length);
}

test.describe.configure({ timeout: 600_000 });

test('every link an anonymous visitor can follow works, and every image has alt text', async ({
  page,
  baseURL,
}) => {
  const report = await crawl(page, baseURL ?? '');
  expectClean(report, 'an anonymous visitor');
  // The handbook and every job aid are downloadable without an account.
  expect(report.downloads).toBeGreaterThanOrEqual(7);
});

for (const who of ['learner', 'admin'] as const) {
  test(`every link the demo ${who} can follow works, and every image has alt text`, async ({
    page,
    baseURL,
  }) => {
    const account = demo[who];
    await signIn(page, account.email);
    await expect(page.getByRole('link', { name: account.name })).toBeVisible();
    const report = await crawl(page, baseURL ?? '');
    expectClean(report, `the demo ${who}`);
    // Nothing the crawl followed signed the account out.
    const profile = await page.request.get('/profile', { maxRedirects: 0 });
    expect(profile.status()).toBe(200);
    expect(await profile.text()).toContain(account.name);
  });
}
