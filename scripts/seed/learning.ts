/**
 * Demo enrolments and progress for `npm start`: learners in every state a newcomer should see on
 * the dashboard, course pages and staff screens. Lesson ids come from the content files, so the
 * demo follows the curriculum as it changes.
 */
import { enrolment, lessonProgress, moduleCompletion } from '#db/schema.ts';
import type { SeedStep } from './demo.ts';
import type { CourseView } from '#src/lib/learning/structure.ts';
import { catalogueFromTree, readContentTree } from '#src/lib/server/content/files.ts';
import type { Orm } from '#src/lib/server/db.ts';
import { newId } from '#src/lib/server/ids.ts';
import { DAY_MS, HOUR_MS } from '#src/lib/time.ts';

const day = DAY_MS;

interface Plan {
  email: string;
  courseId: string;
  /** What the learner has done: whole modules, then lessons of the next one. */
  completeModules: number;
  completeLessons: number;
  /** Opened but not finished: the resume point. */
  openNext: boolean;
  withdrawn?: boolean;
  /** Days ago the learner enrolled. */
  enrolledDaysAgo: number;
  /** Who enrolled them, when staff did. */
  enrolledBy?: string;
}

/** The demo learners (db/seed.ts demoAccounts) and what each has done. */
export const learningPlans: Plan[] = [
  // Siti: halfway through the main course, with a lesson left open to resume.
  {
    email: 'learner@demo.rtw-academy.my',
    courseId: 'rtw-coordinator',
    completeModules: 5,
    completeLessons: 2,
    openNext: true,
    enrolledDaysAgo: 40,
  },
  // Tan Wei Ming: just started the supervisors' course.
  {
    email: 'tan.weiming@demo.rtw-academy.my',
    courseId: 'supervisors-early-intervention',
    completeModules: 0,
    completeLessons: 0,
    openNext: true,
    enrolledDaysAgo: 2,
  },
  // Muhammad Hafiz: one module left in the supervisors' course (enrolled by the trainer).
  {
    email: 'hafiz@demo.rtw-academy.my',
    courseId: 'supervisors-early-intervention',
    completeModules: 2,
    completeLessons: 0,
    openNext: false,
    enrolledDaysAgo: 20,
    enrolledBy: 'trainer@demo.rtw-academy.my',
  },
  // Kavitha (reads in Bahasa Malaysia): early in the main course.
  {
    email: 'kavitha@demo.rtw-academy.my',
    courseId: 'rtw-coordinator',
    completeModules: 0,
    completeLessons: 3,
    openNext: true,
    enrolledDaysAgo: 10,
  },
  // Jugah: left the main course after module 1; the progress is kept for when he comes back.
  {
    email: 'jugah@demo.rtw-academy.my',
    courseId: 'rtw-coordinator',
    completeModules: 1,
    completeLessons: 1,
    openNext: false,
    withdrawn: true,
    enrolledDaysAgo: 60,
  },
  // Lim Mei Ling is deliberately not enrolled anywhere: her dashboard shows the empty state.
];

async function applyPlan(
  orm: Orm,
  plan: Plan,
  course: CourseView,
  userId: string,
  enrolledById: string | null,
  now: number,
): Promise<void> {
  const enrolledAt = now - plan.enrolledDaysAgo * day;
  // Spread the activity evenly between enrolment and a few hours ago.
  const steps: { lessonId: string; complete: boolean }[] = [];
  const modules = course.modules.slice(0, plan.completeModules);
  for (const module of modules)
    for (const lesson of module.lessons) steps.push({ lessonId: lesson.id, complete: true });
  const current = course.modules[plan.completeModules];
  const currentLessons = current?.lessons ?? [];
  for (const lesson of currentLessons.slice(0, plan.completeLessons))
    steps.push({ lessonId: lesson.id, complete: true });
  const open = currentLessons[plan.completeLessons];
  if (plan.openNext && open) steps.push({ lessonId: open.id, complete: false });

  const span = Math.max(1, now - 3 * HOUR_MS - enrolledAt);
  const at = (index: number) => Math.round(enrolledAt + ((index + 1) / (steps.length + 1)) * span);
  for (const [index, step] of steps.entries()) {
    const time = new Date(at(index));
    await orm.insert(lessonProgress).values({
      userId,
      lessonId: step.lessonId,
      firstViewedAt: time,
      lastViewedAt: time,
      completedAt: step.complete ? time : null,
    });
  }
  let lessonIndex = 0;
  for (const module of modules) {
    lessonIndex += module.lessons.length;
    await orm
      .insert(moduleCompletion)
      .values({ userId, moduleId: module.id, completedAt: new Date(at(lessonIndex - 1)) });
  }
  await orm.insert(enrolment).values({
    id: newId(),
    userId,
    courseId: course.id,
    status: plan.withdrawn ? 'withdrawn' : 'active',
    enrolledAt: new Date(enrolledAt),
    enrolledBy: enrolledById,
    withdrawnAt: plan.withdrawn ? new Date(now - 5 * day) : null,
  });
}

/** The seed step: enrolments and progress for the demo learners. */
export const seedLearning: SeedStep = async (orm, { now, users }) => {
  const tree = readContentTree();
  const catalogue = catalogueFromTree(tree);
  let count = 0;
  for (const plan of learningPlans) {
    const course = catalogue.published.course(plan.courseId);
    const userId = users.get(plan.email);
    if (!course || !userId) continue;
    await applyPlan(
      orm,
      plan,
      course,
      userId,
      plan.enrolledBy ? (users.get(plan.enrolledBy) ?? null) : null,
      now,
    );
    count += 1;
  }
  return `Seeded ${count} demo enrolments with progress (not enrolled, just started, halfway, one module left, withdrawn).`;
};
