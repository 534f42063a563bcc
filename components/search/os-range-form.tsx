import type { OsFacetGroup } from '@/lib/web/os-facet';
import type { SearchState } from '@/lib/web/search-params';
import { HiddenStateFields } from './hidden-state-fields';

/** A GET form choosing a lower OS bound ("iOS ≥ 17") from the major versions seen; works without JavaScript. */
export function OsRangeForm({ state, groups }: { state: SearchState; groups: OsFacetGroup[] }) {
  const options = groups.flatMap((g) => g.majors.map((major) => `${g.platform} ${major}`));
  if (state.osmin && !options.includes(state.osmin)) options.unshift(state.osmin);
  if (options.length === 0) return null;
  return (
    <form action="/" method="get" className="os-range">
      <HiddenStateFields state={state} omit={['osmin']} />
      <label htmlFor="osmin">Version at least</label>
      <select id="osmin" name="osmin" defaultValue={state.osmin ?? ''}>
        <option value="">any</option>
        {options.map((label) => (
          <option key={label} value={label}>
            {label.replace(' ', ' ≥ ')}
          </option>
        ))}
      </select>
      <button type="submit" className="secondary">
        Apply
      </button>
    </form>
  );
}
