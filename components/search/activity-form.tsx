import type { SearchState } from '@/lib/web/search-params';
import { HiddenStateFields } from './hidden-state-fields';

/** One month bound of the activity form: its label and a `type=month` input named after the URL parameter. */
function MonthField({
  name,
  label,
  example,
  value,
}: {
  name: 'after' | 'before';
  label: string;
  example: string;
  value?: string;
}) {
  return (
    <>
      <label htmlFor={name}>{label}</label>
      <input
        id={name}
        name={name}
        type="month"
        placeholder={example}
        pattern="\d{4}(-\d{2})?"
        defaultValue={value ?? ''}
      />
    </>
  );
}

/** A GET form bounding the activity month (`after`, `before`, as the `after:`/`before:` operators); works without JavaScript. */
export function ActivityForm({ state }: { state: SearchState }) {
  return (
    <form action="/" method="get" className="os-range activity-range">
      <HiddenStateFields state={state} omit={['after', 'before']} />
      <MonthField name="after" label="From" example="2025-05" value={state.after} />
      <MonthField name="before" label="before" example="2026-01" value={state.before} />
      <button type="submit" className="secondary">
        Apply
      </button>
    </form>
  );
}
