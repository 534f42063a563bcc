import type { SearchState } from '@/lib/web/search-params';
import { HiddenStateFields } from './hidden-state-fields';

/** A GET form bounding the activity month (`after`, `before`, as the `after:`/`before:` operators); works without JavaScript. */
export function ActivityForm({ state }: { state: SearchState }) {
  return (
    <form action="/" method="get" className="os-range activity-range">
      <HiddenStateFields state={state} omit={['after', 'before']} />
      <label htmlFor="after">From</label>
      <input
        id="after"
        name="after"
        type="month"
        placeholder="2025-05"
        pattern="\d{4}(-\d{2})?"
        defaultValue={state.after ?? ''}
      />
      <label htmlFor="before">before</label>
      <input
        id="before"
        name="before"
        type="month"
        placeholder="2026-01"
        pattern="\d{4}(-\d{2})?"
        defaultValue={state.before ?? ''}
      />
      <button type="submit" className="secondary">
        Apply
      </button>
    </form>
  );
}
