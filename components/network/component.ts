/**
 * The stack's private network: per-region endpoint subnets, private DNS zones and their VNet links.
 * Args are the stack config's `network` settings as a consumer writes them, validated and defaulted
 * with the same zod schema (`privateNetworkSpecSchema`), in any Pulumi language.
 */
import * as network from "@pulumi/azure-native/network";
import * as privatedns from "@pulumi/azure-native/privatedns";
import * as pulumi from "@pulumi/pulumi";
import { validateArgs } from "../args";
import { componentType, withLegacyType } from "../tokens";
import type { DnsZoneGroupMode } from "./dnsMode";
import { endpointNsgName, endpointSubnetRules } from "./nsg";
import { createdVnetName, zoneLinkTargets } from "./plan";
import { privateNetworkSpecSchema } from "./spec";

/** The private-endpoint subnet of a VNet this component creates. */
export interface PrivateEndpointSubnet {
  /** The subnet's name; defaults to snet-private-endpoints. */
  name?: string;
  /** The subnet's range (CIDR), inside the VNet's address space; one address per endpoint plus Azure's five. */
  addressPrefix: string;
}

/** A VNet this component creates in a region, with one subnet for private endpoints. */
export interface PrivateNetworkVnet {
  /** The VNet's name; defaults to vnet-aoai-<region>. */
  name?: string;
  /** Address ranges (CIDR) of the VNet; distinct from every other VNet of the component. */
  addressSpace: string[];
  /** The subnet the private endpoints go in (network policies on, no default outbound access, an NSG). */
  privateEndpointSubnet: PrivateEndpointSubnet;
}

/** Where one region's private endpoints go: set exactly one of `vnet` and `existingSubnetId`. */
export interface PrivateNetworkRegion {
  /** Create a VNet with a private-endpoint subnet in this region. */
  vnet?: PrivateNetworkVnet;
  /** Or place the region's endpoints in a subnet the platform team owns (hub-and-spoke): its resource id. */
  existingSubnetId?: string;
}

/** Private networking for Azure OpenAI accounts; validated and defaulted as the stack config's `network`. */
export interface PrivateNetworkArgs {
  /** Private-endpoint placement by region (ARM region name, e.g. swedencentral). */
  regions?: Record<string, PrivateNetworkRegion>;
  /**
   * Private DNS zones the accounts' endpoints need (privatelink.openai.azure.com,
   * privatelink.cognitiveservices.azure.com, privatelink.services.ai.azure.com); defaults to an
   * OpenAI account's two. AIServices accounts also need privatelink.services.ai.azure.com.
   */
  dnsZones?: string[];
  /**
   * Central zones from a hub, by zone name (resource ids). When set, no zones or links are created
   * and the hub's DNS must resolve them; it must name every zone of `dnsZones`.
   */
  existingDnsZoneIds?: Record<string, string>;
  /** Who creates the endpoints' private DNS zone groups: the stack (default) or the tenant's policy. */
  dnsZoneGroup?: DnsZoneGroupMode;
  /** More VNets (resource ids, e.g. a hub or app spokes) whose clients resolve the created zones. */
  linkVnetIds?: string[];
  /** The resource group the VNets, NSGs, zones and links go in. */
  resourceGroupName: pulumi.Input<string>;
  /** Tags on every created resource. */
  tags?: Record<string, string>;
}

export class PrivateNetwork extends pulumi.ComponentResource {
  /** The private-endpoint subnet id by region (created or existing). */
  readonly subnetIds: Record<string, pulumi.Output<string>> = {};
  /** Ids of the VNets this component created, by region. */
  readonly virtualNetworkIds: Record<string, pulumi.Output<string>> = {};
  /** Private DNS zone id by zone name (created or existing); empty when the zone groups are policy-managed. */
  readonly dnsZoneIds: Record<string, pulumi.Output<string>> = {};

  constructor(name: string, args: PrivateNetworkArgs, opts?: pulumi.ComponentResourceOptions) {
    super(
      componentType("PrivateNetwork"),
      name,
      {},
      withLegacyType("aoai-platform:network:PrivateNetwork", opts),
    );
    const { resourceGroupName, tags, ...networkArgs } = args;
    const spec = validateArgs(this, `PrivateNetwork ${name}`, privateNetworkSpecSchema, networkArgs);

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
          subnetName: subnetSpec.name,
          virtualNetworkName: vnet.name,
          resourceGroupName,
          addressPrefix: subnetSpec.addressPrefix,
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
      // The schema checked that every zone of dnsZones has an id.
      for (const zone of spec.dnsZones) {
        const id = spec.existingDnsZoneIds[zone];
        if (id !== undefined) this.dnsZoneIds[zone] = pulumi.output(id);
      }
    } else {
      const targets = zoneLinkTargets(spec);
      for (const zoneName of spec.dnsZones) {
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
  dnsZoneIdsFor(zones: readonly string[]): Record<string, pulumi.Output<string>> {
    return Object.fromEntries(
      zones.map((zone) => {
        const id = this.dnsZoneIds[zone];
        if (id === undefined) throw new Error(`the private network has no DNS zone ${zone}`);
        return [zone, id];
      }),
    );
  }
}
