/**
 * Everything preflight prints passes through here: Resource Manager's messages and bodies, check
 * details, credential errors. Secrets are replaced before anything is cut short, so a token split
 * by the cut cannot leak its first half, and every text is capped so a hostile body cannot flood a
 * CI log.
 */

/** Characters of one printed message (an error body, a check detail). */
const MAX_PRINTED_CHARS = 300;
/** Characters looked at for secrets before the cut: enough to see a token cut at MAX_PRINTED_CHARS whole. */
const SCAN_CHARS = 8_192;

const REDACTED = "[redacted]";

/**
 * What looks like a secret. Bearer tokens and JWTs (Entra ID access tokens), SAS signatures
 * (`sig=` in a storage or event hub URL), API keys in headers or JSON (`api-key`,
 * `Ocp-Apim-Subscription-Key`), connection-string keys, 32-hex-digit keys (Cognitive Services
 * account keys) and long base64 runs (storage and event hub keys).
 */
const PATTERNS: readonly [RegExp, string][] = [
  [/\bBearer\s+[^\s"',;]+/gi, `Bearer ${REDACTED}`],
  [/\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, REDACTED],
  [/([?&;\s"']sig=)[^&\s"';]+/gi, `$1${REDACTED}`],
  [
    /\b((?:api-key|ocp-apim-subscription-key|x-functions-key)["']?\s*[:=]\s*["']?)[^\s"',;}]+/gi,
    `$1${REDACTED}`,
  ],
  [
    /\b((?:AccountKey|SharedAccessKey|SharedAccessSignature|client_secret|password)["']?\s*[:=]\s*["']?)[^\s"',;}&]+/gi,
    `$1${REDACTED}`,
  ],
  [/\b[0-9a-fA-F]{32}\b/g, REDACTED],
];

/** A run of base64 is a key when it is long and looks random (resource paths have few digits). */
const BASE64_RUN = /[A-Za-z0-9+/]{40,}={0,2}/g;
const looksRandom = (run: string) =>
  /[A-Z]/.test(run) && /[a-z]/.test(run) && (run.match(/[0-9]/g)?.length ?? 0) >= 4;

/** Replaces what looks like a secret, and any of `known` (e.g. the token preflight signed with). */
export function scrub(text: string, known: readonly string[] = []): string {
  let out = text;
  for (const secret of known) {
    if (secret.length >= 8) out = out.split(secret).join(REDACTED);
  }
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out.replace(BASE64_RUN, (run) => (looksRandom(run) ? REDACTED : run));
}

/** Scrubbed, control characters flattened, and at most `max` characters (with how much was cut). */
export function printable(text: string, max = MAX_PRINTED_CHARS, known: readonly string[] = []): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: flattening control characters is the point
  const clean = scrub(text.slice(0, SCAN_CHARS), known).replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, " ");
  if (clean.length <= max && text.length <= SCAN_CHARS) return clean;
  return `${clean.slice(0, max)}… (${text.length} characters, cut)`;
}
