import type { MultiSearchQuery } from 'meilisearch';
import type { Post } from '@/lib/posts/schema';
import type { EmbeddedEngine } from '@/lib/search/embedded/engine';
import type { MeiliSearchResponse } from '@/lib/search/meilisearch/client';
import { toMeiliDocument } from '@/lib/search/meilisearch/query';
import { FakeMeili } from './fake-meili';

/** One token of a filter string. */
type Token = { kind: 'word' | 'string' | 'punct'; text: string };

/** Tokens of a filter: quoted strings (`\\` and `\"` escapes), `(`, `)`, `[`, `]`, `,`, `>=`, `<=`, `=`, words. */
function filterTokens(filter: string): Token[] {
  const out: Token[] = [];
  for (const m of filter.matchAll(/"((?:[^"\\]|\\.)*)"|(>=|<=|!=|[()[\],=])|([^\s()[\],="]+)/g)) {
    if (m[1] !== undefined) out.push({ kind: 'string', text: m[1].replace(/\\(.)/g, '$1') });
    else if (m[2] !== undefined) out.push({ kind: 'punct', text: m[2] });
    else out.push({ kind: 'word', text: m[3]! });
  }
  return out;
}

/** A stored value as filter values: arrays as their items, strings lowercased (Meilisearch compares them so). */
function valuesOf(doc: Record<string, unknown>, attribute: string): Array<string | number> {
  const raw = doc[attribute];
  const list = Array.isArray(raw) ? (raw as unknown[]) : raw === undefined || raw === null ? [] : [raw];
  return list.flatMap((v): Array<string | number> =>
    typeof v === 'string' ? [v.toLowerCase()] : typeof v === 'number' ? [v] : [],
  );
}

/**
 * Whether a document passes a filter, in the grammar our adapter sends (`filters.ts`): `OR`, `AND`, parentheses,
 * `a = "v"`, `a IN ["v", …]`, `a min TO max`, `a >= n`, `a <= n`, `a NOT EXISTS`.
 */
export function passesFilter(filter: string, doc: Record<string, unknown>): boolean {
  const tokens = filterTokens(filter);
  let at = 0;
  const peek = () => tokens[at]?.text;
  const next = () => tokens[at++]!;
  const literal = () => {
    const t = next();
    return t.kind === 'string' ? t.text.toLowerCase() : Number(t.text);
  };
  const or = (): boolean => {
    let value = and();
    while (peek() === 'OR') {
      next();
      value = and() || value;
    }
    return value;
  };
  const and = (): boolean => {
    let value = unary();
    while (peek() === 'AND') {
      next();
      value = unary() && value;
    }
    return value;
  };
  const unary = (): boolean => {
    if (peek() === '(') {
      next();
      const value = or();
      if (next().text !== ')') throw new Error(`filter not simulated: ${filter}`);
      return value;
    }
    const attribute = next().text;
    const values = valuesOf(doc, attribute);
    const op = next().text;
    if (op === 'NOT' && next().text === 'EXISTS') return doc[attribute] === undefined;
    if (op === '=') {
      const v = literal();
      return values.includes(v);
    }
    if (op === 'IN') {
      next();
      const list: Array<string | number> = [];
      while (peek() !== ']') {
        list.push(literal());
        if (peek() === ',') next();
      }
      next();
      return values.some((v) => list.includes(v));
    }
    if (op === '>=' || op === '<=') {
      const n = Number(next().text);
      return values.some((v) => typeof v === 'number' && (op === '>=' ? v >= n : v <= n));
    }
    const min = Number(op);
    if (next().text !== 'TO') throw new Error(`filter not simulated: ${filter}`);
    const max = Number(next().text);
    return values.some((v) => typeof v === 'number' && v >= min && v <= max);
  };
  const value = or();
  if (at !== tokens.length) throw new Error(`filter not simulated: ${filter}`);
  return value;
}

/** A piece of a query string as Meilisearch's `parse_query.rs` reads it. */
type Piece = { text: string; quoted: boolean; negated: boolean };

/** Split a query string: `"phrase"` (one quoted word is a phrase too), `-word`, `-"phrase"`, words. */
function pieces(q: string): Piece[] {
  const out: Piece[] = [];
  for (const m of q.matchAll(/(^|\s)(-?)"([^"]*)"?|(\S+)/g)) {
    if (m[3] !== undefined) out.push({ text: m[3], quoted: true, negated: m[2] === '-' });
    else if (m[4] !== undefined)
      out.push({ text: m[4].replace(/^-/, ''), quoted: false, negated: m[4].startsWith('-') });
  }
  return out;
}

/**
 * Where a post stands in the answer to a `matchingStrategy: 'frequency'` search, by Meilisearch's words rule
 * (crates/milli/src/search/new: `query_graph.rs` `removal_order_for_terms_matching_strategy_frequency`,
 * `graph_based_ranking_rule.rs`, `ranking_rule_graph/build.rs`, `cheapest_paths.rs`):
 * - words get a weight by how many documents of the whole index they match (a word that matches nothing is the
 *   most frequent), equal counts sharing a weight; the removal groups go most frequent first;
 * - with no phrase in the query the rarest group is popped: those words are never dropped, so a post lacking one
 *   of them is not returned at all (the universe is the maximally reduced query graph);
 * - a post's bucket is the cheapest path through the words graph: each skipped word costs 1, and skipping a word
 *   forces skipping every LATER word (query order) of a more frequent group (`nodes_to_skip` is only checked
 *   ahead: `visit_no_condition` does not look at the nodes already visited).
 * Returns null for a post outside the universe, else its bucket (0 first).
 */
export function frequencyBucket(
  lacking: readonly boolean[],
  frequencies: readonly number[],
  mandatory: boolean,
) {
  const weightOf = (f: number) => (f === 0 ? Number.MAX_SAFE_INTEGER : f);
  const distinct = [...new Set(frequencies.map(weightOf))].sort((a, b) => b - a);
  const group = frequencies.map((f) => distinct.indexOf(weightOf(f)));
  const kept = mandatory ? -1 : distinct.length - 1;
  if (lacking.some((l, i) => l && group[i] === kept)) return null;
  const skipped = lacking.map((l, j) => l || lacking.some((li, i) => li && i < j && group[j]! < group[i]!));
  return skipped.filter(Boolean).length;
}

/**
 * A fake server that answers as a real Meilisearch would, over the embedded engine's matching of each word (its
 * typos, prefix on the last word, split forms): `matchingStrategy: 'all'` with the embedded engine's strict hits;
 * `frequency` with the universe and buckets of {@link frequencyBucket}. What Meilisearch's later rules (typo,
 * proximity, attribute, exactness) do inside a bucket is not simulated: `tieOrder` (post ids, best first) stands
 * for them, and gives `_rankingScore`; posts it leaves out share the lowest score, in the order the posts were
 * given (Meilisearch's internal document ids), never the embedded engine's. Filters: the grammar of
 * {@link passesFilter}, over each post's stored document. `attributesToRetrieve` is honoured.
 */
export class SimulatedMeili extends FakeMeili {
  private readonly byId: Map<string, Post>;
  private readonly stored: Map<string, Record<string, unknown>>;
  private readonly position: Map<string, number>;
  private readonly matches = new Map<string, Promise<string[]>>();
  /** Per answered frequency search: its words, and for each returned post its bucket. */
  readonly frequencyAnswers: Array<{ q: string; buckets: Map<string, number> }> = [];
  tieOrder: readonly string[] = [];
  /** What each response reports as its `processingTimeMs`. */
  processingTimeMs = 0;

  constructor(
    private readonly embedded: EmbeddedEngine,
    posts: readonly Post[],
  ) {
    super();
    this.byId = new Map(posts.map((p) => [p.id, p]));
    this.stored = new Map(posts.map((p) => [p.id, toMeiliDocument(p)]));
    this.position = new Map(posts.map((p, i) => [p.id, i]));
  }

  /** Every post the embedded engine matches for `q` with every word required, in its order. */
  private matching(q: string): Promise<string[]> {
    let found = this.matches.get(q);
    if (!found) {
      found = (async () => {
        const ids: string[] = [];
        for (let page = 1; ; page++) {
          const result = await this.embedded.search({ q, strict: true, perPage: 100, page });
          ids.push(...result.hits.map((h) => h.post.id));
          if (result.hits.length < 100 || ids.length >= result.total) return ids;
        }
      })();
      this.matches.set(q, found);
    }
    return found;
  }

  private tieRank(id: string): number {
    const at = this.tieOrder.indexOf(id);
    return at < 0 ? this.tieOrder.length : at;
  }

  /** The order of equal buckets: `tieOrder`, then the order the posts were given. */
  private byTie = (a: string, b: string) =>
    this.tieRank(a) - this.tieRank(b) || this.position.get(a)! - this.position.get(b)!;

  private passes(filter: MultiSearchQuery['filter'], id: string): boolean {
    if (filter === undefined) return true;
    if (typeof filter !== 'string') throw new Error(`filter not simulated: ${JSON.stringify(filter)}`);
    return passesFilter(filter, this.stored.get(id)!);
  }

  /** A hit: the post, or only the attributes asked for. */
  private hitOf(id: string, fields: readonly string[] | undefined): Record<string, unknown> {
    const post = this.byId.get(id)! as unknown as Record<string, unknown>;
    if (!fields) return { ...post };
    return Object.fromEntries(fields.filter((f) => f in post).map((f) => [f, post[f]]));
  }

  private async answer(query: MultiSearchQuery): Promise<MeiliSearchResponse> {
    const q = query.q ?? '';
    let ids: string[];
    if (query.matchingStrategy === 'frequency') {
      ids = await this.frequency(q);
    } else {
      ids = await this.matching(q);
      ids = [...ids].sort(this.byTie);
    }
    ids = ids.filter((id) => this.passes(query.filter, id));
    const perPage = query.hitsPerPage ?? query.limit ?? 20;
    const from = query.hitsPerPage !== undefined ? ((query.page ?? 1) - 1) * perPage : (query.offset ?? 0);
    const n = this.tieOrder.length + 1;
    const hits = ids.slice(from, from + perPage).map((id) => ({
      ...this.hitOf(id, query.attributesToRetrieve),
      ...(query.showRankingScore ? { _rankingScore: 1 - this.tieRank(id) / n } : {}),
    }));
    return { hits, processingTimeMs: this.processingTimeMs, totalHits: ids.length };
  }

  /** The posts a `frequency` search returns, in bucket order, ties by `tieOrder`. */
  private async frequency(q: string): Promise<string[]> {
    const parts = pieces(q);
    const words = parts.filter((p) => !p.quoted && !p.negated).map((p) => p.text.toLowerCase());
    const prefixAt = /\s$/.test(q) || parts.at(-1)?.quoted ? -1 : words.length - 1;
    const sets = await Promise.all(
      words.map(async (w, i) => new Set(await this.matching(i === prefixAt ? w : `${w} `))),
    );
    const required = await Promise.all(
      parts
        .filter((p) => p.quoted && !p.negated)
        .map(async (p) => new Set(await this.matching(`"${p.text}" `))),
    );
    const excluded = await Promise.all(
      parts
        .filter((p) => p.negated)
        .map(async (p) => new Set(await this.matching(p.quoted ? `"${p.text}" ` : `${p.text} `))),
    );
    const frequencies = sets.map((s) => s.size);
    const buckets = new Map<string, number>();
    for (const id of this.byId.keys()) {
      if (!required.every((s) => s.has(id)) || excluded.some((s) => s.has(id))) continue;
      const bucket = frequencyBucket(
        sets.map((s) => !s.has(id)),
        frequencies,
        required.length > 0,
      );
      if (bucket !== null) buckets.set(id, bucket);
    }
    this.frequencyAnswers.push({ q, buckets });
    return [...buckets.keys()].sort((a, b) => buckets.get(a)! - buckets.get(b)! || this.byTie(a, b));
  }

  override async multiSearch(params: { queries: MultiSearchQuery[] }) {
    this.calls.push({ method: 'multiSearch', args: [params] });
    return { results: await Promise.all(params.queries.map((query) => this.answer(query))) };
  }
}
