/**
 * Cover illustrations (public/images/covers/<id>.svg, drawn for this programme): one per course and
 * module that has its own, a shared default otherwise. Decorative: pages give them empty alt text.
 */
const withOwnCover = new Set([
  'rtw-coordinator',
  'supervisors-early-intervention',
  'disability-management',
  'malaysian-framework',
  'coordinator-role-ethics',
  'early-intervention',
  'case-management-rtw-plan',
  'rehabilitation-job-placement',
  'job-analysis-accommodation',
  'rtw-hierarchy',
  'mental-health',
  'communication-negotiation',
  'monitoring-evaluation',
  'capstone-case',
  'sup-first-days',
  'sup-keeping-in-touch',
  'sup-welcoming-back',
]);

/** The cover of a course or module, by its id. */
export function coverHref(id: string): string {
  return `/images/covers/${withOwnCover.has(id) ? id : 'default'}.svg`;
}
