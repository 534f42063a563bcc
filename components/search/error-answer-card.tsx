import Link from 'next/link';
import type { ErrorAnswer } from '@/lib/web/error-answer';
import { Breakable } from '@/components/breakable';

/** A query that is one known error code: what the code means, and its page with every thread about it. */
export function ErrorAnswerCard({ answer }: { answer: ErrorAnswer }) {
  return (
    <aside className="answer" aria-labelledby="answer-title">
      <h2 id="answer-title">
        <code>
          <Breakable text={answer.code} />
        </code>
        {answer.symbol ? (
          <>
            {' '}
            <code>
              <Breakable text={answer.symbol} />
            </code>
          </>
        ) : null}
      </h2>
      <p>
        <span className="answer-domain">{answer.domain}:</span> {answer.meaning}
      </p>
      <p>
        <Link href={answer.href}>What {answer.code} means, and every thread about it</Link>
      </p>
    </aside>
  );
}
