import { ACTIONS, CLOSINGS, CODE_TEMPLATES, OPENINGS, PROBLEMS, PROCESS_NAMES } from './words';
import { osMention } from './os-mentions';
import { chance, intBetween, logNormalInt, pick, type Rng } from './prng';
import type { CodeVocab, TopicVocab, WordPools } from './word-pools';

/** A generated post before layout: decoded text, numeric counts and the activity as the forum writes it. */
export type SyntheticPost = {
  title: string;
  body: string;
  replies: number;
  boosts: number;
  views: number;
  /** `May ’25`, or relative: `5h`, `3d`, `2w`. */
  activity: string;
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const YEARS = [2025, 2024, 2023, 2022, 2021, 2020, 2019];

/** What one post is about: the facets its text will carry. */
type Subject = { topic: TopicVocab; api: string | undefined; code: CodeVocab | undefined; os: string[] };

/** An API symbol written as posts write it: mostly canonical, sometimes without prefix or as a phrase. */
function writeApi(rng: Rng, vocab: WordPools, symbol: string): string {
  const spellings = vocab.apiSpellings.get(symbol);
  return spellings && chance(rng, 0.3) ? pick(rng, spellings) : symbol;
}

function pickSubject(rng: Rng, vocab: WordPools): Subject {
  const topic = vocab.topics.sample(rng);
  const roll = rng();
  const api =
    roll < 0.5 && topic.apis.length > 0
      ? pick(rng, topic.apis)
      : roll < 0.85
        ? vocab.apis.sample(rng)
        : undefined;
  const code = chance(rng, 0.35) ? vocab.codes.sample(rng) : undefined;
  const os = chance(rng, 0.55) ? Array.from({ length: intBetween(rng, 1, 3) }, () => osMention(rng)) : [];
  return { topic, api, code, os };
}

function title(rng: Rng, vocab: WordPools, s: Subject): string {
  const api = s.api ? writeApi(rng, vocab, s.api) : undefined;
  const keyword = pick(rng, s.topic.keywords.length > 0 ? s.topic.keywords : ['network extension']);
  const choice = intBetween(rng, 0, 4);
  if (choice === 0 && api) return `${api} ${pick(rng, PROBLEMS)}`;
  if (choice === 1 && s.code) return `Error ${pick(rng, s.code.forms)} when ${pick(rng, ACTIONS)}`;
  if (choice === 2 && s.os[0]) return `${capitalise(keyword)} ${pick(rng, PROBLEMS)} on ${s.os[0]}`;
  if (choice === 3 && api) return `How to use ${api} for ${keyword}?`;
  return `${capitalise(keyword)} ${pick(rng, PROBLEMS)} while ${pick(rng, ACTIONS)}`;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A sentence of filler words, with a topic keyword or an API name now and then. */
function sentence(rng: Rng, vocab: WordPools, s: Subject): string {
  const length = intBetween(rng, 6, 22);
  const words: string[] = [];
  for (let i = 0; i < length; i++) {
    const r = rng();
    if (r < 0.03) words.push(pick(rng, s.topic.keywords.length > 0 ? s.topic.keywords : ['tunnel']));
    else if (r < 0.04) words.push(pick(rng, vocab.topics.sample(rng).keywords.concat('network')));
    else if (r < 0.048)
      words.push(writeApi(rng, vocab, s.api && chance(rng, 0.7) ? s.api : vocab.apis.sample(rng)));
    else words.push(vocab.words.sample(rng));
  }
  return `${capitalise(words.join(' '))}${chance(rng, 0.15) ? '?' : '.'}`;
}

function logLine(rng: Rng, s: Subject): string {
  const time = `2025-0${intBetween(rng, 1, 6)}-1${intBetween(rng, 0, 9)} 1${intBetween(rng, 0, 9)}:2${intBetween(rng, 0, 9)}:33.${intBetween(rng, 100, 999)}`;
  const code = s.code ? ` error ${s.code.code.startsWith('-') ? s.code.code : s.code.forms[0]}` : '';
  return `\`\`\`log ${time} ${pick(rng, PROCESS_NAMES)}[${intBetween(rng, 100, 999)}:${intBetween(rng, 1000, 9999)}] connection <private> failed${code} \`\`\``;
}

/** The body: a lead sentence, filler sentences carrying the subject, sometimes code, a log, a feedback id. */
function body(rng: Rng, vocab: WordPools, s: Subject): string {
  const target = logNormalInt(rng, 220, 0.7, 12, 2500);
  const api = s.api ? writeApi(rng, vocab, s.api) : 'the network extension';
  const parts = [`${pick(rng, OPENINGS)} ${pick(rng, ACTIONS)} with ${api} ${pick(rng, PROBLEMS)}.`];
  let words = 10;
  const extras: string[] = [];
  if (s.code) extras.push(`The error is ${pick(rng, s.code.forms)} and it happens every time.`);
  if (s.os.length > 0) extras.push(`Test environment: ${s.os.join(' ')}.`);
  if (chance(rng, 0.2))
    extras.push(pick(rng, CODE_TEMPLATES).replaceAll('{API}', s.api ?? vocab.apis.sample(rng)));
  if (chance(rng, 0.12)) extras.push(logLine(rng, s));
  if (chance(rng, 0.05)) extras.push(`I filed FB${intBetween(rng, 10_000_000, 19_999_999)} about it.`);
  while (words < target) {
    const next = sentence(rng, vocab, s);
    words += next.split(' ').length;
    parts.push(next);
    if (extras.length > 0 && chance(rng, 0.3)) parts.push(extras.shift()!);
  }
  parts.push(...extras, pick(rng, CLOSINGS));
  return parts.join(' ');
}

function activity(rng: Rng): string {
  if (chance(rng, 0.12)) {
    const unit = pick(rng, ['h', 'd', 'w']);
    return `${intBetween(rng, 1, unit === 'h' ? 23 : unit === 'd' ? 6 : 4)}${unit}`;
  }
  const year = YEARS[Math.min(YEARS.length - 1, Math.floor(-Math.log(1 - rng()) * 1.5))]!;
  const month = intBetween(rng, 0, year === 2025 ? 5 : 11);
  return `${MONTHS[month]} ’${String(year).slice(2)}`;
}

/** Generate one post: subject, title, body (about 300 words on average, skewed), counts and activity. */
export function generatePost(rng: Rng, vocab: WordPools): SyntheticPost {
  const subject = pickSubject(rng, vocab);
  return {
    title: title(rng, vocab, subject),
    body: body(rng, vocab, subject),
    replies: logNormalInt(rng, 2, 1, 0, 900),
    boosts: chance(rng, 0.7) ? 0 : logNormalInt(rng, 1, 0.8, 1, 200),
    views: logNormalInt(rng, 250, 1.1, 5, 3_000_000),
    activity: activity(rng),
  };
}
