import Link from 'next/link';

/** The search engine cannot be reached: a plain explanation, never a stack trace. */
export function EngineUnavailable() {
  return (
    <div className="notice error" role="alert">
      <h1>Search is temporarily unavailable</h1>
      <p>The search index cannot be reached right now. Please try again in a minute.</p>
      <p>
        <Link href="/">Try again</Link>
      </p>
    </div>
  );
}

/** A request parameter we refuse, named, with what we expected. */
export function ParamErrorNotice({ param, detail }: { param: string; detail: string }) {
  return (
    <div className="notice error" role="alert">
      <h2>That search has a bad parameter</h2>
      <p>
        Parameter <code>{param}</code>: {detail}.
      </p>
      <p>
        <Link href="/">Start a new search</Link>
      </p>
    </div>
  );
}
