import { actions } from 'astro:actions';
import { useCallback, useEffect, useRef, useState, type ReactElement } from 'react';
import { answerablesOf, answerFields, countAnswered, isQuestionAnswered } from '#src/lib/quiz/rules.ts';
import type { PlayerAnswer, PlayerAnswers, QuizPlayerProps } from '#src/lib/quiz/types.ts';
import { formatLabel } from './format-label.ts';
import QuestionFields from './QuestionFields.tsx';
import QuizTimer from './QuizTimer.tsx';
import './quiz-player.css';

type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

const AUTOSAVE_DELAY_MS = 800;
const RETRY_DELAY_MS = 10_000;

/** The form that works without JavaScript: one page of questions, saved by the server. */
function PagedForm(props: QuizPlayerProps): ReactElement {
  const { questions, pages, page, labels, answers } = props;
  const ids = new Set(pages[page] ?? []);
  const last = pages.length - 1;
  return (
    <form method="post" action={props.savePageAction} className="quiz-form" noValidate>
      <input type="hidden" name="attemptId" value={props.attemptId} />
      <input type="hidden" name="quiz" value={props.quizRef} />
      <input type="hidden" name="page" value={page} />
      <p className="page-of">{formatLabel(labels, labels.pageOf, { page: page + 1, pages: pages.length })}</p>
      {questions.map((question, index) =>
        ids.has(question.id) ? (
          <QuestionFields
            key={question.id}
            question={question}
            number={index + 1}
            answers={answers}
            labels={labels}
          />
        ) : null,
      )}
      <div className="quiz-nav">
        {page < last && (
          <button className="button" type="submit" name="go" value="next">
            {labels.next}
          </button>
        )}
        {page > 0 && (
          <button className="button secondary" type="submit" name="go" value="previous">
            {labels.previous}
          </button>
        )}
        <button className="button secondary" type="submit" name="go" value="save">
          {labels.save}
        </button>
        <button
          className={page === last ? 'button' : 'button secondary'}
          type="submit"
          name="go"
          value="review"
        >
          {labels.reviewAndSubmit}
        </button>
      </div>
    </form>
  );
}

/**
 * The quiz player. Rendered on the server as a plain paged form that works without JavaScript;
 * once hydrated it shows one question at a time with progress, autosaves through
 * `actions.quiz.save`, shows whether answers are saved, runs the timer (warnings announced
 * politely) and submits through the same server form action as the plain form.
 */
export default function QuizPlayer(props: QuizPlayerProps): ReactElement {
  const { questions, labels } = props;
  const [enhanced, setEnhanced] = useState(false);
  const [answers, setAnswers] = useState<PlayerAnswers>(props.answers);
  const firstOnPage = Math.max(
    0,
    questions.findIndex((question) => question.id === props.pages[props.page]?.[0]),
  );
  const [current, setCurrent] = useState(firstOnPage);
  const [reviewing, setReviewing] = useState(false);
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const reviewHeadingRef = useRef<HTMLHeadingElement>(null);
  const submitForm = useRef<HTMLFormElement>(null);
  const dirty = useRef(false);
  const saving = useRef(false);
  const inFlight = useRef<Promise<unknown> | null>(null);
  const leaving = useRef(false);
  const latest = useRef(answers);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const moved = useRef(false);

  const announce = useCallback((message: string) => {
    // Clearing first makes a repeated message be read again.
    setAnnouncement('');
    setTimeout(() => setAnnouncement(message), 50);
  }, []);

  const save = useCallback(async (): Promise<void> => {
    if (saving.current || !dirty.current || leaving.current) return;
    saving.current = true;
    dirty.current = false;
    setSaveState('saving');
    const request = actions.quiz.save({
      quiz: props.quizRef,
      attemptId: props.attemptId,
      answers: latest.current,
    });
    inFlight.current = request;
    const { data, error } = await request;
    inFlight.current = null;
    saving.current = false;
    // Submitting: the submit carries every answer, so nothing more to do here.
    if (leaving.current) return;
    if (data?.ok) {
      setSaveState('saved');
      setSavedAt(data.savedAt);
    } else if (data && (data.reason === 'time-up' || data.reason === 'submitted')) {
      window.location.assign(props.endedHref);
      return;
    } else {
      dirty.current = true;
      setSaveState('failed');
      announce(labels.saveFailed);
      if (error?.code === 'UNAUTHORIZED') return;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), RETRY_DELAY_MS);
      return;
    }
    // Answers changed while saving: save again.
    if (dirty.current) {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    }
  }, [announce, labels.saveFailed, props.attemptId, props.endedHref, props.quizRef]);

  const update = useCallback(
    (next: PlayerAnswers) => {
      latest.current = next;
      setAnswers(next);
      dirty.current = true;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    },
    [save],
  );

  const onChange = useCallback(
    (questionId: string, answer: PlayerAnswer | undefined) => {
      const next = { ...latest.current };
      if (answer === undefined) delete next[questionId];
      else next[questionId] = answer;
      update(next);
    },
    [update],
  );

  useEffect(() => {
    setEnhanced(true);
    const flush = (): void => {
      if (document.visibilityState === 'hidden') void save();
    };
    document.addEventListener('visibilitychange', flush);
    return () => {
      document.removeEventListener('visibilitychange', flush);
      clearTimeout(timer.current);
    };
  }, [save]);

  useEffect(() => {
    if (!moved.current) return;
    (reviewing ? reviewHeadingRef.current : headingRef.current)?.focus();
  }, [current, reviewing]);

  const goTo = (index: number): void => {
    moved.current = true;
    setReviewing(false);
    setCurrent(Math.min(Math.max(index, 0), questions.length - 1));
  };

  const openReview = (): void => {
    moved.current = true;
    setReviewing(true);
  };

  const onTimeUp = useCallback(() => {
    announce(labels.timeUp);
    setSubmitting(true);
    submitForm.current?.requestSubmit();
  }, [announce, labels.timeUp]);

  if (!enhanced) return <PagedForm {...props} />;

  const { answered, total } = countAnswered(questions, answers);
  const question = questions[current];
  const saveText =
    saveState === 'saving'
      ? labels.saving
      : saveState === 'failed'
        ? labels.saveFailed
        : savedAt !== null
          ? formatLabel(labels, labels.saved, {
              time: new Date(savedAt).toLocaleTimeString(props.locale, {
                hour: '2-digit',
                minute: '2-digit',
                timeZone: props.timeZone,
              }),
            })
          : labels.notSavedYet;

  return (
    <div className="quiz-player">
      <div className="quiz-status">
        <p className="quiz-progress-text">{formatLabel(labels, labels.answeredOf, { answered, total })}</p>
        <progress
          className="quiz-progress"
          max={total}
          value={answered}
          aria-label={formatLabel(labels, labels.answeredOf, { answered, total })}
        />
        <p className={`save-state save-${saveState}`}>{saveText}</p>
        {props.deadlineAt !== null && (
          <QuizTimer
            deadlineAt={props.deadlineAt}
            serverNow={props.serverNow}
            labels={labels}
            announce={announce}
            onTimeUp={onTimeUp}
          />
        )}
      </div>
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>

      {!reviewing && question ? (
        <div className="one-question">
          <QuestionFields
            question={question}
            number={current + 1}
            total={questions.length}
            answers={answers}
            labels={labels}
            onChange={onChange}
            announce={announce}
            headingRef={headingRef}
          />
          <div className="quiz-nav">
            {current < questions.length - 1 ? (
              <button className="button" type="button" onClick={() => goTo(current + 1)}>
                {labels.next}
              </button>
            ) : (
              <button className="button" type="button" onClick={openReview}>
                {labels.reviewAndSubmit}
              </button>
            )}
            {current > 0 && (
              <button className="button secondary" type="button" onClick={() => goTo(current - 1)}>
                {labels.previous}
              </button>
            )}
            {current < questions.length - 1 && (
              <button className="button secondary" type="button" onClick={openReview}>
                {labels.reviewAndSubmit}
              </button>
            )}
          </div>
        </div>
      ) : (
        <section className="quiz-review" aria-labelledby="quiz-review-title">
          <h2 id="quiz-review-title" ref={reviewHeadingRef} tabIndex={-1}>
            {labels.reviewTitle}
          </h2>
          <p>{labels.reviewLead}</p>
          {answered < total && (
            <p className="notice warning">
              {formatLabel(labels, labels.unansweredWarning, { count: total - answered })}
            </p>
          )}
          <ol className="review-list">
            {questions.map((entry, index) => {
              const done = isQuestionAnswered(entry, answers);
              return (
                <li key={entry.id}>
                  <button className="link-button" type="button" onClick={() => goTo(index)}>
                    {formatLabel(labels, labels.goToQuestion, { number: index + 1 })}
                  </button>{' '}
                  <span className={done ? 'answered' : 'unanswered'}>
                    {done ? labels.answered : labels.notAnswered}
                  </span>
                </li>
              );
            })}
          </ol>
          <div className="quiz-nav">
            <button className="button" type="submit" form="quiz-submit-form" disabled={submitting}>
              {submitting ? labels.submitting : labels.submit}
            </button>
            <button className="button secondary" type="button" onClick={() => goTo(current)}>
              {labels.backToQuestions}
            </button>
          </div>
        </section>
      )}

      <form
        id="quiz-submit-form"
        ref={submitForm}
        method="post"
        action={props.submitAction}
        onSubmit={(event) => {
          clearTimeout(timer.current);
          leaving.current = true;
          setSubmitting(true);
          // Let a save already on its way finish first, rather than cut it off mid-request.
          const pending = inFlight.current;
          if (pending) {
            event.preventDefault();
            const form = event.currentTarget;
            const go = (): void => form.submit();
            void pending.then(go, go);
          }
        }}
      >
        <input type="hidden" name="attemptId" value={props.attemptId} />
        <input type="hidden" name="quiz" value={props.quizRef} />
        <input type="hidden" name="scope" value="all" />
        {questions.flatMap((entry) =>
          answerablesOf(entry).flatMap((answerable) =>
            answerFields(answerable, answers[answerable.id]).map(([name, value]) => (
              <input type="hidden" key={`${name}=${value}`} name={name} value={value} />
            )),
          ),
        )}
      </form>
    </div>
  );
}
