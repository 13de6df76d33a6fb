/** One job aid's full spec for its printable page (src/content/job-aids/<id>.yaml). */
import { getEntry } from 'astro:content';
import type { JobAidSpec } from '#src/lib/content/job-aid-schema.ts';

/** The spec of a job aid, or null when no job aid has this id. */
export async function findJobAid(id: string): Promise<JobAidSpec | null> {
  const entry = await getEntry('jobAids', id);
  return entry?.data ?? null;
}
