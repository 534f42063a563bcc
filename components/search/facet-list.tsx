'use client';

import Link from 'next/link';
import { useId, useState, useSyncExternalStore } from 'react';
import { FacetItem, type FacetItemData } from './facet-item';

/**
 * A facet with more values than the page lists: how many it has, and the link to the other view (`whole`: this
 * list is the whole facet and the link goes back to its most frequent values; else the link lists it whole).
 */
export type FacetCut = { total: number; href: string; whole: boolean };

type Props = {
  /** Facet name shown to people, for the filter box's label. */
  label: string;
  items: FacetItemData[];
  /** How many values show before "show more". */
  visible: number;
  /** Set when the facet has more values than a page lists. */
  cut?: FacetCut | null;
};

/** The link between a facet's most frequent values and its whole list. */
function CutLink({ cut, shown }: { cut: FacetCut; shown: number }) {
  return (
    <p className="facet-cut">
      {cut.whole ? (
        <Link href={cut.href} prefetch={false} rel="nofollow">
          Only the most frequent values
        </Link>
      ) : (
        <>
          {shown} of {cut.total} values.{' '}
          <Link href={cut.href} prefetch={false} rel="nofollow">
            List all {cut.total}
          </Link>
        </>
      )}
    </p>
  );
}

const subscribe = () => () => {};

/**
 * A long facet list: the first values, the rest behind a native "show more" (works without JavaScript),
 * and with JavaScript a box that filters the values as you type. A facet cut to its most frequent values ends
 * with a link to its whole list (and back); the filter box filters the values listed.
 */
export function FacetList({ label, items, visible, cut = null }: Props) {
  const id = useId();
  const [filter, setFilter] = useState('');
  const hydrated = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  const needle = filter.trim().toLowerCase();

  // Hiding one or two values behind "show more" saves nothing.
  const cutLink = cut ? <CutLink cut={cut} shown={items.length} /> : null;
  if (items.length <= visible + 2) {
    return (
      <>
        <ul>
          {items.map((item) => (
            <FacetItem key={item.value} item={item} />
          ))}
        </ul>
        {cutLink}
      </>
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
          {cutLink}
        </>
      ) : (
        <>
          <ul>
            {items.slice(0, visible).map((item) => (
              <FacetItem key={item.value} item={item} />
            ))}
          </ul>
          <details open={cut?.whole === true}>
            <summary>Show {items.length - visible} more</summary>
            <ul>
              {items.slice(visible).map((item) => (
                <FacetItem key={item.value} item={item} />
              ))}
            </ul>
          </details>
          {cutLink}
        </>
      )}
    </>
  );
}
