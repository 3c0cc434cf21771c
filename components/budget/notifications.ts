/** Budget notifications as Cost Management takes them: a map keyed by a unique name per threshold. */
import type { BudgetThresholdType } from "../facts/monitoring";

export interface PlannedBudgetNotification<GroupId = string> {
  enabled: true;
  operator: "GreaterThanOrEqualTo";
  threshold: number;
  thresholdType: BudgetThresholdType;
  contactEmails: string[];
  contactGroups: GroupId[];
}

/** One notification per threshold; contact groups are action group ids (resource group scope allows them). */
export function budgetNotifications<GroupId>(
  thresholds: readonly { threshold: number; type: BudgetThresholdType }[],
  contactEmails: readonly string[],
  contactGroups: readonly GroupId[],
): Record<string, PlannedBudgetNotification<GroupId>> {
  return Object.fromEntries(
    thresholds.map(({ threshold, type }) => [
      `${type}_GreaterThanOrEqualTo_${String(threshold).replace(".", "_")}_Percent`,
      {
        enabled: true,
        operator: "GreaterThanOrEqualTo",
        threshold,
        thresholdType: type,
        contactEmails: [...contactEmails],
        contactGroups: [...contactGroups],
      },
    ]),
  );
}
