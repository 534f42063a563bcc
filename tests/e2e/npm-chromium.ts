import { randomUUID } from 'node:crypto';
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { brotliDecompressSync, createBrotliDecompress } from 'node:zlib';

/**
 * The browser that `npm ci` installs: `@sparticuz/chromium` ships a headless Chromium for x64 Linux as
 * brotli files in its `bin/`. Its own `executablePath()` inflates them into the shared `/tmp`, reuses
 * whatever `/tmp/chromium` it finds (another version, a file cut short by a killed run, another user's)
 * and reads fonts from Lambda paths. We inflate the same files ourselves, once per install, into
 * `node_modules/.cache/sparticuz-chromium/<version>/`: written under a private name and renamed into place,
 * so a caller sees either nothing or the whole browser, however many test files or runs start at once.
 */
export type NpmChromium = {
  /** The package version, e.g. `143.0.4`. */
  version: string;
  /** The Chromium binary. */
  executablePath: string;
  /** What the browser process needs: the package's NSS and expat libraries, and its fonts only. */
  env: Record<string, string>;
};

/** The installed package folder (`bin/` holds the brotli files). */
function packageDir(root: string): string {
  return path.join(root, 'node_modules', '@sparticuz', 'chromium');
}

/** The installed `@sparticuz/chromium` version. */
export function npmChromiumVersion(root: string): string {
  const manifest = JSON.parse(readFileSync(path.join(packageDir(root), 'package.json'), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}

/** Where this install's browser is (or will be) inflated. */
export function npmChromiumDir(root: string): string {
  return path.join(root, 'node_modules', '.cache', 'sparticuz-chromium', npmChromiumVersion(root));
}

/** The browser's files in `dir`, and the environment it runs with. */
function describe(root: string, dir: string): NpmChromium {
  return {
    version: npmChromiumVersion(root),
    executablePath: path.join(dir, 'chromium'),
    env: { LD_LIBRARY_PATH: path.join(dir, 'lib'), FONTCONFIG_FILE: path.join(dir, 'fonts.conf') },
  };
}

/** The npm browser's paths, without inflating anything. */
export function npmChromiumPaths(root: string): NpmChromium {
  return describe(root, npmChromiumDir(root));
}

/**
 * Unpack a brotli-compressed tar archive of the package (plain files and folders, short names: all that
 * its archives hold) into `dir`.
 */
function untarBrotli(file: string, dir: string): void {
  const tar = brotliDecompressSync(readFileSync(file));
  for (let offset = 0; offset + 512 <= tar.length;) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    const field = (start: number, end: number) =>
      header.subarray(start, end).toString('utf8').replace(/\0.*$/s, '').trim();
    const name = field(0, 100);
    const mode = Number.parseInt(field(100, 108), 8);
    const size = Number.parseInt(field(124, 136) || '0', 8);
    const type = field(156, 157) || '0';
    const target = path.resolve(dir, name);
    if (!target.startsWith(dir + path.sep)) throw new Error(`${file}: entry ${name} leaves its folder`);
    if (type === '5') {
      mkdirSync(target, { recursive: true });
    } else if (type === '0') {
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, tar.subarray(offset + 512, offset + 512 + size), { mode });
    } else {
      throw new Error(`${file}: unsupported tar entry type '${type}' (${name})`);
    }
    offset += 512 + Math.ceil(size / 512) * 512;
  }
}

/** A fontconfig file that offers the browser the package's fonts (Open Sans) and no system font. */
function fontconfig(dir: string): string {
  const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
    '<fontconfig>',
    `  <dir>${xml(path.join(dir, 'fonts'))}</dir>`,
    `  <cachedir>${xml(path.join(dir, 'fontconfig-cache'))}</cachedir>`,
    '</fontconfig>',
    '',
  ].join('\n');
}

/** Inflate the package's browser into `staging`, naming the paths of `dir`, where it will live. */
async function inflate(root: string, staging: string, dir: string): Promise<void> {
  const bin = path.join(packageDir(root), 'bin');
  mkdirSync(staging, { recursive: true });
  await pipeline(
    createReadStream(path.join(bin, 'chromium.br')),
    createBrotliDecompress(),
    createWriteStream(path.join(staging, 'chromium'), { mode: 0o755 }),
  );
  // NSS, NSPR and expat built for the binary (lib/): nothing but glibc is needed from the system.
  untarBrotli(path.join(bin, 'al2023.tar.br'), staging);
  // Open Sans (fonts/) and our fonts.conf in place of the package's, which names Lambda folders.
  untarBrotli(path.join(bin, 'fonts.tar.br'), staging);
  writeFileSync(path.join(staging, 'fonts.conf'), fontconfig(dir));
  // SwiftShader's GL libraries beside the binary, where it loads them (even with --disable-gpu).
  untarBrotli(path.join(bin, 'swiftshader.tar.br'), staging);
}

const pending = new Map<string, Promise<NpmChromium>>();

/** The npm browser, inflated on first use (about 2 s, 200 MB); at once when already there. */
export function ensureNpmChromium(root: string): Promise<NpmChromium> {
  const dir = npmChromiumDir(root);
  let result = pending.get(dir);
  if (!result) {
    result = (async () => {
      if (!existsSync(path.join(dir, 'chromium'))) {
        const staging = `${dir}.partial-${process.pid}-${randomUUID()}`;
        try {
          await inflate(root, staging, dir);
          mkdirSync(path.dirname(dir), { recursive: true });
          try {
            renameSync(staging, dir);
          } catch (error) {
            // Another process put the same version in place first: use theirs.
            if (!existsSync(path.join(dir, 'chromium'))) throw error;
          }
        } finally {
          rmSync(staging, { recursive: true, force: true });
        }
      }
      return describe(root, dir);
    })();
    result.catch(() => pending.delete(dir));
    pending.set(dir, result);
  }
  return result;
}
