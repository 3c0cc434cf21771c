/** Wires the AI gateway to the stack: its backend accounts, its consumers' client ids, its region. */
import type { OpenAIAccount } from "../components/account/component";
import { AiGateway } from "../components/gateway/component";
import type { PlatformResourceGroup } from "../components/resource-group/component";
import type { AccessOutputs } from "./access";
import type { StackConfig } from "./config/schema";

/** The stack's gateway, or undefined without `gateway` in config. */
export function definePlatformGateway(
  config: StackConfig,
  group: PlatformResourceGroup,
  accounts: ReadonlyMap<string, OpenAIAccount>,
  access: AccessOutputs,
  tags: Record<string, string>,
): AiGateway | undefined {
  const spec = config.gateway;
  if (!spec) return undefined;
  const consumerClientIds = Object.fromEntries(
    spec.consumers.flatMap((consumer) => {
      const identity =
        consumer.identity === undefined ? undefined : access.managedIdentities?.[consumer.identity];
      return identity ? [[consumer.name, identity.clientId]] : [];
    }),
  );
  return new AiGateway("gateway", {
    spec,
    apiVersion: config.apiVersion,
    resourceGroupName: group.name,
    location: spec.location ?? config.resourceGroup.location ?? config.location,
    accounts: Object.fromEntries(
      [...accounts].map(([name, account]) => [name, { id: account.accountId, endpoint: account.endpoint }]),
    ),
    consumerClientIds,
    tags,
  });
}
