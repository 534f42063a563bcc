import { osCondition } from '../../posts/os-labels';
import type { SearchPlan } from '../plan';
import { FACETS, type FacetName, type OsRange } from '../types';
import { FACET_ATTRIBUTES, OS_ATTRIBUTES, type FilterableAttribute } from './settings';

/**
 * Meilisearch filter strings built from a search plan. Attribute names come only from our own constants;
 * every string value is quoted with `\` and `"` escaped, so no user text can close the quote and add a clause.
 * The server reads a quoted value back with the `unescaper` crate (v1.15.2 `crates/filter-parser/src/value.rs`),
 * which turns `\\` into `\` and `\"` into `"`: the escaped literal is the value itself, backslashes included.
 */

/** A string value as a quoted filter literal: `say "hi"` → `"say \"hi\""`. */
export function quoteFilterValue(value: string): string {
  return `"${value.replace(/[\\"]/g, '\\$&')}"`;
}

/** A number as a filter literal; only safe integers ever reach a filter. */
function numberLiteral(n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`not an integer filter bound: ${n}`);
  return String(n);
}

/** `attribute = "value"`, escaped. */
export function equalsClause(attribute: FilterableAttribute, value: string): string {
  return `${attribute} = ${quoteFilterValue(value)}`;
}

/** `attribute IN ["a", "b"]`, escaped. */
export function inClause(attribute: FilterableAttribute, values: readonly string[]): string {
  return `${attribute} IN [${values.map(quoteFilterValue).join(', ')}]`;
}

/** `attribute min TO max`, `attribute >= min`, `attribute <= max`, or null without bounds. */
export function rangeClause(attribute: FilterableAttribute, min?: number, max?: number): string | null {
  if (min !== undefined && max !== undefined)
    return `${attribute} ${numberLiteral(min)} TO ${numberLiteral(max)}`;
  if (min !== undefined) return `${attribute} >= ${numberLiteral(min)}`;
  if (max !== undefined) return `${attribute} <= ${numberLiteral(max)}`;
  return null;
}

/** One OS value: a numeric range on its platform (`iOS 18` → `os_iOS 18000000 TO 18999999`), else an exact label. */
function osClause(label: string): string {
  const condition = osCondition(label);
  if (!condition) return equalsClause(FACET_ATTRIBUTES.os, label);
  return rangeClause(OS_ATTRIBUTES[condition.platform], condition.min, condition.max)!;
}

/** The OR group of one facet's selected values, parenthesised; null when nothing is selected. */
export function facetClause(plan: SearchPlan, facet: FacetName): string | null {
  const values = plan.selected[facet];
  if (values.length === 0) return null;
  const clauses =
    facet === 'os' ? values.map(osClause) : values.map((v) => equalsClause(FACET_ATTRIBUTES[facet], v));
  return `(${clauses.join(' OR ')})`;
}

/**
 * An OS range: any version of the platform within the bounds (`os_iOS >= 0` when unbounded); an empty range
 * (`min > max`, from intersecting two) matches no post: every document has an id.
 */
function osRangeClause(range: OsRange): string {
  if (range.min !== undefined && range.max !== undefined && range.min > range.max) return 'id NOT EXISTS';
  const attribute = OS_ATTRIBUTES[range.platform];
  return rangeClause(attribute, range.min, range.max) ?? `${attribute} >= 0`;
}

/**
 * The whole filter of a plan: facet groups AND-ed in facet order, then the OS range and the activity bounds.
 * `except` leaves one facet's own selection out (for that facet's disjunctive counts). Undefined when empty.
 */
export function buildFilter(plan: SearchPlan, except?: FacetName): string | undefined {
  const clauses: string[] = [];
  for (const facet of FACETS) {
    if (facet === except) continue;
    const clause = facetClause(plan, facet);
    if (clause) clauses.push(clause);
  }
  for (const range of plan.osRanges) clauses.push(osRangeClause(range));
  const activity = rangeClause('activityKey', plan.activityFrom, plan.activityTo);
  if (activity) clauses.push(activity);
  return clauses.length > 0 ? clauses.join(' AND ') : undefined;
}

/** Filter matching one post by id or slug. */
export function idOrSlugFilter(idOrSlug: string): string {
  return `${equalsClause('id', idOrSlug)} OR ${equalsClause('slug', idOrSlug)}`;
}
