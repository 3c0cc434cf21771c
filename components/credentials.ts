/**
 * Values that carry a credential, so that no error message prints one: a URL with a token, a
 * signature or a password in its query, user info or path. src/config/secrets.ts adds the config's
 * own notion of secret keys on top.
 */

/** What a message shows instead of a secret value. */
export const REDACTED = "[secret]";

/** Query parameters that carry a credential: webhook tokens, SAS signatures, API keys, passwords. */
const CREDENTIAL_PARAMETER =
  /^(token|access_token|auth|api[-_]?key|apikey|key|code|sig|signature|secret|client_secret|password|pwd)$/i;
/** A path segment that looks like an embedded token (Slack, Teams and similar webhook URLs). */
const TOKEN_SEGMENT = /^(?=.*[0-9])(?=.*[A-Za-z])[A-Za-z0-9_-]{24,}$/;

/** True when a string is a URL that carries a credential in its query, user info or path. */
export function carriesCredential(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return false;
  }
  if (url.password !== "" || url.username !== "") return true;
  for (const name of url.searchParams.keys()) {
    if (CREDENTIAL_PARAMETER.test(name)) return true;
  }
  return url.pathname.split("/").some((segment) => TOKEN_SEGMENT.test(segment));
}

/** True when a value, or any string inside it, carries a credential. */
export function containsCredential(value: unknown): boolean {
  if (typeof value === "string") return carriesCredential(value);
  if (Array.isArray(value)) return value.some(containsCredential);
  if (value !== null && typeof value === "object") return Object.values(value).some(containsCredential);
  return false;
}

/** Replaces every string of a secret value that appears in a message (zod messages may quote it). */
export function redactText(text: string, secret: unknown): string {
  if (typeof secret === "string") return secret === "" ? text : text.replaceAll(secret, REDACTED);
  if (Array.isArray(secret)) return secret.reduce<string>(redactText, text);
  if (secret !== null && typeof secret === "object")
    return Object.values(secret).reduce<string>(redactText, text);
  return text;
}
