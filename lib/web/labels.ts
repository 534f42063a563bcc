import { loadErrorCatalog, type ErrorCatalog } from '@/lib/catalog/error-catalog';
import { loadTopics, type Topic } from '@/lib/catalog/topics';

/** The topic taxonomy, or an empty list when it cannot be read (pages still work without names). */
export function safeTopics(): Topic[] {
  try {
    return loadTopics();
  } catch (error) {
    console.error('topics unavailable:', error instanceof Error ? error.message : error);
    return [];
  }
}

/** The error catalog, or an empty one when it cannot be read. */
export function safeErrorCatalog(): ErrorCatalog {
  try {
    return loadErrorCatalog();
  } catch (error) {
    console.error('error catalog unavailable:', error instanceof Error ? error.message : error);
    return { entries: [], byCode: new Map(), bySymbol: new Map() };
  }
}

/** Display labels for facet values: topic slug → name, error code → symbol. */
export function facetLabels(): { topic: Record<string, string>; code: Record<string, string> } {
  const topic = Object.fromEntries(safeTopics().map((t) => [t.slug, t.name]));
  const code = Object.fromEntries(
    safeErrorCatalog()
      .entries.filter((e) => e.symbol)
      .map((e) => [e.code, e.symbol!]),
  );
  return { topic, code };
}
