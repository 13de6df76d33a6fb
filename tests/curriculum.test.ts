/**
 * The curriculum's minimums (issue 6), read straight from the files in src/content: module
 * structure, quiz banks, the final assessment, the volume of prose, no placeholder text, and alt
 * text for every picture.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanComponents } from '#src/lib/content/mdx-scan.ts';
import { readContentTree, type Entry, type LessonEntry } from '#src/lib/server/content/files.ts';
import type { Question, Quiz } from '#src/lib/server/quiz/schema.ts';

const root = process.cwd();
const tree = readContentTree(root);

const RTW_COURSE = 'rtw-coordinator';
const SUPERVISORS_COURSE = 'supervisors-early-intervention';

function course(id: string) {
  const found = tree.courses.find((entry) => entry.id === id);
  if (!found) throw new Error(`src/content/courses/${id}.yaml is missing`);
  return found.data;
}

function moduleOf(id: string) {
  const found = tree.modules.find((entry) => entry.id === id);
  if (!found) throw new Error(`src/content/modules/${id}/module.yaml is missing`);
  return found.data;
}

const publishedLessons = (moduleId: string): LessonEntry[] =>
  tree.lessons.filter((lesson) => lesson.id.startsWith(`${moduleId}/`) && !lesson.data.draft);

const quizOf = (moduleId: string): Quiz | undefined =>
  tree.quizzes.find((quiz) => quiz.id === moduleId)?.data;

const componentsIn = (lessons: LessonEntry[]): string[] =>
  lessons.flatMap((lesson) => scanComponents(lesson.body, lesson.bodyLine).map((use) => use.name));

/** Every answerable question, the sub-questions of scenarios included. */
const answerable = (quiz: Quiz): Exclude<Question, { type: 'scenario' }>[] =>
  quiz.questions.flatMap((question) => (question.type === 'scenario' ? question.questions : [question]));

const wordsIn = (text: string): number => text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0;

/** Lesson prose without component tags and their attributes. */
const proseOf = (lesson: LessonEntry): string => lesson.body.replace(/<[^>]*>/g, ' ');

/**
 * An application item puts the learner in a situation: a scenario question, or a prompt long
 * enough to set one up (a one-line recall question is about 10 words).
 */
const isApplication = (question: Question): boolean =>
  question.type === 'scenario' || question.prompt.trim().split(/\s+/).length >= 20;

const isCapstone = (moduleId: string): boolean =>
  moduleId.startsWith('capstone') || /^capstone\b/i.test(moduleOf(moduleId).title);

function checkQuizBank(label: string, quiz: Quiz | undefined, minimum: { questions: number; draw: number }) {
  expect(quiz, `${label}: has a quiz.yaml`).toBeDefined();
  if (!quiz) return;
  expect(quiz.questions.length, `${label}: questions in the bank`).toBeGreaterThanOrEqual(minimum.questions);
  expect(quiz.settings.drawCount, `${label}: drawCount`).toBe(minimum.draw);
  expect(quiz.settings.passMark, `${label}: passMark`).toBe(80);
  for (const question of answerable(quiz))
    expect(question.explanation?.trim() ?? '', `${label}: ${question.id} has an explanation`).not.toBe('');
}

describe('the content files', () => {
  it('are valid (the same checks as npm run content:check)', () => {
    expect(tree.problems).toEqual([]);
  });
});

describe('the RTW Coordinator course', () => {
  const modules = course(RTW_COURSE).modules;

  it('has at least 10 modules and ends with a capstone', () => {
    const capstones = modules.filter(isCapstone);
    expect(capstones, 'capstone modules').toHaveLength(1);
    expect(modules.at(-1), 'the capstone comes last').toBe(capstones[0]);
    expect(modules.length - 1, 'modules besides the capstone').toBeGreaterThanOrEqual(10);
  });

  describe.each(modules)('module %s', (moduleId) => {
    const module = moduleOf(moduleId);
    const lessons = publishedLessons(moduleId);
    const components = componentsIn(lessons);

    it('has learning objectives and references', () => {
      expect(module.objectives.length).toBeGreaterThanOrEqual(3);
      for (const objective of module.objectives) expect(objective.trim()).not.toBe('');
      expect(module.references.length).toBeGreaterThan(0);
      for (const reference of module.references) expect(reference.trim()).not.toBe('');
    });

    it('has 3 to 9 published lessons with a case study and a knowledge check', () => {
      expect(lessons.length).toBeGreaterThanOrEqual(3);
      expect(lessons.length).toBeLessThanOrEqual(9);
      expect(components, 'a <CaseStudy> in some lesson').toContain('CaseStudy');
      expect(components, 'a <KnowledgeCheck> in some lesson').toContain('KnowledgeCheck');
    });

    it('has a quiz bank of at least 15 questions, 10 drawn, pass mark 80%, that tests application', () => {
      const quiz = quizOf(moduleId);
      checkQuizBank(`${moduleId}/quiz.yaml`, quiz, { questions: 15, draw: 10 });
      if (!quiz) return;
      expect(
        quiz.questions.some((question) => question.type === 'scenario'),
        'at least one scenario question',
      ).toBe(true);
      expect(
        quiz.questions.filter(isApplication).length,
        'application items (scenarios or situation prompts of 20+ words)',
      ).toBeGreaterThanOrEqual(Math.ceil(quiz.questions.length / 3));
    });
  });

  it('has at least 25,000 words of lesson prose', () => {
    const words = modules
      .flatMap(publishedLessons)
      .reduce((sum, lesson) => sum + wordsIn(proseOf(lesson)), 0);
    expect(words).toBeGreaterThanOrEqual(25_000);
  });

  it('has a final assessment of at least 60 questions, 40 drawn, pass mark 80%', () => {
    const id = course(RTW_COURSE).completion.finalAssessment;
    const assessment = tree.assessments.find((entry) => entry.id === id)?.data;
    expect(assessment, `src/content/assessments/${id}.yaml`).toBeDefined();
    if (assessment) checkQuizBank(`assessments/${id}.yaml`, assessment, { questions: 60, draw: 40 });
  });
});

describe('the supervisors course', () => {
  const supervisors = course(SUPERVISORS_COURSE);

  it('has 3 published modules of its own, each with lessons and its own quiz', () => {
    // A module being written (draft: true) is for trainers' preview only.
    const published = supervisors.modules.filter((moduleId) => !moduleOf(moduleId).draft);
    expect(published).toHaveLength(3);
    const rtwModules = new Set(course(RTW_COURSE).modules);
    for (const moduleId of published) {
      expect(rtwModules.has(moduleId), `${moduleId} is not shared with the RTW course`).toBe(false);
      expect(publishedLessons(moduleId).length, `${moduleId}: lessons`).toBeGreaterThan(0);
      const quiz = quizOf(moduleId);
      expect(quiz, `${moduleId}: quiz.yaml`).toBeDefined();
      if (!quiz) continue;
      expect(quiz.questions.length, `${moduleId}: a bank at least as big as the draw`).toBeGreaterThanOrEqual(
        quiz.settings.drawCount,
      );
      for (const question of answerable(quiz))
        expect(question.explanation?.trim() ?? '', `${moduleId}: ${question.id}`).not.toBe('');
    }
  });

  it('has its own completion rules, final assessment and certificate', () => {
    const rtw = course(RTW_COURSE);
    expect(supervisors.completion.moduleQuizzes).toBe(true);
    expect(supervisors.completion.finalAssessment).toBeDefined();
    expect(supervisors.completion.finalAssessment).not.toBe(rtw.completion.finalAssessment);
    const final = tree.assessments.find((entry) => entry.id === supervisors.completion.finalAssessment)?.data;
    expect(final, 'its final assessment file').toBeDefined();
    expect(final?.questions.length ?? 0).toBeGreaterThanOrEqual(final?.settings.drawCount ?? 1);
    expect(supervisors.certificate?.title).toBeDefined();
    expect(supervisors.certificate?.title).not.toBe(rtw.certificate?.title);
  });
});

function contentFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return contentFiles(path);
    return /\.(mdx?|ya?ml)$/.test(name) ? [path] : [];
  });
}

describe('all content', () => {
  const files = contentFiles(join(root, 'src/content'));
  const placeholders = [
    /lorem ipsum/i,
    /\bTODO\b/,
    /\bTBD\b/,
    /\bFIXME\b/,
    /\bXXX\b/,
    /placeholder/i,
    /coming soon/i,
  ];

  it('has no placeholder text', () => {
    const found: string[] = [];
    for (const path of files) {
      readFileSync(path, 'utf8')
        .split('\n')
        .forEach((line, index) => {
          const hit = placeholders.find((pattern) => pattern.test(line));
          if (hit) found.push(`${relative(root, path)}:${index + 1}: ${line.trim().slice(0, 80)}`);
        });
    }
    expect(found).toEqual([]);
  });

  const lessonsInEveryLanguage = [...tree.lessons, ...tree.translations.ms.lessons];
  const pages: Array<Pick<Entry<unknown>, 'file'> & { body: string }> = [
    ...lessonsInEveryLanguage,
    ...[...tree.handbook, ...tree.translations.ms.handbook].map((chapter) => ({
      file: chapter.file,
      body: readFileSync(join(root, chapter.file), 'utf8'),
    })),
  ];
  const publicFile = (src: string): boolean => existsSync(join(root, 'public', src.replace(/^\//, '')));

  it('gives every <Figure> alt text and a picture that exists', () => {
    const problems: string[] = [];
    for (const lesson of lessonsInEveryLanguage) {
      for (const use of scanComponents(lesson.body, lesson.bodyLine).filter((use) => use.name === 'Figure')) {
        const { alt, src } = use.attributes;
        const where = `${lesson.file}:${use.line}`;
        if (typeof alt !== 'string' || alt.trim() === '') problems.push(`${where}: no alt text`);
        if (typeof src !== 'string' || !src.startsWith('/') || !publicFile(src))
          problems.push(`${where}: ${String(src)} is not a file in public/`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('gives every Markdown and HTML image alt text', () => {
    const problems: string[] = [];
    for (const page of pages) {
      for (const match of page.body.matchAll(/!\[([^\]]*)\]\(\s*<?([^)\s>]+)/g)) {
        if ((match[1] ?? '').trim() === '') problems.push(`${page.file}: ![](${match[2]}) has no alt text`);
        const src = match[2] ?? '';
        if (src.startsWith('/') && !publicFile(src))
          problems.push(`${page.file}: ${src} is not a file in public/`);
      }
      for (const match of page.body.matchAll(/<img\b[^>]*>/g)) {
        if (!/\salt=("[^"]+"|'[^']+'|\{)/.test(match[0]))
          problems.push(`${page.file}: ${match[0]} has no alt text`);
      }
    }
    expect(problems).toEqual([]);
  });
});
