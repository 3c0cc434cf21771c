/** The shared security rules: importable by the offline plan, tests and other stacks (no side effects). */
export { ACCOUNT_RULES } from "./account";
export { APIM, APIM_RULES } from "./apim";
export { findRule, RULES } from "./catalog";
export { contentFilterStrength, weakerThanDefault } from "./contentFilter";
export {
  type Evaluation,
  type ExemptedFinding,
  enforcementOf,
  evaluateRules,
  type RuleFinding,
} from "./evaluate";
export { GRAPH_RULES } from "./graph";
export { noKeysInOutputs } from "./outputs";
export { type PolicySettings, policySettingsSchema } from "./settings";
export * from "./types";
