import { chance, intBetween, pick, ZipfSampler, type Rng } from './prng';

type PlatformSpec = {
  majors: ZipfSampler<string>;
  forms: ReadonlyArray<(v: string, major: string) => string>;
};

const MACOS_NAMES: Readonly<Record<string, string>> = { '15': 'Sequoia', '14': 'Sonoma', '13': 'Ventura' };

const build = (major: string) => `${Number(major) + 4}F${1000 + ((Number(major) * 37) % 9000)}a`;

/** Platforms with their versions (most recent and most discussed first) and the ways posts write them. */
const PLATFORMS = new ZipfSampler<PlatformSpec>(
  [
    {
      majors: new ZipfSampler(['18', '17', '16', '26', '15', '14', '13', '12'], 1.2),
      forms: [
        (v) => `iOS ${v}`,
        (_, major) => `ios ${major}`,
        (_, major) => `iOS${major}`,
        (v) => `iPhone (OS: ${v})`,
        (v, major) => `iOS ${v} build ${build(major)}`,
        (v) => `iOS Version: ${v}`,
      ],
    },
    {
      majors: new ZipfSampler(['15', '14', '13', '26', '12', '11'], 1.2),
      forms: [
        (v) => `macOS ${v}`,
        (v) => `macos ${v}`,
        (_, major) => (MACOS_NAMES[major] ? `macOS ${MACOS_NAMES[major]}` : `macOS ${major}`),
        (v, major) => (MACOS_NAMES[major] ? `macOS ${MACOS_NAMES[major]} ${v}` : `macOS ${v}`),
      ],
    },
    {
      majors: new ZipfSampler(['17', '18', '16', '26', '15'], 1.2),
      forms: [(v) => `iPad (OS: ${v})`, (v) => `iPadOS ${v}`, (v) => `iPad OS ${v}`],
    },
    { majors: new ZipfSampler(['11', '10', '9'], 1), forms: [(_, major) => `watchOS ${major}`] },
    { majors: new ZipfSampler(['18', '17'], 1), forms: [(_, major) => `tvOS ${major}`] },
    { majors: new ZipfSampler(['2', '1', '26'], 1), forms: [(_, major) => `visionOS ${major}`] },
  ],
  1.6,
);

const MINORS = new ZipfSampler(['0', '1', '2', '3', '4', '5', '6'], 0.8);

/** One OS version as a post writes it: `iOS 18.3.2`, `iPad (OS: 16.6)`, `macOS 15.0`, `ios 17`, `macOS Sonoma`. */
export function osMention(rng: Rng): string {
  const platform = PLATFORMS.sample(rng);
  const major = platform.majors.sample(rng);
  const patch = chance(rng, 0.35) ? `.${intBetween(rng, 1, 3)}` : '';
  const version = `${major}.${MINORS.sample(rng)}${patch}`;
  return pick(rng, platform.forms)(version, major);
}
