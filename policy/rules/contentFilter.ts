/** Prod deployments use content filters at least as strict as Microsoft's default policy. */
import {
  DEFAULT_FILTER_SETTINGS,
  HARM_CATEGORIES,
  HARM_CATEGORY_FILTER_NAME,
  PROMPT_SHIELD_FILTERS,
  type PromptShield,
  SEVERITY_RANK,
  type SeverityThreshold,
} from "../../components/facts/contentFilters";
import { AZURE, field, list, ofType } from "./inputs";
import { PROD_MANDATORY, type ResourceView, type Rule, type Violation } from "./types";

/** Azure's built-in policies: Microsoft.DefaultV2 (current) and Microsoft.Default (legacy). */
const BUILT_IN_POLICIES = new Set(["Microsoft.DefaultV2", "Microsoft.Default"]);

/** Where a RAI policy is weaker than the default, in words; [] when it is at least as strict. */
export function weakerThanDefault(policy: ResourceView): string[] {
  const filters = list(field(policy.inputs, "properties", "contentFilters"));
  const find = (name: string, source: string) =>
    filters.find((f) => field(f, "name") === name && field(f, "source") === source);
  const weaknesses: string[] = [];
  for (const category of HARM_CATEGORIES) {
    const name = HARM_CATEGORY_FILTER_NAME[category];
    for (const source of ["Prompt", "Completion"] as const) {
      const baseline =
        DEFAULT_FILTER_SETTINGS.categories[category][source === "Prompt" ? "prompt" : "completion"];
      const filter = find(name, source);
      const threshold = field(filter, "severityThreshold") as SeverityThreshold | undefined;
      const on = field(filter, "enabled") === true && field(filter, "blocking") === true;
      if (!on || threshold === undefined || SEVERITY_RANK[threshold] > SEVERITY_RANK[baseline]) {
        weaknesses.push(
          `${name} on ${source.toLowerCase()}s ${on ? `at ${threshold}` : "off"} (default ${baseline})`,
        );
      }
    }
  }
  for (const shield of Object.keys(PROMPT_SHIELD_FILTERS) as PromptShield[]) {
    if (!DEFAULT_FILTER_SETTINGS.shields[shield]) continue;
    const { name, sources } = PROMPT_SHIELD_FILTERS[shield];
    if (sources.some((source) => field(find(name, source), "enabled") !== true))
      weaknesses.push(`${name} off (default on)`);
  }
  return weaknesses;
}

export const contentFilterStrength: Rule = {
  id: "aoai-content-filter-strength",
  description: "Deployments use content filters not weaker than Microsoft's default policy",
  source: "aoai-platform",
  enforcement: PROD_MANDATORY,
  check: (resources) => {
    const policies = ofType(resources, AZURE.raiPolicy);
    return ofType(resources, AZURE.deployment).flatMap((deployment): Violation[] => {
      const name = field(deployment.inputs, "properties", "raiPolicyName");
      if (name === undefined || (typeof name === "string" && BUILT_IN_POLICIES.has(name))) return [];
      const policy =
        policies.find((p) => deployment.dependencies.includes(p.urn)) ??
        policies.find(
          (p) => p.inputs.raiPolicyName === name && p.inputs.accountName === deployment.inputs.accountName,
        );
      if (!policy) {
        return [
          {
            urn: deployment.urn,
            message: `${deployment.name}: content filter ${String(name)} is not defined in this stack; its strength cannot be checked`,
          },
        ];
      }
      const weaknesses = weakerThanDefault(policy);
      return weaknesses.length === 0
        ? []
        : [
            {
              urn: deployment.urn,
              message: `${deployment.name}: content filter ${String(policy.inputs.raiPolicyName)} is weaker than Microsoft's default: ${weaknesses.join("; ")}`,
            },
          ];
    });
  },
};
