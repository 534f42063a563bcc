import Link from 'next/link';
import { Breakable } from '@/components/breakable';

/** One facet value as a link that toggles it; `note` qualifies its label (a forum's kind: `tag`). */
export type FacetItemData = {
  value: string;
  label: string;
  count: number;
  href: string;
  selected: boolean;
  note?: string;
};

/** A facet value: a link to the search with this value toggled, drawn as a checkbox with its count. */
export function FacetItem({ item }: { item: FacetItemData }) {
  return (
    <li>
      <Link href={item.href} prefetch={false} scroll={false} data-selected={item.selected} rel="nofollow">
        <span className="box" aria-hidden="true">
          {item.selected ? '✓' : ''}
        </span>
        <span className="label">
          <span>
            <Breakable text={item.label} />
          </span>
          {item.note ? <span className="note"> {item.note}</span> : null}
          {item.selected ? <span className="visually-hidden"> (selected, select to remove)</span> : null}
        </span>
        <span className="count">
          {item.count}
          <span className="visually-hidden"> threads</span>
        </span>
      </Link>
    </li>
  );
}
