import type { ReactElement } from 'react';
import { parseQuizText, type TextRun } from '#src/lib/quiz/text.ts';

function Runs({ runs }: { runs: TextRun[] }): ReactElement {
  return (
    <>
      {runs.map((run, index) =>
        run.strong ? (
          <strong key={index}>{run.text}</strong>
        ) : run.em ? (
          <em key={index}>{run.text}</em>
        ) : (
          run.text
        ),
      )}
    </>
  );
}

/** A prompt or scenario text (quiz Markdown subset), rendered as elements, never as raw HTML. */
export default function QuizText({
  source,
  id,
  className,
}: {
  source: string;
  id?: string;
  className?: string;
}): ReactElement {
  return (
    <div id={id} className={className}>
      {parseQuizText(source).map((block, index) => {
        if (block.kind === 'paragraph') {
          return (
            <p key={index}>
              <Runs runs={block.runs} />
            </p>
          );
        }
        const items = block.items.map((runs, itemIndex) => (
          <li key={itemIndex}>
            <Runs runs={runs} />
          </li>
        ));
        return block.kind === 'bullets' ? <ul key={index}>{items}</ul> : <ol key={index}>{items}</ol>;
      })}
    </div>
  );
}
