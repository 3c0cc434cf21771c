/** Runs the rules for a stack: enforcement per environment, stack overrides and exemptions. */
import { RULES } from "./catalog";
import type { PolicySettings } from "./settings";
import type { Enforcement, EnvironmentName, ResourceView, Rule } from "./types";

export interface RuleFinding {
  rule: string;
  source: string;
  enforcement: Exclude<Enforcement, "disabled">;
  urn: string | null;
  message: string;
}

export interface ExemptedFinding extends Omit<RuleFinding, "enforcement"> {
  reason: string;
}

export interface Evaluation {
  findings: RuleFinding[];
  exempted: ExemptedFinding[];
}

export function enforcementOf(
  rule: Rule,
  environment: EnvironmentName,
  settings: PolicySettings,
): Enforcement {
  return settings.enforcement[rule.id] ?? rule.enforcement[environment];
}

function resourceName(urn: string | null): string | undefined {
  return urn?.split("::").pop();
}

export function evaluateRules(
  resources: readonly ResourceView[],
  environment: EnvironmentName,
  settings: PolicySettings,
  rules: readonly Rule[] = RULES,
): Evaluation {
  const evaluation: Evaluation = { findings: [], exempted: [] };
  for (const rule of rules) {
    const enforcement = enforcementOf(rule, environment, settings);
    if (enforcement === "disabled") continue;
    const context = {
      environment,
      requiredTags: settings.requiredTags,
      approvedModels: settings.approvedModels,
    };
    for (const violation of rule.check(resources, context)) {
      const exemption = settings.exemptions.find(
        (e) => e.rule === rule.id && (e.resource === undefined || e.resource === resourceName(violation.urn)),
      );
      const base = { rule: rule.id, source: rule.source, urn: violation.urn, message: violation.message };
      if (exemption) evaluation.exempted.push({ ...base, reason: exemption.reason });
      else evaluation.findings.push({ ...base, enforcement });
    }
  }
  return evaluation;
}
