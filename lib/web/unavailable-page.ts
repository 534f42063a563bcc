import { siteConfig } from './site-config';

/** The standalone HTML page served with a 503 while the search engine cannot be reached (no scripts, inline styles). */
export function unavailablePageHtml(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<meta name="color-scheme" content="light dark">
<title>Search unavailable · ${siteConfig.name}</title>
<style>
:root{color-scheme:light dark;--bg:#fff;--text:#1b1d21;--muted:#50555c;--link:#0a55c8;--border:#b42318;--box:#fdecec}
@media (prefers-color-scheme:dark){:root{--bg:#14161a;--text:#e8eaed;--muted:#a9aeb6;--link:#8cb8ff;--border:#ff8a80;--box:#3a1d1d}}
body{margin:0;background:var(--bg);color:var(--text);font:1rem/1.55 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif}
header,main{max-width:48rem;margin:0 auto;padding:1rem}
header a{font-weight:700;color:var(--text);text-decoration:none}
.notice{border:1px solid var(--border);background:var(--box);border-radius:6px;padding:1rem}
a{color:var(--link)}a:focus-visible{outline:3px solid var(--link);outline-offset:2px}
</style>
</head>
<body>
<header><a href="/">${siteConfig.name}</a></header>
<main>
<div class="notice" role="alert">
<h1>Search is temporarily unavailable</h1>
<p>The search index cannot be reached right now. Please try again in a minute.</p>
<p><a href="">Try again</a></p>
</div>
</main>
</body>
</html>
`;
}
