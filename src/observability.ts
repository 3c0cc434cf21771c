/** Composes monitoring and the budget from the stack config; both are optional per stack. */
import type { OpenAIAccount } from "../components/account/component";
import { ResourceGroupBudget } from "../components/budget/component";
import type { AiGateway } from "../components/gateway/component";
import { PlatformMonitoring } from "../components/monitoring/component";
import type { PlatformResourceGroup } from "../components/resource-group/component";
import type { StackConfig } from "./config/schema";

export function defineObservability(
  config: StackConfig,
  group: PlatformResourceGroup,
  accounts: ReadonlyMap<string, OpenAIAccount>,
  gateway: AiGateway | undefined,
  tags: Record<string, string>,
): void {
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
        gateway && config.gateway
          ? [
              {
                name: config.gateway.name,
                id: gateway.serviceId,
                location: config.gateway.location ?? location,
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
}
