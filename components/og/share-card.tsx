import { siteConfig } from '@/lib/web/site-config';

/** What a link-preview card shows. */
export type ShareCardData = { kicker: string; title: string; facts: string[]; tags: string[] };

/**
 * A 1200×630 link-preview card for `next/og` (satori): the site, a kicker (forum or domain), the title, a
 * line of facts and a row of tags. Satori reads inline styles only; this is drawn into a PNG, never sent as HTML.
 */
export function ShareCard({ kicker, title, facts, tags }: ShareCardData) {
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
        {siteConfig.name} · {kicker}
      </div>
      <div style={{ display: 'flex', fontSize: title.length > 70 ? 52 : 64, lineHeight: 1.15 }}>{title}</div>
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
