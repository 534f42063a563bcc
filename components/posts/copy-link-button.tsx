'use client';

import { useState } from 'react';
import { useHydrated } from '@/components/hydrated';

/**
 * The thread's permalink in a read-only field (select it and copy, with or without JavaScript), and with
 * JavaScript a button that copies it and says so to screen readers.
 */
export function CopyLinkButton({ url }: { url: string }) {
  const ready = useHydrated();
  const [status, setStatus] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setStatus('Link copied');
    } catch {
      setStatus('Copy failed: select the link and copy it');
    }
    setTimeout(() => setStatus(''), 4000);
  };
  return (
    <>
      <label className="permalink">
        <span className="visually-hidden">Link to this thread</span>
        <input readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
      </label>
      {ready ? (
        <button type="button" className="secondary" onClick={copy}>
          Copy link
        </button>
      ) : null}
      <span role="status" aria-live="polite" className="count">
        {status}
      </span>
    </>
  );
}
