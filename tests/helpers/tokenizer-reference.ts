import fc from 'fast-check';

/** The regular-expression tokenizer the char-code scanner replaced: the reference it must agree with. */
export const reference = {
  raw: (text: string) =>
    [...text.matchAll(/[\p{L}\p{N}_]+(?:[._][\p{L}\p{N}_]+)*/gu)].map((m) => ({
      token: m[0],
      start: m.index,
      end: m.index + m[0].length,
    })),
  parts(token: string): string[] {
    const parts = new Set<string>();
    for (const piece of token.split(/[._]+/)) {
      if (!piece) continue;
      parts.add(piece.toLowerCase());
      if (/^0x[0-9a-f]+$/i.test(piece)) {
        parts.add(piece.slice(2).toLowerCase());
        continue;
      }
      const camel = piece
        .split(/(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/u)
        .filter((p) => p.length > 1);
      if (camel.length > 1) for (const c of camel) parts.add(c.toLowerCase());
    }
    return [...parts];
  },
  index(text: string): string[] {
    return reference.raw(text).flatMap(({ token }) => {
      const whole = token.toLowerCase();
      return [whole, ...reference.parts(token).filter((p) => p !== whole)];
    });
  },
};

/** Texts built of the tokenizer's hard cases: case, digits, separators, accents, astral letters, lone surrogates. */
export const tricky = fc
  .array(
    fc.constantFrom(
      'a',
      'B',
      'x',
      'X',
      'f',
      '0',
      '9',
      '_',
      '.',
      '-',
      ' ',
      'é',
      'İ',
      'ß',
      '²',
      '\u0301',
      '\u{1D400}',
      '\u{1F600}',
      '\ud800',
      'Ab',
      'AB',
      '0x',
    ),
    { maxLength: 24 },
  )
  .map((parts) => parts.join(''));
