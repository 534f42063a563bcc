import { renderMarkdown } from '../markdown/render';
import type { ErrorEntry } from './error-catalog';

/**
 * The entry's explanation as safe HTML. Apart from the catalog, so what loads the catalog (the ingest's
 * enrichment) does not load the Markdown renderer and its syntax highlighter.
 */
export function renderEntryHtml(entry: ErrorEntry): string {
  return renderMarkdown(entry.bodyMarkdown);
}
