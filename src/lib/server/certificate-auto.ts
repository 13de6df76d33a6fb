/**
 * Automatic issue: a course whose certificate has `issueMode: auto` gives the learner a
 * certificate the moment the completion is recorded (progress.ts calls this inside the same
 * write). Kept apart from certificate.ts so that progress.ts can call it without an import cycle.
 */
import { eq } from 'drizzle-orm';
import { user } from '../../../db/schema.ts';
import type { Catalogue } from '../course-structure.ts';
import { findUnsupportedCharacters } from './certificate-pdf.ts';
import { getStandingCertificate, insertCertificate, type CertificateRecord } from './certificate-store.ts';
import type { Orm } from './db.ts';

/**
 * Issues the certificates of `courseIds` that are issued automatically and that the learner does
 * not hold yet (none revoked, none standing). A name no bundled font can print is left to an
 * admin, who sees it in the eligible queue. Never throws: a failure here must not undo or fail
 * the completion itself; the next dashboard view tries again.
 */
export async function issueCertificatesOnCompletion(
  orm: Orm,
  catalogue: Pick<Catalogue, 'published'>,
  userId: string,
  courseIds: readonly string[],
  now: number,
): Promise<CertificateRecord[]> {
  const issued: CertificateRecord[] = [];
  try {
    const courses = courseIds
      .map((id) => catalogue.published.course(id))
      .filter((course) => course?.certificate?.issueMode === 'auto');
    if (courses.length === 0) return issued;
    const [holder] = await orm.select({ fullName: user.fullName }).from(user).where(eq(user.id, userId));
    if (!holder || findUnsupportedCharacters(holder.fullName).length > 0) return issued;
    for (const course of courses) {
      if (!course || (await getStandingCertificate(orm, userId, course.id))) continue;
      const result = await insertCertificate(
        orm,
        { userId, course, holderName: holder.fullName, mode: 'auto', actorId: null },
        now,
      );
      if (result.ok) issued.push(result.certificate);
    }
  } catch (error) {
    console.error(
      new Error('Automatic certificate issue failed; the learner stays eligible', { cause: error }),
    );
  }
  return issued;
}
