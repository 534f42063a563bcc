import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { identifierPieces } from '@/lib/text/identifier-breaks';

describe('identifierPieces', () => {
  it.each([
    ['NETransparentProxyProvider', ['NE', 'Transparent', 'Proxy', 'Provider']],
    ['errSSLPeerProtocolVersion', ['err', 'SSL', 'Peer', 'Protocol', 'Version']],
    [
      'sec_protocol_options_set_local_identity',
      ['sec_', 'protocol_', 'options_', 'set_', 'local_', 'identity'],
    ],
    ['NWProtocolTLS.Options', ['NW', 'Protocol', 'TLS.', 'Options']],
    ['OSSystemExtensionErrorDomain code 1', ['OS', 'System', 'Extension', 'Error', 'Domain code 1']],
    ['-9836', ['-9836']],
    ['Threads', ['Threads']],
  ])('breaks %s only at word and punctuation boundaries', (text, pieces) => {
    expect(identifierPieces(text)).toEqual(pieces);
  });

  it('joins back to the text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(identifierPieces(text).join('')).toEqual(text);
      }),
      { seed: 1313 },
    );
  });
});
