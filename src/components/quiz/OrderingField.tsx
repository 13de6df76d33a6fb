import { useEffect, useRef, useState, type ReactElement } from 'react';
import type { PlayerAnswer, PublicAnswerable, QuizPlayerLabels } from '#src/lib/quiz/types.ts';
import { formatLabel } from './format-label.ts';

export interface OrderingFieldProps {
  question: Extract<PublicAnswerable, { type: 'ordering' }>;
  /** Item ids in the order shown (the saved answer, or the frozen shuffled order). */
  order: string[];
  /** Whether the learner has given an order (moved an item or confirmed the one shown). */
  answered: boolean;
  labels: QuizPlayerLabels;
  /** Controlled (the island) when given: adds Move up / Move down buttons. */
  onChange?: ((questionId: string, answer: PlayerAnswer | undefined) => void) | undefined;
  announce?: ((message: string) => void) | undefined;
}

type FocusTarget = { itemId: string; control: 'up' | 'down' | 'select' };

/**
 * An ordering question without dragging: a position select per item (works without
 * JavaScript: the server sorts by the chosen positions) and, in the island, Move up / Move down
 * buttons. Focus stays on the control the learner used, and each move is announced.
 * The order shown is no answer by itself: the question counts as answered once the learner moves
 * an item or ticks "I have put these in order" (`q:<id>:ordered`, read by `answersFromForm`).
 */
export default function OrderingField({
  question,
  order,
  answered,
  labels,
  onChange,
  announce,
}: OrderingFieldProps): ReactElement {
  const byId = new Map(question.items.map((item) => [item.id, item]));
  const controls = useRef(new Map<string, HTMLElement>());
  const [focusTarget, setFocusTarget] = useState<FocusTarget | null>(null);
  const hintId = `q-${question.id}-order-hint`;
  const confirmId = `q-${question.id}-ordered`;
  const confirmHintId = `q-${question.id}-ordered-hint`;

  useEffect(() => {
    if (!focusTarget) return;
    const key = `${focusTarget.itemId}:${focusTarget.control}`;
    const element = controls.current.get(key) ?? controls.current.get(`${focusTarget.itemId}:select`);
    // A button at the top or bottom is disabled after the move; the select takes focus instead.
    if (element && !(element as HTMLButtonElement).disabled) element.focus();
    else controls.current.get(`${focusTarget.itemId}:select`)?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  const move = (itemId: string, toIndex: number, control: FocusTarget['control']): void => {
    if (!onChange) return;
    const from = order.indexOf(itemId);
    const target = Math.min(Math.max(toIndex, 0), order.length - 1);
    if (from < 0) return;
    const next = order.filter((id) => id !== itemId);
    next.splice(target, 0, itemId);
    onChange(question.id, next);
    setFocusTarget({ itemId, control });
    const item = byId.get(itemId);
    if (item && announce) {
      announce(
        formatLabel(labels, labels.moved, { item: item.text, position: target + 1, total: order.length }),
      );
    }
  };

  const register = (key: string) => (element: HTMLElement | null) => {
    if (element) controls.current.set(key, element);
    else controls.current.delete(key);
  };

  return (
    <fieldset className="ordering" aria-labelledby={`q-${question.id}-prompt`} aria-describedby={hintId}>
      <p className="hint" id={hintId}>
        {labels.position}
      </p>
      <ol className="order-list">
        {order.map((itemId, index) => {
          const item = byId.get(itemId);
          if (!item) return null;
          const selectId = `q-${question.id}-pos-${item.id}`;
          const positions = order.map((_, position) => (
            <option key={position} value={position + 1}>
              {formatLabel(labels, labels.positionOf, { position: position + 1, total: order.length })}
            </option>
          ));
          return (
            <li className="order-item" key={item.id}>
              <label htmlFor={selectId} className="order-text">
                {item.text}
              </label>
              <span className="order-controls">
                {onChange ? (
                  <>
                    <select
                      id={selectId}
                      name={`q:${question.id}:pos:${item.id}`}
                      value={index + 1}
                      ref={register(`${item.id}:select`)}
                      onChange={(event) => move(item.id, Number(event.target.value) - 1, 'select')}
                    >
                      {positions}
                    </select>
                    <button
                      type="button"
                      className="button secondary small"
                      disabled={index === 0}
                      aria-label={`${labels.moveUp}: ${item.text}`}
                      data-move="up"
                      data-item={item.id}
                      ref={register(`${item.id}:up`)}
                      onClick={() => move(item.id, index - 1, 'up')}
                    >
                      {labels.moveUp}
                    </button>
                    <button
                      type="button"
                      className="button secondary small"
                      disabled={index === order.length - 1}
                      aria-label={`${labels.moveDown}: ${item.text}`}
                      data-move="down"
                      data-item={item.id}
                      ref={register(`${item.id}:down`)}
                      onClick={() => move(item.id, index + 1, 'down')}
                    >
                      {labels.moveDown}
                    </button>
                  </>
                ) : (
                  <select id={selectId} name={`q:${question.id}:pos:${item.id}`} defaultValue={index + 1}>
                    {positions}
                  </select>
                )}
              </span>
            </li>
          );
        })}
      </ol>
      <div className="choice order-confirm">
        <input
          id={confirmId}
          type="checkbox"
          name={`q:${question.id}:ordered`}
          value="1"
          aria-describedby={confirmHintId}
          {...(onChange
            ? {
                checked: answered,
                onChange: (event: { target: { checked: boolean } }) =>
                  onChange(question.id, event.target.checked ? order : undefined),
              }
            : { defaultChecked: answered })}
        />
        <label htmlFor={confirmId}>{labels.orderConfirm}</label>
      </div>
      <p className="hint" id={confirmHintId}>
        {labels.orderConfirmHint}
      </p>
    </fieldset>
  );
}
