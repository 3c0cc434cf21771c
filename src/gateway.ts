/**
 * Wires the AI gateway to the stack: its backend accounts, its consumers' client ids, its region, the
 * stack's endpoint subnet and VNet there, the VNets its private DNS zone is linked to, and the Log
 * Analytics workspace its Application Insights is created on.
 */
import type { OpenAIAccount } from "../components/account/component";
import { AiGateway, type GatewayDnsZoneLink } from "../components/gateway/component";
import { subnetVirtualNetworkId } from "../components/network/ids";
import { zoneLinkTargets } from "../components/network/plan";
import type { NetworkSpec } from "../components/network/spec";
import type { PlatformResourceGroup } from "../components/resource-group/component";
import type { AccessOutputs } from "./access";
import { gatewayLocation } from "./config/gateway";
import type { StackConfig } from "./config/schema";
import type { ObservabilityOutputs } from "./observability";
import type { PrivateNetworkingOutputs } from "./privateNetworking";

export interface GatewayWiring {
  group: PlatformResourceGroup;
  accounts: ReadonlyMap<string, OpenAIAccount>;
  access: AccessOutputs;
  network: PrivateNetworkingOutputs;
  observability: ObservabilityOutputs;
  tags: Record<string, string>;
}

/**
 * The VNets whose clients resolve the gateway's host: those the accounts' zones are linked to, and the VNet
 * of a private-endpoint subnet given by id (config/gateway.ts refuses central zones without privateDnsZoneId).
 */
function zoneLinks(
  config: StackConfig,
  network: PrivateNetworkingOutputs,
  endpointSubnetId: string | undefined,
): GatewayDnsZoneLink[] {
  const endpointVnet = endpointSubnetId === undefined ? undefined : subnetVirtualNetworkId(endpointSubnetId);
  const base: NetworkSpec = config.network ?? { regions: {}, dnsZoneGroup: "stack", linkVnetIds: [] };
  const spec: NetworkSpec = endpointVnet
    ? { ...base, linkVnetIds: [...base.linkVnetIds, endpointVnet] }
    : base;
  return zoneLinkTargets(spec).flatMap((target) => {
    const virtualNetworkId =
      "createdInRegion" in target
        ? network.virtualNetworkIds[target.createdInRegion]
        : target.virtualNetworkId;
    return virtualNetworkId === undefined ? [] : [{ name: target.linkName, virtualNetworkId }];
  });
}

/** The stack's gateway, or undefined without `gateway` in config. */
export function definePlatformGateway(config: StackConfig, wiring: GatewayWiring): AiGateway | undefined {
  const spec = config.gateway;
  if (!spec) return undefined;
  const { access, network } = wiring;
  const location = gatewayLocation(config);
  const consumerClientIds = Object.fromEntries(
    spec.consumers.flatMap((consumer) => {
      const identity =
        consumer.identity === undefined ? undefined : access.managedIdentities?.[consumer.identity];
      return identity ? [[consumer.name, identity.clientId]] : [];
    }),
  );
  const privateEndpoint = spec.inbound === "privateEndpoint";
  return new AiGateway("gateway", {
    ...spec,
    location,
    apiVersion: config.apiVersion,
    resourceGroupName: wiring.group.name,
    accounts: Object.fromEntries(
      [...wiring.accounts].map(([name, account]) => [
        name,
        { id: account.accountId, endpoint: account.endpoint },
      ]),
    ),
    consumerClientIds,
    privateEndpointSubnetId:
      spec.privateEndpointSubnetId ?? (privateEndpoint ? network.subnetIds[location] : undefined),
    virtualNetworkId: spec.subnet ? network.virtualNetworkIds[location] : undefined,
    privateDnsZoneLinks:
      privateEndpoint && spec.privateDnsZoneId === undefined
        ? zoneLinks(config, network, spec.privateEndpointSubnetId)
        : [],
    dnsZoneGroup: config.network?.dnsZoneGroup ?? "stack",
    logAnalyticsWorkspaceId: spec.applicationInsights ? undefined : wiring.observability.workspaceId,
    tags: wiring.tags,
  });
}
