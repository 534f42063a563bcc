'use client';

import { useId, useState, useSyncExternalStore } from 'react';
import { FacetItem, type FacetItemData } from './facet-item';

type Props = {
  /** Facet name shown to people, for the filter box's label. */
  label: string;
  items: FacetItemData[];
  /** How many values show before "show more". */
  visible: number;
};

const subscribe = () => () => {};

/**
 * A long facet list: the first values, the rest behind a native "show more" (works without JavaScript),
 * and with JavaScript a box that filters the values as you type.
 */
export function FacetList({ label, items, visible }: Props) {
  const id = useId();
  const [filter, setFilter] = useState('');
  const hydrated = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  const needle = filter.trim().toLowerCase();

  // Hiding one or two values behind "show more" saves nothing.
  if (items.length <= visible + 2) {
    return (
      <ul>
        {items.map((item) => (
          <FacetItem key={item.value} item={item} />
        ))}
      </ul>
    );
  }

  const matches = needle ? items.filter((i) => i.label.toLowerCase().includes(needle)) : [];
  return (
    <>
      {hydrated ? (
        <>
          <label htmlFor={id} className="visually-hidden">
            Filter {label} values
          </label>
          <input
            id={id}
            className="facet-filter"
            type="search"
            placeholder={`Filter ${items.length} values…`}
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            autoComplete="off"
          />
        </>
      ) : null}
      {needle ? (
        <>
          <ul aria-live="polite">
            {matches.map((item) => (
              <FacetItem key={item.value} item={item} />
            ))}
          </ul>
          {matches.length === 0 ? <p className="count">No value matches “{filter}”.</p> : null}
        </>
      ) : (
        <>
          <ul>
            {items.slice(0, visible).map((item) => (
              <FacetItem key={item.value} item={item} />
            ))}
          </ul>
          <details>
            <summary>Show {items.length - visible} more</summary>
            <ul>
              {items.slice(visible).map((item) => (
                <FacetItem key={item.value} item={item} />
              ))}
            </ul>
          </details>
        </>
      )}
    </>
  );
}
