/**
 * The header's search form: a plain GET to `/` that works without JavaScript. Hidden by the stylesheet on the
 * search page, whose own box does the same job.
 */
export function SiteSearch() {
  return (
    <form className="site-search" role="search" aria-label="Site" action="/" method="get">
      <label htmlFor="site-q" className="visually-hidden">
        Search threads
      </label>
      <input
        id="site-q"
        name="q"
        type="search"
        placeholder="Search threads…"
        autoComplete="off"
        spellCheck={false}
        enterKeyHint="search"
      />
      <button type="submit">Search</button>
    </form>
  );
}
