import type { SearchState } from '@/lib/web/search-params';
import { stateToParams } from '@/lib/web/search-url';

/** Hidden inputs carrying a state through a GET form, except the named parameters and the page. */
export function HiddenStateFields({ state, omit }: { state: SearchState; omit: readonly string[] }) {
  const pairs = [...stateToParams(state)].filter(([name]) => name !== 'page' && !omit.includes(name));
  return (
    <>
      {pairs.map(([name, value], i) => (
        <input key={`${name}-${i}`} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

/** The name/value pairs of a state that a search box carries when the query changes (no `q`, no page). */
export function carriedParams(state: SearchState): Array<[string, string]> {
  return [...stateToParams(state)].filter(([name]) => name !== 'page' && name !== 'q');
}
