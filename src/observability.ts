/** Composes monitoring and the budget from the stack config; both are optional per stack. */
import type * as pulumi from "@pulumi/pulumi";
import type { OpenAIAccount } from "../components/account/component";
import { ResourceGroupBudget } from "../components/budget/component";
import { PlatformMonitoring } from "../components/monitoring/component";
import type { PlatformResourceGroup } from "../components/resource-group/component";
import { gatewayLocation } from "./config/gateway";
import type { StackConfig } from "./config/schema";

/** What other parts of the stack use: the Log Analytics workspace (only with `monitoring`). */
export interface ObservabilityOutputs {
  workspaceId: pulumi.Output<string> | undefined;
}

export function defineObservability(
  config: StackConfig,
  group: PlatformResourceGroup,
  accounts: ReadonlyMap<string, OpenAIAccount>,
  /** The gateway's service id (a deferred output: the gateway is defined after monitoring, on its workspace). */
  gatewayServiceId: pulumi.Output<string> | undefined,
  tags: Record<string, string>,
): ObservabilityOutputs {
  const location = config.resourceGroup.location ?? config.location;
  const monitoring =
    config.monitoring &&
    new PlatformMonitoring("monitoring", {
      // The config's monitoring as the component takes it: severities already resolved per environment.
      ...config.monitoring,
      environment: config.environment,
      resourceGroupName: group.name,
      location,
      accounts: config.accounts.flatMap((spec) => {
        const account = accounts.get(spec.name);
        return account
          ? [
              {
                name: spec.name,
                id: account.accountId,
                location: spec.location,
                deployments: spec.deployments.map(({ name, sku }) => ({ name, sku })),
              },
            ]
          : [];
      }),
      gateways:
        gatewayServiceId && config.gateway
          ? [
              {
                name: config.gateway.name,
                id: gatewayServiceId,
                location: gatewayLocation(config),
              },
            ]
          : [],
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
