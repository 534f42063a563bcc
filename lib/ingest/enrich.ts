import type { ErrorCatalog } from '../catalog/error-catalog';
import type { Topic } from '../catalog/topics';
import { ApiClassExtractor } from '../enrich/api-classes';
import { ErrorCodeExtractor } from '../enrich/error-codes';
import { extractOsVersions, OS_VERSION_WATCH } from '../enrich/os-versions';
import { TokenScanner } from '../enrich/token-scanner';
import { TopicClassifier } from '../enrich/topics';
import { Post } from '../posts/schema';
import type { IdentifiedPost } from './identify';
import { postIfValid } from './post-checks';

/**
 * What enrichment reads besides the post: the error catalog and the topic taxonomy (both content). Plain data,
 * so it crosses to worker threads; each thread builds its own {@link Enricher} from it.
 */
export type EnrichContext = { catalog: ErrorCatalog; topics: Topic[] };

/** What enriches an identified post: an {@link Enricher}, or one built on first use ({@link lazyEnricher}). */
export type PostEnricher = { enrich(post: IdentifiedPost): Post };

/**
 * The enrichment stage of one thread of work: the extractors, built once from the context, and the one token
 * scanner they share, built from what each of them declares it reads. It keeps no state between posts that
 * changes what it finds; its scratch buffers and memos are its own.
 */
export class Enricher {
  private readonly apiClasses: ApiClassExtractor;
  private readonly codes: ErrorCodeExtractor;
  private readonly topics: TopicClassifier;
  private readonly scanner: TokenScanner;

  constructor(readonly context: EnrichContext) {
    this.apiClasses = new ApiClassExtractor();
    this.codes = new ErrorCodeExtractor(context.catalog);
    this.topics = new TopicClassifier(context.topics);
    this.scanner = new TokenScanner([
      this.apiClasses.watch,
      OS_VERSION_WATCH,
      this.codes.watch,
      this.topics.watch,
    ]);
  }

  /** Add topics, API classes, OS versions, error codes and feedback ids to an identified post. */
  enrich(post: IdentifiedPost): Post {
    // One tokenisation pass over the text, shared by the four extractors.
    const runs = this.scanner.scan(`${post.title}\n${post.body}`);
    const apiClasses = this.apiClasses.extract(runs);
    const os = extractOsVersions(runs);
    const codes = this.codes.extract(runs);
    const topics = this.topics.classify({ title: post.title, body: post.body, apiClasses }, runs);
    const enrichment = {
      topics,
      apiClasses,
      os,
      osVersions: os.map((o) => o.label),
      errorCodes: codes.errorCodes,
      errorCodeVariants: codes.errorCodeVariants,
      feedbackIds: codes.feedbackIds,
    };
    // The fast check builds the post property by property (V8 builds that far faster than a spread).
    return postIfValid(post, enrichment) ?? Post.parse({ ...post, ...enrichment });
  }
}

/**
 * An Enricher built from the context on its first use: the thread that merges a parallel ingest's posts needs one
 * only for a repeat whose first reading it never saw, so it does not build the extractors' tables (and keep them
 * through the run) for nothing.
 */
export function lazyEnricher(context: EnrichContext): PostEnricher {
  let built: Enricher | undefined;
  return { enrich: (post) => (built ??= new Enricher(context)).enrich(post) };
}
