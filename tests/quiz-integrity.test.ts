/**
 * Blind strategies (issue 12): scripts that never read a prompt must score what chance predicts.
 * Each attempt goes the way the server takes it: `startAttempt` (what the start action calls),
 * the player's form markup rendered by the same React component the page renders, read back as
 * a browser would, and a real form-encoded POST body read by `readSubmitForm` and graded by
 * `submitAttempt` (what the submit endpoint calls), on a migrated libSQL file with the real
 * course content. Building and starting the Astro server inside Vitest would take longer than
 * the whole suite may; the browser journey in e2e/quiz.spec.ts covers the HTTP layer itself.
 */
import { fileURLToPath } from 'node:url';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrolment, lessonProgress, moduleCompletion, user } from '#db/schema.ts';
import QuestionFields from '#src/components/quiz/QuestionFields.tsx';
import { createTranslator } from '#src/i18n/index.ts';
import type { Catalogue } from '#src/lib/learning/structure.ts';
import { playerLabels } from '#src/lib/quiz/labels.ts';
import { catalogueFromTree, readContentTree } from '#src/lib/server/content/files.ts';
import { newId } from '#src/lib/server/ids.ts';
import { findOrCreateOrganisation } from '#src/lib/server/employer/directory.ts';
import type { Answers } from '#src/lib/server/quiz/answers.ts';
import { startAttempt, submitAttempt } from '#src/lib/server/quiz/attempt.ts';
import { getActiveAttempt } from '#src/lib/server/quiz/attempt-views.ts';
import {
  answerableQuestions,
  resolveLayout,
  seededRandom,
  type AttemptLayout,
} from '#src/lib/server/quiz/draw.ts';
import { readSubmitForm } from '#src/lib/server/quiz/form.ts';
import { gradeAttempt } from '#src/lib/server/quiz/grading.ts';
import { toPublicQuestions } from '#src/lib/server/quiz/public-view.ts';
import { toQuizContent, type QuizContent } from '#src/lib/server/quiz/source.ts';
import { createTestDb, type TestDatabase } from './helpers/db.ts';

const ATTEMPTS = 30;
const COURSE = 'rtw-coordinator';
const MODULE = 'mental-health';
const day = 24 * 60 * 60_000;
const t0 = Date.UTC(2026, 10, 2, 1, 0, 0);
const labels = playerLabels(createTranslator('en'), 'en');

// ---- What a browser sees and sends ----------------------------------------------------------

interface Control {
  kind: 'radio' | 'checkbox' | 'select';
  name: string;
  /** Radio and checkbox: their value. Select: the option values in order, and the one selected. */
  value: string;
  options: string[];
  selected: string;
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [, name = '', value = ''] of tag.matchAll(/([\w:-]+)="([^"]*)"/g)) out[name] = value;
  for (const [, name = ''] of tag.matchAll(/\s([\w-]+)(?=[\s/>])(?!=)/g)) out[name] ??= '';
  return out;
}

/** The form controls in the markup, in document order, as a browser's form would list them. */
function controlsOf(html: string): Control[] {
  const controls: Control[] = [];
  for (const match of html.matchAll(/<input\b[^>]*>|<select\b[^>]*>[\s\S]*?<\/select>/g)) {
    const text = match[0];
    if (text.startsWith('<input')) {
      const attrs = attributes(text);
      if (attrs.type !== 'radio' && attrs.type !== 'checkbox') continue;
      controls.push({
        kind: attrs.type,
        name: attrs.name ?? '',
        value: attrs.value ?? '',
        options: [],
        selected: '',
      });
    } else {
      const attrs = attributes(text.slice(0, text.indexOf('>') + 1));
      const options = [...text.matchAll(/<option\b[^>]*>/g)].map((option) => attributes(option[0]));
      const values = options.map((option) => option.value ?? '');
      const chosen = options.find((option) => 'selected' in option)?.value ?? values[0] ?? '';
      controls.push({ kind: 'select', name: attrs.name ?? '', value: '', options: values, selected: chosen });
    }
  }
  return controls;
}

/** Controls grouped per question (`q:<id>` and its `:pos:` / `:match:` parts), in page order. */
function groupsOf(controls: readonly Control[]): Control[][] {
  const groups = new Map<string, Control[]>();
  for (const control of controls) {
    const key = control.name.split(':').slice(0, 2).join(':');
    groups.set(key, [...(groups.get(key) ?? []), control]);
  }
  return [...groups.values()];
}

type Strategy = (group: Control[], memory: { index: number; value: string }) => [string, string][];

const byValue = (left: string, right: string): number => (left < right ? -1 : left > right ? 1 : 0);

/** Ordering selects as shown (the browser sends their pre-selected positions). */
const asShown = (group: Control[]): [string, string][] =>
  group.map((control) => [control.name, control.selected]);

/** Picks one choice per group by index (`at`), for radios, checkboxes and matching selects. */
function pick(group: Control[], at: (count: number, values: string[]) => number): [string, string][] {
  const first = group[0];
  if (!first) return [];
  if (first.kind !== 'select') {
    const values = group.map((control) => control.value);
    return [[first.name, values[at(values.length, values)] ?? '']];
  }
  if (first.name.includes(':pos:')) return asShown(group);
  return group.map((control) => {
    const values = control.options.filter((value) => value !== '');
    return [control.name, values[at(values.length, values)] ?? ''];
  });
}

const strategies: Record<string, Strategy> = {
  'first option shown': (group) => pick(group, () => 0),
  'alphabetically smallest id': (group) => {
    const first = group[0];
    if (first?.kind === 'select' && first.name.includes(':pos:')) {
      // Position 1 to the smallest item id, 2 to the next …
      const sorted = [...group].sort((left, right) => byValue(left.name, right.name));
      return sorted.map((control, index) => [control.name, String(index + 1)]);
    }
    return pick(group, (_, values) => values.indexOf([...values].sort(byValue)[0] ?? ''));
  },
  'last option shown': (group) => {
    const first = group[0];
    if (first?.kind === 'select' && first.name.includes(':pos:'))
      return group.map((control, index) => [control.name, String(group.length - index)]);
    return pick(group, (count) => count - 1);
  },
  'all boxes ticked': (group) =>
    group[0]?.kind === 'checkbox'
      ? group.map((control) => [control.name, control.value])
      : pick(group, () => 0),
  'none ticked': (group) =>
    group[0]?.kind === 'select' && group[0].name.includes(':pos:') ? asShown(group) : [],
  'same answer as the previous question': (group, memory) => {
    const fields = pick(group, (count, values) =>
      values.includes(memory.value) ? values.indexOf(memory.value) : Math.min(memory.index, count - 1),
    );
    const chosen = fields[0]?.[1];
    const first = group[0];
    if (chosen !== undefined && first && !(first.kind === 'select' && first.name.includes(':pos:'))) {
      const values =
        first.kind === 'select' ? first.options.filter((value) => value !== '') : group.map((c) => c.value);
      memory.value = chosen;
      memory.index = Math.max(0, values.indexOf(chosen));
    }
    return fields;
  },
};

// ---- The course, the learners and the attempts ------------------------------------------------

let test: TestDatabase;
let catalogue: Catalogue;
let moduleQuiz: QuizContent;
let finalQuiz: QuizContent;
const figures: { quiz: string; strategy: string; mean: number; min: number; max: number; passed: number }[] =
  [];

/** Learners enrolled in the course with these lessons and modules complete, written in one go. */
async function addLearners(
  count: number,
  lessonIds: readonly string[],
  moduleIds: readonly string[],
): Promise<string[]> {
  const ids = Array.from({ length: count }, () => newId());
  const at = new Date(t0 - day / 2);
  await test.db.write(async (orm) => {
    const organisation = await findOrCreateOrganisation(orm, 'Syarikat Ujian Buta Sdn Bhd');
    await orm.insert(user).values(
      ids.map((id) => ({
        id,
        email: `blind.${id}@example.my`,
        fullName: 'Blind Script',
        passwordHash: 'x',
        organisationId: organisation.id,
      })),
    );
    await orm.insert(enrolment).values(
      ids.map((userId) => ({
        id: newId(),
        userId,
        courseId: COURSE,
        status: 'active' as const,
        enrolledAt: new Date(t0 - day),
      })),
    );
    const lessons = ids.flatMap((userId) =>
      lessonIds.map((lessonId) => ({
        userId,
        lessonId,
        firstViewedAt: at,
        lastViewedAt: at,
        completedAt: at,
      })),
    );
    if (lessons.length > 0) await orm.insert(lessonProgress).values(lessons);
    await orm
      .insert(moduleCompletion)
      .values(ids.flatMap((userId) => moduleIds.map((moduleId) => ({ userId, moduleId, completedAt: at }))));
  });
  return ids;
}

/** One attempt, start to grade, by a script that never reads a prompt. Returns the percent. */
async function blindAttempt(
  content: QuizContent,
  userId: string,
  strategy: Strategy,
  seed: string,
  now: number,
): Promise<{ percent: number; passed: boolean; layout: AttemptLayout }> {
  const target = { courseId: COURSE, moduleId: content.kind === 'module' ? content.id : null };
  const started = await startAttempt(
    test.db,
    catalogue,
    { id: userId, role: 'learner' },
    target,
    content,
    now,
    seededRandom(seed),
  );
  if (!started.ok) throw new Error(`start refused: ${JSON.stringify(started)}`);
  const active = await getActiveAttempt(test.db, userId, content, now);
  if (active.kind !== 'active') throw new Error('the attempt is not running');
  // The markup of every question, as the player page renders it (the no-JavaScript form).
  const html = toPublicQuestions(content.quiz, active.attempt.layout)
    .map((question, index) =>
      renderToStaticMarkup(
        createElement(QuestionFields, { question, number: index + 1, answers: {}, labels }),
      ),
    )
    .join('\n');
  // Nothing in it names an authored option id.
  expect(html).not.toMatch(/value="(a|b|c|d|e)"/);
  const memory = { index: Math.floor(seededRandom(`${seed}:start`)() * 4), value: '' };
  const body = new URLSearchParams({
    attemptId: started.attemptId,
    quiz: `${content.kind}:${content.id}`,
    scope: 'all',
  });
  for (const group of groupsOf(controlsOf(html)))
    for (const [name, value] of strategy(group, memory)) if (value !== '') body.append(name, value);
  const request = new Request('http://127.0.0.1/courses/submit', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: body.toString(),
  });
  const form = await readSubmitForm(request);
  if (!form) throw new Error('the form body could not be read');
  const result = await submitAttempt(
    test.db,
    content,
    { userId, attemptId: form.attemptId, posted: form.posted },
    now + 60_000,
  );
  if (!result.ok) throw new Error('the submit was refused');
  return { percent: result.percent, passed: result.passed, layout: active.attempt.layout };
}

/** What the script scored before tokens: "a" for single choice, a b c for multiple, false for true/false. */
function oldExploit(content: QuizContent, layout: AttemptLayout): number {
  const answers: Answers = {};
  for (const { question } of answerableQuestions(resolveLayout(content.quiz, layout))) {
    if (question.type === 'single') answers[question.id] = question.options[0]?.id ?? '';
    if (question.type === 'multiple')
      answers[question.id] = question.options.slice(0, 3).map((option) => option.id);
    if (question.type === 'truefalse') answers[question.id] = 'false';
    if (question.type === 'ordering') answers[question.id] = question.items.map((item) => item.id).reverse();
  }
  return gradeAttempt(content.quiz, layout, answers).percent;
}

function summarise(
  quiz: string,
  strategy: string,
  results: readonly { percent: number; passed: boolean }[],
): number {
  const percents = results.map((result) => result.percent);
  const mean = percents.reduce((sum, value) => sum + value, 0) / percents.length;
  figures.push({
    quiz,
    strategy,
    mean: Math.round(mean * 10) / 10,
    min: Math.min(...percents),
    max: Math.max(...percents),
    passed: results.filter((result) => result.passed).length,
  });
  return mean;
}

beforeAll(async () => {
  test = await createTestDb();
  const tree = readContentTree(fileURLToPath(new URL('..', import.meta.url)));
  catalogue = catalogueFromTree(tree);
  const course = catalogue.published.course(COURSE);
  const finalId = course?.rules.finalAssessmentId;
  const moduleData = tree.quizzes.find((entry) => entry.id === MODULE)?.data;
  const finalData = tree.assessments.find((entry) => entry.id === finalId)?.data;
  if (!course || !finalId || !moduleData || !finalData)
    throw new Error(
      `The blind-strategy test needs the course "${COURSE}", its final and the "${MODULE}" quiz.`,
    );
  moduleQuiz = toQuizContent(MODULE, 'module', moduleData);
  finalQuiz = toQuizContent(finalId, 'assessment', finalData);
});

afterAll(() => {
  test.cleanup();
  if (figures.length === 0) return;
  const rows = figures.map(
    (row) =>
      `${row.quiz.padEnd(24)} ${row.strategy.padEnd(40)} mean ${row.mean.toFixed(1).padStart(5)}%  min ${row.min.toFixed(1).padStart(5)}%  max ${row.max.toFixed(1).padStart(5)}%  passed ${row.passed}/${ATTEMPTS}`,
  );
  console.log(`Blind strategies, ${ATTEMPTS} attempts each:\n${rows.join('\n')}`);
});

describe.each([
  ['module quiz', () => moduleQuiz],
  ['final assessment', () => finalQuiz],
])('blind strategies on the %s', (label, quizOf) => {
  it.each(Object.keys(strategies))('"%s" stays below 50% on average', async (name) => {
    const content = quizOf();
    const strategy = strategies[name];
    if (!strategy) throw new Error(name);
    const course = catalogue.published.course(COURSE);
    const allModules = course?.modules.map((module) => module.id) ?? [];
    const lessons =
      course?.modules.find((module) => module.id === MODULE)?.lessons.map((lesson) => lesson.id) ?? [];
    const results: { percent: number; passed: boolean }[] = [];
    const exploit: number[] = [];
    if (content.kind === 'module') {
      // One learner retaking the module quiz (unlimited attempts, no cool-down).
      const [learner = ''] = await addLearners(1, lessons, allModules);
      for (let index = 0; index < ATTEMPTS; index++) {
        const result = await blindAttempt(
          content,
          learner,
          strategy,
          `${name}:module:${index}`,
          t0 + index * 600_000,
        );
        results.push(result);
        exploit.push(oldExploit(content, result.layout));
      }
    } else {
      // The final allows a few attempts a day: a fresh learner per attempt.
      const learners = await addLearners(ATTEMPTS, [], allModules);
      for (const [index, learner] of learners.entries()) {
        const result = await blindAttempt(content, learner, strategy, `${name}:final:${index}`, t0);
        results.push(result);
        exploit.push(oldExploit(content, result.layout));
      }
    }
    const mean = summarise(content.id, name, results);
    if (name === 'first option shown')
      summarise(
        content.id,
        'reference: the issue’s script on authored ids',
        exploit.map((percent) => ({ percent, passed: percent >= content.quiz.settings.passMark })),
      );
    expect(mean, `${label}: ${name}`).toBeLessThan(50);
  });
});
