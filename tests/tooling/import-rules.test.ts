import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { cruise, type ICruiseOptions, type IForbiddenRuleType } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/fixtures';

/** The project's import rules (`npm run lint:deps`), as dependency-cruiser reads them. */
const config = createRequire(import.meta.url)('../../.dependency-cruiser.cjs') as {
  forbidden: IForbiddenRuleType[];
  options: ICruiseOptions;
};

/** Write a small tree of TypeScript files and cruise it with the project's rules; the rules it breaks. */
async function violations(files: Record<string, string>): Promise<string[]> {
  const root = tempDir('ne-deps-');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  const result = await cruise([root], {
    ...config.options,
    validate: true,
    ruleSet: { forbidden: config.forbidden },
  });
  if (typeof result.output === 'string') throw new Error(result.output);
  return result.output.summary.violations.map(
    (v) => `${v.rule.name}: ${path.relative(root, v.from)} → ${path.relative(root, v.to)}`,
  );
}

describe('the import rules of npm run lint:deps', () => {
  it('report a loop that runs through a type-only import', async () => {
    expect(
      await violations({
        'a.ts': "import type { B } from './b';\nexport type A = { b?: B };\n",
        'b.ts': "import type { A } from './a';\nexport type B = { a?: A };\n",
      }),
    ).toEqual(['no-circular: a.ts → b.ts']);
  });

  it('pass the same files without the loop', async () => {
    expect(
      await violations({
        'a.ts': "import type { B } from './b';\nexport type A = { b?: B };\n",
        'b.ts': 'export type B = { n: number };\n',
      }),
    ).toEqual([]);
  });
});
