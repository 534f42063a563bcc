'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useTransition } from 'react';

type Props = {
  /** The query the page was rendered for. */
  q: string;
  /** Other state to carry along (facets, sort), as name/value pairs for hidden inputs. */
  hidden: ReadonlyArray<readonly [string, string]>;
};

const DEBOUNCE_MS = 250;

/** The query string a GET submission of this form would produce, without an empty `q`. */
function formQuery(form: HTMLFormElement): string {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) {
    if (typeof value === 'string' && !(name === 'q' && value.trim() === '')) params.append(name, value);
  }
  const qs = params.toString();
  return qs ? `/?${qs}` : '/';
}

/**
 * The search box: a plain GET form that works without JavaScript; with it, results follow typing
 * (debounced, replacing the history entry) and Esc clears it; `/` focuses it (SlashFocus, in the layout).
 */
export function SearchBox({ q, hidden }: Props) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [pending, startTransition] = useTransition();

  // Follow navigation: links unless the user is typing in the box, Back and Forward always.
  const historyMove = useRef(false);
  useEffect(() => {
    const onPop = () => {
      historyMove.current = true;
      clearTimeout(timer.current);
      // The URL is already the one returned to; the page may render it later.
      const input = inputRef.current;
      if (input && window.location.pathname === '/') {
        input.value = new URLSearchParams(window.location.search).get('q') ?? '';
      }
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  useEffect(() => {
    const input = inputRef.current;
    const typing = document.activeElement === input && !historyMove.current;
    historyMove.current = false;
    if (input && !typing && input.value !== q) input.value = q;
  }, [q]);

  useEffect(() => () => clearTimeout(timer.current), []);

  const navigate = () => {
    const form = formRef.current;
    if (!form) return;
    const href = formQuery(form);
    startTransition(() => router.replace(href, { scroll: false }));
  };

  const schedule = () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(navigate, DEBOUNCE_MS);
  };

  return (
    <form
      ref={formRef}
      className="search-form"
      role="search"
      aria-label="Threads"
      action="/"
      method="get"
      onSubmit={(event) => {
        event.preventDefault();
        clearTimeout(timer.current);
        const form = formRef.current;
        if (form) startTransition(() => router.push(formQuery(form)));
      }}
    >
      <label htmlFor="q" className="visually-hidden">
        Search threads
      </label>
      <input
        ref={inputRef}
        id="q"
        name="q"
        type="search"
        defaultValue={q}
        placeholder="Error code, API, OS version or words…"
        autoComplete="off"
        spellCheck={false}
        enterKeyHint="search"
        aria-describedby="search-hint"
        aria-busy={pending}
        onChange={schedule}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && event.currentTarget.value !== '') {
            event.preventDefault();
            event.currentTarget.value = '';
            schedule();
          }
        }}
      />
      {hidden.map(([name, value], i) => (
        <input key={`${name}-${i}`} type="hidden" name={name} value={value} />
      ))}
      <button type="submit">Search</button>
    </form>
  );
}
