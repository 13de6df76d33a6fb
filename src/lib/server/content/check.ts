/**
 * The checks across files that no single schema can make: ids that must exist elsewhere, ids
 * that must be unique, and the props of the lesson components. Used by `npm run content:check`.
 */
import { CONTENT_ID_PATTERN, HANDBOOK_AID, LESSON_COMPONENTS } from '#src/lib/content/schema.ts';
import { scanComponents } from '#src/lib/content/mdx-scan.ts';
import type { ContentTree } from './files.ts';

export interface CrossCheckOptions {
  /** Whether a path under public/ exists (for Figure src). */
  publicFileExists: (path: string) => boolean;
}

const CALLOUT_TYPES = ['info', 'tip', 'warning'];

/** Returns `file: field: what is wrong` lines; empty when everything fits together. */
export function crossCheckContent(tree: ContentTree, options: CrossCheckOptions): string[] {
  const problems: string[] = [];
  const moduleIds = new Set(tree.modules.map((module) => module.id));
  const assessmentIds = new Set(tree.assessments.map((assessment) => assessment.id));
  const aidIds = new Set([HANDBOOK_AID, ...tree.jobAids.map((aid) => aid.id)]);
  const lessonIds = new Set(tree.lessons.map((lesson) => lesson.id));

  for (const { file, id } of tree.names) {
    if (!CONTENT_ID_PATTERN.test(id)) {
      problems.push(
        `${file}: the name "${id}" is not a valid id: use only lowercase letters, digits and single hyphens`,
      );
    }
  }

  for (const course of tree.courses) {
    course.data.modules.forEach((moduleId, index) => {
      if (!moduleIds.has(moduleId)) {
        problems.push(
          `${course.file}: modules[${index}]: there is no module "${moduleId}": add src/content/modules/${moduleId}/module.yaml or fix the id`,
        );
      }
    });
    const final = course.data.completion.finalAssessment;
    if (final && !assessmentIds.has(final)) {
      problems.push(
        `${course.file}: completion.finalAssessment: there is no assessment "${final}": add src/content/assessments/${final}.yaml or remove the line`,
      );
    }
  }

  const glossary = new Map<string, string>();
  for (const module of tree.modules) {
    module.data.glossary.forEach((term, index) => {
      const earlier = glossary.get(term.id);
      if (earlier && earlier !== module.file) {
        problems.push(
          `${module.file}: glossary[${index}].id: the term "${term.id}" is already defined in ${earlier}: define each term once and use it everywhere`,
        );
      } else glossary.set(term.id, module.file);
    });
  }

  const moduleAliasOwner = new Map<string, string>();
  for (const module of tree.modules) {
    module.data.aliases.forEach((alias, index) => {
      if (moduleIds.has(alias)) {
        problems.push(
          `${module.file}: aliases[${index}]: "${alias}" is the id of an existing module: an alias must be an old id that is no longer used`,
        );
      }
      const owner = moduleAliasOwner.get(alias);
      if (owner && owner !== module.file)
        problems.push(`${module.file}: aliases[${index}]: "${alias}" is already an alias in ${owner}`);
      moduleAliasOwner.set(alias, module.file);
    });
  }

  const lessonAliasOwner = new Map<string, string>();
  const ordersByModule = new Map<string, Map<number, string>>();
  for (const lesson of tree.lessons) {
    const moduleId = lesson.id.slice(0, lesson.id.indexOf('/'));
    const orders = ordersByModule.get(moduleId) ?? new Map<number, string>();
    const sameOrder = orders.get(lesson.data.order);
    if (sameOrder) {
      problems.push(
        `${lesson.file}: order: ${lesson.data.order} is also the order of ${sameOrder}: give each lesson in a module its own order`,
      );
    } else orders.set(lesson.data.order, lesson.file);
    ordersByModule.set(moduleId, orders);

    lesson.data.aliases.forEach((alias, index) => {
      if (lessonIds.has(alias)) {
        problems.push(
          `${lesson.file}: aliases[${index}]: "${alias}" is the id of an existing lesson: an alias must be an old id that is no longer used`,
        );
      }
      const owner = lessonAliasOwner.get(alias);
      if (owner && owner !== lesson.file)
        problems.push(`${lesson.file}: aliases[${index}]: "${alias}" is already an alias in ${owner}`);
      lessonAliasOwner.set(alias, lesson.file);
    });

    for (const use of scanComponents(lesson.body, lesson.bodyLine)) {
      const where = `${lesson.file}: line ${use.line}: <${use.name}>`;
      problems.push(
        ...checkComponent(use.name, use.attributes, use.unreadable, where, { glossary, aidIds, options }),
      );
    }
  }

  for (const module of tree.modules) {
    if (!ordersByModule.has(module.id))
      problems.push(
        `${module.file}: the module has no lessons: add at least one .mdx lesson beside module.yaml`,
      );
  }
  return problems;
}

function checkComponent(
  name: string,
  attributes: Record<string, unknown>,
  unreadable: string[],
  where: string,
  context: { glossary: Map<string, string>; aidIds: Set<string>; options: CrossCheckOptions },
): string[] {
  const problems: string[] = [];
  if (!(LESSON_COMPONENTS as readonly string[]).includes(name)) {
    return [`${where}: there is no component called ${name}: use one of ${LESSON_COMPONENTS.join(', ')}`];
  }
  for (const attribute of unreadable) {
    problems.push(
      `${where}: ${attribute}: cannot be read: write it as plain data, like [{ text: "...", correct: true }]`,
    );
  }
  const text = (key: string) => {
    const value = attributes[key];
    return typeof value === 'string' ? value.trim() : '';
  };
  switch (name) {
    case 'Term': {
      const id = text('id');
      if (!id) problems.push(`${where}: id: is missing: add the glossary id, like <Term id="yellow-flags">`);
      else if (!context.glossary.has(id)) {
        problems.push(
          `${where}: id: no module.yaml glossary defines "${id}": add it to a glossary or fix the id`,
        );
      }
      break;
    }
    case 'Download': {
      const aid = text('aid');
      if (!context.aidIds.has(aid)) {
        problems.push(
          `${where}: aid: "${aid}" is not a job aid: use one of ${[...context.aidIds].sort().join(', ')}`,
        );
      }
      break;
    }
    case 'Callout': {
      const type = attributes.type;
      if (type !== undefined && (typeof type !== 'string' || !CALLOUT_TYPES.includes(type)))
        problems.push(`${where}: type: must be info, tip or warning`);
      break;
    }
    case 'CaseStudy':
    case 'Checklist':
      if (!text('title')) problems.push(`${where}: title: is missing: add a short title`);
      break;
    case 'Figure': {
      const src = text('src');
      if (!src)
        problems.push(`${where}: src: is missing: add the picture's path, like /images/lessons/chart.svg`);
      else if (!src.startsWith('/') || !context.options.publicFileExists(src)) {
        problems.push(
          `${where}: src: there is no file public${src.startsWith('/') ? '' : '/'}${src}: put the picture in public/images/lessons/ and write its path from /`,
        );
      }
      if (!text('alt'))
        problems.push(
          `${where}: alt: is missing: describe what the picture shows for people who cannot see it`,
        );
      if (!text('caption')) problems.push(`${where}: caption: is missing: add a caption`);
      break;
    }
    case 'KnowledgeCheck': {
      if (!text('question')) problems.push(`${where}: question: is missing: write the question`);
      const options = attributes.options;
      if (!unreadable.includes('options')) {
        if (!Array.isArray(options) || options.length < 2) {
          problems.push(
            `${where}: options: needs a list of at least 2 options, like options={[{ text: "...", correct: true, feedback: "..." }, { text: "...", feedback: "..." }]}`,
          );
        } else {
          const correct = options.filter(
            (option) =>
              typeof option === 'object' &&
              option !== null &&
              (option as { correct?: unknown }).correct === true,
          );
          if (correct.length !== 1)
            problems.push(
              `${where}: options: ${correct.length} options have correct: true: exactly one must`,
            );
          options.forEach((option, index) => {
            const optionText =
              typeof option === 'object' && option !== null ? (option as { text?: unknown }).text : undefined;
            if (typeof optionText !== 'string' || optionText.trim() === '')
              problems.push(`${where}: options[${index}].text: is missing: write the option text`);
          });
        }
      }
      break;
    }
    default:
      break;
  }
  return problems;
}
