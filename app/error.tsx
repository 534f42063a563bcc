'use client';

/** Anything unexpected: a plain message and a retry, never a stack trace. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="notice error" role="alert">
      <h1>Something went wrong</h1>
      <p>This page could not be shown. Please try again.</p>
      <button type="button" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
