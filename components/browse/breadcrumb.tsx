import Link from 'next/link';

/** The trail above a page's heading: a link to the listing it belongs to, then where the reader is. */
export function Breadcrumb({
  parent,
  current,
}: {
  parent: { href: string; label: string };
  current: string;
}) {
  return (
    <p className="breadcrumb">
      <Link href={parent.href}>{parent.label}</Link> / {current}
    </p>
  );
}
