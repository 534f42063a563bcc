'use client';

import { useSyncExternalStore } from 'react';

const never = () => () => {};

/** False on the server and in the HTML; true once React runs in the browser (so no-JS pages never show it). */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    never,
    () => true,
    () => false,
  );
}
