/**
 * Honest study time (issue 17): what a course takes, computed from its content, so that the
 * `estimatedHours` and `cpdHours` a course file declares can be checked against it. Pure: the
 * caller passes the lesson bodies and the quiz banks.
 *
 * The allowances, documented in docs/content-format.md ("Study time"):
 * - reading at 180 words a minute: adults read plain non-fiction at about 240 words a minute
 *   (Brysbaert 2019, a meta-analysis of 190 studies), and slower when they study to apply it,
 *   and many learners read the course in their second language;
 * - 2 minutes for each <KnowledgeCheck> and 4 for each <Checklist> (work through it, compare
 *   with your own workplace);
 * - 1.5 minutes for each question drawn in a module quiz or the final assessment (a scenario
 *   counts its sub-questions);
 * - the `minutes` each assessed assignment (module `assignment.yaml`) states for its casework;
 * - the hours of other practical work (workshops) a course file declares as `practical`.
 */
import { scanComponents } from './mdx-scan.ts';

export const READING_WORDS_PER_MINUTE = 180;
export const ACTIVITY_MINUTES: Readonly<Record<string, number>> = { KnowledgeCheck: 2, Checklist: 4 };
export const MINUTES_PER_QUESTION = 1.5;
/** Declared hours may differ from the computed time by this share of it (25%). */
export const HOURS_TOLERANCE = 0.25;
/** A lesson's `minutes` may differ from its computed time by this share of it (50%) before a warning. */
export const LESSON_MINUTES_TOLERANCE = 0.5;

/** Props that are not read: ids, paths, flags. */
const UNREAD_PROPS = new Set(['id', 'src', 'type', 'aid', 'correct']);

/** Words as a reader meets them: letters or digits, with inner apostrophes and hyphens. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0;
}

function propWords(value: unknown, key = ''): number {
  if (UNREAD_PROPS.has(key)) return 0;
  if (typeof value === 'string') return countWords(value);
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + propWords(item), 0);
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).reduce((sum, [name, item]) => sum + propWords(item, name), 0);
  return 0;
}

export interface LessonTime {
  words: number;
  readingMinutes: number;
  activityMinutes: number;
  /** Reading and activities. */
  minutes: number;
}

/**
 * A lesson body's words (the text between tags and the words in component props such as a
 * knowledge check's options and feedback) and the time to read it and do its activities.
 */
export function lessonTime(body: string): LessonTime {
  const uses = scanComponents(body);
  let prose = '';
  let from = 0;
  for (const use of uses) {
    prose += `${body.slice(from, use.start)} `;
    from = use.end;
  }
  prose = `${prose}${body.slice(from)}`.replace(/<\/?[A-Za-z][\w.-]*\s*\/?>/g, ' ');
  const words = countWords(prose) + uses.reduce((sum, use) => sum + propWords(use.attributes), 0);
  const activityMinutes = uses.reduce((sum, use) => sum + (ACTIVITY_MINUTES[use.name] ?? 0), 0);
  const readingMinutes = words / READING_WORDS_PER_MINUTE;
  return { words, readingMinutes, activityMinutes, minutes: readingMinutes + activityMinutes };
}

interface BankLike {
  settings: { drawCount: number };
  questions: ReadonlyArray<{ type: string; questions?: ReadonlyArray<unknown> }>;
}

/** Minutes for one attempt: the questions drawn, a scenario by its sub-questions (on average). */
export function quizMinutes(bank: BankLike): number {
  const answerable = bank.questions.reduce(
    (sum, question) => sum + (question.type === 'scenario' ? (question.questions?.length ?? 1) : 1),
    0,
  );
  const perDraw = bank.questions.length === 0 ? 1 : answerable / bank.questions.length;
  return bank.settings.drawCount * perDraw * MINUTES_PER_QUESTION;
}

export interface CourseTime {
  lessonMinutes: number;
  readingMinutes: number;
  activityMinutes: number;
  quizMinutes: number;
  finalMinutes: number;
  assignmentMinutes: number;
  practicalMinutes: number;
  words: number;
  hours: number;
}

/** Adds up a course's time from its required lessons, quizzes, final assessment and practical hours. */
export function courseTime(input: {
  lessons: ReadonlyArray<LessonTime>;
  quizzes: ReadonlyArray<BankLike>;
  finalAssessment: BankLike | null;
  /** The stated minutes of each assignment. */
  assignmentMinutes?: ReadonlyArray<number>;
  practicalHours: number;
}): CourseTime {
  const readingMinutes = input.lessons.reduce((sum, lesson) => sum + lesson.readingMinutes, 0);
  const activityMinutes = input.lessons.reduce((sum, lesson) => sum + lesson.activityMinutes, 0);
  const quizTime = input.quizzes.reduce((sum, bank) => sum + quizMinutes(bank), 0);
  const finalMinutes = input.finalAssessment ? quizMinutes(input.finalAssessment) : 0;
  const assignmentMinutes = (input.assignmentMinutes ?? []).reduce((sum, minutes) => sum + minutes, 0);
  const practicalMinutes = input.practicalHours * 60;
  const total =
    readingMinutes + activityMinutes + quizTime + finalMinutes + assignmentMinutes + practicalMinutes;
  return {
    lessonMinutes: readingMinutes + activityMinutes,
    readingMinutes,
    activityMinutes,
    quizMinutes: quizTime,
    finalMinutes,
    assignmentMinutes,
    practicalMinutes,
    words: input.lessons.reduce((sum, lesson) => sum + lesson.words, 0),
    hours: total / 60,
  };
}

/** Whether a declared number is within `tolerance` (a share) of the computed one. */
export function withinTolerance(declared: number, computed: number, tolerance: number): boolean {
  if (computed === 0) return declared === 0;
  return Math.abs(declared - computed) / computed <= tolerance;
}
