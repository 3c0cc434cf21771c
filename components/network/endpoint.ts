/** One account's private endpoint (group `account`) and the zone group that registers its DNS records. */
import * as network from "@pulumi/azure-native/network";
import * as pulumi from "@pulumi/pulumi";
import { importOptions } from "../facts/adoption";
import { ACCOUNT_PRIVATE_LINK_GROUP_ID } from "../facts/privateLink";
import { componentType, withLegacyType } from "../tokens";
import { DNS_ZONE_GROUP_TAG, DnsZoneGroupMode, POLICY_MANAGED } from "./dnsMode";

/** Names of an adopted endpoint's zone group in Azure, and its import id. */
export interface DnsZoneGroupNames {
  /** The zone group's name in Azure. */
  name: string;
  /** Azure resource id to import the zone group from (adoption). */
  import?: string;
}

/** Names Azure already has for an adopted endpoint, and the import ids. */
export interface EndpointNames {
  /** The private endpoint's name in Azure. */
  endpoint: string;
  /** The name of the endpoint's network interface in Azure. */
  networkInterface?: string;
  /** Azure resource id to import the endpoint from (adoption). */
  import?: string;
  /** The endpoint's DNS zone group as Azure has it. */
  dnsZoneGroup?: DnsZoneGroupNames;
}

export interface AccountPrivateEndpointArgs {
  /** The account's name (the endpoint is named pe-<account>). */
  accountName: string;
  /** The account's ARM id (Microsoft.CognitiveServices/accounts): the endpoint's private link target. */
  accountId: pulumi.Input<string>;
  /** The account's region; the subnet must be in a VNet of the same region. */
  location: string;
  /** The subnet the endpoint's network interface is placed in. */
  subnetId: pulumi.Input<string>;
  /** Private DNS zone id by zone name: every zone the account kind needs. Required unless the zone group is policy-managed. */
  dnsZoneIds?: Record<string, pulumi.Input<string>>;
  /**
   * "stack" (the default): this component creates a zone group over `dnsZoneIds`. "policy-managed": no zone group; the
   * tenant's DeployIfNotExists policy creates it (the endpoint is tagged to say so).
   */
  dnsZoneGroup?: DnsZoneGroupMode;
  /** The resource group of the endpoint (and its zone group). */
  resourceGroupName: pulumi.Input<string>;
  /**
   * What the endpoint must wait for: Azure rejects a private endpoint while the account is still
   * updating, so pass the account's last deployment (or its last operation).
   */
  after?: pulumi.Resource[];
  /** Tags of the endpoint. */
  tags?: Record<string, string>;
  /**
   * Names Azure already has (an adopted endpoint) and import ids; without them: pe-<account>,
   * <name>-nic, "default". An endpoint with names but no networkInterface keeps Azure's interface name.
   */
  names?: EndpointNames;
}

export class AccountPrivateEndpoint extends pulumi.ComponentResource {
  /** The private endpoint's ARM id. */
  readonly privateEndpointId: pulumi.Output<string>;

  constructor(name: string, args: AccountPrivateEndpointArgs, opts?: pulumi.ComponentResourceOptions) {
    super(
      componentType("AccountPrivateEndpoint"),
      name,
      {},
      withLegacyType("aoai-platform:network:AccountPrivateEndpoint", opts),
    );
    // The schema types it as an enum, but a caller can still send any string (a cast, or an SDK or
    // engine path that does not check enums): refuse it here.
    const mode: string = args.dnsZoneGroup ?? DnsZoneGroupMode.Stack;
    if (mode !== DnsZoneGroupMode.Stack && mode !== POLICY_MANAGED) {
      throw new pulumi.ResourceError(
        `AccountPrivateEndpoint ${name}: dnsZoneGroup: ${JSON.stringify(mode)}: must be "${DnsZoneGroupMode.Stack}" or "${POLICY_MANAGED}"`,
        this,
        true,
      );
    }
    const policyManaged = mode === POLICY_MANAGED;
    const dnsZoneIds = args.dnsZoneIds ?? {};
    if (!policyManaged && Object.keys(dnsZoneIds).length === 0) {
      throw new pulumi.ResourceError(
        `AccountPrivateEndpoint ${name}: dnsZoneIds: (missing): name at least one private DNS zone id, or set dnsZoneGroup to "${POLICY_MANAGED}"`,
        this,
        true,
      );
    }
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
        tags: policyManaged ? { ...args.tags, [DNS_ZONE_GROUP_TAG]: POLICY_MANAGED } : args.tags,
      },
      { parent: this, dependsOn: args.after ?? [], ...importOptions("privateEndpoint", args.names?.import) },
    );
    this.privateEndpointId = endpoint.id;
    if (policyManaged) {
      this.registerOutputs({ privateEndpointId: this.privateEndpointId });
      return;
    }
    new network.PrivateDnsZoneGroup(
      `${name}-dns`,
      {
        privateDnsZoneGroupName: args.names?.dnsZoneGroup?.name ?? "default",
        privateEndpointName: endpoint.name,
        resourceGroupName: args.resourceGroupName,
        privateDnsZoneConfigs: Object.entries(dnsZoneIds).map(([zone, privateDnsZoneId]) => ({
          name: zone.replaceAll(".", "-"),
          privateDnsZoneId,
        })),
      },
      { parent: this, ...importOptions("privateDnsZoneGroup", args.names?.dnsZoneGroup?.import) },
    );
    this.registerOutputs({ privateEndpointId: this.privateEndpointId });
  }
}
