// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Breakable } from '@/components/breakable';

afterEach(cleanup);

const html = (element: React.ReactElement) => render(element).container.innerHTML;

describe('Breakable', () => {
  it('breaks an identifier at every camelCase and punctuation boundary', () => {
    expect(html(<Breakable text="NETransparentProxyProvider" />)).toEqual(
      'NE<wbr>Transparent<wbr>Proxy<wbr>Provider',
    );
    expect(html(<Breakable text="IP_RECVIF" />)).toEqual('IP_<wbr>RECVIF');
  });

  it('in a title, breaks only the words of 16 characters or more, never beside a space', () => {
    expect(
      html(
        <Breakable
          text="Non-functioning IP_RECVIF on sockets proxied with NETransparentProxyProvider"
          prose
        />,
      ),
    ).toEqual('Non-functioning IP_RECVIF on sockets proxied with NE<wbr>Transparent<wbr>Proxy<wbr>Provider');
    expect(html(<Breakable text="TLS error between iPhone and iPad" prose />)).toEqual(
      'TLS error between iPhone and iPad',
    );
  });
});
