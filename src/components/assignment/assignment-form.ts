/**
 * The assignment form with JavaScript: drafts saved a moment after the learner stops typing (and
 * when they leave the page), live word counts, and each PDF uploaded as soon as it is chosen,
 * with its size checked before it is sent. Without JavaScript the same form posts everything to
 * the `assignment.save` action. Browser-only: no server imports.
 */
import { actions } from 'astro:actions';

const AUTOSAVE_DELAY_MS = 1500;
const RETRY_DELAY_MS = 10_000;
const MAX_FILE_BYTES = 10 * 1024 * 1024;

function countWords(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? 0 : trimmed.split(/\s+/u).length;
}

function fill(template: string, name: string, value: string): string {
  return template.replace(`{${name}}`, value);
}

/**
 * After an upload the page loads again (`?done=attach&part=<id>`) with the focus on the link of
 * the file just attached, scrolled into view: a keyboard or screen-reader user hears what was
 * attached and goes on from that part rather than from the top of the page. (Not a `#part-…`
 * fragment: Chrome takes the focus away again when it scrolls to one.)
 */
function focusAttachedFile(form: HTMLFormElement): void {
  const query = new URLSearchParams(window.location.search);
  const partId = query.get('part');
  if (query.get('done') !== 'attach' || !partId) return;
  const part = form.querySelector<HTMLElement>(`[data-file-part="${CSS.escape(partId)}"]`);
  part?.querySelector<HTMLAnchorElement>('.current-file a')?.focus();
}

export function enhanceAssignmentForm(form: HTMLFormElement): void {
  focusAttachedFile(form);
  const data = form.dataset;
  const courseId = form.querySelector<HTMLInputElement>('input[name="courseId"]')?.value ?? '';
  const moduleId = form.querySelector<HTMLInputElement>('input[name="moduleId"]')?.value ?? '';
  const state = form.querySelector<HTMLElement>('[data-save-state]');
  const numberFormat = new Intl.NumberFormat(data.locale);
  const timeFormat = new Intl.DateTimeFormat(data.locale, { timeStyle: 'short' });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let dirty = false;
  let saving: Promise<boolean> | null = null;

  const answers = (): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const area of form.querySelectorAll<HTMLTextAreaElement>('textarea[data-autosave]'))
      out[area.name.replace(/^answer:/u, '')] = area.value;
    return out;
  };

  const save = async (): Promise<boolean> => {
    if (saving) await saving;
    if (!dirty) return true;
    dirty = false;
    if (state) state.textContent = data.saving ?? '';
    saving = actions.assignment
      .autosave({ courseId, moduleId, answers: answers() })
      .then(({ data: result, error }) => {
        const ok = !error && result.ok;
        if (state)
          state.textContent = ok
            ? fill(data.saved ?? '', 'time', timeFormat.format(new Date()))
            : (data.failed ?? '');
        if (!ok) {
          dirty = true;
          timer = setTimeout(() => void save(), RETRY_DELAY_MS);
        }
        return ok;
      })
      .catch(() => {
        dirty = true;
        if (state) state.textContent = data.failed ?? '';
        return false;
      })
      .finally(() => {
        saving = null;
      });
    return saving;
  };

  for (const area of form.querySelectorAll<HTMLTextAreaElement>('textarea[data-autosave]')) {
    const counter = form.querySelector<HTMLElement>(`[data-word-count-for="${area.id}"]`);
    area.addEventListener('input', () => {
      if (counter)
        counter.textContent = fill(
          data.wordCount ?? '',
          'count',
          numberFormat.format(countWords(area.value)),
        );
      dirty = true;
      clearTimeout(timer);
      timer = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    });
  }
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void save();
  });

  for (const input of form.querySelectorAll<HTMLInputElement>('input[type="file"][data-upload]')) {
    const part = input.closest<HTMLElement>('[data-file-part]');
    const status = part?.querySelector<HTMLElement>('[data-upload-status]');
    const errorLine = part?.querySelector<HTMLElement>('[data-file-error]');
    const showError = (message: string): void => {
      if (!errorLine) return;
      errorLine.textContent = message;
      errorLine.hidden = false;
      input.setAttribute('aria-invalid', 'true');
      if (status) status.textContent = message;
    };
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (!file || !part) return;
      if (file.size > MAX_FILE_BYTES) {
        showError(part.dataset.msgTooBig ?? '');
        input.value = '';
        return;
      }
      if (status) status.textContent = fill(data.uploading ?? '', 'name', file.name);
      const body = new FormData();
      body.set('courseId', courseId);
      body.set('moduleId', moduleId);
      body.set('partId', input.dataset.upload ?? '');
      body.set('file', file);
      void (async () => {
        // Typed answers first, so that the reload after the upload loses nothing.
        await save();
        const { data: result, error } = await actions.assignment.attach(body);
        input.value = '';
        if (error || !result) {
          showError(data.uploadFailed ?? '');
          return;
        }
        if (result.ok) {
          // A new query string, so that the browser loads the page again (a hash alone would not).
          const query = new URLSearchParams({
            done: 'attach',
            part: input.dataset.upload ?? '',
            at: String(Date.now()),
          });
          window.location.assign(`${window.location.pathname}?${query.toString()}`);
          return;
        }
        const refusal = 'fileErrors' in result ? result.fileErrors?.[0]?.refusal : undefined;
        const key = refusal
          ? `msg${refusal.replace(/(^|-)([a-z])/gu, (_, _dash: string, letter: string) => letter.toUpperCase())}`
          : '';
        showError((key && part.dataset[key]) || data.uploadFailed || '');
      })();
    });
  }

  // Posting the form saves the text itself; no autosave may race it.
  form.addEventListener('submit', () => {
    clearTimeout(timer);
    dirty = false;
  });
}
