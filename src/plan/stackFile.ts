/** Reads Pulumi.<stack>.yaml the way the Pulumi CLI hands its `config:` map to a program. */
import { existsSync, readFileSync } from "node:fs";
import { parse } from "yaml";
import { OFFLINE_SECRET_PLACEHOLDER } from "../config/offlineSecret";

export interface StackConfigFile {
  path: string;
  /** Flat `namespace:key` → string, as `pulumi.runtime.allConfig()` returns it. */
  values: Record<string, string>;
  /** Keys whose value is a Pulumi secret (`secure:`); their ciphertext is never decoded here. */
  secretKeys: string[];
}

export class StackFileError extends Error {
  override name = "StackFileError";
}

function isSecureValue(value: unknown): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value) && "secure" in value;
}

export function stackFilePath(stack: string, projectDir: string): string {
  return `${projectDir}/Pulumi.${stack}.yaml`;
}

export function readStackConfigFile(path: string): StackConfigFile {
  if (!existsSync(path)) {
    throw new StackFileError(`stack config file not found: ${path}`);
  }
  let document: unknown;
  try {
    document = parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new StackFileError(`${path} is not valid YAML: ${(error as Error).message}`);
  }
  if (document === null || document === undefined) return { path, values: {}, secretKeys: [] };
  if (typeof document !== "object" || Array.isArray(document)) {
    throw new StackFileError(`${path} must be a YAML mapping with a "config:" key`);
  }
  const config = (document as Record<string, unknown>).config ?? {};
  if (typeof config !== "object" || config === null || Array.isArray(config)) {
    throw new StackFileError(`${path}: "config" must be a mapping of namespace:key to value`);
  }
  const values: Record<string, string> = {};
  const secretKeys: string[] = [];
  for (const [key, value] of Object.entries(config)) {
    if (!key.includes(":")) {
      throw new StackFileError(`${path}: config key "${key}" needs a namespace, e.g. aoai-platform:${key}`);
    }
    if (isSecureValue(value)) {
      secretKeys.push(key);
      values[key] = OFFLINE_SECRET_PLACEHOLDER;
    } else {
      values[key] = typeof value === "string" ? value : JSON.stringify(value);
    }
  }
  return { path, values, secretKeys };
}
