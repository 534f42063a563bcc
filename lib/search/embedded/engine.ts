import type { LedgerEntry } from '../../posts/ledger';
import type { Post } from '../../posts/schema';
import { upsertById } from '../../posts/upsert';
import type { Columns, FacetColumn } from './columns';
import { compileFilters, FacetFilter } from './filters';
import { requiredWords, type QueryWord } from './query-words';
import { DamagedPostError, PostStore } from './post-store';
import {
  buildSnapshot,
  buildSnapshotWith,
  SnapshotShapeError,
  type PostingsCollector,
  type Snapshot,
} from './snapshot';
import {
  checkSnapshotFiles,
  damagedIndex,
  hasIndex,
  indexMtime,
  indexPath,
  loadSnapshot,
  readLedger,
  saveSnapshot,
} from './store';
import type { WriteFaultHook } from './write-faults';
import { topK, type DocOrder } from './top-k';
import { expandWord, ExpansionCache } from './inverted/expand';
import { postingOf, termId } from './inverted/index';
import { expansionHolds, TextMatcher, type Expansion } from './inverted/match';
import { splitExpansion, withJoins } from './inverted/split-join';
import { standsNextTo } from './adjacent';
import { MAX_PARTIAL_WORDS, PartialMatcher } from './inverted/partial';
import { prepareHighlight } from '../highlight-query';
import { toSearchHit } from '../hit';
import { LruCache, resultKey } from './result-cache';
import { planSearch, type SearchPlan } from '../plan';
import {
  droppableTerms,
  hasMandatoryPart,
  partialRanks,
  removalGroups,
  RELAX_STRATEGY,
  type MatchingStrategy,
} from '../relax';
import { queryTokens } from '../tokenize';
import { forumCounts } from '../forums';
import type {
  FacetName,
  ForumCount,
  SearchEngine,
  SearchRequest,
  SearchResult,
  UpsertOptions,
} from '../types';
import { vocabularyOf, type Vocabulary } from '../vocabulary';

/** A loaded index with its scratch space and lookups. */
type State = {
  snapshot: Snapshot;
  posts: PostStore;
  matcher: TextMatcher;
  filter: FacetFilter;
  expansions: ExpansionCache;
  allDocs: Uint32Array;
  /** One-pass partial matching (`partial.ts`). */
  partial: PartialMatcher;
  /** Recent results of this index (see `LruCache`). */
  results: LruCache<SearchResult>;
  /** Slug and id → doc, built on the first lookup (searches never need it, so start-up does not wait). */
  byKey: Map<string, number> | undefined;
  /** The vocabulary of the index, read off its terms on first use (did-you-mean alone needs it). */
  vocabulary: Vocabulary | undefined;
  mtime: number;
};

function stateOf(snapshot: Snapshot, posts: PostStore, mtime: number, cacheEntries: number): State {
  const { columns } = snapshot;
  const allDocs = new Uint32Array(columns.count);
  for (let doc = 0; doc < allDocs.length; doc++) allDocs[doc] = doc;
  return {
    snapshot,
    posts,
    matcher: new TextMatcher(snapshot.index, columns.count),
    filter: new FacetFilter(columns),
    expansions: new ExpansionCache(),
    allDocs,
    partial: new PartialMatcher(snapshot.index, columns.count),
    results: new LruCache(cacheEntries),
    byKey: undefined,
    vocabulary: undefined,
    mtime,
  };
}

/** The index's id and slug columns (parsed on first use); a section that does not parse is a damaged index. */
function keyColumns(state: State, dataDir: string): { ids: string[]; slugs: string[] } {
  try {
    const { ids, slugs } = state.snapshot.columns;
    return { ids, slugs };
  } catch (error) {
    if (error instanceof SnapshotShapeError) throw damagedIndex(indexPath(dataDir));
    throw error;
  }
}

/** The doc of a slug or id (a slug wins over an equal id: slugs are set last). */
function docOf(state: State, idOrSlug: string, dataDir: string): number | undefined {
  if (!state.byKey) {
    const { ids, slugs } = keyColumns(state, dataDir);
    const byKey = new Map<string, number>();
    ids.forEach((id, doc) => byKey.set(id, doc));
    slugs.forEach((slug, doc) => byKey.set(slug, doc));
    state.byKey = byKey;
  }
  return state.byKey.get(idOrSlug);
}

/** Whether two index terms stand side by side in a post's title and body. */
function standsNextToIn(post: Post, left: string, right: string): boolean {
  return standsNextTo(`${post.title} ${post.body}`, left, right);
}

/** Whether a post's text holds the phrase's words in order. */
function hasPhrase(post: Post, phrase: string[]): boolean {
  const words = ` ${queryTokens(`${post.title} ${post.body}`).join(' ')} `;
  return words.includes(` ${phrase.join(' ')} `);
}

/** A partial match: its candidates, their scores and ranks (lower first), and the droppable words one lacks. */
type Relaxed = {
  candidates: Uint32Array;
  scores: Float64Array;
  rank: (doc: number) => number;
  /** Per doc of `docs`, a key that orders as rank then score (higher first), for `topK`. */
  keys: (docs: ArrayLike<number>) => Float64Array;
  lacking: (doc: number) => string[];
};

const SORT_COLUMNS = {
  activity: 'activity',
  views: 'views',
  replies: 'replies',
  boosts: 'boosts',
} as const satisfies Record<Exclude<SearchPlan['sort'], 'relevance'>, keyof Columns>;

/** The order of a result list: relevance (score, then views) or a column, then score; id breaks ties. */
function orderOf(sort: SearchPlan['sort'], columns: Columns, scores: Float64Array | null): DocOrder {
  const { idRank } = columns;
  const score = scores ? (a: number, b: number) => scores[b]! - scores[a]! : () => 0;
  const key = sort === 'relevance' ? columns.views : columns[SORT_COLUMNS[sort]];
  if (sort === 'relevance') return (a, b) => score(a, b) || key[b]! - key[a]! || idRank[a]! - idRank[b]!;
  return (a, b) => key[b]! - key[a]! || score(a, b) || idRank[a]! - idRank[b]!;
}

/** Milliseconds since `started`, to two decimals. */
const elapsedMs = (started: number) => Math.round((performance.now() - started) * 100) / 100;

/** Value → count over a list of value ids, most frequent first. */
function countValues(values: readonly string[], ids: Uint32Array): Record<string, number> {
  const counts = new Uint32Array(values.length);
  for (const id of ids) counts[id]!++;
  const order = Array.from(values.keys())
    .filter((id) => counts[id]! > 0)
    .sort((a, b) => counts[b]! - counts[a]! || (values[a]! < values[b]! ? -1 : 1));
  return Object.fromEntries(order.map((id) => [values[id]!, counts[id]!]));
}

/** Recent results kept per index by default: a few MB (a result holds 20 posts and the facet counts). */
export const DEFAULT_CACHE_ENTRIES = 256;

/**
 * The in-process engine, the default when no Meilisearch is configured: our own inverted index (BM25+ with
 * field boosts, typo and prefix expansion, AND matching), columns for filters, disjunctive facet counts and
 * sorting. Its index is a binary file plus a manifest in a data folder, replaced atomically, reloaded when
 * the manifest changes on disk.
 */
export class EmbeddedEngine implements SearchEngine {
  readonly kind = 'embedded' as const;
  private state: State | undefined;
  private loading: Promise<State> | undefined;
  private checkedAt = 0;
  private readonly cacheEntries: number;
  private readonly collectPostings: PostingsCollector | undefined;
  private readonly fault: WriteFaultHook | undefined;
  private readonly strategy: MatchingStrategy;

  /**
   * `cacheEntries`: how many recent results to keep per loaded index (0: none, as the benchmark measures);
   * `collectPostings`: how `replaceAll` tokenises (for example on two threads); on this thread by default;
   * `fault`: the writer's fault-injection seam, for tests (`write-faults.ts`); `strategy`: the partial-match drop
   * order ({@link RELAX_STRATEGY} by default; the other one only to measure it, as the natural-language table does).
   */
  constructor(
    private readonly dataDir: string,
    options: {
      cacheEntries?: number;
      collectPostings?: PostingsCollector;
      fault?: WriteFaultHook;
      strategy?: MatchingStrategy;
    } = {},
  ) {
    this.cacheEntries = options.cacheEntries ?? DEFAULT_CACHE_ENTRIES;
    this.collectPostings = options.collectPostings;
    this.fault = options.fault;
    this.strategy = options.strategy ?? RELAX_STRATEGY;
  }

  /**
   * Build an index from posts and save it to the data folder (write, then rename), under the folder's lock
   * (`data-lock.ts`): a failed write leaves the previous index and no file of its own.
   */
  async replaceAll(posts: readonly Post[], ledger: readonly LedgerEntry[] = []): Promise<void> {
    const snapshot = this.collectPostings
      ? await buildSnapshotWith(posts, this.collectPostings)
      : buildSnapshot(posts);
    const store = await saveSnapshot(this.dataDir, snapshot, posts, { ledger, fault: this.fault });
    this.replaceState(stateOf(snapshot, store, await indexMtime(this.dataDir), this.cacheEntries));
    this.checkedAt = Date.now();
  }

  /**
   * Add posts (each replacing the post of its id, in place; new ones after the rest) and ledger entries: the
   * index is rebuilt from every post and saved as `replaceAll` saves it, ledger and all. `beforeWrite` gets those
   * posts before the save.
   */
  async upsertPosts(
    posts: readonly Post[],
    ledger: readonly LedgerEntry[],
    options: UpsertOptions = {},
  ): Promise<void> {
    const all = upsertById(await this.readPosts(), posts);
    await options.beforeWrite?.(all);
    await this.replaceAll(all, [...(await this.ledger()), ...ledger]);
  }

  async readPosts(ids?: readonly string[]): Promise<Post[]> {
    if (!(await hasIndex(this.dataDir))) return [];
    const state = await this.load();
    if (!ids) return this.readAllPosts(state);
    const docs = ids.map((id) => docOf(state, id, this.dataDir));
    return docs.filter((doc) => doc !== undefined).map((doc) => this.readPost(state, doc));
  }

  async ledger(): Promise<LedgerEntry[]> {
    return readLedger(this.dataDir);
  }

  /** The loaded index, reloaded at most once a second when the file on disk has changed. */
  private async load(): Promise<State> {
    if (this.state && Date.now() - this.checkedAt < 1000) return this.state;
    this.loading ??= this.refresh().finally(() => (this.loading = undefined));
    return this.loading;
  }

  private async refresh(): Promise<State> {
    this.checkedAt = Date.now();
    const mtime = await indexMtime(this.dataDir);
    if (this.state && mtime === this.state.mtime) return this.state;
    const { snapshot, posts } = await loadSnapshot(this.dataDir);
    return this.replaceState(stateOf(snapshot, posts, mtime, this.cacheEntries));
  }

  /** Switch to a new index; the old one's file is released once searches holding it have finished. */
  private replaceState(next: State): State {
    this.state?.posts.close();
    this.state = next;
    return next;
  }

  /** Every post of the index, in doc order (`PostStore.all`); a damaged record makes the index unavailable. */
  private readAllPosts(state: State): Post[] {
    try {
      return state.posts.all();
    } catch (error) {
      if (error instanceof DamagedPostError) throw damagedIndex(indexPath(this.dataDir));
      throw error;
    }
  }

  /** A post record that no longer reads (its file damaged while served) makes the index unavailable. */
  private readPost(state: State, doc: number): Post {
    try {
      return state.posts.get(doc);
    } catch (error) {
      if (error instanceof DamagedPostError) throw damagedIndex(indexPath(this.dataDir));
      throw error;
    }
  }

  async search(request: SearchRequest): Promise<SearchResult> {
    const state = await this.load();
    const started = performance.now();
    const key = state.results.capacity > 0 ? resultKey(request) : '';
    const cached = key ? state.results.get(key) : undefined;
    if (cached) return { ...cached, tookMs: elapsedMs(started) };
    const result = this.run(state, planSearch(request), started);
    if (key) state.results.set(key, result);
    return result;
  }

  /** Execute a plan on a loaded index. */
  private run(state: State, plan: SearchPlan, started: number): SearchResult {
    const { columns } = state.snapshot;
    const own = requiredWords(plan.parsed).map((w) => this.expand(state, w));
    const expansions = withJoins(state.snapshot.index, plan.parsed.terms, own);
    const compiled = compileFilters(columns, plan);
    const { candidates, scores } = this.match(state, plan, expansions);
    let { kept, facets } = state.filter.run(candidates, compiled);
    let relaxedWords: string[] = [];
    let order = orderOf(plan.sort, columns, scores);
    let primary = plan.sort === 'relevance' ? scores : columns[SORT_COLUMNS[plan.sort]];
    const relaxed = kept.length === 0 && !plan.strict ? this.relax(state, plan, expansions, own) : null;
    const partial = relaxed ? state.filter.run(relaxed.candidates, compiled) : null;
    if (relaxed && partial && partial.kept.length > 0) {
      ({ kept, facets } = partial);
      const { rank } = relaxed;
      // Fewer words lacking first, then the frequency rule (`partialRanks`), then the usual order.
      const within = orderOf(plan.sort, columns, relaxed.scores);
      order = (a, b) => rank(a) - rank(b) || within(a, b);
      primary = plan.sort === 'relevance' ? relaxed.keys(kept) : null;
      const lacked = new Set(relaxed.lacking(topK(kept, 1, order, primary)[0]!));
      relaxedWords = plan.parsed.terms.filter((t) => lacked.has(t));
    }
    const from = (plan.page - 1) * plan.perPage;
    const page = topK(kept, from + plan.perPage, order, primary).slice(from);
    const highlight = prepareHighlight(plan.parsed);
    const hits = page.map((doc) =>
      toSearchHit(this.readPost(state, doc), highlight, this.matchedTerms(state, doc, expansions)),
    );
    const dropped = [...plan.droppedWords, ...relaxedWords];
    return {
      total: kept.length,
      page: plan.page,
      perPage: plan.perPage,
      tookMs: elapsedMs(started),
      hits,
      facets,
      ...(dropped.length > 0 ? { droppedWords: dropped } : {}),
      ...(relaxedWords.length > 0 ? { relaxedWords } : {}),
    };
  }

  /**
   * When no post has every word: the docs that hold the mandatory part (or, without one, at least one word), each
   * with its rank (`partialRanks`: fewest words lacking first, then the frequency rule) and its score over the
   * words it holds. A joined word (`wifi` for `wi fi`) counts as held by both words, but a word's frequency is
   * that of its own expansions (`own`, before joins), as Meilisearch counts a word alone. Null when nothing can
   * be dropped.
   */
  private relax(
    state: State,
    plan: SearchPlan,
    expansions: Expansion[][],
    own: Expansion[][],
  ): Relaxed | null {
    const { terms } = plan.parsed;
    const droppable = droppableTerms(plan.parsed);
    if (droppable.length === 0 || droppable.length > MAX_PARTIAL_WORDS) return null;
    const words = droppable.map((w) => expansions[terms.indexOf(w)]!);
    const mandatory = hasMandatoryPart(plan.parsed);
    let candidates: Uint32Array;
    let frequencies: number[] | undefined;
    if (mandatory) {
      const dropped = new Set(droppable);
      const required = expansions.filter((_, i) => i >= terms.length || !dropped.has(terms[i]!));
      // Before the match: `frequency` reuses the matcher's scratch space, which holds the match's docs.
      frequencies = droppable.map((w) => state.matcher.frequency(own[terms.indexOf(w)]!));
      const { candidates: docs, scores } = this.match(state, plan, required);
      if (!scores) return null;
      candidates = state.partial.run(words, { docs, scores });
    } else {
      // With joins, each word's own count (the union's counts credit a joined word to both).
      const joined = expansions !== own;
      if (joined) frequencies = droppable.map((w) => state.matcher.frequency(own[terms.indexOf(w)]!));
      candidates = state.partial.run(words, null);
      frequencies ??= state.partial.frequencies(words.length);
      const keep = this.exclusionTest(state, plan);
      if (keep) candidates = candidates.filter(keep);
    }
    const groups = removalGroups(droppable, frequencies, mandatory, this.strategy);
    const ranks = partialRanks(droppable, groups);
    if (!ranks) return null;
    const { partial } = state;
    const rank = (doc: number) => ranks[partial.held(doc)]!;
    const lacking = (doc: number) => droppable.filter((_, w) => (partial.held(doc) & (1 << w)) === 0);
    const keys = (docs: ArrayLike<number>) => partial.rankKeys(docs, ranks);
    return { candidates, scores: partial.scores, rank, keys, lacking };
  }

  private expand(state: State, word: QueryWord): Expansion[] {
    return state.expansions.get(word, () => {
      const index = state.snapshot.index;
      const split = splitExpansion(index, word.word, (doc, l, r) =>
        standsNextToIn(this.readPost(state, doc), l, r),
      );
      return [...expandWord(index.terms, word), ...split];
    });
  }

  /** Whether a doc holds none of a query's exclusions (words and phrases); null when it has none. */
  private exclusionTest(state: State, plan: SearchPlan): ((doc: number) => boolean) | null {
    const index = state.snapshot.index;
    const excluded = plan.parsed.excludes.map((t) => termId(index.terms, t)).filter((t) => t >= 0);
    // An excluded phrase can hold only in a doc that has every one of its words (a word the index lacks: none).
    const excludedPhrases = plan.parsed.excludedPhrases
      .map((words) => ({ words, ids: words.map((w) => termId(index.terms, w)) }))
      .filter((p) => p.ids.every((id) => id >= 0));
    if (excluded.length === 0 && excludedPhrases.length === 0) return null;
    return (doc) =>
      !excluded.some((t) => postingOf(index, t, doc) >= 0) &&
      !excludedPhrases.some(
        (p) =>
          p.ids.every((id) => postingOf(index, id, doc) >= 0) &&
          hasPhrase(this.readPost(state, doc), p.words),
      );
  }

  /** The docs matching the text of a query (every doc for none) and their scores. */
  private match(
    state: State,
    plan: SearchPlan,
    expansions: Expansion[][],
  ): { candidates: ArrayLike<number>; scores: Float64Array | null } {
    const index = state.snapshot.index;
    const excluded = plan.parsed.excludes.map((t) => termId(index.terms, t)).filter((t) => t >= 0);
    const keep = this.exclusionTest(state, plan);
    if (expansions.length === 0) {
      if (!keep) return { candidates: state.allDocs, scores: null };
      return { candidates: Array.from(state.allDocs).filter(keep), scores: null };
    }
    const matched = state.matcher.match(expansions, excluded);
    const phrases = plan.parsed.phrases;
    if (phrases.length === 0 && plan.parsed.excludedPhrases.length === 0)
      return { candidates: matched, scores: state.matcher.scores };
    const kept = Array.from(matched).filter((doc) => {
      if (keep && !keep(doc)) return false;
      if (phrases.length === 0) return true;
      const post = this.readPost(state, doc);
      return phrases.every((phrase) => hasPhrase(post, phrase));
    });
    return { candidates: kept, scores: state.matcher.scores };
  }

  /** The index terms through which a doc matched the query, for highlighting (both halves of a split word). */
  private matchedTerms(state: State, doc: number, expansions: Expansion[][]): string[] {
    const index = state.snapshot.index;
    const terms: string[] = [];
    for (const word of expansions) {
      for (const e of word) {
        if (!expansionHolds(index, e, doc)) continue;
        terms.push(index.terms[e.term]!);
        if (e.pair) terms.push(index.terms[e.pair.right]!);
      }
    }
    return terms;
  }

  async getPost(idOrSlug: string): Promise<Post | null> {
    const state = await this.load();
    const doc = docOf(state, idOrSlug, this.dataDir);
    return doc === undefined ? null : this.readPost(state, doc);
  }

  async facetValues(facet: FacetName): Promise<Record<string, number>> {
    const state = await this.load();
    const column = state.snapshot.columns.facets[facet] as FacetColumn | undefined;
    return column ? countValues(column.values, column.ids) : {};
  }

  async forums(): Promise<ForumCount[]> {
    const { columns } = (await this.load()).snapshot;
    const { values, ids } = columns.facets.forum;
    const kinds = new Map(values.map((name, id) => [name, columns.forumKinds[id]!]));
    return forumCounts(countValues(values, ids), (name) => kinds.get(name) ?? []);
  }

  /** Every post's slug, in doc order, from the slug column: no post is read. */
  async slugs(): Promise<string[]> {
    return [...keyColumns(await this.load(), this.dataDir).slugs];
  }

  /**
   * Whether the index on disk is whole, without loading it: its manifest reads and the data file has the size
   * and the section checksums the manifest records, so a file cut short or damaged while served is noticed.
   */
  async ping(): Promise<void> {
    await checkSnapshotFiles(this.dataDir);
  }

  async count(): Promise<number> {
    return (await this.load()).snapshot.columns.count;
  }

  /**
   * The vocabulary of the saved index: its terms, each with the number of posts in its postings, written as the
   * API classes of its `api` column write them. Built once per loaded index.
   */
  async vocabulary(): Promise<Vocabulary> {
    const state = await this.load();
    if (!state.vocabulary) {
      const { index, columns } = state.snapshot;
      const terms = index.terms.map((term, t) => [term, index.start[t + 1]! - index.start[t]!] as const);
      state.vocabulary = vocabularyOf(terms, columns.facets.api.values);
    }
    return state.vocabulary;
  }
}
