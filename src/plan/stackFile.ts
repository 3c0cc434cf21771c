/**
 * Reads Pulumi.<stack>.yaml the way the Pulumi CLI hands its `config:` map to a program, so the plan
 * validates the values `pulumi up` would see. Sources (pulumi/pulumi):
 * - sdk/go/common/encoding/marshal.go: stack files are read with gopkg.in/yaml.v2 (YAML 1.1; see
 *   ./goYaml for what that means for each scalar, merge key and tag).
 * - sdk/go/common/resource/config/key.go: a key is `<namespace>:<name>` (or the old
 *   `<namespace>:config:<name>`).
 * - sdk/go/common/resource/config/value.go, object.go, plaintext.go: each value is decoded into an
 *   object; a string stays as written, anything else (bool, number, null, map, list) becomes its JSON
 *   text (Go's encoding/json: map keys sorted). A `{ secure: <ciphertext> }` map is a secret; a key is
 *   secret when its value holds one anywhere.
 * - sdk/nodejs/cmd/pulumi-language-nodejs/main.go: the language host puts that map in PULUMI_CONFIG
 *   and the secret keys in PULUMI_CONFIG_SECRET_KEYS.
 * Secrets are never decrypted here: each `secure:` value reads as OFFLINE_SECRET_PLACEHOLDER.
 */
import { existsSync, readFileSync } from "node:fs";
import { ConfigError, formatKeyPath } from "../config/errors";
import { CONFIG_NAMESPACE } from "../config/load";
import { OFFLINE_SECRET_PLACEHOLDER } from "../config/offlineSecret";
import { carriesCredential, REDACTED, SECRET_CONFIG_KEYS } from "../config/secrets";
import { type DialectNote, type GoValue, GoYamlError, readGoYaml, type YamlPath } from "./goYaml";

/** Something in the stack file that the Pulumi CLI reads differently than its author probably meant. */
export interface StackFileWarning {
  rule: string;
  /** The full config key path, e.g. aoai-platform:accounts[0].deployments[0].capacity. */
  key: string;
  message: string;
}

export interface StackConfigFile {
  path: string;
  /** Flat `namespace:key` → string, as `pulumi.runtime.allConfig()` returns it under `pulumi up`. */
  values: Record<string, string>;
  /** Keys whose value is (or holds) a Pulumi secret (`secure:`); their ciphertext is never decoded here. */
  secretKeys: string[];
  warnings: StackFileWarning[];
}

export class StackFileError extends Error {
  override name = "StackFileError";
}

type Json = GoValue;

function isSecureValue(value: Json): value is { secure: string } {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).length === 1 &&
    typeof value.secure === "string"
  );
}

/** Replaces each `secure:` value with the placeholder; reports whether there was one. */
function withPlaceholders(value: Json): { value: Json; secret: boolean } {
  if (isSecureValue(value)) return { value: OFFLINE_SECRET_PLACEHOLDER, secret: true };
  if (Array.isArray(value)) {
    const items = value.map(withPlaceholders);
    return { value: items.map((i) => i.value), secret: items.some((i) => i.secret) };
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).map(([k, v]) => [k, withPlaceholders(v)] as const);
    return {
      value: Object.fromEntries(entries.map(([k, v]) => [k, v.value])),
      secret: entries.some(([, v]) => v.secret),
    };
  }
  return { value, secret: false };
}

/** Go's encoding/json.Marshal: map keys sorted; numbers as JSON writes them. */
function goJson(value: Json, at: () => string): string {
  if (typeof value === "number" && !Number.isFinite(value)) {
    throw new StackFileError(
      `${at()}: ${value} cannot be written as JSON; the Pulumi CLI refuses the stack file`,
    );
  }
  if (Array.isArray(value)) return `[${value.map((v) => goJson(v, at)).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const keys = Object.keys(value).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${keys.map((k) => `${JSON.stringify(k)}:${goJson(value[k] ?? null, at)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** config.ParseKey: `<namespace>:<name>`, or the old `<namespace>:config:<name>`; undefined otherwise. */
function parseConfigKey(key: string): string | undefined {
  const parts = key.split(":");
  if (parts.length === 2) return key;
  if (parts.length === 3 && parts[1] === "config" && parts[0] !== "" && parts[2] !== "") {
    return `${parts[0]}:${parts[2]}`;
  }
  return undefined;
}

function describe(value: Json | undefined): string {
  return typeof value === "string" ? `the text "${value}"` : `${JSON.stringify(value)}`;
}

function dialectMessage(note: DialectNote, secret: boolean): string {
  const written = secret ? REDACTED : `\`${note.text}\``;
  const cli = secret ? "another value" : describe(note.cli);
  const yaml12 = secret ? "another" : describe(note.yaml12);
  switch (note.kind) {
    case "yaml11-scalar": {
      const leadingZero = typeof note.cli === "number" && /^[-+]?0[0-9_]+$/.test(note.text);
      const why = leadingZero
        ? "a leading 0 makes an octal number in YAML 1.1"
        : typeof note.cli === "boolean"
          ? "YAML 1.1 reads yes/no/on/off/y/n as booleans"
          : "YAML 1.1 reads it differently from YAML 1.2";
      return `${written} is read as ${cli} by the Pulumi CLI (${why}); YAML 1.2 tools read ${yaml12}. Quote it, or write the value unambiguously`;
    }
    case "yaml11-key":
      return `the key ${written} is read as "${note.cli}" by the Pulumi CLI (YAML 1.1); quote it if you mean "${note.yaml12}"`;
    case "merge-order":
      return "this key, written before `<<:` in its mapping, is overridden by the merged mapping: the Pulumi CLI (yaml.v2) applies keys in order. Put `<<:` first to override a merged key";
    case "duplicate-key":
      return "the key appears twice in one mapping; the Pulumi CLI keeps the last value";
    case "ignored-tag":
      return `the tag ${note.text} is ignored by the Pulumi CLI: the value is read as written, without it`;
  }
}

const isSchemaSecret = (configKey: string) =>
  SECRET_CONFIG_KEYS.some((k) => `${CONFIG_NAMESPACE}:${k}` === configKey);

function keyOf(configKey: string, path: YamlPath): string {
  return `${configKey}${path.length > 0 ? (typeof path[0] === "number" ? "" : ".") : ""}${formatKeyPath(path)}`;
}

/** Plaintext strings that hold a credential (or keys the schema declares secret) deserve --secret. */
function plaintextSecretWarnings(configKey: string, value: Json, path: YamlPath = []): StackFileWarning[] {
  if (typeof value === "string") {
    const schemaSecret = path.length === 0 && isSchemaSecret(configKey);
    if (!schemaSecret && !carriesCredential(value)) return [];
    const key = keyOf(configKey, path);
    const set =
      path.length === 0 ? `pulumi config set --secret ${key}` : `pulumi config set --secret --path '${key}'`;
    return [
      {
        rule: "config.plaintext-secret",
        key,
        message: `holds ${schemaSecret ? "a secret" : "a URL with a credential"} in plaintext in the stack file (committed to git); store it encrypted: ${set} <value>`,
      },
    ];
  }
  if (isSecureValue(value)) return [];
  if (Array.isArray(value))
    return value.flatMap((v, i) => plaintextSecretWarnings(configKey, v, [...path, i]));
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => plaintextSecretWarnings(configKey, v, [...path, k]));
  }
  return [];
}

export function readStackConfigFile(path: string): StackConfigFile {
  if (!existsSync(path)) {
    throw new StackFileError(`stack config file not found: ${path}`);
  }
  let document: ReturnType<typeof readGoYaml>;
  try {
    document = readGoYaml(readFileSync(path, "utf8"));
  } catch (error) {
    if (error instanceof GoYamlError) {
      const [first, configKey, ...rest] = error.path;
      const where =
        first === "config" && typeof configKey === "string"
          ? keyOf(configKey, rest)
          : formatKeyPath(error.path);
      throw new StackFileError(
        error.path.length > 0 ? `${path}: ${where}: ${error.reason}` : `${path} is ${error.reason}`,
      );
    }
    throw error;
  }
  const root = document.value;
  if (root === null) return { path, values: {}, secretKeys: [], warnings: [] };
  if (typeof root !== "object" || Array.isArray(root)) {
    throw new StackFileError(`${path} must be a YAML mapping with a "config:" key`);
  }
  const config = root.config ?? {};
  if (config === null || typeof config !== "object" || Array.isArray(config)) {
    throw new StackFileError(`${path}: "config" must be a mapping of namespace:key to value`);
  }
  const values: Record<string, string> = {};
  const secretKeys: string[] = [];
  const renamed = new Map<string, string>();
  const warnings: StackFileWarning[] = [];
  for (const [written, value] of Object.entries(config)) {
    const key = parseConfigKey(written);
    if (key === undefined) {
      const rule = written.includes(":") ? "must be <namespace>:<name>" : "needs a namespace";
      throw new StackFileError(
        `${path}: config key "${written}" ${rule}, e.g. ${CONFIG_NAMESPACE}:${written.split(":").at(-1)}`,
      );
    }
    renamed.set(written, key);
    const { value: offline, secret } = withPlaceholders(value);
    if (secret) secretKeys.push(key);
    values[key] = typeof offline === "string" ? offline : goJson(offline, () => key);
    warnings.push(...plaintextSecretWarnings(key, value));
  }
  for (const note of document.notes) {
    const [first, written, ...rest] = note.path;
    const key = typeof written === "string" ? renamed.get(written) : undefined;
    if (first !== "config" || key === undefined) continue;
    const secret =
      secretKeys.includes(key) || SECRET_CONFIG_KEYS.some((k) => `${CONFIG_NAMESPACE}:${k}` === key);
    warnings.push({
      rule: `config.${note.kind}`,
      key: keyOf(key, rest),
      message: dialectMessage(note, secret),
    });
  }
  return { path, values, secretKeys, warnings };
}

/**
 * Pulumi.yaml's own `config:` block (project-level config, Pulumi 3.44+) gives every stack values
 * and defaults under `pulumi up`. The plan reads only the stack file, so rather than plan other
 * values than the CLI would, it refuses a project file that declares config.
 */
export function assertNoProjectConfig(projectFile: string): void {
  if (!existsSync(projectFile)) return;
  let project: GoValue;
  try {
    project = readGoYaml(readFileSync(projectFile, "utf8")).value;
  } catch (error) {
    if (error instanceof GoYamlError) throw new StackFileError(`${projectFile} is ${error.reason}`);
    throw error;
  }
  const config =
    project !== null && typeof project === "object" && !Array.isArray(project) ? project.config : null;
  if (
    config === null ||
    config === undefined ||
    (typeof config === "object" && Object.keys(config).length === 0)
  ) {
    return;
  }
  const keys = typeof config === "object" ? Object.keys(config).join(", ") : String(config);
  throw new StackFileError(
    `${projectFile}: project-level config (${keys}) applies to every stack under pulumi up, but the offline plan reads only Pulumi.<stack>.yaml; move these keys into the stack files`,
  );
}

/**
 * A config error about a value the CLI reads differently than written (`Off` read as false) says
 * why, from the stack file's dialect warning for the same key.
 */
export function explainDialect(error: ConfigError, warnings: readonly StackFileWarning[]): ConfigError {
  const why = new Map(
    warnings.filter((w) => w.rule.startsWith("config.yaml11-")).map((w) => [w.key, w.message] as const),
  );
  if (!error.problems.some((p) => why.has(p.key))) return error;
  return new ConfigError(
    error.stackName,
    error.problems.map((p) => (why.has(p.key) ? { ...p, message: `${p.message} (${why.get(p.key)})` } : p)),
  );
}
