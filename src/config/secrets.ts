/**
 * Which config values are secrets, so that no message, warning or error ever prints one. A value is
 * a secret when its key is stored `secure:` (encrypted; the Node.js language host lists such keys in
 * PULUMI_CONFIG_SECRET_KEYS), when the schema declares the key secret, or when the text itself
 * carries a credential (a URL with a token, a signature or a password).
 */

/** What a message shows instead of a secret value. */
export const REDACTED = "[secret]";

/** This project's keys that always hold a secret, whether or not the stack file encrypts them. */
export const SECRET_CONFIG_KEYS: readonly string[] = ["alertWebhookUrl"];

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

/**
 * Whether the config value at `path` (inside the namespace, e.g. ["alertWebhookUrl"]) is a secret.
 * `secretKeys` are the stack's encrypted keys, `namespace:key`.
 */
export function isSecretConfigPath(
  path: readonly PropertyKey[],
  namespace: string,
  secretKeys: readonly string[],
): boolean {
  const [top] = path;
  if (typeof top !== "string") return false;
  return SECRET_CONFIG_KEYS.includes(top) || secretKeys.includes(`${namespace}:${top}`);
}

/** The keys the Node.js language host marks secret (`pulumi up`); [] outside a Pulumi run. */
export function secretKeysFromEnvironment(env: NodeJS.ProcessEnv = process.env): string[] {
  try {
    const keys: unknown = JSON.parse(env.PULUMI_CONFIG_SECRET_KEYS ?? "[]");
    return Array.isArray(keys) ? keys.filter((k): k is string => typeof k === "string") : [];
  } catch {
    return [];
  }
}
