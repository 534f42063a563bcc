/** What a link-preview card shows; `subtitle` is a line under the title (an error code's meaning). */
export type ShareCardData = {
  kicker: string;
  title: string;
  subtitle?: string;
  facts: string[];
  tags: string[];
};

/** The card's width less its padding: what a line of text has. */
const TEXT_WIDTH = 1200 - 2 * 64;
/** Geist's average advance, in ems, over long identifiers (0.49 measured on `NEHotspotConfigurationErrorApplicationIsNotInForeground`), with room. */
const EM_PER_CHARACTER = 0.52;

/**
 * The title's font size: 64 px, 52 px past 70 characters, and smaller still (down to 32 px) until its longest
 * word (an API class or error symbol, which cannot wrap) fits on one line.
 */
export function titleFontSize(title: string): number {
  const longest = Math.max(0, ...title.split(/\s+/).map((word) => word.length));
  const fits = Math.floor(TEXT_WIDTH / (longest * EM_PER_CHARACTER));
  return Math.max(32, Math.min(title.length > 70 ? 52 : 64, fits));
}

/**
 * A 1200×630 link-preview card for `next/og` (satori): the site's name, a kicker (forum or domain), the title (with
 * a subtitle under it when there is one), a line of facts and a row of tags. Satori reads inline styles only;
 * this is drawn into a PNG, never sent as HTML. A word still too long for a line breaks rather than overflows.
 */
export function ShareCard({ site, kicker, title, subtitle, facts, tags }: ShareCardData & { site: string }) {
  return (
    <div
      style={{
        width: '100%',
        height: '100%',
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'space-between',
        padding: '56px 64px',
        background: '#14161a',
        color: '#e8eaed',
        fontFamily: 'Geist',
      }}
    >
      <div style={{ display: 'flex', fontSize: 28, color: '#8cb8ff' }}>
        {site} · {kicker}
      </div>
      <div style={{ display: 'flex', flexDirection: 'column', gap: 24 }}>
        <div
          style={{
            display: 'flex',
            fontSize: titleFontSize(title),
            lineHeight: 1.15,
            wordBreak: 'break-word',
          }}
        >
          {title}
        </div>
        {subtitle ? (
          <div style={{ display: 'flex', fontSize: 34, lineHeight: 1.3, color: '#c4c8ce' }}>{subtitle}</div>
        ) : null}
      </div>
      <div style={{ display: 'flex', flexDirection: 'column', gap: 20 }}>
        <div style={{ display: 'flex', fontSize: 28, color: '#a9aeb6' }}>{facts.join('  ·  ')}</div>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12 }}>
          {tags.map((tag) => (
            <div
              key={tag}
              style={{
                display: 'flex',
                fontSize: 24,
                padding: '6px 16px',
                borderRadius: 999,
                background: '#2a2e35',
              }}
            >
              {tag}
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
