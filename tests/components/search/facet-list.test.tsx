// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FacetList } from '@/components/search/facet-list';
import type { FacetItemData } from '@/components/search/facet-item';

const items: FacetItemData[] = [
  'NWConnection',
  'NEHotspotHelper',
  'NEPacketTunnelProvider',
  'NWListener',
  'NEVPNManager',
].map((value, i) => ({ value, label: value, count: 10 - i, href: `/?api=${value}`, selected: i === 0 }));

afterEach(cleanup);

describe('FacetList', () => {
  it('shows the first values as toggle links and the rest behind a native "show more"', () => {
    const { container } = render(<FacetList label="API class" items={items} visible={2} />);
    const links = [...container.querySelectorAll('a')].map((a) => [
      a.getAttribute('href'),
      a.dataset.selected,
    ]);
    expect(links).toEqual([
      ['/?api=NWConnection', 'true'],
      ['/?api=NEHotspotHelper', 'false'],
      ['/?api=NEPacketTunnelProvider', 'false'],
      ['/?api=NWListener', 'false'],
      ['/?api=NEVPNManager', 'false'],
    ]);
    expect(container.querySelector('details summary')?.textContent).toEqual('Show 3 more');
  });

  it('does not hide just one or two values', () => {
    const { container } = render(<FacetList label="API class" items={items} visible={3} />);
    expect({
      links: container.querySelectorAll('a').length,
      details: container.querySelector('details'),
    }).toEqual({ links: 5, details: null });
  });

  it('filters the values as you type', async () => {
    const { container } = render(<FacetList label="API class" items={items} visible={2} />);
    const box = screen.getByLabelText('Filter API class values');
    await act(async () => {
      fireEvent.change(box, { target: { value: 'LIST' } });
    });
    expect([...container.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      '/?api=NWListener',
    ]);
    await act(async () => {
      fireEvent.change(box, { target: { value: 'zzz' } });
    });
    expect(screen.getByText('No value matches “zzz”.').tagName).toEqual('P');
  });

  it('lists short facets whole, without a filter box', () => {
    const { container } = render(<FacetList label="Topic" items={items.slice(0, 2)} visible={8} />);
    expect({
      links: container.querySelectorAll('a').length,
      input: container.querySelector('input'),
    }).toEqual({ links: 2, input: null });
  });
});
