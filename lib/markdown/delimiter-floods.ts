/**
 * Most emphasis (`*`, `_`) or link-bracket (`[`, `]`) characters a stretch of prose may hold and still be
 * parsed as Markdown. The parser pairs these delimiters in time that grows with the square of their number
 * (20,000 characters of `/*` take seconds), so a post crafted that way would stall its thread page. Real posts
 * hold a few dozen at most (identifiers such as `sec_protocol_options_set_local_identity` count their `_`).
 */
export const MAX_DELIMITERS = 400;

const EMPHASIS = /[*_]/g;
const BRACKETS = /[[\]]/g;

/**
 * Prose with a flood of delimiters made literal: past {@link MAX_DELIMITERS} emphasis characters every `*` and
 * `_` is backslash-escaped (shown as written, never as emphasis), and likewise `[` and `]` past as many
 * brackets. Below the limit the prose is returned unchanged.
 */
export function escapeDelimiterFloods(prose: string): string {
  let out = prose;
  if ((prose.match(EMPHASIS)?.length ?? 0) > MAX_DELIMITERS) out = out.replace(EMPHASIS, '\\$&');
  if ((prose.match(BRACKETS)?.length ?? 0) > MAX_DELIMITERS) out = out.replace(BRACKETS, '\\$&');
  return out;
}
