import { isIdent, type CSource } from './c-source';

/** Type names a declaration may start with and prose never uses as a noun before a name and a `;`. */
const KNOWN_TYPES = new Set([
  'void', 'int', 'char', 'short', 'long', 'float', 'double', 'bool', '_Bool', 'BOOL', 'Boolean', 'id',
  'instancetype', 'Class', 'SEL', 'IMP', 'IBAction', 'NSInteger', 'NSUInteger', 'CGFloat', 'NSTimeInterval',
  'OSStatus', 'OSErr', 'OSType', 'CFIndex', 'FILE', 'UInt8', 'UInt16', 'UInt32', 'UInt64', 'SInt8', 'SInt16',
  'SInt32', 'SInt64', 'Byte',
]); // prettier-ignore
/** Words before a type that belong to it. */
const QUALIFIERS = new Set([
  'const', 'static', 'extern', 'inline', 'volatile', 'register', 'unsigned', 'signed', 'long', 'short',
  '__block', '__weak', '__strong', '__unsafe_unretained', '__autoreleasing', 'nullable', 'nonnull',
  '_Nullable', '_Nonnull', '__kindof', 'oneway',
]); // prettier-ignore
/** Qualifiers that are a type on their own (`unsigned x`). */
const SIZE_WORDS = new Set(['unsigned', 'signed', 'long', 'short']);
/** Apple framework prefixes: `NEVPNStatus`, `CGRect`, `SecTrustRef`, `NWEndpoint` are types without a `*`. */
const FRAMEWORK_TYPE =
  /^(?=\w*[a-z])(?:NS|CF|CG|UI|NE|NW|SC|Sec|OS|CL|AV|CN|CB|EA|IO|MK|WK|xpc_|dispatch_)[A-Z_a-z]\w*$/;
/** `sockaddr_in_t`, `uint8_t`, `dispatch_queue_t`. */
const TYPEDEF_NAME = /^[a-z]\w*_t$/;
const TAGS = new Set(['struct', 'enum', 'union']);

/** Where a type starting at token `i` ends (after its generics and `*`s), or -1 when no type starts there. */
export function typeEnd(src: CSource, i: number): number {
  const { sym } = src;
  let k = i;
  let sized = false;
  while (QUALIFIERS.has(sym[k] ?? '')) sized = SIZE_WORDS.has(sym[k++]!) || sized;
  const base = sym[k] ?? '';
  if (TAGS.has(base) && isIdent(src, k + 1)) k += 2;
  else if (KNOWN_TYPES.has(base) || TYPEDEF_NAME.test(base) || FRAMEWORK_TYPE.test(base)) k++;
  else if (/^[A-Z]\w*$/.test(base) && (sym[k + 1] === '*' || sym[k + 1] === '<')) k++;
  else if (!sized) return -1;
  if (sym[k] === '<') {
    // Generics: `NSArray<NSString *> *` (the tokenizer reads `*>` as one operator).
    let j = k + 1;
    while (j - k <= 12 && (isIdent(src, j) || sym[j] === '*' || sym[j] === ',')) j++;
    if (sym[j] !== '>' && sym[j] !== '*>') return -1;
    k = j + 1;
  }
  while (
    sym[k] === '*' ||
    sym[k] === '**' ||
    sym[k] === 'const' ||
    sym[k] === '_Nullable' ||
    sym[k] === '_Nonnull'
  )
    k++;
  return k;
}
