'use client';

import { useEffect } from 'react';

/** The search boxes `/` focuses, first found first: the search page's own, then the header's. */
const BOXES = ['#q', '#site-q'];

/** `/` (outside a text field) focuses the page's search box on every page. */
export function SlashFocus() {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.metaKey || event.ctrlKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      const box = BOXES.map((s) => document.querySelector<HTMLInputElement>(s)).find(
        (el) => el && el.offsetParent !== null,
      );
      if (!box) return;
      event.preventDefault();
      box.focus();
      box.select();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  return null;
}
