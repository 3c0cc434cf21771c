/** Reads this project's config namespace, validates it, and returns the typed stack config. */
import { ConfigError, describeIssues } from "./errors";
import { createStackConfigSchema, type StackConfig, stackConfigSchema } from "./schema";
import { type ConfigWarning, configWarnings } from "./warnings";

/** The Pulumi config namespace of the program: the project name in Pulumi.yaml. */
export const CONFIG_NAMESPACE = "aoai-platform";

export interface LoadedConfig {
  config: StackConfig;
  warnings: ConfigWarning[];
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

/** Picks this namespace's keys out of Pulumi's flat `namespace:key` map. */
export function namespaceValues(
  allConfig: Record<string, string>,
  namespace = CONFIG_NAMESPACE,
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [fullKey, raw] of Object.entries(allConfig)) {
    const [ns, key] = fullKey.split(/:(.*)/s);
    if (ns === namespace && key !== undefined) values[key] = decodeConfigValue(raw);
  }
  return values;
}

export interface ParseOptions {
  /** The day to judge date rules by (budget start window); defaults to now. */
  today?: Date;
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
    throw new ConfigError(stack, describeIssues(result.error.issues, values, CONFIG_NAMESPACE));
  }
  return { config: result.data, warnings: configWarnings(result.data, today) };
}
