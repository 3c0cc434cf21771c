/**
 * The `logs` of a diagnostic setting, by category group, exactly as Azure Policy's category-group
 * DeployIfNotExists definitions require (55d1f543 for Cognitive Services and the initiatives
 * 0884adba `allLogs` / f5b29bc4 `audit`: built-in-policies/policyDefinitions/Monitoring/
 * DS_LA_cognitiveservices-accounts_DINE.json in Azure/azure-policy): one `audit` entry and one
 * `allLogs` entry, the chosen group enabled and the other present but disabled. With a single
 * entry their existence condition fails and an assigned DINE adds a second `setByPolicy` setting.
 */
import { LOG_CATEGORY_GROUPS, type LogCategoryGroup } from "../facts/monitoring";

export interface CategoryGroupLog {
  categoryGroup: LogCategoryGroup;
  enabled: boolean;
}

export function categoryGroupLogs(chosen: LogCategoryGroup): CategoryGroupLog[] {
  return [...LOG_CATEGORY_GROUPS]
    .sort((a) => (a === "audit" ? -1 : 1))
    .map((categoryGroup) => ({ categoryGroup, enabled: categoryGroup === chosen }));
}
