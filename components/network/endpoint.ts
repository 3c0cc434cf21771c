/** One account's private endpoint (group `account`) and the zone group that registers its DNS records. */
import * as network from "@pulumi/azure-native/network";
import * as pulumi from "@pulumi/pulumi";
import { importOptions } from "../facts/adoption";
import { ACCOUNT_PRIVATE_LINK_GROUP_ID } from "../facts/privateLink";
import { DNS_ZONE_GROUP_TAG, POLICY_MANAGED } from "./dnsMode";

export interface AccountPrivateEndpointArgs {
  accountName: string;
  accountId: pulumi.Input<string>;
  /** The account's region; the subnet must be in a VNet of the same region. */
  location: string;
  subnetId: pulumi.Input<string>;
  /**
   * Private DNS zone id by zone name: every zone the account kind needs. `policy-managed`: no zone
   * group; the tenant's DeployIfNotExists policy creates it (the endpoint is tagged to say so).
   */
  dnsZoneIds: Record<string, pulumi.Input<string>> | "policy-managed";
  resourceGroupName: pulumi.Input<string>;
  /**
   * What the endpoint must wait for: Azure rejects a private endpoint while the account is still
   * updating, so pass the account's last deployment (or its last operation).
   */
  after?: pulumi.Resource[];
  tags?: Record<string, string>;
  /**
   * Names Azure already has (an adopted endpoint) and import ids; without them: pe-<account>,
   * <name>-nic, "default". An endpoint with names but no networkInterface keeps Azure's interface name.
   */
  names?: {
    endpoint: string;
    networkInterface?: string;
    import?: string;
    dnsZoneGroup?: { name: string; import?: string };
  };
}

export class AccountPrivateEndpoint extends pulumi.ComponentResource {
  readonly privateEndpointId: pulumi.Output<string>;

  constructor(name: string, args: AccountPrivateEndpointArgs, opts?: pulumi.ComponentResourceOptions) {
    super("aoai-platform:network:AccountPrivateEndpoint", name, {}, opts);
    const endpointName = args.names?.endpoint ?? `pe-${args.accountName}`;
    const endpoint = new network.PrivateEndpoint(
      `${name}-pe`,
      {
        privateEndpointName: endpointName,
        // An adopted endpoint keeps the interface it has: a name chosen at creation, or Azure's.
        customNetworkInterfaceName: args.names ? args.names.networkInterface : `${endpointName}-nic`,
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
        tags:
          args.dnsZoneIds === POLICY_MANAGED
            ? { ...args.tags, [DNS_ZONE_GROUP_TAG]: POLICY_MANAGED }
            : args.tags,
      },
      { parent: this, dependsOn: args.after ?? [], ...importOptions("privateEndpoint", args.names?.import) },
    );
    this.privateEndpointId = endpoint.id;
    if (args.dnsZoneIds === POLICY_MANAGED) {
      this.registerOutputs({ privateEndpointId: this.privateEndpointId });
      return;
    }
    new network.PrivateDnsZoneGroup(
      `${name}-dns`,
      {
        privateDnsZoneGroupName: args.names?.dnsZoneGroup?.name ?? "default",
        privateEndpointName: endpoint.name,
        resourceGroupName: args.resourceGroupName,
        privateDnsZoneConfigs: Object.entries(args.dnsZoneIds).map(([zone, privateDnsZoneId]) => ({
          name: zone.replaceAll(".", "-"),
          privateDnsZoneId,
        })),
      },
      { parent: this, ...importOptions("privateDnsZoneGroup", args.names?.dnsZoneGroup?.import) },
    );
    this.registerOutputs({ privateEndpointId: this.privateEndpointId });
  }
}
