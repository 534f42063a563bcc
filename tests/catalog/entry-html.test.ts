import { describe, expect, it } from 'vitest';
import { renderEntryHtml } from '@/lib/catalog/entry-html';
import { findEntry, loadErrorCatalog } from '@/lib/catalog/error-catalog';

const catalog = loadErrorCatalog();

describe('renderEntryHtml', () => {
  it('renders the body markdown as safe HTML', () => {
    const entry = { ...findEntry(catalog, '-9836')!, bodyMarkdown: 'Use `<b>` **now**.' };
    expect(renderEntryHtml(entry)).toEqual('<p>Use <code>&lt;b&gt;</code> <strong>now</strong>.</p>');
  });

  it('renders the -9836 explanation with its code spans', () => {
    expect(renderEntryHtml(findEntry(catalog, '-9836')!)).toContain(
      '<code>sec_protocol_options_set_min_tls_protocol_version</code>',
    );
  });
});
