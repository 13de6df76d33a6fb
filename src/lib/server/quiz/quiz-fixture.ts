import { parse } from 'yaml';
import { quizSchema, type Quiz } from './schema.ts';

/** A small bank with every question type, for the quiz engine's tests. */
export const fixtureYaml = `
title: Fixture quiz
settings:
  passMark: 60
questions:
  - id: q-single
    type: single
    competency: early-intervention
    points: 2
    prompt: Which first step is best?
    options:
      - { id: a, text: Call the worker early, correct: true, feedback: Early caring contact helps. }
      - { id: b, text: Wait for the certificate to end, feedback: Waiting lets distance grow. }
      - { id: c, text: Send a policy letter, feedback: A discipline letter damages trust. }
    explanation: Early, caring contact keeps the worker connected.

  - id: q-multi
    type: multiple
    prompt: Which are yellow flags? Choose all that apply.
    options:
      - { id: a, text: Fear of re-injury, correct: true }
      - { id: b, text: Low mood, correct: true }
      - { id: c, text: A broken bone }
      - { id: d, text: A company policy }
    explanation: Yellow flags are the worker's own beliefs and feelings.

  - id: q-tf
    type: truefalse
    prompt: A worker must be fully fit before any return.
    answer: false
    explanation: Suitable duties can start before full recovery.

  - id: q-order
    type: ordering
    prompt: Put the steps in order.
    items:
      - { id: contact, text: Early contact }
      - { id: assess, text: Assess capacity }
      - { id: plan, text: Agree a plan }
      - { id: monitor, text: Monitor progress }
    explanation: Contact, assess, plan, monitor.

  - id: q-match
    type: matching
    prompt: Match each flag to its example.
    premises:
      - { id: yellow, text: Yellow flag, match: fear }
      - { id: blue, text: Blue flag, match: supervisor }
    responses:
      - { id: fear, text: Fear that work will hurt }
      - { id: supervisor, text: An unsupportive supervisor }
      - { id: policy, text: A rigid insurer rule }
    explanation: Yellow is personal, blue is about the workplace.

  - id: q-case
    type: scenario
    scenario: Letchumi fractures her ankle at work and has six weeks of medical leave.
    questions:
      - id: q-case-a
        type: single
        prompt: What should you do first?
        options:
          - { id: a, text: Contact her in the first weeks, correct: true, feedback: Yes. }
          - { id: b, text: Wait for her call, feedback: Waiting lets the case drift. }
        explanation: Early contact keeps her connected.
      - id: q-case-b
        type: truefalse
        points: 2
        prompt: Seated work can be offered before full recovery.
        answer: true
        explanation: With the doctor's agreement, yes.
`;

/** The fixture bank, parsed (defaults filled in). */
export const fixtureQuiz: Quiz = quizSchema.parse(parse(fixtureYaml));

/** The fixture's raw YAML data, for tests that break one field at a time. */
export function fixtureData(): Record<string, unknown> {
  return parse(fixtureYaml) as Record<string, unknown>;
}
