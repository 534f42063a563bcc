/** The page numbers to show: first, last, and two either side of the current one; 0 marks a gap. */
export function pageWindow(current: number, last: number): number[] {
  const pages: number[] = [];
  for (let p = 1; p <= last; p++) {
    if (p === 1 || p === last || Math.abs(p - current) <= 2) pages.push(p);
    else if (pages.at(-1) !== 0) pages.push(0);
  }
  return pages;
}
