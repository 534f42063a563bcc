import { SEARCHABLE_FIELDS } from '../../fields';
import { BM25 } from './weights';
import type { InvertedIndex } from './index';
import { collectTermIds, TermTable } from './terms';

const FIELD_COUNT = SEARCHABLE_FIELDS.length;
const BOOSTS = SEARCHABLE_FIELDS.map((f) => f.boost);

/** A copy of `array` with room for at least `size` entries. */
function grown(array: Uint32Array, size: number): Uint32Array<ArrayBuffer> {
  const next = new Uint32Array(Math.max(size, array.length * 2));
  next.set(array);
  return next;
}

/** Per-term scratch of the build, grown with the vocabulary. */
class TermScratch {
  capacity = 0;
  /** The last doc that held the term, or -1. */
  seenIn = new Int32Array(0);
  /** Term frequency per (term, field) in the current doc. */
  tf = new Uint16Array(0);
  /** Documents holding the term, per (term, field). */
  fieldDf = new Uint32Array(0);

  ensure(terms: number): void {
    if (terms <= this.capacity) return;
    const capacity = Math.max(1024, this.capacity * 2, terms);
    const seenIn = new Int32Array(capacity).fill(-1);
    seenIn.set(this.seenIn);
    const tf = new Uint16Array(capacity * FIELD_COUNT);
    tf.set(this.tf);
    const fieldDf = new Uint32Array(capacity * FIELD_COUNT);
    fieldDf.set(this.fieldDf);
    Object.assign(this, { capacity, seenIn, tf, fieldDf });
  }
}

/** MiniSearch's BM25+ inverse document frequency. */
function idf(matching: number, total: number): number {
  return Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
}

/** Sort a first-seen vocabulary; returns the sorted terms and each first-seen id's sorted id. */
function sortVocabulary(firstSeen: readonly string[]): { terms: string[]; sortedId: Uint32Array } {
  const order = Array.from(firstSeen.keys()).sort((a, b) => (firstSeen[a]! < firstSeen[b]! ? -1 : 1));
  const sortedId = new Uint32Array(firstSeen.length);
  order.forEach((old, i) => (sortedId[old] = i));
  return { terms: order.map((old) => firstSeen[old]!), sortedId };
}

/**
 * The postings of a run of documents in doc order, before the vocabulary is sorted and scores are known:
 * each posting's term (an id into `terms`, first-seen order) and its per-field frequencies packed one byte
 * each. Doc d's postings are `[docStart[d], docStart[d + 1])`. Plain data, so a worker thread can send it.
 */
export type PartialPostings = {
  count: number;
  terms: string[];
  docStart: Uint32Array;
  postTerm: Uint32Array;
  postTf: Uint32Array;
  /** Tokens per doc, one array per text field. */
  fieldLengths: Uint32Array[];
  /** Docs holding each term, per (term, field). */
  fieldDf: Uint32Array;
};

/** Tokenise `count` documents (text fields in `SEARCHABLE_FIELDS` order, from `fieldsOf`) into their postings. */
export function collectPostings(
  count: number,
  fieldsOf: (doc: number) => readonly string[],
): PartialPostings {
  const table = new TermTable();
  const scratch = new TermScratch();
  scratch.ensure(1024);
  const fieldLengths = SEARCHABLE_FIELDS.map(() => new Uint32Array(count));
  // Postings in doc order: the term and packed per-field frequencies; doc d's are [docStart[d], docStart[d + 1]).
  let postTerm = new Uint32Array(Math.max(1024, count * 256));
  let postTf = new Uint32Array(postTerm.length);
  let postings = 0;
  const docStart = new Uint32Array(count + 1);
  const touched: number[] = [];
  let ids = new Int32Array(4096);

  for (let doc = 0; doc < count; doc++) {
    touched.length = 0;
    const texts = fieldsOf(doc);
    for (let f = 0; f < FIELD_COUNT; f++) {
      const text = texts[f] ?? '';
      if (ids.length < 2 * text.length + 1) ids = new Int32Array(4 * text.length + 1);
      const length = collectTermIds(text, table, ids);
      if (table.terms.length > scratch.capacity) scratch.ensure(table.terms.length);
      const { seenIn, tf } = scratch;
      for (let j = 0; j < length; j++) {
        const t = ids[j]!;
        const base = t * FIELD_COUNT;
        if (seenIn[t] !== doc) {
          seenIn[t] = doc;
          touched.push(t);
          for (let g = 0; g < FIELD_COUNT; g++) tf[base + g] = 0;
        }
        if (tf[base + f]! < 0xffff) tf[base + f]!++;
      }
      fieldLengths[f]![doc] = length;
    }
    if (postings + touched.length > postTerm.length) {
      postTerm = grown(postTerm, postings + touched.length);
      postTf = grown(postTf, postings + touched.length);
    }
    for (const t of touched) {
      let packed = 0;
      for (let f = 0; f < FIELD_COUNT; f++) {
        const tf = Math.min(scratch.tf[t * FIELD_COUNT + f]!, 255);
        if (tf > 0) scratch.fieldDf[t * FIELD_COUNT + f]!++;
        packed |= tf << (8 * f);
      }
      postTerm[postings] = t;
      postTf[postings++] = packed;
    }
    docStart[doc + 1] = postings;
  }

  return {
    count,
    terms: table.terms,
    docStart,
    postTerm: postTerm.subarray(0, postings),
    postTf: postTf.subarray(0, postings),
    fieldLengths,
    fieldDf: scratch.fieldDf.subarray(0, table.terms.length * FIELD_COUNT),
  };
}

/**
 * Merge the postings of consecutive runs of documents (in doc order) into the inverted index. Each posting's
 * impact is MiniSearch's scoring, precomputed: the sum over fields of
 * boost × idf(field) × BM25+(tf, field length / average field length).
 */
export function mergePostings(parts: readonly PartialPostings[]): InvertedIndex {
  const globalIds = new Map<string, number>();
  const firstSeen: string[] = [];
  const toGlobal = parts.map((part) =>
    Uint32Array.from(part.terms, (term) => {
      let id = globalIds.get(term);
      if (id === undefined) {
        id = firstSeen.length;
        globalIds.set(term, id);
        firstSeen.push(term);
      }
      return id;
    }),
  );
  const count = parts.reduce((sum, p) => sum + p.count, 0);
  const fieldDf = new Uint32Array(firstSeen.length * FIELD_COUNT);
  parts.forEach((part, p) => {
    const ids = toGlobal[p]!;
    for (let t = 0; t < ids.length; t++) {
      for (let f = 0; f < FIELD_COUNT; f++)
        fieldDf[ids[t]! * FIELD_COUNT + f]! += part.fieldDf[t * FIELD_COUNT + f]!;
    }
  });
  const { terms, sortedId } = sortVocabulary(firstSeen);
  const start = new Uint32Array(terms.length + 1);
  let postings = 0;
  parts.forEach((part, p) => {
    const ids = toGlobal[p]!;
    for (let i = 0; i < part.postTerm.length; i++) start[sortedId[ids[part.postTerm[i]!]!]! + 1]!++;
    postings += part.postTerm.length;
  });
  for (let t = 0; t < terms.length; t++) start[t + 1]! += start[t]!;

  const averages = SEARCHABLE_FIELDS.map((_, f) => {
    let sum = 0;
    for (const part of parts) for (let d = 0; d < part.count; d++) sum += part.fieldLengths[f]![d]!;
    return count > 0 && sum > 0 ? sum / count : 1;
  });
  const idfs = new Float64Array(firstSeen.length * FIELD_COUNT);
  for (let i = 0; i < idfs.length; i++) idfs[i] = idf(fieldDf[i]!, count);

  // Two passes over the postings, scoring each twice rather than keeping a float per posting: the first
  // finds each term's largest impact, the second writes the docs and the impacts quantized against it.
  const maxImpact = new Float32Array(terms.length);
  scorePostings(parts, toGlobal, sortedId, averages, idfs, maxImpact, null);
  const scales = new Float32Array(terms.length);
  for (let t = 0; t < terms.length; t++) scales[t] = maxImpact[t]! / IMPACT_STEPS;
  const docs = new Uint32Array(postings);
  const impacts = new Uint16Array(postings);
  scorePostings(parts, toGlobal, sortedId, averages, idfs, maxImpact, { start, docs, impacts, scales });
  return { terms, start, docs, impacts, scales };
}

/**
 * Score every posting (MiniSearch's BM25+, summed over boosted fields). Without `out`, raise each term's
 * `maxImpact`; with it, write each posting's doc and quantized impact at its term's next position.
 */
function scorePostings(
  parts: readonly PartialPostings[],
  toGlobal: readonly Uint32Array[],
  sortedId: Uint32Array,
  averages: readonly number[],
  idfs: Float64Array,
  maxImpact: Float32Array,
  out: Pick<InvertedIndex, 'start' | 'docs' | 'impacts' | 'scales'> | null,
): void {
  const { k, b, d } = BM25;
  const cursor = out ? out.start.slice(0, out.scales.length) : null;
  const norms = new Float64Array(FIELD_COUNT);
  let base = 0;
  parts.forEach((part, p) => {
    const ids = toGlobal[p]!;
    const { docStart, postTerm, postTf, fieldLengths } = part;
    for (let local = 0; local < part.count; local++) {
      const doc = base + local;
      for (let f = 0; f < FIELD_COUNT; f++)
        norms[f] = k * (1 - b + (b * fieldLengths[f]![local]!) / averages[f]!);
      for (let i = docStart[local]!, end = docStart[local + 1]!; i < end; i++) {
        const global = ids[postTerm[i]!]!;
        const packed = postTf[i]!;
        let impact = 0;
        for (let f = 0; f < FIELD_COUNT; f++) {
          const tf = (packed >>> (8 * f)) & 0xff;
          if (tf === 0) continue;
          impact += BOOSTS[f]! * idfs[global * FIELD_COUNT + f]! * (d + (tf * (k + 1)) / (tf + norms[f]!));
        }
        const term = sortedId[global]!;
        const value = Math.fround(impact);
        if (out === null || cursor === null) {
          if (value > maxImpact[term]!) maxImpact[term] = value;
          continue;
        }
        const pos = cursor[term]!++;
        out.docs[pos] = doc;
        out.impacts[pos] = quantizeImpact(value, out.scales[term]!);
      }
    }
    base += part.count;
  });
}

/** The largest quantized impact: a term's largest impact is stored as this many of its scale. */
export const IMPACT_STEPS = 0xffff;

/**
 * An impact as a 16-bit multiple of its term's scale (the term's largest impact / IMPACT_STEPS): a quarter of
 * the memory of doubles, half of floats, and ranking within a term keeps 1/65535 of its range.
 */
export function quantizeImpact(value: number, scale: number): number {
  return scale > 0 ? Math.min(IMPACT_STEPS, Math.round(value / scale)) : 0;
}

/** Build the inverted index of `count` documents whose text fields (in `SEARCHABLE_FIELDS` order) `fieldsOf` gives. */
export function buildInvertedIndex(
  count: number,
  fieldsOf: (doc: number) => readonly string[],
): InvertedIndex {
  return mergePostings([collectPostings(count, fieldsOf)]);
}
