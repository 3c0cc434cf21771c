/** Reads this project's config namespace, validates it, and returns the typed stack config. */
import { nearMiss } from "../../components/nearMiss";
import { ConfigError, type ConfigProblem, describeIssues } from "./errors";
import { createStackConfigSchema, type StackConfig, stackConfigSchema } from "./schema";
import { isSecretConfigPath } from "./secrets";
import type { ConfigWarning } from "./types";
import { configWarnings } from "./warnings";

/** The Pulumi config namespace of the program: the project name in Pulumi.yaml. */
export const CONFIG_NAMESPACE = "aoai-platform";

/**
 * The other namespaces a stack's config may use: the providers the program creates resources with
 * (each reads its own `<provider>:<key>` settings, e.g. azure-native:location, azuread:tenantId)
 * and `pulumi:`, the engine's own settings (e.g. pulumi:disable-default-providers, pulumi:tags).
 * Source: https://www.pulumi.com/docs/iac/concepts/config/ (namespaces, provider and pulumi config).
 */
export const OTHER_CONFIG_NAMESPACES: readonly string[] = ["azure-native", "azuread", "pulumi"];

export interface LoadedConfig {
  config: StackConfig;
  warnings: ConfigWarning[];
}

export interface ParseOptions {
  /** The day to judge date rules by (budget start window); defaults to now. */
  today?: Date;
  /** Keys whose values are secrets (`namespace:key`); their values are never printed. */
  secretKeys?: readonly string[];
  /**
   * The settings each provider namespace accepts (the program passes them, from the provider SDKs:
   * src/providerSettings.ts); a key outside them is a problem. Without it, only namespaces are checked.
   */
  providerSettings?: Readonly<Record<string, readonly string[]>>;
}

/**
 * Pulumi hands config values over as strings; structured YAML values arrive as JSON text. Objects
 * and arrays are decoded, scalars stay strings (the schema says which keys take which).
 */
function decodeConfigValue(raw: string): unknown {
  const trimmed = raw.trimStart();
  if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) return raw;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

function splitKey(fullKey: string): [string, string | undefined] {
  const [ns = "", key] = fullKey.split(/:(.*)/s);
  return [ns, key];
}

/** Picks this namespace's keys out of Pulumi's flat `namespace:key` map. */
export function namespaceValues(
  allConfig: Record<string, string>,
  namespace = CONFIG_NAMESPACE,
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [fullKey, raw] of Object.entries(allConfig)) {
    const [ns, key] = splitKey(fullKey);
    if (ns === namespace && key !== undefined) values[key] = decodeConfigValue(raw);
  }
  return values;
}

/**
 * Keys under a namespace nothing reads (a typo such as `aoai-platfrom:budget`), or a provider setting
 * the provider does not have (`azure-native:locaton`), would be ignored without a word: each is a
 * problem naming what it probably meant.
 */
export function unknownNamespaceProblems(
  allConfig: Record<string, string>,
  providerSettings: Readonly<Record<string, readonly string[]>> = {},
): ConfigProblem[] {
  const known = [CONFIG_NAMESPACE, ...OTHER_CONFIG_NAMESPACES];
  const problems: ConfigProblem[] = [];
  for (const fullKey of Object.keys(allConfig)) {
    const [ns, key = ""] = splitKey(fullKey);
    const settings = providerSettings[ns];
    if (!known.includes(ns)) {
      const meant = nearMiss(ns, known);
      const hint = meant === undefined ? "" : `; did you mean ${meant}:${key}?`;
      problems.push({
        key: fullKey,
        value: `namespace "${ns}"`,
        message: `no part of this program reads the ${ns} namespace, so the value would be ignored${hint} (namespaces read: ${known.join(", ")})`,
      });
    } else if (settings !== undefined && !settings.includes(key)) {
      const meant = settings.find((s) => s.toLowerCase() === key.toLowerCase()) ?? nearMiss(key, settings);
      const hint =
        meant === undefined ? `; its settings: ${settings.join(", ")}` : `; did you mean ${ns}:${meant}?`;
      problems.push({
        key: fullKey,
        value: `setting "${key}"`,
        message: `the ${ns} provider has no such setting, so the value would be ignored${hint}`,
      });
    }
  }
  return problems;
}

/** Validates a stack's config values; throws ConfigError listing every problem at once. */
export function parseStackConfig(
  values: Record<string, unknown>,
  stack: string,
  options: ParseOptions = {},
): LoadedConfig {
  const { today } = options;
  const schema = today === undefined ? stackConfigSchema : createStackConfigSchema(() => today);
  const result = schema.safeParse(values);
  if (!result.success) {
    const secretKeys = options.secretKeys ?? [];
    const isSecret = (path: readonly PropertyKey[]) => isSecretConfigPath(path, CONFIG_NAMESPACE, secretKeys);
    throw new ConfigError(stack, describeIssues(result.error.issues, values, CONFIG_NAMESPACE, isSecret));
  }
  return { config: result.data, warnings: configWarnings(result.data, today) };
}

/**
 * Validates Pulumi's whole flat config map (every namespace), as the program receives it: unknown
 * namespaces and this namespace's schema problems are reported together.
 */
export function parseAllConfig(
  allConfig: Record<string, string>,
  stack: string,
  options: ParseOptions = {},
): LoadedConfig {
  let problems = unknownNamespaceProblems(allConfig, options.providerSettings);
  let loaded: LoadedConfig | undefined;
  try {
    loaded = parseStackConfig(namespaceValues(allConfig), stack, options);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems = [...problems, ...error.problems];
  }
  if (loaded === undefined || problems.length > 0) throw new ConfigError(stack, problems);
  return loaded;
}
