import Link from 'next/link';
import { Breakable } from '@/components/breakable';

/** The row header of a catalog table: the code or API name, linking to its page. */
export function CodeRowHeader({ href, code }: { href: string; code: string }) {
  return (
    <th scope="row">
      <Link href={href}>
        <code>
          <Breakable text={code} />
        </code>
      </Link>
    </th>
  );
}

/** The column header over thread counts. */
export function ThreadsColumnHeader() {
  return (
    <th scope="col" className="num">
      Threads
    </th>
  );
}
