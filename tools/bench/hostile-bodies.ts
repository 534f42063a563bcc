/**
 * Post bodies crafted against code recovery, `chars` characters long (about): each once made a finder read
 * the rest of the body again per candidate or per run (`struct a { ` repeated took 2–4 s at 20,000 characters).
 * Recovery runs when a thread page renders, and bodies come from user captures, so these are what a hostile
 * capture would hold. Used by the recover bench and by tests/markdown/recover/recover-work.test.ts.
 */
export function hostileBodies(chars: number): [name: string, body: string][] {
  const repeated = (unit: string) => unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars);
  const nested = (open: string, close: string) =>
    open.repeat(Math.floor(chars / 2 / open.length)) + close.repeat(Math.floor(chars / 2 / close.length));
  return [
    ['repeated `struct a { `', repeated('struct a { ')],
    ['repeated `func a() { `', repeated('func a() { ')],
    ['`{{{{`', repeated('{')],
    ['`[[[[`', repeated('[')],
    ['`((((`', repeated('(')],
    ['a run of `;`', repeated(';')],
    ['unclosed strings', repeated('"')],
    ['one unclosed string', `"${repeated('a ')}`],
    ['unclosed comments', repeated('/*')],
    ['a `/*` that never closes before declarations', `/* ${repeated('struct a { ')}`],
    ['declarations inside strings', repeated('"struct a { "')],
    ['`//` comments with no end in sight', repeated(`//${'x'.repeat(198)}`)],
    ['`key = value` repeated', repeated('key = value ')],
    ['modifiers and no declaration', repeated('public ')],
    ['nested JSON never closed', repeated('{"a":')],
    ['nested JSON arrays never closed', repeated('{"a": [')],
    ['nested objects that do not parse', nested('{"a" ', '}')],
    [
      'nested objects with an error inside the deepest',
      `${'{"a":'.repeat(Math.floor(chars / 10))}1,}${'}'.repeat(Math.floor(chars / 10))}`,
    ],
    ['a huge one-line log', `2024-01-01 12:00:00.123 ${repeated('word ')}`],
    ['timestamps without end', repeated('12:00:00.123 x ')],
    ['logs far apart with no prose', repeated(`12:00:00.1 a 12:00:00.2 b ${'x '.repeat(400)}`)],
    ['many C runs between sentences', repeated('a = 1; b = 2; Then we go. ')],
    ['many Swift runs between sentences', repeated('struct a { let x = 1 } Then. ')],
    ['many JSON objects', repeated('{"a":1,"b":2} text ')],
    ['many fences', repeated('```x``` then ')],
    ['many fenced logs', repeated('```log 12:00:00.1 a 12:00:00.2 b ``` then ')],
    ['nested if conditions', `${'if ('.repeat(Math.floor(chars / 8))}${')'.repeat(Math.floor(chars / 8))};`],
    ['a chain of typedef struct heads', repeated('typedef struct a { int x; ')],
    ['deep balanced braces', `struct a ${nested('{ ', '} ')}`],
    ['dicts with a key never closed', repeated('<dict> <key>a</key> ')],
    ['escaped dicts never closed', repeated('&lt;dict&gt; &lt;key&gt;a&lt;/key&gt; ')],
    ['XML declarations with no root', repeated('<?xml version="1.0"?> <!-- c --> ')],
    ['nested dicts each mixing text with elements', nested('<dict> <key>a</key> ', 'x </dict> ')],
    ['plists closed by the wrong name', repeated('<plist> <dict> <key>a</key> </plist> ')],
    ['comments that never close', repeated('<!-- ')],
    ['attributes that never close', repeated('<plist version="')],
    ['many xml fences', repeated('```xml <dict> <key>a</key> </dict> ``` then ')],
  ];
}
