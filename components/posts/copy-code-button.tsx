'use client';

import { useRef, useState } from 'react';
import { useHydrated } from '@/components/hydrated';

/**
 * Copy the code of the block this button sits in. Rendered only once JavaScript runs: without it the block is
 * plain, selectable text and there is no button that would do nothing.
 */
export function CopyCodeButton({ label }: { label: string }) {
  const ready = useHydrated();
  const [status, setStatus] = useState('');
  const ref = useRef<HTMLButtonElement>(null);
  if (!ready) return null;
  const copy = async () => {
    const code = ref.current?.closest('.code-block')?.querySelector('pre')?.textContent ?? '';
    try {
      await navigator.clipboard.writeText(code.replace(/\n$/, ''));
      setStatus('Copied');
    } catch {
      setStatus('Copy failed: select the text');
    }
    setTimeout(() => setStatus(''), 4000);
  };
  return (
    <>
      <span role="status" aria-live="polite" className="count">
        {status}
      </span>
      <button
        ref={ref}
        type="button"
        className="secondary copy-code"
        onClick={copy}
        aria-label={`Copy ${label}`}
      >
        Copy
      </button>
    </>
  );
}
