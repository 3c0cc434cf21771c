/** Public entry for consumers who validate their own stack config with our schema and rules. */
export { ConfigError, type ConfigProblem, describeIssues, formatKeyPath } from "./errors";
export { CONFIG_NAMESPACE, type LoadedConfig, namespaceValues, parseStackConfig } from "./load";
export { type QuotaUsage, quotaIssues, quotaUsage } from "./quota";
export {
  ENVIRONMENTS,
  type Environment,
  quotaEntrySchema,
  type ResolvedAccount,
  resolveAccounts,
  type StackConfig,
  type StackConfigInput,
  stackConfigSchema,
} from "./schema";
export { type ConfigWarning, configWarnings } from "./warnings";
