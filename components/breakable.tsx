import { Fragment } from 'react';
import { identifierPieces } from '@/lib/text/identifier-breaks';

/** Words this long or longer get break opportunities in prose; shorter ones always fit (as in rendered bodies). */
const LONG_WORD = 16;

/**
 * Text whose long identifiers wrap only at camelCase and punctuation boundaries (`<wbr>`), never mid-word. An
 * identifier (`text` is one) gets every boundary; `prose` (a title) only its words of 16 characters or more, so
 * `iPhone` or `Non-functioning` never wrap inside.
 */
export function Breakable({ text, prose = false }: { text: string; prose?: boolean }) {
  const pieces = prose
    ? text.split(/(\s+)/).flatMap((word) => (word.length >= LONG_WORD ? identifierPieces(word) : [word]))
    : identifierPieces(text);
  return (
    <>
      {pieces.map((piece, i) => (
        <Fragment key={i}>
          {i > 0 && !/^\s/.test(piece) && !/\s$/.test(pieces[i - 1]!) ? <wbr /> : null}
          {piece}
        </Fragment>
      ))}
    </>
  );
}
