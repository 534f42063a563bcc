import { Fragment } from 'react';
import { identifierPieces } from '@/lib/text/identifier-breaks';

/** Text whose long identifiers wrap only at camelCase and punctuation boundaries (`<wbr>`), never mid-word. */
export function Breakable({ text }: { text: string }) {
  const pieces = identifierPieces(text);
  return (
    <>
      {pieces.map((piece, i) => (
        <Fragment key={i}>
          {i > 0 ? <wbr /> : null}
          {piece}
        </Fragment>
      ))}
    </>
  );
}
