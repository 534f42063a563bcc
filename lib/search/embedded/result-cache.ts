import { SearchRequest } from '../types';

/**
 * A bounded least-recently-used map. Searches of one loaded index are pure functions of their request, so the
 * embedded engine keeps recent results per index (popular queries and error codes repeat) and drops them all
 * with the index when a new one is loaded.
 */
export class LruCache<V> {
  private readonly entries = new Map<string, V>();

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.entries.size;
  }

  /** The value of `key`, now the most recently used; undefined when absent. */
  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  /** Store a value, evicting the least recently used entry beyond capacity (a capacity of 0 stores nothing). */
  set(key: string, value: V): void {
    if (this.capacity <= 0) return;
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }
}

/**
 * One key per distinct search: the request with its defaults applied, so `{q}` and `{q, page: 1}` share it
 * (zod writes the keys in schema order, whatever order the caller used).
 */
export function resultKey(request: SearchRequest): string {
  return JSON.stringify(SearchRequest.parse(request));
}
