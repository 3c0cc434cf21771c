/** Puts every account behind a private endpoint in its region's subnet when the stack asks for it. */
import type * as pulumi from "@pulumi/pulumi";
import type { OpenAIAccount } from "../components/account/component";
import { privateDnsZonesFor } from "../components/facts/privateLink";
import { PrivateNetwork } from "../components/network/component";
import { AccountPrivateEndpoint } from "../components/network/endpoint";
import { usesPrivateEndpoints } from "./config/network";
import type { StackConfig } from "./config/schema";

export interface PrivateNetworkingOutputs {
  /** Private endpoint id by account name. */
  privateEndpointIds: Record<string, pulumi.Output<string>>;
  /** Private DNS zone id by zone name. */
  privateDnsZoneIds: Record<string, pulumi.Output<string>>;
  /** The private-endpoint subnet id by region. */
  subnetIds: Record<string, pulumi.Output<string>>;
  /** Ids of the VNets the stack creates, by region. */
  virtualNetworkIds: Record<string, pulumi.Output<string>>;
}

export function definePrivateNetworking(
  config: StackConfig,
  accounts: ReadonlyMap<string, OpenAIAccount>,
  resourceGroupName: pulumi.Input<string>,
  tags: Record<string, string>,
): PrivateNetworkingOutputs {
  const outputs: PrivateNetworkingOutputs = {
    privateEndpointIds: {},
    privateDnsZoneIds: {},
    subnetIds: {},
    virtualNetworkIds: {},
  };
  if (!usesPrivateEndpoints(config.network)) return outputs;
  // The stack's network config goes through as the component's args (the ip-rules exception is the
  // stack's guardrail, not the network's); the zones are those of the accounts' kinds.
  const { allowIpRulesInProd: _stackGuardrail, ...network } = config.network;
  const privateNetwork = new PrivateNetwork("private-network", {
    ...network,
    dnsZones: privateDnsZonesFor(config.accounts.map((a) => a.kind)),
    resourceGroupName,
    tags,
  });
  Object.assign(outputs.privateDnsZoneIds, privateNetwork.dnsZoneIds);
  Object.assign(outputs.subnetIds, privateNetwork.subnetIds);
  Object.assign(outputs.virtualNetworkIds, privateNetwork.virtualNetworkIds);
  for (const spec of config.accounts) {
    const account = accounts.get(spec.name);
    const subnetId = privateNetwork.subnetIds[spec.location];
    // The schema guarantees both; a miss here is a bug, not a config problem.
    if (!account || !subnetId) throw new Error(`no account or endpoint subnet for ${spec.name}`);
    const endpoint = new AccountPrivateEndpoint(
      `${spec.name}-private-endpoint`,
      {
        accountName: spec.name,
        accountId: account.accountId,
        location: spec.location,
        subnetId,
        dnsZoneGroup: config.network.dnsZoneGroup,
        dnsZoneIds:
          config.network.dnsZoneGroup === "policy-managed"
            ? undefined
            : privateNetwork.dnsZoneIdsFor(privateDnsZonesFor([spec.kind])),
        resourceGroupName,
        after: account.lastOperation ? [account.lastOperation] : [],
        tags,
        names: spec.privateEndpoint && {
          endpoint: spec.privateEndpoint.name,
          networkInterface: spec.privateEndpoint.networkInterfaceName,
          import: spec.privateEndpoint.import,
          dnsZoneGroup: spec.privateEndpoint.dnsZoneGroup,
        },
      },
      { parent: account },
    );
    outputs.privateEndpointIds[spec.name] = endpoint.privateEndpointId;
  }
  return outputs;
}
