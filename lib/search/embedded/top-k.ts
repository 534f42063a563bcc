/** Orders two docs: negative when `a` ranks before `b`. */
export type DocOrder = (a: number, b: number) => number;

/** Sift the heap entry at `i` down; the heap keeps its worst doc (per `order`) at the root. */
function siftDown(heap: number[], i: number, order: DocOrder): void {
  const n = heap.length;
  const doc = heap[i]!;
  for (;;) {
    const left = 2 * i + 1;
    if (left >= n) break;
    const right = left + 1;
    const worse = right < n && order(heap[right]!, heap[left]!) > 0 ? right : left;
    if (order(heap[worse]!, doc) <= 0) break;
    heap[i] = heap[worse]!;
    i = worse;
  }
  heap[i] = doc;
}

function siftUp(heap: number[], i: number, order: DocOrder): void {
  const doc = heap[i]!;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (order(heap[parent]!, doc) >= 0) break;
    heap[i] = heap[parent]!;
    i = parent;
  }
  heap[i] = doc;
}

/**
 * The first `k` docs of `docs` in `order`, best first, by a bounded heap instead of a full sort. `primary`,
 * when given, is the order's first key (higher first): a doc below the heap's worst is skipped on it alone.
 */
export function topK(
  docs: ArrayLike<number>,
  k: number,
  order: DocOrder,
  primary: Float64Array | null,
): number[] {
  if (k <= 0) return [];
  if (docs.length <= k * 4) return Array.from(docs).sort(order).slice(0, k);
  const heap: number[] = [];
  for (let i = 0; i < docs.length; i++) {
    const doc = docs[i]!;
    if (heap.length < k) {
      heap.push(doc);
      siftUp(heap, heap.length - 1, order);
    } else if (primary !== null && primary[doc]! < primary[heap[0]!]!) {
      continue;
    } else if (order(doc, heap[0]!) < 0) {
      heap[0] = doc;
      siftDown(heap, 0, order);
    }
  }
  return heap.sort(order);
}
