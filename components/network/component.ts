/** The stack's private network: per-region endpoint subnets, private DNS zones and their VNet links. */
import * as network from "@pulumi/azure-native/network";
import * as privatedns from "@pulumi/azure-native/privatedns";
import * as pulumi from "@pulumi/pulumi";
import type { AccountPrivateDnsZone } from "../facts/privateLink";
import { componentType, withLegacyType } from "../tokens";
import { endpointNsgName, endpointSubnetRules } from "./nsg";
import { createdVnetName, zoneLinkTargets } from "./plan";
import type { NetworkSpec } from "./spec";

export interface PrivateNetworkArgs {
  network: NetworkSpec;
  /** The zones the stack's accounts need; created unless `network.existingDnsZoneIds` names them. */
  dnsZones: readonly AccountPrivateDnsZone[];
  resourceGroupName: pulumi.Input<string>;
  tags?: Record<string, string>;
}

export class PrivateNetwork extends pulumi.ComponentResource {
  /** The private-endpoint subnet id by region. */
  readonly subnetIds: Record<string, pulumi.Output<string>> = {};
  /** Ids of the VNets this component created, by region. */
  readonly virtualNetworkIds: Record<string, pulumi.Output<string>> = {};
  /** Private DNS zone id by zone name (created or existing). */
  readonly dnsZoneIds: Partial<Record<AccountPrivateDnsZone, pulumi.Output<string>>> = {};

  constructor(name: string, args: PrivateNetworkArgs, opts?: pulumi.ComponentResourceOptions) {
    super(
      componentType("PrivateNetwork"),
      name,
      {},
      withLegacyType("aoai-platform:network:PrivateNetwork", opts),
    );
    const { resourceGroupName, tags } = args;
    const spec = args.network;

    for (const [region, regionSpec] of Object.entries(spec.regions)) {
      if (regionSpec.existingSubnetId !== undefined) {
        this.subnetIds[region] = pulumi.output(regionSpec.existingSubnetId);
      }
      if (!regionSpec.vnet) continue;
      const vnet = new network.VirtualNetwork(
        `${name}-vnet-${region}`,
        {
          virtualNetworkName: createdVnetName(region, spec),
          resourceGroupName,
          location: region,
          addressSpace: { addressPrefixes: regionSpec.vnet.addressSpace },
          tags,
        },
        { parent: this },
      );
      const subnetSpec = regionSpec.vnet.privateEndpointSubnet;
      const nsg = new network.NetworkSecurityGroup(
        `${name}-nsg-${region}`,
        {
          networkSecurityGroupName: endpointNsgName(createdVnetName(region, spec), subnetSpec.name),
          resourceGroupName,
          location: region,
          securityRules: endpointSubnetRules(subnetSpec.addressPrefix),
          tags,
        },
        { parent: this },
      );
      const subnet = new network.Subnet(
        `${name}-snet-${region}`,
        {
          subnetName: regionSpec.vnet.privateEndpointSubnet.name,
          virtualNetworkName: vnet.name,
          resourceGroupName,
          addressPrefix: regionSpec.vnet.privateEndpointSubnet.addressPrefix,
          // Enabled: NSGs and route tables on this subnet also govern private-endpoint traffic;
          // Disabled would silently bypass them.
          privateEndpointNetworkPolicies: "Enabled",
          // Endpoints only receive traffic; nothing in this subnet needs implicit internet egress.
          defaultOutboundAccess: false,
          networkSecurityGroup: { id: nsg.id },
        },
        { parent: this },
      );
      this.virtualNetworkIds[region] = vnet.id;
      this.subnetIds[region] = subnet.id;
    }

    if (spec.dnsZoneGroup === "policy-managed") {
      // The tenant's DeployIfNotExists policy creates the zone groups in its central zones.
    } else if (spec.existingDnsZoneIds !== undefined) {
      for (const zone of args.dnsZones) {
        const id = spec.existingDnsZoneIds[zone];
        if (id === undefined) throw new Error(`network.existingDnsZoneIds has no id for ${zone}`);
        this.dnsZoneIds[zone] = pulumi.output(id);
      }
    } else {
      const targets = zoneLinkTargets(spec);
      for (const zoneName of args.dnsZones) {
        const zone = new privatedns.PrivateZone(
          `${name}-${zoneName}`,
          { privateZoneName: zoneName, resourceGroupName, location: "global", tags },
          { parent: this },
        );
        this.dnsZoneIds[zoneName] = zone.id;
        for (const target of targets) {
          const vnetId =
            "createdInRegion" in target
              ? this.virtualNetworkIds[target.createdInRegion]
              : target.virtualNetworkId;
          new privatedns.VirtualNetworkLink(
            `${name}-${zoneName}-${target.linkName}`,
            {
              virtualNetworkLinkName: target.linkName,
              privateZoneName: zone.name,
              resourceGroupName,
              location: "global",
              virtualNetwork: { id: vnetId },
              // Endpoint records come from zone groups; VMs must not auto-register into privatelink zones.
              registrationEnabled: false,
              tags,
            },
            { parent: this },
          );
        }
      }
    }
    this.registerOutputs({
      subnetIds: this.subnetIds,
      virtualNetworkIds: this.virtualNetworkIds,
      dnsZoneIds: this.dnsZoneIds,
    });
  }

  /** Zone ids for one endpoint's zone group; every zone must be one this network was given. */
  dnsZoneIdsFor(zones: readonly AccountPrivateDnsZone[]): Record<string, pulumi.Output<string>> {
    return Object.fromEntries(
      zones.map((zone) => {
        const id = this.dnsZoneIds[zone];
        if (id === undefined) throw new Error(`the private network has no DNS zone ${zone}`);
        return [zone, id];
      }),
    );
  }
}
