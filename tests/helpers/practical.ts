/**
 * Shared set-up for the assignment and workshop integration tests: people at two employers, a
 * trainer limited to one employer, a small assignment and a valid PDF.
 */
import { PDFDocument } from '@cantoo/pdf-lib';
import { trainerEmployer, trainerScope, user } from '#db/schema.ts';
import { assignmentSchema } from '#src/lib/content/assignment-schema.ts';
import type { Actor, Role } from '#src/lib/roles.ts';
import type { AssignmentContent } from '#src/lib/server/assignment/content.ts';
import { attachFile, saveDraft, submitWork } from '#src/lib/server/assignment/work.ts';
import type { Catalogue } from '#src/lib/learning/structure.ts';
import type { Database } from '#src/lib/server/db.ts';
import { findOrCreateOrganisation } from '#src/lib/server/employer/directory.ts';
import { newId } from '#src/lib/server/ids.ts';

export interface People {
  learner: Actor;
  other: Actor;
  trainer: Actor;
  secondTrainer: Actor;
  /** A trainer limited to the second employer (not the learner's). */
  scopedTrainer: Actor;
  admin: Actor;
  employerIds: [string, string];
}

export async function createPeople(db: Database): Promise<People> {
  return db.write(async (orm) => {
    const first = await findOrCreateOrganisation(orm, 'Syarikat Satu Sdn Bhd');
    const second = await findOrCreateOrganisation(orm, 'Syarikat Dua Sdn Bhd');
    const make = async (name: string, role: Role, organisationId: string): Promise<Actor> => {
      const id = newId();
      await orm.insert(user).values({
        id,
        email: `${name.toLowerCase().replace(/\W+/gu, '.')}@example.my`,
        fullName: name,
        passwordHash: 'not-a-real-hash',
        role,
        organisationId,
      });
      return { id, role };
    };
    const people: People = {
      learner: await make('Siti Nur Aisyah binti Abdullah', 'learner', first.id),
      other: await make('Tan Wei Ming', 'learner', second.id),
      trainer: await make('Rajesh a/l Subramaniam', 'trainer', first.id),
      secondTrainer: await make('Aminah binti Yusof', 'trainer', first.id),
      scopedTrainer: await make('Wong Kar Hoe', 'trainer', second.id),
      admin: await make('Nurul Huda binti Ismail', 'admin', first.id),
      employerIds: [first.id, second.id],
    };
    await orm
      .insert(trainerScope)
      .values({ userId: people.scopedTrainer.id, allEmployers: false, setAt: new Date() });
    await orm
      .insert(trainerEmployer)
      .values({ userId: people.scopedTrainer.id, organisationId: second.id, assignedAt: new Date() });
    return people;
  });
}

/** A two-part assignment on the fixture's `planning` module, passed at "meets" on both criteria. */
export const testAssignment: AssignmentContent = {
  id: 'planning',
  textLocale: 'en',
  version: 'test-v1',
  data: assignmentSchema.parse({
    title: 'Plan a return',
    summary: 'Write a plan.',
    minutes: 60,
    brief: 'Write a plan for the case.',
    maxResubmissions: 1,
    levels: [
      { id: 'not-yet', label: 'Not yet' },
      { id: 'meets', label: 'Meets' },
    ],
    passRule: { everyCriterionAtLeast: 'meets' },
    parts: [
      { id: 'plan', type: 'file', title: 'The plan', guidance: 'Attach it.', jobAid: 'rtw-plan' },
      { id: 'why', type: 'text', title: 'Why', guidance: 'Explain.', words: { min: 3, max: 20 } },
    ],
    rubric: [
      {
        id: 'accuracy',
        title: 'Accuracy',
        parts: ['plan'],
        levels: {
          'not-yet': { descriptor: 'Wrong.', points: 0 },
          meets: { descriptor: 'Right.', points: 2 },
        },
      },
      {
        id: 'reasons',
        title: 'Reasons',
        parts: ['why'],
        levels: { 'not-yet': { descriptor: 'None.', points: 0 }, meets: { descriptor: 'Clear.', points: 2 } },
      },
    ],
  }),
};

export async function validPdf(text = 'Plan'): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([300, 300]).drawText(text, { x: 20, y: 200 });
  return doc.save();
}

/**
 * The learner writes and submits `testAssignment` in module `planning` of course `main`: the
 * written part, the plan PDF, then the submission, all at `at`.
 */
export async function submitTestAssignment(
  db: Database,
  catalogue: Catalogue,
  learner: Actor,
  at: number,
): Promise<void> {
  const target = { courseId: 'main', moduleId: 'planning' };
  await saveDraft(db, catalogue, learner, target, testAssignment, { why: 'It fits the limits.' }, at);
  await attachFile(
    db,
    catalogue,
    learner,
    target,
    testAssignment,
    'plan',
    { name: 'plan.pdf', bytes: await validPdf() },
    at,
  );
  await submitWork(db, catalogue, learner, target, testAssignment, at);
}
