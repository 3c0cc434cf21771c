/** One account's private endpoint (group `account`) and the zone group that registers its DNS records. */
import * as network from "@pulumi/azure-native/network";
import * as pulumi from "@pulumi/pulumi";
import { ACCOUNT_PRIVATE_LINK_GROUP_ID } from "../facts/privateLink";
import { componentType, withLegacyType } from "../tokens";

export interface AccountPrivateEndpointArgs {
  accountName: string;
  accountId: pulumi.Input<string>;
  /** The account's region; the subnet must be in a VNet of the same region. */
  location: string;
  subnetId: pulumi.Input<string>;
  /** Private DNS zone id by zone name: every zone the account kind needs. */
  dnsZoneIds: Record<string, pulumi.Input<string>>;
  resourceGroupName: pulumi.Input<string>;
  /**
   * What the endpoint must wait for: Azure rejects a private endpoint while the account is still
   * updating, so pass the account's last deployment (or its last operation).
   */
  after?: pulumi.Resource[];
  tags?: Record<string, string>;
}

export class AccountPrivateEndpoint extends pulumi.ComponentResource {
  readonly privateEndpointId: pulumi.Output<string>;

  constructor(name: string, args: AccountPrivateEndpointArgs, opts?: pulumi.ComponentResourceOptions) {
    super(
      componentType("AccountPrivateEndpoint"),
      name,
      {},
      withLegacyType("aoai-platform:network:AccountPrivateEndpoint", opts),
    );
    const endpointName = `pe-${args.accountName}`;
    const endpoint = new network.PrivateEndpoint(
      `${name}-pe`,
      {
        privateEndpointName: endpointName,
        customNetworkInterfaceName: `${endpointName}-nic`,
        resourceGroupName: args.resourceGroupName,
        location: args.location,
        subnet: { id: args.subnetId },
        privateLinkServiceConnections: [
          {
            name: endpointName,
            privateLinkServiceId: args.accountId,
            groupIds: [ACCOUNT_PRIVATE_LINK_GROUP_ID],
          },
        ],
        tags: args.tags,
      },
      { parent: this, dependsOn: args.after ?? [] },
    );
    new network.PrivateDnsZoneGroup(
      `${name}-dns`,
      {
        privateDnsZoneGroupName: "default",
        privateEndpointName: endpoint.name,
        resourceGroupName: args.resourceGroupName,
        privateDnsZoneConfigs: Object.entries(args.dnsZoneIds).map(([zone, privateDnsZoneId]) => ({
          name: zone.replaceAll(".", "-"),
          privateDnsZoneId,
        })),
      },
      { parent: this },
    );
    this.privateEndpointId = endpoint.id;
    this.registerOutputs({ privateEndpointId: this.privateEndpointId });
  }
}
