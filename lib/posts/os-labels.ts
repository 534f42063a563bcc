import type { OsVersion, Platform } from './schema';

/**
 * What an OS version label is, as posts write it and users type it, normalised to `{ platform, version, label, number }`.
 * Recognised forms: `iOS 18.3.2`, `ios 17`, `iOS17`, `iOS Version: 17.1.1`, `iOS 18.5 build 22F5068a` (build dropped),
 * `iPadOS 17.4` / `iPad OS 17.4`, `macOS 15.0` / `macos 15.0` / `Mac OS X 10.15` / `OS X 10.15`, marketing names after
 * macOS (`macOS Sonoma` → macOS 14), `watchOS 10`, `tvOS 17`, `visionOS 2`, and a device with its OS in parentheses
 * (`iPad (OS: 16.6)` → iPadOS 16.6, `iPhone (OS: 18.3.2)` → iOS 18.3.2). A version is kept only when plausible:
 * major 1–30, or 10–30 for macOS; at most three parts; never followed by another digit or `.digit` (`iOS 2025`).
 */

const PLATFORM_NAMES: ReadonlyArray<[RegExp, Platform]> = [
  [/^ipad ?os$/i, 'iPadOS'],
  [/^ios$/i, 'iOS'],
  [/^(?:mac ?os(?: ?x)?|os ?x)$/i, 'macOS'],
  [/^watch ?os$/i, 'watchOS'],
  [/^tv ?os$/i, 'tvOS'],
  [/^vision ?os$/i, 'visionOS'],
];

const DEVICE_PLATFORM: ReadonlyArray<[RegExp, Platform]> = [
  [/^iphone$/i, 'iOS'],
  [/^ipod$/i, 'iOS'],
  [/^ipad$/i, 'iPadOS'],
  [/^mac$/i, 'macOS'],
  [/^apple ?watch$/i, 'watchOS'],
  [/^apple ?tv$/i, 'tvOS'],
  [/^vision ?pro$/i, 'visionOS'],
];

/** macOS marketing names, recognised after `macOS`/`OS X`. */
const MACOS_NAMES: Readonly<Record<string, string>> = {
  tahoe: '26',
  sequoia: '15',
  sonoma: '14',
  ventura: '13',
  monterey: '12',
  'big sur': '11',
  catalina: '10.15',
  mojave: '10.14',
  'high sierra': '10.13',
};

const VERSION = String.raw`(\d{1,2}(?:\.\d{1,3}){0,2})(?![\d]|\.\d)`;
const PLATFORM = String.raw`ipad ?os|ios|mac ?os(?: ?x)?|os ?x|watch ?os|tv ?os|vision ?os`;
const MARKETING = String.raw`tahoe|sequoia|sonoma|ventura|monterey|big sur|catalina|mojave|high sierra`;
const DEVICE = String.raw`iphone|ipod|ipad|mac|apple ?watch|apple ?tv|vision ?pro`;

/** `iOS 18.3.2`, `iOS Version: 17.1.1`, `iOS17`, `macOS Sonoma 14.5`, `macOS Sonoma`. */
const PLATFORM_FORM = String.raw`(?<![A-Za-z0-9])(${PLATFORM})(?:\s*(?:(?:version|ver\.?|v)\s*)?(?::\s*)?${VERSION}|\s+(${MARKETING})(?:\s+${VERSION})?)(?![A-Za-z0-9])`;
/** `iPad (OS: 16.6)`, `iPhone (iOS 18.3)`, `iPhone (18.3.2)`. */
const DEVICE_FORM = String.raw`(?<![A-Za-z0-9])(${DEVICE})\s*\(\s*(?:(${PLATFORM}|os|version)\s*(?::\s*)?)?${VERSION}\s*\)`;

/** The scan pattern, tried only where a platform or device name may start (see `mayStartName`). */
export const SCAN = new RegExp(`${PLATFORM_FORM}|${DEVICE_FORM}`, 'iy');
const WHOLE = new RegExp(`^(?:${PLATFORM_FORM}|${DEVICE_FORM})$`, 'i');

/** The platform a written name (`ios`, `iPad OS`, `Mac OS X`) or device (`iPhone`) stands for. */
function platformOf(name: string, table: ReadonlyArray<[RegExp, Platform]>): Platform | null {
  const key = name.replace(/\s+/g, ' ');
  for (const [re, platform] of table) if (re.test(key)) return platform;
  return null;
}

/** Build a normalised OsVersion when the version is plausible for the platform; null otherwise. */
function toOsVersion(platform: Platform, version: string): OsVersion | null {
  const parts = version.split('.').map(Number);
  const [major = 0, minor = 0, patch = 0] = parts;
  const min = platform === 'macOS' ? 10 : 1;
  if (major < min || major > 30) return null;
  return { platform, version, label: `${platform} ${version}`, number: major * 1e6 + minor * 1e3 + patch };
}

/** Turn one SCAN/WHOLE match into an OsVersion. */
export function fromMatch(m: RegExpExecArray | RegExpMatchArray): OsVersion | null {
  const [, name, version, marketing, marketingVersion, device, innerName, deviceVersion] = m;
  if (name) {
    const platform = platformOf(name, PLATFORM_NAMES);
    if (!platform) return null;
    if (version) return toOsVersion(platform, version);
    if (marketing && platform === 'macOS') {
      const named = MACOS_NAMES[marketing.toLowerCase().replace(/\s+/g, ' ')];
      return named ? toOsVersion('macOS', marketingVersion ?? named) : null;
    }
    return null;
  }
  if (device && deviceVersion) {
    const inner = innerName ? platformOf(innerName, PLATFORM_NAMES) : null;
    const platform = inner ?? platformOf(device, DEVICE_PLATFORM);
    return platform ? toOsVersion(platform, deviceVersion) : null;
  }
  return null;
}

/** Parse a whole label a user typed or picked (`iOS 18.3.2`, `ios 17`, `iOS17`, `macOS Sonoma`); null if it is not one. */
export function parseOsLabel(label: string): OsVersion | null {
  const m = WHOLE.exec(label.trim());
  return m ? fromMatch(m) : null;
}

/** Order two versions numerically (`9.3` before `17.4`), then by platform name; negative when `a` comes first. */
export function compareOsVersions(a: OsVersion, b: OsVersion): number {
  return a.number - b.number || a.platform.localeCompare(b.platform);
}

/** A platform named without a version (`macOS`, `ipad os`): every version of it. */
const PLATFORM_ONLY = new Map<string, Platform>([
  ['ios', 'iOS'],
  ['ipados', 'iPadOS'],
  ['macos', 'macOS'],
  ['osx', 'macOS'],
  ['macosx', 'macOS'],
  ['watchos', 'watchOS'],
  ['tvos', 'tvOS'],
  ['visionos', 'visionOS'],
]);
/** Above every version number (major at most 30, so below 31 · 10⁶). */
const ANY_VERSION = 99_999_999;

/** One OS filter value as a numeric range on one platform: `iOS 18` is iOS 18.0.0 to 18.999.999. */
export type OsCondition = { platform: Platform; min: number; max: number; label: string };

/**
 * An OS label a user typed or picked as a filter (`iOS 18`, `ios 18.3.2`, `iPadOS16.6`, `macOS Sonoma`) as a
 * numeric range: the versions it names at the precision it was written, every version for a platform alone
 * (`macOS`); null if it is not an OS version.
 */
export function osCondition(label: string): OsCondition | null {
  const named = PLATFORM_ONLY.get(label.trim().toLowerCase().replace(/\s+/g, ''));
  if (named) return { platform: named, min: 0, max: ANY_VERSION, label: named };
  const os = parseOsLabel(label);
  if (!os) return null;
  const parts = os.version.split('.').length;
  const max = parts >= 3 ? os.number : parts === 2 ? os.number + 999 : os.number + 999_999;
  return { platform: os.platform, min: os.number, max, label: os.label };
}

/** A bounded OS range on one platform, as numbers (`iOS>=17` → `{ platform: 'iOS', min: 17000000 }`). */
export type OsRangeBounds = { platform: Platform; min?: number; max?: number };

const RANGE_OPERATOR = /^\s*(.+?)\s*(>=|<=|>|<)\s*(\d[\d.]*)\s*$/;

/**
 * A range a user typed as an `os:` value: `iOS>=17`, `macOS<15`, `iPadOS <= 16.6`, `iOS>17.2`. The version counts at
 * the precision written, as a filter label does: `>=17` from 17.0.0, `>17` from 18.0.0, `<=17` through 17.999.999,
 * `<15` below 15.0.0. Null when the text is not a platform, a comparison and a plausible version.
 */
export function parseOsRange(text: string): OsRangeBounds | null {
  const m = RANGE_OPERATOR.exec(text);
  if (!m) return null;
  const platform = PLATFORM_ONLY.get(m[1]!.toLowerCase().replace(/\s+/g, ''));
  const version = platform ? osCondition(`${platform} ${m[3]!}`) : null;
  if (!platform || !version || version.platform !== platform) return null;
  switch (m[2]) {
    case '>=':
      return { platform, min: version.min };
    case '>':
      return { platform, min: version.max + 1 };
    case '<=':
      return { platform, max: version.max };
    default:
      return { platform, max: version.min - 1 };
  }
}

/**
 * The ranges a post must meet, one per platform: ranges on the same platform intersect (`iOS>=17` and `iOS<18` is
 * iOS 17.x), ranges on different platforms stay apart (a post must mention a version in each). An intersection can
 * be empty (`min > max`): nothing passes it.
 */
export function combineOsRanges(ranges: readonly OsRangeBounds[]): OsRangeBounds[] {
  const byPlatform = new Map<Platform, OsRangeBounds>();
  for (const range of ranges) {
    const prev = byPlatform.get(range.platform);
    const min = Math.max(prev?.min ?? -Infinity, range.min ?? -Infinity);
    const max = Math.min(prev?.max ?? Infinity, range.max ?? Infinity);
    byPlatform.set(range.platform, {
      platform: range.platform,
      ...(Number.isFinite(min) ? { min } : {}),
      ...(Number.isFinite(max) ? { max } : {}),
    });
  }
  return [...byPlatform.values()];
}
