/**
 * Where a long identifier may wrap: before a capital that starts a word (`NETransparent|Proxy|Provider`,
 * `err|SSL|Peer`), and after `.`, `_`, `/`, `:` and `-` (`sec_|protocol_|options`). Never inside a word.
 * Returns the pieces; joined, they are the text again.
 */
export function identifierPieces(text: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  for (let i = 1; i < text.length; i++) {
    const prev = text[i - 1]!;
    const ch = text[i]!;
    const next = text[i + 1] ?? '';
    const upper = (c: string) => c >= 'A' && c <= 'Z';
    const lowerOrDigit = (c: string) => (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    const camel = upper(ch) && (lowerOrDigit(prev) || (upper(prev) && next >= 'a' && next <= 'z'));
    const afterPunct = '._/:-'.includes(prev) && ch !== ' ' && !'._/:-'.includes(ch);
    if ((camel || afterPunct) && i - start >= 2) {
      pieces.push(text.slice(start, i));
      start = i;
    }
  }
  pieces.push(text.slice(start));
  return pieces;
}
