import { z } from 'zod';

/** An OSStatus written as a signed decimal: `-9836`. */
export const OSSTATUS_CODE = /^-[1-9]\d{1,5}$/;
/** A 32-bit exception (termination) code: `0x` lowercase, eight uppercase hex digits: `0xBAADCA11`. */
export const HEX_CODE = /^0x[0-9A-F]{8}$/;
/** An NSError domain and its code, one space apart: `OSSystemExtensionErrorDomain 1`, `NSURLErrorDomain -1009`. */
export const DOMAIN_CODE = /^([A-Za-z][A-Za-z0-9]*ErrorDomain) (-?\d{1,6})$/;

/** A canonical error code in one of the three written forms above. */
export const ErrorCode = z
  .string()
  .refine(
    (code) => OSSTATUS_CODE.test(code) || HEX_CODE.test(code) || DOMAIN_CODE.test(code),
    'expected "-9836", "0xBAADCA11" or "SomeErrorDomain 1"',
  );
export type ErrorCode = z.infer<typeof ErrorCode>;

/** The front matter of one `content/errors/*.md` file. Unknown keys are rejected to catch typos. */
export const ErrorFrontMatter = z.strictObject({
  code: ErrorCode,
  symbol: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected an identifier such as errSSLPeerProtocolVersion')
    .optional(),
  domain: z.string().trim().min(1, 'empty domain'),
  meaning: z.string().trim().min(1, 'empty meaning').max(200, 'meaning longer than 200 characters'),
});
export type ErrorFrontMatter = z.infer<typeof ErrorFrontMatter>;

/** One catalog entry: the front matter plus where it came from and its markdown explanation. */
export const ErrorEntry = ErrorFrontMatter.extend({
  /** The file name it was read from, relative to the catalog directory: `osstatus-9836.md`. */
  file: z.string().min(1),
  bodyMarkdown: z.string(),
});
export type ErrorEntry = z.infer<typeof ErrorEntry>;

/** The loaded catalog: every entry, and lookups by canonical code and by lowercased symbol. */
export type ErrorCatalog = {
  entries: ErrorEntry[];
  byCode: Map<string, ErrorEntry>;
  bySymbol: Map<string, ErrorEntry>;
};

/** `0xbaadca11` or `BAADCA11` → `0xBAADCA11`; undefined when it is not eight hex digits. */
export function canonicalHex(text: string): string | undefined {
  const m = /^(?:0x)?([0-9a-f]{8})$/i.exec(text);
  return m ? `0x${m[1]!.toUpperCase()}` : undefined;
}

/** The domain and numeric code of a domain-form canonical code, or undefined for other forms. */
export function splitDomainCode(code: string): { domain: string; number: number } | undefined {
  const m = DOMAIN_CODE.exec(code);
  return m ? { domain: m[1]!, number: Number(m[2]) } : undefined;
}

/**
 * A domain and a code as users type them: `OSSystemExtensionErrorDomain code 1`, `NEVPNErrorDomain Code=5`,
 * `Domain=NSURLErrorDomain -1009`, `nsposixerrordomain:61`, `NEVPNErrorDomain5`, and the URL slugs
 * `NEVPNErrorDomain-5`, `NSURLErrorDomain--1009` (a minus right after the domain only separates).
 */
const TYPED_DOMAIN_CODE =
  /^(?:domain\s*=\s*)?([a-z][a-z0-9]*errordomain)(?:\s*[,:]?\s*(?:code|error)\s*[=:]?\s*|\s*[=:]\s*|-|\s*)(-?\d{1,6})\.?$/i;

/** What a written error code is, read without the catalog (see {@link readWrittenCode}). */
export type WrittenCode =
  /** `9836`, `-9836`: a bare number, its sign as written (the catalog decides what it stands for). */
  | { form: 'number'; text: string }
  /** `0xbaadca11`, `BAADCA11`-with-a-letter: the canonical exception code. */
  | { form: 'hex'; code: string }
  /** A domain and its code, the domain spelt as written. */
  | { form: 'domain'; domain: string; number: number }
  /** Anything else, trimmed (a symbol such as `errSSLPeerProtocolVersion`, or no code at all). */
  | { form: 'other'; text: string };

/**
 * Read a code as a user writes it, the one reading of written forms that the catalog lookup and the search plan
 * share: white space folded, a typographic minus read as `-`; eight hex digits are a hex code when written with
 * `0x` or holding a letter (`12345678` stays a number).
 */
export function readWrittenCode(anyForm: string): WrittenCode {
  const text = anyForm.trim().replace(/\s+/g, ' ').replace(/^[−–]/, '-');
  if (/^-?\d+$/.test(text)) return { form: 'number', text };
  const hex = canonicalHex(text);
  if (hex && (/^0x/i.test(text) || /[a-f]/i.test(text))) return { form: 'hex', code: hex };
  const domain = TYPED_DOMAIN_CODE.exec(text);
  if (domain) return { form: 'domain', domain: domain[1]!, number: Number(domain[2]) };
  return { form: 'other', text };
}
