/**
 * Config shape of private networking: where each region's private endpoints go (a subnet this stack
 * creates, or an existing one), the private DNS zones (created here or central ones from a hub), and
 * the extra VNets the created zones are linked to. Rules that only need this object live here; rules
 * that relate it to the accounts live in the stack schema.
 */
import { z } from "zod";
import {
  ACCOUNT_PRIVATE_DNS_ZONES,
  PRIVATE_DNS_ZONES_BY_KIND,
  SUBNET_NAME,
  VNET_NAME,
} from "../facts/privateLink";
import { addDuplicateIssues, azureName, azureRegion, strictObject } from "../validation";
import { cidrContains, cidrsOverlap, parseCidr, readCidr } from "./cidr";
import { DnsZoneGroupMode } from "./dnsMode";
import { parseVirtualNetworkId, subnetVirtualNetworkId } from "./ids";

/** An IPv4 CIDR range in canonical form. */
export const cidr = z.string().superRefine((value, ctx) => {
  const reading = readCidr(value);
  if (!reading.ok) ctx.addIssue({ code: "custom", message: reading.reason });
});

const ARM_ID_PREFIX = "/subscriptions/<guid>/resourceGroups/<rg>/providers/Microsoft.Network";

const subnetId = z.string().refine((value) => subnetVirtualNetworkId(value) !== undefined, {
  error: `must be a subnet resource id: ${ARM_ID_PREFIX}/virtualNetworks/<vnet>/subnets/<subnet>`,
});
const virtualNetworkId = z.string().refine((value) => parseVirtualNetworkId(value) !== undefined, {
  error: `must be a virtual network resource id: ${ARM_ID_PREFIX}/virtualNetworks/<vnet>`,
});
const privateDnsZoneId = z
  .string()
  .regex(
    /^\/subscriptions\/[0-9a-fA-F-]{36}\/resourceGroups\/[^/]+\/providers\/Microsoft\.Network\/privateDnsZones\/[^/]+$/i,
    {
      error: `must be a private DNS zone resource id: ${ARM_ID_PREFIX}/privateDnsZones/<zone>`,
    },
  );

export const DEFAULT_PRIVATE_ENDPOINT_SUBNET_NAME = "snet-private-endpoints";

const createdVnetSchema = strictObject({
  /** Defaults to vnet-aoai-<region>. */
  name: azureName(VNET_NAME).optional(),
  addressSpace: z.array(cidr).min(1, { error: "list at least one address range" }),
  privateEndpointSubnet: strictObject({
    name: azureName(SUBNET_NAME).default(DEFAULT_PRIVATE_ENDPOINT_SUBNET_NAME),
    addressPrefix: cidr,
  }),
});

const regionNetworkSchema = strictObject({
  /** Create a VNet with a private-endpoint subnet in this region. */
  vnet: createdVnetSchema.optional(),
  /** Or place the region's endpoints in a subnet the platform team owns (hub-and-spoke). */
  existingSubnetId: subnetId.optional(),
}).superRefine((region, ctx) => {
  if ((region.vnet === undefined) === (region.existingSubnetId === undefined)) {
    ctx.addIssue({
      code: "custom",
      path: [],
      message: "set exactly one of vnet (create a network) or existingSubnetId (use a subnet you own)",
    });
  }
  const vnet = region.vnet;
  if (!vnet || !readCidr(vnet.privateEndpointSubnet.addressPrefix).ok) return;
  const space = vnet.addressSpace.filter((range) => readCidr(range).ok);
  const subnet = parseCidr(vnet.privateEndpointSubnet.addressPrefix);
  if (!space.some((range) => cidrContains(parseCidr(range), subnet))) {
    ctx.addIssue({
      code: "custom",
      path: ["vnet", "privateEndpointSubnet", "addressPrefix"],
      message: `must lie inside the VNet's address space (${vnet.addressSpace.join(", ")})`,
    });
  }
});

/** The keys the stack's `network` config and the PrivateNetwork component share. */
const networkShape = {
  /** Private-endpoint placement by region (ARM region name). Every account's region needs an entry. */
  regions: z.record(azureRegion, regionNetworkSchema).default({}),
  /**
   * Central zones from a hub, by zone name. When set, no zones or links are created and the hub's DNS
   * must resolve them for the clients; when absent, the stack creates the zones its accounts need.
   */
  existingDnsZoneIds: z.partialRecord(z.enum(ACCOUNT_PRIVATE_DNS_ZONES), privateDnsZoneId).optional(),
  /**
   * `stack`: the stack creates each endpoint's private DNS zone group. `policy-managed`: in a
   * landing zone whose DeployIfNotExists policy (Azure Policy c4bc6f10, ALZ Deploy-Private-DNS-Zones)
   * creates zone groups in the central zones, the stack creates the endpoints only (a zone group of
   * its own would fight the policy's) and neither zones nor links.
   */
  dnsZoneGroup: z.enum(DnsZoneGroupMode).default(DnsZoneGroupMode.Stack),
  /** More VNets (e.g. a hub or app spokes) whose clients resolve the created zones. */
  linkVnetIds: z.array(virtualNetworkId).default([]),
};

function addNetworkIssues(network: z.output<z.ZodObject<typeof networkShape>>, ctx: z.RefinementCtx): void {
  const regions = Object.entries(network.regions);
  if (regions.length === 0 && (network.existingDnsZoneIds !== undefined || network.linkVnetIds.length > 0)) {
    ctx.addIssue({
      code: "custom",
      path: ["regions"],
      message: "DNS zones and links are only used with private endpoints; add the regions' subnets here",
    });
  }
  if (
    network.dnsZoneGroup === "policy-managed" &&
    (network.existingDnsZoneIds !== undefined || network.linkVnetIds.length > 0)
  ) {
    ctx.addIssue({
      code: "custom",
      path: ["dnsZoneGroup"],
      message:
        "policy-managed: the tenant's policy registers the endpoints in its central zones; leave existingDnsZoneIds and linkVnetIds out",
    });
  }
  if (network.existingDnsZoneIds !== undefined) {
    for (const [zone, id] of Object.entries(network.existingDnsZoneIds)) {
      if (id !== undefined && id.split("/").at(-1)?.toLowerCase() !== zone) {
        ctx.addIssue({
          code: "custom",
          path: ["existingDnsZoneIds", zone],
          message: `the id names another zone; it must end in /privateDnsZones/${zone}`,
        });
      }
    }
    if (network.linkVnetIds.length > 0) {
      ctx.addIssue({
        code: "custom",
        path: ["linkVnetIds"],
        message:
          "links are only created on zones this stack creates; link existing zones where they are managed",
      });
    }
  }
  addDuplicateIssues(ctx, network.linkVnetIds, (i) => ["linkVnetIds", i], "linked VNet id");
  addDuplicateIssues(
    ctx,
    regions.map(([region, spec]) => spec.vnet?.name ?? defaultVnetName(region)),
    (i) => ["regions", regions[i]?.[0] ?? "", "vnet", "name"],
    "VNet name",
  );
  addOverlapIssues(ctx, regions);
}

export const networkSpecSchema = strictObject({
  ...networkShape,
  /** Landing-zone guardrail exception: ip rules on prod accounts need a written reason. */
  allowIpRulesInProd: strictObject({
    reason: z.string().trim().min(10, { error: "say why prod needs ip rules (at least 10 characters)" }),
  }).optional(),
}).superRefine(addNetworkIssues);

/** No two address ranges of the VNets this stack creates may overlap (peering and routing need that). */
function addOverlapIssues(ctx: z.RefinementCtx, regions: [string, z.output<typeof regionNetworkSchema>][]) {
  const ranges = regions.flatMap(([region, spec]) =>
    (spec.vnet?.addressSpace ?? []).flatMap((text, index) => {
      const reading = readCidr(text);
      return reading.ok ? [{ region, index, text, cidr: reading.cidr }] : [];
    }),
  );
  ranges.forEach((range, i) => {
    const earlier = ranges.slice(0, i).find((other) => cidrsOverlap(other.cidr, range.cidr));
    if (earlier) {
      ctx.addIssue({
        code: "custom",
        path: ["regions", range.region, "vnet", "addressSpace", range.index],
        message: `overlaps ${earlier.text} (network.regions.${earlier.region}.vnet.addressSpace[${earlier.index}]); VNets of one stack need distinct address ranges`,
      });
    }
  });
}

export function defaultVnetName(region: string): string {
  return `vnet-aoai-${region}`;
}

export type NetworkSpec = z.output<typeof networkSpecSchema>;

/**
 * The PrivateNetwork component's args: the stack's `network` settings (without the stack-level
 * guardrail exception) plus the zones its accounts need (the stack derives them from the accounts'
 * kinds; `existingDnsZoneIds` must name each).
 */
export const privateNetworkSpecSchema = strictObject({
  ...networkShape,
  dnsZones: z
    .array(z.enum(ACCOUNT_PRIVATE_DNS_ZONES))
    .min(1, { error: "list at least one private DNS zone" })
    .default([...PRIVATE_DNS_ZONES_BY_KIND.OpenAI]),
}).superRefine((spec, ctx) => {
  addNetworkIssues(spec, ctx);
  addDuplicateIssues(ctx, spec.dnsZones, (i) => ["dnsZones", i], "zone");
  const existing = spec.existingDnsZoneIds;
  if (existing === undefined) return;
  spec.dnsZones.forEach((zone, i) => {
    if (existing[zone] === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["existingDnsZoneIds"],
        message: `has no id for ${zone} (dnsZones[${i}]); name every zone the endpoints need`,
      });
    }
  });
});
export type PrivateNetworkSpec = z.output<typeof privateNetworkSpecSchema>;
export type RegionNetworkSpec = z.output<typeof regionNetworkSchema>;
