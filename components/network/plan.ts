/**
 * Pure decisions of private networking: which VNets the created zones link to and under which names,
 * and how many endpoints each region's subnet must hold. The components only turn these into resources.
 */
import { createHash } from "node:crypto";
import { parseVirtualNetworkId, subnetVirtualNetworkId } from "./ids";
import { defaultVnetName, type NetworkSpec } from "./spec";

/** A VNet a created zone is linked to: one this stack creates (by region) or one given by id. */
export type ZoneLinkTarget =
  | { linkName: string; createdInRegion: string }
  | { linkName: string; virtualNetworkId: string };

const shortHash = (text: string) => createHash("sha256").update(text.toLowerCase()).digest("hex").slice(0, 8);

export function createdVnetName(region: string, network: NetworkSpec): string {
  return network.regions[region]?.vnet?.name ?? defaultVnetName(region);
}

/**
 * Every created VNet, the VNet of every existing endpoint subnet (its clients must resolve the
 * endpoints) and every extra VNet id, once each. Link names of VNets given by id carry a hash of the
 * id, so same-named VNets in different resource groups get distinct, stable names.
 */
export function zoneLinkTargets(network: NetworkSpec): ZoneLinkTarget[] {
  const targets: ZoneLinkTarget[] = [];
  const byId = new Set<string>();
  const addExisting = (id: string) => {
    const vnet = parseVirtualNetworkId(id);
    if (!vnet || byId.has(vnet.id.toLowerCase())) return;
    byId.add(vnet.id.toLowerCase());
    targets.push({ linkName: `link-${vnet.name}-${shortHash(vnet.id)}`, virtualNetworkId: vnet.id });
  };
  for (const [region, spec] of Object.entries(network.regions)) {
    if (spec.vnet)
      targets.push({ linkName: `link-${createdVnetName(region, network)}`, createdInRegion: region });
    const subnetVnet = spec.existingSubnetId && subnetVirtualNetworkId(spec.existingSubnetId);
    if (subnetVnet) addExisting(subnetVnet);
  }
  for (const id of network.linkVnetIds) addExisting(id);
  return targets;
}

/** Number of private endpoints per region, for the subnet size check. */
export function endpointsPerRegion(locations: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const location of locations) counts.set(location, (counts.get(location) ?? 0) + 1);
  return counts;
}
