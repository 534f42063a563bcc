/** A piece of a recovered body: prose as it was, or a code block as lines. */
export type Segment = { kind: 'text'; text: string } | { kind: 'code'; lang: CodeLanguage; lines: string[] };

/** The languages recovery writes on a block (the highlighter's names; `log` is shown plain). */
export type CodeLanguage = 'swift' | 'objectivec' | 'c' | 'json' | 'xml' | 'log' | 'plaintext';

/** A span of the body recovery dropped: a fence marker (```` ```log ````) or a stray backtick. */
export type Removal = { at: number; text: string };

/** A run of the body recognised as code: where it starts and ends, and how it reads as lines. */
export type CodeRun = {
  start: number;
  end: number;
  lang: CodeLanguage;
  /** The lines, each a trimmed slice of the body, indented. */
  lines: string[];
  /** Spans inside [start, end) that are not part of any line. */
  removed: Removal[];
};

/**
 * The runs of one kind in text[from, to), read once: each call gives the first run that starts at `at` or after
 * it (`at` never decreasing from one call to the next), so finding every run reads the text once, not once a run.
 * Once a call finds none, later calls find none either, at once.
 */
export type RunSearch = (at: number) => CodeRun | null;
