/** Composes monitoring and the budget from the stack config; both are optional per stack. */
import type * as pulumi from "@pulumi/pulumi";
import type { OpenAIAccount } from "../components/account/component";
import { ResourceGroupBudget } from "../components/budget/component";
import { PlatformMonitoring } from "../components/monitoring/component";
import type { PlatformResourceGroup } from "../components/resource-group/component";
import type { StackConfig } from "./config/schema";

/** What other parts of the stack use: the Log Analytics workspace (only with `monitoring`). */
export interface ObservabilityOutputs {
  workspaceId: pulumi.Output<string> | undefined;
}

export function defineObservability(
  config: StackConfig,
  group: PlatformResourceGroup,
  accounts: ReadonlyMap<string, OpenAIAccount>,
  tags: Record<string, string>,
): ObservabilityOutputs {
  const monitoring =
    config.monitoring &&
    new PlatformMonitoring("monitoring", {
      settings: config.monitoring,
      resourceGroupName: group.name,
      location: config.resourceGroup.location ?? config.location,
      accounts: config.accounts.flatMap((spec) => {
        const account = accounts.get(spec.name);
        return account
          ? [
              {
                name: spec.name,
                id: account.accountId,
                location: spec.location,
                deployments: spec.deployments,
              },
            ]
          : [];
      }),
      webhookUrl: config.alertWebhookUrl,
      tags,
    });
  if (config.budget) {
    new ResourceGroupBudget("budget", {
      ...config.budget,
      resourceGroupId: group.id,
      actionGroupId: monitoring?.actionGroupId,
    });
  }
  return { workspaceId: monitoring?.workspaceId };
}
