/**
 * A top-level piece of C or Objective-C: a preprocessor line, an `@interface`/`@implementation` line, `@end`, a
 * property, a method, a function, a struct, a declaration or a statement, or a comment. Tokens [from, to).
 */
export type CUnit = {
  kind: 'comment' | 'directive' | 'container' | 'end' | 'member' | 'method' | 'definition' | 'statement';
  from: number;
  to: number;
  /** It defines a body in braces (a method, a function, a struct): code on its own. */
  body: boolean;
  /** Only Objective-C writes it. */
  objc: boolean;
  /** Tokens that stay on the line before them (a struct's `} name;`). */
  glued: number[];
};

/** A unit of `kind` over tokens [from, to): no body, not only Objective-C, nothing glued, unless `extra` says so. */
export const unit = (kind: CUnit['kind'], from: number, to: number, extra: Partial<CUnit> = {}): CUnit => ({
  kind,
  from,
  to,
  body: false,
  objc: false,
  glued: [],
  ...extra,
});
