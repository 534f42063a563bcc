/**
 * The searchable text fields of an index document, in ranking order (an exact code or API match ranks above a
 * passing mention in the body), each with the weight the embedded engine gives a match in it. Both engines read
 * this one list: Meilisearch as its `searchableAttributes`, the embedded index as its field order and boosts.
 */
export const SEARCHABLE_FIELDS = [
  { name: 'codeTerms', boost: 6 },
  { name: 'apiTerms', boost: 4 },
  { name: 'title', boost: 2 },
  { name: 'body', boost: 1 },
] as const;

/** The name of a searchable field. */
export type SearchableField = (typeof SEARCHABLE_FIELDS)[number]['name'];

/** The searchable field names, in ranking order. */
export const SEARCHABLE_FIELD_NAMES: readonly SearchableField[] = SEARCHABLE_FIELDS.map((f) => f.name);
