/**
 * Where an OS version match may start (see `os-versions.ts`): every match begins with a platform or device name,
 * so the scanner tries its regular expression only where one of those names is written.
 */

/** True when `word` (lowercase ASCII letters) is written at `at`, in any case. */
function wordAt(text: string, at: number, word: string): boolean {
  for (let i = 0; i < word.length; i++)
    if ((text.charCodeAt(at + i) | 32) !== word.charCodeAt(i)) return false;
  return true;
}

/**
 * True when a platform or device name begins at `at` (`ipad`, `iphone`, `ipod`, `ios`, `mac`, `os`, `watch`,
 * `tv`, `vision`, `apple`), in any case: every OS version match starts with one of them.
 */
export function mayStartName(text: string, at: number): boolean {
  const second = text.charCodeAt(at + 1) | 32;
  switch (text.charCodeAt(at) | 32) {
    case 105 /* i */:
      return second === 112 /* p */
        ? wordAt(text, at + 2, 'ad') || wordAt(text, at + 2, 'od') || wordAt(text, at + 2, 'hone')
        : second === 111 && (text.charCodeAt(at + 2) | 32) === 115; // os
    case 109 /* m */:
      return second === 97 && (text.charCodeAt(at + 2) | 32) === 99; // ac
    case 119 /* w */:
      return second === 97 && wordAt(text, at + 2, 'tch');
    case 111 /* o */:
      return second === 115; // s
    case 116 /* t */:
      return second === 118; // v
    case 118 /* v */:
      return second === 105 && wordAt(text, at + 2, 'sion');
    case 97 /* a */:
      return second === 112 && wordAt(text, at + 2, 'ple');
    default:
      return false;
  }
}
