import { useEffect, useRef, useState, type ReactElement } from 'react';
import type { QuizPlayerLabels } from '#src/lib/quiz/types.ts';
import { formatLabel } from './format-label.ts';

export interface QuizTimerProps {
  deadlineAt: number;
  serverNow: number;
  labels: QuizPlayerLabels;
  /** Polite announcement (the player's live region). */
  announce: (message: string) => void;
  onTimeUp: () => void;
}

/** Minutes left at which a warning is announced, largest first. */
const WARNINGS = [
  { ms: 5 * 60_000, label: 'timeWarning5' },
  { ms: 60_000, label: 'timeWarning1' },
] as const;

function clock(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = String(seconds % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

/**
 * The time left, counted against the server's deadline (the device clock only measures the
 * elapsed time, so a wrong device clock does not matter). The visible clock is not a live region;
 * the 5- and 1-minute warnings are announced politely, once each.
 */
export default function QuizTimer({
  deadlineAt,
  serverNow,
  labels,
  announce,
  onTimeUp,
}: QuizTimerProps): ReactElement {
  const [remaining, setRemaining] = useState(deadlineAt - serverNow);
  const warned = useRef(new Set<string>());
  const ended = useRef(false);

  useEffect(() => {
    const localDeadline = Date.now() + (deadlineAt - serverNow);
    // Warnings already passed when the page opened are not announced again.
    for (const warning of WARNINGS)
      if (deadlineAt - serverNow <= warning.ms) warned.current.add(warning.label);
    const tick = (): void => {
      const left = localDeadline - Date.now();
      setRemaining(left);
      for (const warning of WARNINGS) {
        if (left <= warning.ms && !warned.current.has(warning.label)) {
          warned.current.add(warning.label);
          announce(labels[warning.label]);
        }
      }
      if (left <= 0 && !ended.current) {
        ended.current = true;
        onTimeUp();
      }
    };
    tick();
    const interval = setInterval(tick, 1000);
    return () => clearInterval(interval);
  }, [announce, deadlineAt, labels, onTimeUp, serverNow]);

  const low = remaining <= 5 * 60_000;
  return (
    <p className={low ? 'quiz-timer low' : 'quiz-timer'} role="timer" aria-live="off">
      {formatLabel(labels, labels.timeLeft, { time: clock(remaining) })}
    </p>
  );
}
