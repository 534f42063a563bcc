import { describe, expect, it } from 'vitest';
import { parseSearchArgs, UsageError } from '@/lib/cli/args';

describe('parseSearchArgs: --forum', () => {
  it('reads --forum NAME, repeated, beside the query and the other facets', () => {
    expect(
      parseSearchArgs(['vpn', '--forum', 'Network Extension', '--forum=WWDC25', '--api', 'NWConnection']),
    ).toMatchObject({ query: 'vpn', forum: ['Network Extension', 'WWDC25'], api: ['NWConnection'] });
    expect(parseSearchArgs(['vpn']).forum).toEqual([]);
  });

  it('names --forum when its value is empty', () => {
    expect(() => parseSearchArgs(['vpn', '--forum', '  '])).toThrow(
      new UsageError("--forum: expected a forum name such as 'Network Extension'"),
    );
  });
});
