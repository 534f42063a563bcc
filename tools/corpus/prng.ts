/**
 * A small, fast, seeded pseudo-random generator (mulberry32) and the samplers the corpus generator draws from.
 * The same seed always gives the same sequence, on every platform: the corpus is reproducible byte for byte.
 */

/** A source of uniform numbers in [0, 1). */
export type Rng = () => number;

/** Hash a seed (text or number) to 32 bits (FNV-1a), so `"1"` and `1` give the same stream. */
export function seedHash(seed: string | number): number {
  let h = 0x811c9dc5;
  for (const ch of String(seed)) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** A mulberry32 generator seeded from `seed`. */
export function createRng(seed: string | number): Rng {
  let state = seedHash(seed);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A whole number in [min, max], both included. */
export function intBetween(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

/** One item, uniformly. */
export function pick<T>(rng: Rng, items: readonly T[]): T {
  if (items.length === 0) throw new RangeError('pick from an empty list');
  return items[Math.floor(rng() * items.length)]!;
}

/** True with probability `p`. */
export function chance(rng: Rng, p: number): boolean {
  return rng() < p;
}

/** A standard normal deviate (Box–Muller). */
export function normal(rng: Rng): number {
  const u = 1 - rng();
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** A log-normal whole number with this median and spread, clamped to [min, max]: skewed like post lengths. */
export function logNormalInt(rng: Rng, median: number, sigma: number, min: number, max: number): number {
  const value = Math.round(median * Math.exp(sigma * normal(rng)));
  return Math.min(max, Math.max(min, value));
}

/**
 * Draws items with Zipf-like frequencies: the item of rank k (1-based) has weight 1 / k^exponent, so the
 * first items are common and the tail is long, as API names, error codes and OS versions are in real posts.
 */
export class ZipfSampler<T> {
  private readonly cumulative: Float64Array;

  constructor(
    readonly items: readonly T[],
    exponent = 1,
  ) {
    if (items.length === 0) throw new RangeError('a Zipf sampler needs at least one item');
    this.cumulative = new Float64Array(items.length);
    let total = 0;
    for (let k = 0; k < items.length; k++) {
      total += 1 / Math.pow(k + 1, exponent);
      this.cumulative[k] = total;
    }
    for (let k = 0; k < items.length; k++) this.cumulative[k]! /= total;
  }

  /** One item, by rank weight. */
  sample(rng: Rng): T {
    const u = rng();
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid]! > u) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo]!;
  }
}
