'use client';

import { useState } from 'react';

/** Copy the thread's permalink to the clipboard, and say so to screen readers. */
export function CopyLinkButton({ url }: { url: string }) {
  const [status, setStatus] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setStatus('Link copied');
    } catch {
      setStatus(`Copy failed: the link is ${url}`);
    }
    setTimeout(() => setStatus(''), 4000);
  };
  return (
    <>
      <button type="button" className="secondary" onClick={copy}>
        Copy link
      </button>
      <span role="status" aria-live="polite" className="count">
        {status}
      </span>
    </>
  );
}
