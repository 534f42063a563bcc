import { ASCII_WORD, wordCharLength } from '../../../text/char-classes';
import { forEachPart, isPlainToken } from '../../tokenize';

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a hash of a string's char codes, as a signed 32-bit integer (a small integer for V8: no allocation). */
function hashString(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

/** Whether `term` equals `text[from, to)` lowercased (ASCII text only). */
function equalsLowerAscii(term: string, text: string, from: number, to: number): boolean {
  if (term.length !== to - from) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (term.charCodeAt(i - from) !== (c >= 65 && c <= 90 ? c + 32 : c)) return false;
  }
  return true;
}

/**
 * The vocabulary of an index build: term → dense id, in first-seen order. Lookups of ASCII tokens hash the
 * text in place and compare char codes, so a term already seen costs no string allocation.
 */
export class TermTable {
  readonly terms: string[] = [];
  private hashes = new Int32Array(1024);
  private slots = new Int32Array(2048).fill(-1);

  /** The id of a (lowercase) term, added if new. */
  idOf(term: string): number {
    const h = hashString(term);
    const mask = this.slots.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot]!;
      if (id < 0) return this.add(term, h, slot);
      if (this.hashes[id] === h && this.terms[id] === term) return id;
    }
  }

  /** The id of `text[from, to)` lowercased, for ASCII text whose lowercase hash is `h`; added if new. */
  idOfAscii(text: string, from: number, to: number, h: number): number {
    const mask = this.slots.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot]!;
      if (id < 0) return this.add(text.slice(from, to).toLowerCase(), h, slot);
      if (this.hashes[id] === h && equalsLowerAscii(this.terms[id]!, text, from, to)) return id;
    }
  }

  private add(term: string, h: number, slot: number): number {
    const id = this.terms.length;
    this.terms.push(term);
    if (id === this.hashes.length) {
      const hashes = new Int32Array(id * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
    }
    this.hashes[id] = h;
    this.slots[slot] = id;
    if (this.terms.length * 2 > this.slots.length) this.rehash();
    return id;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = slots.length - 1;
    for (let id = 0; id < this.terms.length; id++) {
      let slot = this.hashes[id]! & mask;
      while (slots[slot]! >= 0) slot = (slot + 1) & mask;
      slots[slot] = id;
    }
    this.slots = slots;
  }
}

/**
 * Write the term id of every index token of a text into `out` (which must hold `2 * text.length + 1` ids)
 * and return how many there are: the same terms, in the same order, as `forEachIndexToken`. This is the
 * tokenizer's scanner fused with the term lookup, so a plain ASCII token already in the table costs no
 * string allocation and no callback.
 */
export function collectTermIds(text: string, table: TermTable, out: Int32Array): number {
  const length = text.length;
  let n = 0;
  let i = 0;
  while (i < length) {
    let c = text.charCodeAt(i);
    if (c < 128 ? ASCII_WORD[c] === 0 : wordCharLength(text, i) === 0) {
      i++;
      continue;
    }
    const from = i;
    let h = FNV_OFFSET;
    let ascii = true;
    let simple = c !== 48; // a leading 0 may start a hex literal
    for (;;) {
      while (i < length) {
        c = text.charCodeAt(i);
        if (c < 128) {
          if (ASCII_WORD[c] === 0) break;
          if (c >= 65 && c <= 90) {
            simple = false;
            c += 32;
          } else if (c === 95) simple = false;
          h = Math.imul(h ^ c, FNV_PRIME);
          i++;
        } else {
          const w = wordCharLength(text, i);
          if (w === 0) break;
          ascii = false;
          i += w;
        }
      }
      if (i < length && text.charCodeAt(i) === 46 && wordCharLength(text, i + 1) > 0) {
        simple = false;
        h = Math.imul(h ^ 46, FNV_PRIME);
        i++;
        continue;
      }
      break;
    }
    if (ascii && (simple || isPlainToken(text, from, i))) out[n++] = table.idOfAscii(text, from, i, h);
    else n = collectSlow(text, from, i, table, out, n);
  }
  return n;
}

/** The general path of `collectTermIds`: whole token, then its distinct parts other than itself. */
function collectSlow(
  text: string,
  from: number,
  to: number,
  table: TermTable,
  out: Int32Array,
  n: number,
): number {
  const whole = text.slice(from, to).toLowerCase();
  out[n++] = table.idOf(whole);
  if (isPlainToken(text, from, to)) return n;
  const parts: string[] = [];
  forEachPart(text, from, to, (part) => {
    if (!parts.includes(part)) parts.push(part);
  });
  for (const part of parts) if (part !== whole) out[n++] = table.idOf(part);
  return n;
}
