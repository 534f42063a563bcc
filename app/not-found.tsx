import Link from 'next/link';

/** 404: the page or thread does not exist. */
export default function NotFound() {
  return (
    <div className="notice">
      <h1>Not found</h1>
      <p>There is no page here. The thread may have been removed, or the link is mistyped.</p>
      <p>
        <Link href="/">Search the threads</Link>
      </p>
    </div>
  );
}
