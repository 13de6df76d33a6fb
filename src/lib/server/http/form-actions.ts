import { actions } from 'astro:actions';

/**
 * The actions that the layout (every page), the lesson page and the course overview post their
 * forms to, looked up once per process. Each `actions.x.y` goes through two of Astro's proxies,
 * which build a new function, its query string and a `URLSearchParams` on every access: on the
 * lesson page that was about 2% of the server's CPU (docs/performance.md, issue #20 part I). The
 * objects are the same either way; a form's `action` is the page's path followed by the action's
 * query string.
 */
export const formActions = {
  signOut: actions.auth.signOut,
  setLanguage: actions.profile.setLanguage,
  completeLesson: actions.learning.complete,
  undoLessonComplete: actions.learning.undoComplete,
  resendVerification: actions.mail.resendVerification,
};
