import { letterOrNumberLength } from '../../text/char-classes';
import { indexTokens, queryTokens } from '../tokenize';

/**
 * Whether `right` follows `left` somewhere in a lowercased text with nothing but characters that are neither
 * letters nor numbers between them (none for camelCase parts): what two tokens standing side by side need. Read
 * without tokenising, so the many docs of a split check that hold its halves apart cost a scan, not two.
 */
export function followsInText(lower: string, left: string, right: string): boolean {
  for (let i = lower.indexOf(left); i >= 0; i = lower.indexOf(left, i + 1)) {
    let j = i + left.length;
    while (j < lower.length && letterOrNumberLength(lower, j) === 0) j++;
    if (lower.startsWith(right, j)) return true;
  }
  return false;
}

/**
 * Whether two index terms stand side by side in a text, as whole words (`Wi-Fi`) or as parts of one identifier
 * (`createUDPSession…`): adjacent query tokens or index tokens, after the {@link followsInText} scan.
 */
export function standsNextTo(text: string, left: string, right: string): boolean {
  if (!followsInText(text.toLowerCase(), left, right)) return false;
  const pair = ` ${left} ${right} `;
  return (
    ` ${queryTokens(text).join(' ')} `.includes(pair) || ` ${indexTokens(text).join(' ')} `.includes(pair)
  );
}
