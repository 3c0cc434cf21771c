/**
 * Azure Policy on planned resources: the one entry the offline plan and the policy pack share.
 * Both turn their resources into ResourceViews, then into ARM shape, and evaluate the same set of
 * assignments (the plan hands its set to the pack through the pack's config file).
 */
import type { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import type { EnvironmentName, ResourceView } from "../rules/types";
import { armResources } from "./arm";
import { type AzurePolicyEvaluation, evaluateAssignments } from "./assignments";
import { type AzurePolicySet, baselineAssignments } from "./stack";

/** An exemption from the stack's `policy.exemptions` (rule `azure:<assignment>[/<reference id>]`). */
export interface ConfigExemption {
  rule: string;
  resource?: string;
  reason: string;
}

export function evaluateAzurePolicy(
  views: readonly ResourceView[],
  set: AzurePolicySet,
  environment: EnvironmentName,
  configExemptions: readonly ConfigExemption[] = [],
): AzurePolicyEvaluation {
  const evaluation = evaluateAssignments(set.assignments, armResources(views), environment, set.exemptions);
  const findings = [];
  for (const finding of evaluation.findings) {
    const name = finding.urn.split("::").pop();
    const exemption = configExemptions.find(
      (e) => e.rule === finding.rule && (e.resource === undefined || e.resource === name),
    );
    if (exemption) evaluation.exempted.push({ ...finding, reason: exemption.reason });
    else findings.push(finding);
  }
  return { ...evaluation, findings };
}

/** What the pack's two Azure Policy entries read from their config. */
export interface AzurePackConfig {
  enforcementLevel: "mandatory" | "advisory";
  environment: EnvironmentName;
  set: AzurePolicySet;
  exemptions: ConfigExemption[];
}

export const AZURE_POLICY_PACK_NAMES = { errors: "azure-policy", warnings: "azure-policy-advisory" } as const;

/** The pack config entries for a stack: the same set the plan evaluates. */
export function azurePackConfig(
  environment: EnvironmentName,
  set: AzurePolicySet,
  configExemptions: readonly ConfigExemption[],
): Record<string, AzurePackConfig> {
  const exemptions = configExemptions.filter((e) => e.rule.startsWith("azure:"));
  return {
    [AZURE_POLICY_PACK_NAMES.errors]: { enforcementLevel: "mandatory", environment, set, exemptions },
    [AZURE_POLICY_PACK_NAMES.warnings]: { enforcementLevel: "advisory", environment, set, exemptions },
  };
}

/** Without a config file: our baseline, judged as prod (the safe default, like the rules). */
const defaultPackConfig = (): Omit<AzurePackConfig, "enforcementLevel"> => ({
  environment: "prod",
  set: { source: "baseline", assignments: baselineAssignments(undefined), exemptions: [] },
  exemptions: [],
});

/** Builds the pack's stack policies; `toView` is the pack's PolicyResource → ResourceView conversion. */
export function azureStackPolicies(toView: (r: PolicyResource) => ResourceView): StackValidationPolicy[] {
  const policy = (
    name: string,
    severity: "error" | "warning",
    level: "mandatory" | "advisory",
  ): StackValidationPolicy => ({
    name,
    description: `Azure Policy assignments (synced from the tenant, or the aoai-platform baseline) evaluated on the planned resources: ${severity === "error" ? "findings that fail" : "warnings and drift-to-be"}`,
    enforcementLevel: level,
    configSchema: {
      properties: { environment: { type: "string" }, set: { type: "object" }, exemptions: { type: "array" } },
    },
    validateStack: (args, reportViolation) => {
      const config = { ...defaultPackConfig(), ...args.getConfig<Partial<AzurePackConfig>>() };
      const evaluation = evaluateAzurePolicy(
        args.resources.map(toView),
        config.set,
        config.environment,
        config.exemptions,
      );
      for (const finding of evaluation.findings) {
        if (finding.severity === severity)
          reportViolation(`${finding.rule}: ${finding.message}`, finding.urn);
      }
    },
  });
  return [
    policy(AZURE_POLICY_PACK_NAMES.errors, "error", "mandatory"),
    policy(AZURE_POLICY_PACK_NAMES.warnings, "warning", "advisory"),
  ];
}
