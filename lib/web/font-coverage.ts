/** Which code points a TrueType/OpenType font maps to a glyph, read from its `cmap` (formats 4 and 12). */
export function fontCoverage(font: Uint8Array): (codePoint: number) => boolean {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const tables = view.getUint16(4);
  let cmap = -1;
  for (let i = 0; i < tables; i++) {
    const at = 12 + i * 16;
    if (String.fromCharCode(...font.subarray(at, at + 4)) === 'cmap') cmap = view.getUint32(at + 8);
  }
  if (cmap < 0) return () => false;
  const subtables = view.getUint16(cmap + 2);
  let format4 = -1;
  let format12 = -1;
  for (let i = 0; i < subtables; i++) {
    const at = cmap + 4 + i * 8;
    const platform = view.getUint16(at);
    const offset = cmap + view.getUint32(at + 4);
    const format = view.getUint16(offset);
    if (format === 12 && (platform === 0 || platform === 3)) format12 = offset;
    if (format === 4 && (platform === 0 || platform === 3)) format4 = offset;
  }
  if (format12 >= 0) {
    const groups = view.getUint32(format12 + 12);
    return (cp) => {
      for (let g = 0; g < groups; g++) {
        const at = format12 + 16 + g * 12;
        if (cp >= view.getUint32(at) && cp <= view.getUint32(at + 4)) return true;
      }
      return false;
    };
  }
  if (format4 < 0) return () => false;
  const segments = view.getUint16(format4 + 6) / 2;
  const ends = format4 + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  return (cp) => {
    if (cp > 0xffff) return false;
    for (let s = 0; s < segments; s++) {
      if (cp > view.getUint16(ends + s * 2)) continue;
      const start = view.getUint16(starts + s * 2);
      if (cp < start) return false;
      const delta = view.getUint16(deltas + s * 2);
      const rangeAt = rangeOffsets + s * 2;
      const rangeOffset = view.getUint16(rangeAt);
      if (rangeOffset === 0) return ((cp + delta) & 0xffff) !== 0;
      const glyph = view.getUint16(rangeAt + rangeOffset + (cp - start) * 2);
      return glyph !== 0;
    }
    return false;
  };
}

/** `text` with only the characters `covers` accepts (and spaces): the rest are left out, never drawn as boxes. */
export function coveredText(text: string, covers: (codePoint: number) => boolean): string {
  return [...text]
    .filter((ch) => ch === ' ' || covers(ch.codePointAt(0)!))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}
