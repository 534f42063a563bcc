import { decodeHTMLStrict } from 'entities';
import { createEngine } from '../search/create-engine';
import { didYouMean } from '../search/did-you-mean-search';
import { toHitSummary } from '../search/hit';
import { activityFilters } from '../search/plan';
import type { SearchRequest, SearchResult } from '../search/types';
import { parseSearchArgs } from './args';
import { errorMessage, type CommandIO } from './io';

export const SEARCH_USAGE = `Usage: npm run search -- QUERY [--topic T] [--api A] [--os O] [--code C] [--forum NAME] [--after YYYY-MM] [--before YYYY-MM] [--sort relevance|activity|views|replies|boosts] [--limit N] [--page N] [--data-dir DIR] [--engine embedded|meilisearch] [--strict] [--json]`;

/** Turn highlighted, escaped HTML into terminal text: matches bold on a terminal, in [brackets] elsewhere. */
export function terminalText(html: string, color: boolean): string {
  const marked = color
    ? html.replace(/<mark>/g, '\x1b[1;33m').replace(/<\/mark>/g, '\x1b[0m')
    : html.replace(/<mark>/g, '[').replace(/<\/mark>/g, ']');
  return decodeHTMLStrict(marked);
}

/** The line that says a search fell back to partial matches, and how to ask for every word. */
export function relaxedNotice(words: readonly string[]): string {
  return `No thread has every word. Showing threads without: ${words.join(', ')} (--strict: every word)`;
}

/** The line that offers the corrected query. */
export const suggestionLine = (suggestion: string) => `Did you mean: ${suggestion}`;

/** Format results for a terminal: rank, title, counts, enrichment, snippet; the corrected query, if any, first. */
export function formatResults(result: SearchResult, color: boolean, suggestion?: string): string {
  const offer = suggestion ? [suggestionLine(suggestion)] : [];
  if (result.total === 0) return [...offer, 'No posts matched.'].join('\n');
  const noun = result.total === 1 ? 'post' : 'posts';
  const lines = [...offer, `${result.total} ${noun} matched (${result.tookMs} ms)`, ''];
  if (result.relaxedWords) lines.splice(lines.length - 1, 0, relaxedNotice(result.relaxedWords));
  result.hits.forEach((hit, i) => {
    const p = hit.post;
    const rank = (result.page - 1) * result.perPage + i + 1;
    lines.push(`${rank}. ${terminalText(hit.titleHtml, color)}`);
    lines.push(
      `   ${p.replies} replies · ${p.boosts} boosts · ${p.views} views · ${p.activity ?? 'unknown date'} · /posts/${p.slug}`,
    );
    const tags = [
      p.topics.length ? `topics: ${p.topics.join(', ')}` : '',
      p.apiClasses.length ? `api: ${p.apiClasses.slice(0, 6).join(', ')}` : '',
      p.osVersions.length ? `os: ${p.osVersions.join(', ')}` : '',
      p.errorCodes.length ? `codes: ${p.errorCodes.join(', ')}` : '',
      p.forums.length ? `forums: ${p.forums.map((f) => `${f.name} (${f.kind})`).join(', ')}` : '',
    ].filter(Boolean);
    if (tags.length) lines.push(`   ${tags.join(' | ')}`);
    lines.push(`   ${terminalText(hit.snippet, color)}`, '');
  });
  return lines.join('\n').trimEnd();
}

/** `npm run search`: prints results; returns the exit code (0 found or not, 2 usage or engine error). */
export async function runSearch(argv: string[], io: CommandIO): Promise<number> {
  try {
    const args = parseSearchArgs(argv);
    if (args.help) {
      io.out(SEARCH_USAGE);
      return 0;
    }
    const engine = createEngine({
      role: 'search',
      ...(args.engine ? { kind: args.engine } : {}),
      ...(args['data-dir'] ? { dataDir: args['data-dir'] } : {}),
    });
    const request: SearchRequest = {
      q: args.query,
      filters: {
        topic: args.topic,
        api: args.api,
        os: args.os,
        code: args.code,
        forum: args.forum,
        ...activityFilters(args.after, args.before),
      },
      sort: args.sort,
      page: args.page,
      perPage: args.limit,
      strict: args.strict,
    };
    const result = await engine.search(request);
    const suggestion = await didYouMean(engine, request, result);
    if (args.json) {
      io.out(
        JSON.stringify(
          {
            total: result.total,
            hits: result.hits.map(toHitSummary),
            facets: result.facets,
            ...(result.droppedWords ? { droppedWords: result.droppedWords } : {}),
            ...(result.relaxedWords ? { relaxedWords: result.relaxedWords } : {}),
            ...(suggestion ? { suggestion } : {}),
          },
          null,
          2,
        ),
      );
    } else {
      io.out(formatResults(result, io.interactive && !process.env.NO_COLOR, suggestion));
    }
    return 0;
  } catch (error) {
    io.err(errorMessage(error));
    return 2;
  }
}
