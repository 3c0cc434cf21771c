/** A rule finding of the offline plan (the `findings` and `exempted` of the plan JSON). */
import type { AzurePolicyFinding } from "../../policy/azure/assignments";

export type Severity = "error" | "warning";

export interface Finding {
  rule: string;
  severity: Severity;
  urn: string | null;
  message: string;
  /** Azure Policy findings: assignment, definition id, display name, effect, drift-to-be. */
  policy?: AzurePolicyFinding["policy"];
}

/** A rule violation the stack accepted in config, with the reason. */
export interface ExemptedFinding {
  rule: string;
  urn: string | null;
  message: string;
  reason: string;
  policy?: AzurePolicyFinding["policy"];
}
