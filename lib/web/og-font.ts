import { readFileSync } from 'node:fs';
import path from 'node:path';
import { coveredText, fontCoverage } from './font-coverage';

/** The font cards are drawn in: Geist, the one `next/og` ships (no download, ever). */
export type CardFont = { name: string; data: ArrayBuffer; keep: (text: string) => string };

/** Geist from the installed `next`, with a filter that keeps only the characters it has glyphs for. */
function loadCardFont(): CardFont {
  // From the app's folder (the server's working directory): a bundler would turn `require.resolve` into an id.
  const file = path.join(process.cwd(), 'node_modules/next/dist/compiled/@vercel/og/Geist-Regular.ttf');
  const bytes = new Uint8Array(readFileSync(file));
  const covers = fontCoverage(bytes);
  const data = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  return { name: 'Geist', data, keep: (text) => coveredText(text, covers) };
}

/** Read once, when this module loads (only the link-preview routes import it). */
const CARD_FONT: CardFont = loadCardFont();

/** The card font: Geist and its glyph filter. */
export function cardFont(): CardFont {
  return CARD_FONT;
}
