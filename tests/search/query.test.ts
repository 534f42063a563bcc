import { describe, expect, it } from 'vitest';
import { parseQuery } from '@/lib/search/query';

describe('parseQuery', () => {
  it('reads terms, phrases, exclusions, excluded phrases and operators', () => {
    expect(parseQuery('vpn -"per app" -"proxy" "on demand" -socket api:NWConnection -9836')).toEqual({
      terms: ['vpn', '9836'],
      phrases: [['on', 'demand']],
      excludes: ['proxy', 'socket'],
      excludedPhrases: [['per', 'app']],
      operators: { topic: [], api: ['NWConnection'], os: [], code: [], forum: [] },
    });
  });

  it('never reads a quoted negative number or hex code as an exclusion of words', () => {
    expect(parseQuery('"-9836"')).toEqual({
      terms: ['9836'],
      phrases: [],
      excludes: [],
      excludedPhrases: [],
      operators: { topic: [], api: [], os: [], code: [], forum: [] },
    });
  });

  it('reads after: and before: as activity months, a year alone as its January', () => {
    const { after, before, terms } = parseQuery('vpn after:2025-05 before:2026 after:nope');
    expect({ after, before, terms }).toEqual({
      after: '2025-05',
      before: '2026-01',
      terms: ['vpn', 'after', 'nope'],
    });
  });

  it('reads forum: in any case, quoted with spaces or bare, beside the other operators', () => {
    const { operators, terms } = parseQuery(
      'forum:"Network Extension" vpn FORUM:WWDC25 Forum:"Safari & Web"',
    );
    expect({ forum: operators.forum, terms }).toEqual({
      forum: ['Network Extension', 'WWDC25', 'Safari & Web'],
      terms: ['vpn'],
    });
  });
});
