/**
 * The shared rules as @pulumi/policy stack policies. Pure: building them starts nothing, so tests
 * import this module; policy/index.ts constructs the PolicyPack (which starts a server).
 */
import type { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { azureStackPolicies } from "./azure";
import { RULES } from "./rules/catalog";
import type { RulePackConfig } from "./rules/packConfig";
import type { EnvironmentName, ResourceView, Rule } from "./rules/types";

const DEFAULT_CONFIG: RulePackConfig = {
  enforcementLevel: "mandatory",
  exemptions: [],
  requiredTags: ["environment", "owner", "costCenter"],
  environment: "prod",
};

export function toResourceView(resource: PolicyResource): ResourceView {
  return {
    urn: resource.urn,
    type: resource.type,
    name: resource.name,
    inputs: resource.props,
    protect: resource.opts.protect,
    parent: resource.parent?.urn ?? null,
    dependencies: resource.dependencies.map((d) => d.urn),
    propertyDependencies: Object.fromEntries(
      Object.entries(resource.propertyDependencies ?? {}).map(([key, deps]) => [key, deps.map((d) => d.urn)]),
    ),
  };
}

export function rulePolicy(rule: Rule): StackValidationPolicy {
  return {
    name: rule.id,
    description: `${rule.description} (${rule.source})`,
    enforcementLevel: "mandatory",
    configSchema: {
      properties: {
        exemptions: { type: "array", default: [] },
        requiredTags: { type: "array", default: DEFAULT_CONFIG.requiredTags },
        environment: { type: "string", default: DEFAULT_CONFIG.environment },
        approvedModels: { type: "array" },
      },
    },
    validateStack: (args, reportViolation) => {
      const config = { ...DEFAULT_CONFIG, ...args.getConfig<Partial<RulePackConfig>>() };
      const views = args.resources.map(toResourceView);
      const context = {
        environment: config.environment as EnvironmentName,
        requiredTags: config.requiredTags,
        approvedModels: config.approvedModels,
      };
      for (const violation of rule.check(views, context)) {
        const name = violation.urn?.split("::").pop();
        const exempt = config.exemptions.some((e) => e.resource === undefined || e.resource === name);
        if (!exempt) reportViolation(violation.message, violation.urn ?? undefined);
      }
    },
  };
}

export const POLICIES: StackValidationPolicy[] = [
  ...RULES.map(rulePolicy),
  ...azureStackPolicies(toResourceView),
];
