/**
 * The shared shape of security rules: pure functions over resources (type, inputs, options and
 * dependency edges). The offline plan and the Pulumi policy pack both evaluate the same rules.
 */

/** What a rule sees of one resource; built from the plan's records or from @pulumi/policy's. */
export interface ResourceView {
  urn: string;
  type: string;
  /** Pulumi logical name. */
  name: string;
  /** Registered inputs. In a preview, values computed by Azure may be missing or unknown. */
  inputs: Record<string, unknown>;
  protect: boolean;
  parent: string | null;
  /** Every direct dependency (explicit and via inputs). */
  dependencies: string[];
  /** Dependencies per input, where known (the policy pack); ids in inputs may be unknown in a preview. */
  propertyDependencies?: Record<string, string[]>;
}

export type Enforcement = "mandatory" | "advisory" | "disabled";

export type EnvironmentName = "dev" | "test" | "staging" | "prod";

export interface RuleContext {
  environment: EnvironmentName;
  /** Tag names every taggable Azure resource must carry. */
  requiredTags: readonly string[];
  /** The stack's approved models (policy.approvedModels); undefined: no allow-list. */
  approvedModels?: readonly ApprovedModelEntry[];
}

export interface ApprovedModelEntry {
  model: string;
  versions?: readonly string[];
  skus?: readonly string[];
}

export interface Violation {
  /** The offending resource's URN; null for stack-wide problems. */
  urn: string | null;
  message: string;
}

export interface Rule {
  id: string;
  description: string;
  /** Azure Policy definition GUID, Checkov id or guardrail the rule implements; "aoai-platform" for our own. */
  source: string;
  /** Default enforcement per environment; stacks override in config. */
  enforcement: Record<EnvironmentName, Enforcement>;
  check(resources: readonly ResourceView[], context: RuleContext): Violation[];
}

/** Mandatory in prod, advisory elsewhere: the default. */
export const PROD_MANDATORY: Record<EnvironmentName, Enforcement> = {
  dev: "advisory",
  test: "advisory",
  staging: "advisory",
  prod: "mandatory",
};

/** Mandatory everywhere: a mistake that breaks deploys or leaks credentials in any stack. */
export const ALWAYS_MANDATORY: Record<EnvironmentName, Enforcement> = {
  dev: "mandatory",
  test: "mandatory",
  staging: "mandatory",
  prod: "mandatory",
};

/** Off unless a stack turns it on (e.g. customer-managed keys). */
export const OPT_IN: Record<EnvironmentName, Enforcement> = {
  dev: "disabled",
  test: "disabled",
  staging: "disabled",
  prod: "disabled",
};
