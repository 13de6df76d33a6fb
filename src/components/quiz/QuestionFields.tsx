import type { ReactElement, Ref } from 'react';
import { isAnswered, orderingShown } from '#src/lib/quiz/rules.ts';
import type {
  PlayerAnswer,
  PlayerAnswers,
  PublicAnswerable,
  PublicQuestion,
  QuizPlayerLabels,
} from '#src/lib/quiz/types.ts';
import { formatLabel } from './format-label.ts';
import OrderingField from './OrderingField.tsx';
import QuizText from './QuizText.tsx';

export interface QuestionFieldsProps {
  question: PublicQuestion;
  /** 1-based number shown to the learner. */
  number: number;
  /** Shown as "Question 3 of 10" when set. */
  total?: number;
  answers: PlayerAnswers;
  labels: QuizPlayerLabels;
  /** Controlled (the island) when given; otherwise plain form fields for the no-JavaScript form. */
  onChange?: (questionId: string, answer: PlayerAnswer | undefined) => void;
  /** Polite announcements (the island's live region). */
  announce?: (message: string) => void;
  headingRef?: Ref<HTMLHeadingElement>;
}

function fieldId(questionId: string, part: string): string {
  return `q-${questionId}-${part}`;
}

function answerOf(answers: PlayerAnswers, id: string): PlayerAnswer | undefined {
  return Object.hasOwn(answers, id) ? answers[id] : undefined;
}

function ChoiceFields({
  question,
  answer,
  labels,
  onChange,
}: {
  question: Extract<PublicAnswerable, { type: 'single' | 'multiple' | 'truefalse' }>;
  answer: PlayerAnswer | undefined;
  labels: QuizPlayerLabels;
  onChange: QuestionFieldsProps['onChange'];
}): ReactElement {
  const multiple = question.type === 'multiple';
  const choices =
    question.type === 'truefalse'
      ? [
          { id: 'true', text: labels.trueLabel },
          { id: 'false', text: labels.falseLabel },
        ]
      : question.options;
  const chosen = new Set(typeof answer === 'string' ? [answer] : Array.isArray(answer) ? answer : []);
  const promptId = fieldId(question.id, 'prompt');
  const hintId = fieldId(question.id, 'hint');
  const toggle = (id: string, checked: boolean): void => {
    if (!onChange) return;
    if (!multiple) {
      onChange(question.id, id);
      return;
    }
    const next = choices
      .map((choice) => choice.id)
      .filter((candidate) => (candidate === id ? checked : chosen.has(candidate)));
    onChange(question.id, next.length > 0 ? next : undefined);
  };
  return (
    <fieldset className="choices" aria-labelledby={promptId} aria-describedby={hintId}>
      <p className="hint" id={hintId}>
        {multiple ? labels.chooseAll : labels.chooseOne}
      </p>
      {choices.map((choice) => {
        const id = fieldId(question.id, `opt-${choice.id}`);
        const state = onChange
          ? {
              checked: chosen.has(choice.id),
              onChange: (event: { target: { checked: boolean } }) => toggle(choice.id, event.target.checked),
            }
          : { defaultChecked: chosen.has(choice.id) };
        return (
          <div className="choice" key={choice.id}>
            <input
              id={id}
              type={multiple ? 'checkbox' : 'radio'}
              name={`q:${question.id}`}
              value={choice.id}
              {...state}
            />
            <label htmlFor={id}>{choice.text}</label>
          </div>
        );
      })}
    </fieldset>
  );
}

function MatchingFields({
  question,
  answer,
  labels,
  onChange,
}: {
  question: Extract<PublicAnswerable, { type: 'matching' }>;
  answer: PlayerAnswer | undefined;
  labels: QuizPlayerLabels;
  onChange: QuestionFieldsProps['onChange'];
}): ReactElement {
  const matches = answer && typeof answer === 'object' && !Array.isArray(answer) ? answer : {};
  const promptId = fieldId(question.id, 'prompt');
  const change = (premiseId: string, responseId: string): void => {
    if (!onChange) return;
    const next: Record<string, string> = { ...matches };
    if (responseId === '') delete next[premiseId];
    else next[premiseId] = responseId;
    onChange(question.id, Object.keys(next).length > 0 ? next : undefined);
  };
  return (
    <fieldset className="matching" aria-labelledby={promptId}>
      {question.premises.map((premise) => {
        const id = fieldId(question.id, `match-${premise.id}`);
        const current = Object.hasOwn(matches, premise.id) ? (matches[premise.id] ?? '') : '';
        const state = onChange
          ? {
              value: current,
              onChange: (event: { target: { value: string } }) => change(premise.id, event.target.value),
            }
          : { defaultValue: current };
        return (
          <div className="match-row" key={premise.id}>
            <label htmlFor={id}>{premise.text}</label>
            <select id={id} name={`q:${question.id}:match:${premise.id}`} {...state}>
              <option value="">{labels.matchChoose}</option>
              {question.responses.map((response) => (
                <option key={response.id} value={response.id}>
                  {response.text}
                </option>
              ))}
            </select>
          </div>
        );
      })}
    </fieldset>
  );
}

/** A question shown in English because the learner's language has no translation of it yet. */
function UntranslatedNote({ text }: { text: string }): ReactElement {
  return <p className="untranslated-note">{text}</p>;
}

function AnswerableFields(props: {
  question: PublicAnswerable;
  answers: PlayerAnswers;
  labels: QuizPlayerLabels;
  onChange: QuestionFieldsProps['onChange'];
  announce: QuestionFieldsProps['announce'];
}): ReactElement {
  const { question, answers, labels, onChange, announce } = props;
  const answer = answerOf(answers, question.id);
  switch (question.type) {
    case 'single':
    case 'multiple':
    case 'truefalse':
      return <ChoiceFields question={question} answer={answer} labels={labels} onChange={onChange} />;
    case 'ordering':
      return (
        <OrderingField
          question={question}
          order={orderingShown(question, answer)}
          answered={isAnswered(answer)}
          labels={labels}
          onChange={onChange}
          announce={announce}
        />
      );
    case 'matching':
      return <MatchingFields question={question} answer={answer} labels={labels} onChange={onChange} />;
  }
}

/**
 * One drawn question with its answer fields. The same markup serves the form that works without
 * JavaScript (uncontrolled fields) and the island (controlled fields); field names follow
 * `answersFromForm` on the server.
 */
export default function QuestionFields(props: QuestionFieldsProps): ReactElement {
  const { question, number, total, answers, labels, onChange, announce, headingRef } = props;
  const headingId = fieldId(question.id, 'heading');
  const heading =
    total === undefined
      ? formatLabel(labels, labels.questionNumber, { number })
      : formatLabel(labels, labels.questionOf, { number, total });
  // Untranslated text is English: say so to screen readers, so they pronounce it right.
  const lang = (item: { untranslated?: boolean }): { lang?: string } =>
    item.untranslated ? { lang: 'en' } : {};
  if (question.type !== 'scenario') {
    return (
      <section className="question" aria-labelledby={headingId}>
        <h2 id={headingId} ref={headingRef} tabIndex={-1}>
          {heading}
        </h2>
        {question.untranslated && <UntranslatedNote text={labels.untranslated} />}
        <div {...lang(question)}>
          <QuizText source={question.prompt} id={fieldId(question.id, 'prompt')} className="prompt" />
          <AnswerableFields
            question={question}
            answers={answers}
            labels={labels}
            onChange={onChange}
            announce={announce}
          />
        </div>
      </section>
    );
  }
  return (
    <section className="question scenario" aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {heading}
      </h2>
      {question.untranslated && <UntranslatedNote text={labels.untranslated} />}
      <div className="case" {...lang(question)}>
        <p className="case-label">{labels.scenarioLabel}</p>
        <QuizText source={question.scenario} />
      </div>
      {question.prompt !== undefined && (
        <div {...lang(question)}>
          <QuizText source={question.prompt} className="scenario-prompt" />
        </div>
      )}
      {question.questions.map((sub, index) => (
        <div className="sub-question" key={sub.id}>
          <h3>{`${number}${String.fromCharCode(97 + (index % 26))}`}</h3>
          {sub.untranslated && !question.untranslated && <UntranslatedNote text={labels.untranslated} />}
          <div {...lang(sub)}>
            <QuizText source={sub.prompt} id={fieldId(sub.id, 'prompt')} className="prompt" />
            <AnswerableFields
              question={sub}
              answers={answers}
              labels={labels}
              onChange={onChange}
              announce={announce}
            />
          </div>
        </div>
      ))}
    </section>
  );
}
