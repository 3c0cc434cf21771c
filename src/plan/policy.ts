/**
 * The security rules and the Azure Policy assignments over a plan's recorded resources: the same
 * rules and the same evaluator the policy pack runs.
 */
import { dirname } from "node:path";
import { evaluateAzurePolicy } from "../../policy/azure";
import type { AzureComplianceRow } from "../../policy/azure/assignments";
import { type AzurePolicySet, azurePolicySet } from "../../policy/azure/stack";
import { evaluateRules } from "../../policy/rules/evaluate";
import type { ResourceView } from "../../policy/rules/types";
import type { StackConfig } from "../config/schema";
import type { ExemptedFinding, Finding } from "./finding";
import type { PlannedResource } from "./resource";

/** Rule views of the recorded resources; the stack's view carries its outputs as inputs. */
export function resourceViews(
  resources: readonly PlannedResource[],
  outputs: Record<string, unknown>,
): ResourceView[] {
  return resources.map((r) => ({
    urn: r.urn,
    type: r.type,
    name: r.name,
    inputs: r.type === "pulumi:pulumi:Stack" ? outputs : r.inputs,
    protect: r.protect,
    parent: r.parent,
    dependencies: r.dependencies,
  }));
}

/** The assignments that judge this stack: synced ones in policy/azure/<stack>/ next to the stack file, else the baseline. */
export function stackAzurePolicySet(stack: string, config: StackConfig, configFile?: string): AzurePolicySet {
  return azurePolicySet({
    projectDir: configFile ? dirname(configFile) : process.cwd(),
    stack,
    definitions: config.policy.azureDefinitions,
    approvedModels: config.policy.approvedModels,
  });
}

/** What the plan JSON reports about Azure Policy: where the assignments came from and each one's result. */
export interface AzurePolicyReport {
  source: AzurePolicySet["source"];
  compliance: AzureComplianceRow[];
}

export function policyFindings(
  resources: readonly PlannedResource[],
  outputs: Record<string, unknown>,
  config: StackConfig,
  azure: AzurePolicySet,
): { findings: Finding[]; exempted: ExemptedFinding[]; azurePolicy: AzurePolicyReport } {
  const views = resourceViews(resources, outputs);
  const evaluation = evaluateRules(views, config.environment, config.policy);
  const azureEvaluation = evaluateAzurePolicy(views, azure, config.environment, config.policy.exemptions);
  return {
    findings: [
      ...evaluation.findings.map(
        (f): Finding => ({
          rule: f.rule,
          severity: f.enforcement === "mandatory" ? "error" : "warning",
          urn: f.urn,
          message: `${f.message} [${f.source}]`,
        }),
      ),
      ...azureEvaluation.findings,
    ],
    exempted: [
      ...evaluation.exempted.map((e) => ({ rule: e.rule, urn: e.urn, message: e.message, reason: e.reason })),
      ...azureEvaluation.exempted,
    ],
    azurePolicy: { source: azure.source, compliance: azureEvaluation.compliance },
  };
}
