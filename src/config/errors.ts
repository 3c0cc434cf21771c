/**
 * Turns zod issues into messages that name the config key, the bad value and what is allowed. A
 * secret's value is never printed: the key and the rule are, the value reads [secret].
 */
import type { z } from "zod";
import { redactText } from "../../components/credentials";
import { containsCredential, REDACTED } from "./secrets";

/** `accounts[0].deployments[1].capacity` from ["accounts", 0, "deployments", 1, "capacity"]. */
export function formatKeyPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, segment) => {
    if (typeof segment === "number") return `${out}[${segment}]`;
    const name = String(segment);
    return out === "" ? name : `${out}.${name}`;
  }, "");
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input;
  for (const segment of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

function describeValue(value: unknown): string {
  if (value === undefined) return "missing";
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

export interface ConfigProblem {
  /** Config key path, prefixed with the Pulumi config key (e.g. aoai-platform:accounts[0].name). */
  key: string;
  value: string;
  message: string;
}

/**
 * `isSecret(path)` says whether the value at a path is a secret (see ./secrets); values that carry a
 * credential are treated as secrets wherever they are.
 */
export function describeIssues(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
  namespace: string,
  isSecret: (path: readonly PropertyKey[]) => boolean = () => false,
): ConfigProblem[] {
  return issues.map((issue) => {
    const path = issue.path;
    const keys = issue.code === "unrecognized_keys" ? issue.keys : [];
    const keyPath = formatKeyPath(path);
    const key = keyPath === "" ? namespace : `${namespace}:${keyPath}`;
    if (keys.length > 0) return { key, value: keys.map((k) => `"${k}"`).join(", "), message: issue.message };
    const raw = valueAt(input, path);
    if (isSecret(path) || containsCredential(raw)) {
      return { key, value: REDACTED, message: redactText(issue.message, raw) };
    }
    return { key, value: describeValue(raw), message: issue.message };
  });
}

/** Raised for an invalid stack config; its message lists every problem, one per line. */
export class ConfigError extends Error {
  constructor(
    readonly stackName: string,
    readonly problems: readonly ConfigProblem[],
  ) {
    super(
      [
        `Invalid config for stack "${stackName}" (${problems.length} problem${problems.length === 1 ? "" : "s"}):`,
        ...problems.map((p) => `  - ${p.key}: ${p.value}: ${p.message}`),
      ].join("\n"),
    );
    this.name = "ConfigError";
  }
}
