/**
 * Rendered HTML kept in memory. Lesson bodies are compiled at build time but Astro still renders
 * their components on every request; the output depends only on the lesson and the language, so
 * the lesson page renders each once and serves it from here. The lesson page's outline and pager
 * are kept the same way, keyed by everything they show (lesson-page.ts).
 *
 * `<RenderOnce>` (components/learning/RenderOnce.astro) takes its child as a function, so that a
 * kept part is not even built: Astro evaluates ordinary slot children before the component runs.
 */
const TTL_MS = 10 * 60 * 1000;
const MAX_ENTRIES = 5000;
const entries = new Map<string, { html: string; at: number }>();

/** The HTML kept for `key`, or null when it has yet to be rendered (or has expired). */
function renderedHtml(key: string, now = Date.now()): string | null {
  const entry = entries.get(key);
  if (!entry) return null;
  // Expire now and then so download sizes (read from disk) catch up with newly built PDFs.
  if (now - entry.at > TTL_MS) {
    entries.delete(key);
    return null;
  }
  return entry.html;
}

function rememberRenderedHtml(key: string, html: string, now = Date.now()): string {
  if (entries.size >= MAX_ENTRIES) entries.clear();
  entries.set(key, { html, at: now });
  return html;
}

const pending = new Map<string, Promise<string>>();

/**
 * The HTML for `key`: from memory, or rendered by `render` once however many requests ask for it
 * at the same time (a burst of readers of a new lesson renders it once, not once each).
 */
export async function renderOnce(
  key: string,
  render: () => Promise<string>,
  now = Date.now(),
): Promise<string> {
  const cached = renderedHtml(key, now);
  if (cached !== null) return cached;
  let job = pending.get(key);
  if (!job) {
    job = render()
      .then((html) => rememberRenderedHtml(key, html, now))
      .finally(() => pending.delete(key));
    pending.set(key, job);
  }
  return job;
}
