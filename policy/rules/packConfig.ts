/**
 * The policy pack's configuration for one stack (`pulumi preview --policy-pack-config <file>`):
 * each rule's enforcement level in that environment, its exemptions and the required tags. One
 * source of truth: the stack's `policy` config, as the offline plan reads it.
 */
import { RULES } from "./catalog";
import { enforcementOf } from "./evaluate";
import type { PolicySettings } from "./settings";
import type { ApprovedModelEntry, Enforcement, EnvironmentName } from "./types";

export interface RulePackConfig {
  enforcementLevel: Enforcement;
  exemptions: { resource?: string; reason: string }[];
  requiredTags: string[];
  environment: EnvironmentName;
  approvedModels?: ApprovedModelEntry[];
}

export function policyPackConfig(
  environment: EnvironmentName,
  settings: PolicySettings,
): Record<string, RulePackConfig> {
  return Object.fromEntries(
    RULES.map((rule) => [
      rule.id,
      {
        enforcementLevel: enforcementOf(rule, environment, settings),
        exemptions: settings.exemptions
          .filter((e) => e.rule === rule.id)
          .map((e) =>
            e.resource === undefined ? { reason: e.reason } : { resource: e.resource, reason: e.reason },
          ),
        requiredTags: [...settings.requiredTags],
        environment,
        ...(settings.approvedModels ? { approvedModels: settings.approvedModels } : {}),
      },
    ]),
  );
}
