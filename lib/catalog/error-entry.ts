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
