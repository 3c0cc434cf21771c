/** Public entry for consumers who validate their own stack config with our schema and rules. */
export { ConfigError, type ConfigProblem, describeIssues, formatKeyPath } from "./errors";
export { CONFIG_NAMESPACE, type LoadedConfig, namespaceValues, parseStackConfig } from "./load";
export { type QuotaUsage, quotaIssues, quotaUsage } from "./quota";
export {
  quotaEntrySchema,
  resolveAccounts,
  type StackConfig,
  type StackConfigInput,
  stackConfigSchema,
} from "./schema";
export { type ConfigWarning, ENVIRONMENTS, type Environment, type ResolvedAccount } from "./types";
export { configWarnings } from "./warnings";
