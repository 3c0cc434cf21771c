/**
 * Types shared by the stack config schema and its rule modules, in their own module so neither side
 * imports the other (the schema composes the rules; the rules only need these shapes).
 */
import type { AccountSpec } from "../../components/account/spec";

export const ENVIRONMENTS = ["dev", "test", "staging", "prod"] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

/** An account with the defaults that depend on stack-wide keys filled in (`resolveAccounts`). */
export interface ResolvedAccount extends AccountSpec {
  location: string;
  customSubDomain: string;
  protect: boolean;
  lock: "CanNotDelete" | "None";
  defenderForAI: boolean;
}

/** An advisory finding about a valid config (src/config/warnings.ts). */
export interface ConfigWarning {
  /** Stable id, e.g. config.unknown-model. */
  rule: string;
  key: string;
  message: string;
}
