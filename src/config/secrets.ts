/**
 * Which config values are secrets, so that no message, warning or error ever prints one. A value is
 * a secret when its key is stored `secure:` (encrypted; the Node.js language host lists such keys in
 * PULUMI_CONFIG_SECRET_KEYS), when the schema declares the key secret, or when the text itself
 * carries a credential (a URL with a token, a signature or a password).
 */

// Credential detection lives with the components (components must not import src/), which use it
// for their own error messages.
export { carriesCredential, containsCredential, REDACTED } from "../../components/credentials";

/** This project's keys that always hold a secret, whether or not the stack file encrypts them. */
export const SECRET_CONFIG_KEYS: readonly string[] = ["alertWebhookUrl"];

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
