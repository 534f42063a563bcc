/** The number of the last page of `total` results, `perPage` a page (1 when there are none). */
export function lastPage(total: number, perPage: number): number {
  return Math.max(1, Math.ceil(total / perPage));
}

/** The page numbers to show: first, last, and two either side of the current one; 0 marks a gap. */
export function pageWindow(current: number, last: number): number[] {
  const pages: number[] = [];
  for (let p = 1; p <= last; p++) {
    if (p === 1 || p === last || Math.abs(p - current) <= 2) pages.push(p);
    else if (pages.at(-1) !== 0) pages.push(0);
  }
  return pages;
}
