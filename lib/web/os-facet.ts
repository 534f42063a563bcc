import { osCondition } from '@/lib/posts/os-labels';
import type { Platform } from '@/lib/posts/schema';
import { PLATFORMS } from '@/lib/posts/schema';

/** One OS facet value with its parsed version number. */
export type OsFacetValue = { label: string; count: number; number: number };

/** The OS facet grouped by platform: values newest first, and the major versions seen (for the range control). */
export type OsFacetGroup = { platform: Platform; values: OsFacetValue[]; majors: number[] };

/** Group OS facet counts by platform in the canonical platform order; labels that do not parse are dropped. */
export function groupOsFacet(counts: Record<string, number>): OsFacetGroup[] {
  const groups = new Map<Platform, OsFacetValue[]>();
  for (const [label, count] of Object.entries(counts)) {
    const c = osCondition(label);
    if (!c) continue;
    const list = groups.get(c.platform) ?? [];
    list.push({ label, count, number: c.min });
    groups.set(c.platform, list);
  }
  return PLATFORMS.filter((p) => groups.has(p)).map((platform) => {
    const values = groups
      .get(platform)!
      .sort((a, b) => b.number - a.number || a.label.localeCompare(b.label));
    const majors = [...new Set(values.map((v) => Math.floor(v.number / 1e6)))].sort((a, b) => a - b);
    return { platform, values, majors };
  });
}
