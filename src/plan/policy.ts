/** The security rules over a plan's recorded resources: the same rules the policy pack runs. */
import { evaluateRules } from "../../policy/rules/evaluate";
import type { ResourceView } from "../../policy/rules/types";
import type { StackConfig } from "../config/schema";
import type { ExemptedFinding, Finding, PlannedResource } from "./model";

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

export function policyFindings(
  resources: readonly PlannedResource[],
  outputs: Record<string, unknown>,
  config: StackConfig,
): { findings: Finding[]; exempted: ExemptedFinding[] } {
  const evaluation = evaluateRules(resourceViews(resources, outputs), config.environment, config.policy);
  return {
    findings: evaluation.findings.map((f) => ({
      rule: f.rule,
      severity: f.enforcement === "mandatory" ? "error" : "warning",
      urn: f.urn,
      message: `${f.message} [${f.source}]`,
    })),
    exempted: evaluation.exempted.map((e) => ({
      rule: e.rule,
      urn: e.urn,
      message: e.message,
      reason: e.reason,
    })),
  };
}
