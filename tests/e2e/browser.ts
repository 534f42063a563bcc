import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import sparticuz from '@sparticuz/chromium';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ensureNpmChromium, npmChromiumPaths } from './npm-chromium';
import { ROOT } from './servers';

/** Our flags: headless, no sandbox (CI runs as root), no GPU, and no connection of the browser's own. */
export const OUR_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

/**
 * `@sparticuz/chromium`'s recommended flags (made for AWS Lambda) that a desktop test leaves out:
 * - `--single-process`: a Lambda work-around (`prctl(PR_SET_NO_NEW_PRIVS)`); here each page gets its own
 *   renderer, as in a user's browser, and a crashing page fails its test, not the browser.
 * - `--disable-web-security`, `--allow-running-insecure-content`, `--disable-site-isolation-trials`, and
 *   `--disable-features=…,IsolateOrigins,site-per-process`: they switch off the same-origin policy and
 *   site isolation, which the safety tests rely on a browser to enforce.
 * - `--disable-features=…` and `--enable-features=…` would also replace Playwright's own lists, which keep
 *   Chromium from calling home.
 * - `--headless='shell'`: ours is `--headless` (the binary is the headless shell either way).
 */
const LEFT_OUT = new Set([
  '--single-process',
  '--disable-web-security',
  '--allow-running-insecure-content',
  '--disable-site-isolation-trials',
  '--disable-features',
  '--enable-features',
  '--headless',
]);

/** The launch flags: the package's recommended set (graphics off, so `--disable-webgl`), less `LEFT_OUT`, plus ours. */
export function browserArgs(): string[] {
  sparticuz.setGraphicsMode = false;
  const recommended = sparticuz.args.filter((flag) => !LEFT_OUT.has(flag.split('=')[0] ?? flag));
  return [...new Set([...recommended, ...OUR_FLAGS])];
}

/** Which browser the tests drive: `CHROMIUM_PATH` when set, else the one `npm ci` installed. */
export type BrowserChoice =
  | { source: 'CHROMIUM_PATH'; executablePath: string }
  | { source: '@sparticuz/chromium'; executablePath: string; version: string };

/** Pick the browser for `env`; nothing is inflated or started. */
export function chooseBrowser(env: Record<string, string | undefined> = process.env): BrowserChoice {
  const override = env.CHROMIUM_PATH;
  if (override) return { source: 'CHROMIUM_PATH', executablePath: override };
  const npm = npmChromiumPaths(ROOT);
  return { source: '@sparticuz/chromium', executablePath: npm.executablePath, version: npm.version };
}

/** The process environment with `extra` on top, as Playwright takes it. */
function withEnv(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  return { ...env, ...extra };
}

/**
 * Start the test browser, headless and offline: by default the pinned Chromium of `@sparticuz/chromium`
 * (x64 Linux; inflated on first use), with its own libraries and fonts and no system font; with
 * `CHROMIUM_PATH`, that browser as it is.
 */
export async function launchBrowser(): Promise<Browser> {
  const choice = chooseBrowser();
  const args = browserArgs();
  if (choice.source === 'CHROMIUM_PATH') {
    if (!existsSync(choice.executablePath))
      throw new Error(`No browser at CHROMIUM_PATH=${choice.executablePath}`);
    return chromium.launch({ executablePath: choice.executablePath, args });
  }
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(
      `The browser of @sparticuz/chromium is for x64 Linux, not ${process.platform}-${process.arch}: ` +
        'set CHROMIUM_PATH to a Chrome or Chromium ' +
        '(macOS: "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome").',
    );
  }
  const npm = await ensureNpmChromium(ROOT);
  const env = withEnv(npm.env);
  if (process.env.LD_LIBRARY_PATH) env.LD_LIBRARY_PATH += `:${process.env.LD_LIBRARY_PATH}`;
  return chromium.launch({ executablePath: npm.executablePath, args, env });
}

/** Start the test browser once (inflating the npm one if needed) and name it, e.g. `Chromium 143.0.7499.0 (@sparticuz/chromium 143.0.4)`. */
export async function describeTestBrowser(): Promise<string> {
  const choice = chooseBrowser();
  const browser = await launchBrowser();
  const version = browser.version();
  await browser.close();
  return choice.source === 'CHROMIUM_PATH'
    ? `Chromium ${version} (CHROMIUM_PATH=${choice.executablePath})`
    : `Chromium ${version} (@sparticuz/chromium ${choice.version}, ${choice.executablePath})`;
}

/** Save a screenshot under tmp/screenshots/. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = path.join(ROOT, 'tmp', 'screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

type AxeResult = {
  violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: unknown[] }> }>;
};

/** Run axe-core on the page; the violations as `id: targets`. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js') });
  const result = (await page.evaluate(() =>
    (window as unknown as { axe: { run: (ctx: Document) => Promise<unknown> } }).axe.run(document),
  )) as AxeResult;
  return result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`,
  );
}
