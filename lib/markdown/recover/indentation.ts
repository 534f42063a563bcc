/**
 * Code nested deeper than this many levels is indented as this deep: indentation by nesting alone would make a
 * body of `{ { { …` (or JSON of `[[[ …`) lay out as text that grows with the square of its length.
 */
export const MAX_INDENT_LEVELS = 24;

/** The indentation of a line `depth` levels deep, `unit` a level, at most MAX_INDENT_LEVELS levels. */
export const indentation = (unit: string, depth: number): string =>
  unit.repeat(Math.min(MAX_INDENT_LEVELS, Math.max(0, depth)));
