/**
 * Reads a stack file and validates its config as the program receives it under `pulumi up`: every
 * namespace (a key nothing reads is refused), each provider's settings (from the provider SDKs), the
 * schema, with secret values kept out of messages. The plan and every CLI that reads a stack file
 * (preflight, policy-sync, adopt's read-back) use this one reader.
 */
import { ConfigError } from "../config/errors";
import { type LoadedConfig, parseAllConfig } from "../config/load";
import { PROVIDER_SETTINGS } from "../providerSettings";
import {
  assertNoProjectConfig,
  explainDialect,
  readStackConfigFile,
  type StackConfigFile,
} from "./stackFile";

export interface StackConfigSource {
  stack: string;
  /** Path of the stack's config file; defaults to Pulumi.<stack>.yaml in the current directory. */
  configFile?: string;
}

/** A stack file and its validated config (what the plan passes to the program). */
export interface LoadedStackConfig extends LoadedConfig {
  file: StackConfigFile;
}

/** Reads and validates a stack's config file. Throws ConfigError or StackFileError. */
export function loadStackConfig(source: StackConfigSource): LoadedStackConfig {
  assertNoProjectConfig("Pulumi.yaml");
  const file = readStackConfigFile(source.configFile ?? `Pulumi.${source.stack}.yaml`);
  const checks = { secretKeys: file.secretKeys, providerSettings: PROVIDER_SETTINGS };
  try {
    return { file, ...parseAllConfig(file.values, source.stack, checks) };
  } catch (error) {
    throw error instanceof ConfigError ? explainDialect(error, file.warnings) : error;
  }
}
