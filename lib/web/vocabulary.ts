import { rawTokens, tokenParts } from '@/lib/search/tokenize';
import type { SearchEngine } from '@/lib/search/types';
import type { Vocabulary } from './did-you-mean';

/** Count every word (whole tokens and their parts) of these texts; keep the first written form of each. */
export function buildVocabulary(texts: Iterable<string>): Vocabulary {
  const vocab = new Map<string, { form: string; count: number }>();
  const add = (form: string) => {
    const key = form.toLowerCase();
    if (key.length < 3 || /\d/.test(key)) return;
    const entry = vocab.get(key);
    if (entry) entry.count++;
    else vocab.set(key, { form, count: 1 });
  };
  for (const text of texts) {
    for (const { token } of rawTokens(text)) {
      add(token);
      for (const part of tokenParts(token)) if (part !== token.toLowerCase()) add(part);
    }
  }
  return vocab;
}

const MAX_PAGES = 50;
const TTL_MS = 10 * 60 * 1000;
let cached: { engine: SearchEngine; at: number; vocabulary: Promise<Vocabulary> } | undefined;

/** Collect the texts of up to 5,000 posts plus facet values from the engine. */
async function collectTexts(engine: SearchEngine): Promise<string[]> {
  const texts: string[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const result = await engine.search({ q: '', page, perPage: 100, sort: 'views' });
    for (const hit of result.hits) texts.push(hit.post.title, hit.post.body, hit.post.apiClasses.join(' '));
    if (page * 100 >= result.total) break;
  }
  const [apis, topics] = await Promise.all([engine.facetValues('api'), engine.facetValues('topic')]);
  texts.push(Object.keys(apis).join(' '), Object.keys(topics).join(' '));
  return texts;
}

/** The engine's vocabulary for did-you-mean, built once per engine and refreshed every ten minutes. */
export function engineVocabulary(engine: SearchEngine): Promise<Vocabulary> {
  const now = Date.now();
  if (!cached || cached.engine !== engine || now - cached.at > TTL_MS) {
    const vocabulary = collectTexts(engine).then(buildVocabulary);
    cached = { engine, at: now, vocabulary };
    vocabulary.catch(() => {
      if (cached?.vocabulary === vocabulary) cached = undefined;
    });
  }
  return cached.vocabulary;
}
