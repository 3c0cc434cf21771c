/** Reads Microsoft.Network resource ids given in config. Pure. */

const VNET_ID =
  /^(\/subscriptions\/[0-9a-fA-F-]{36}\/resourceGroups\/[^/]+\/providers\/Microsoft\.Network\/virtualNetworks\/([^/]+))$/i;
const SUBNET_ID =
  /^(\/subscriptions\/[0-9a-fA-F-]{36}\/resourceGroups\/[^/]+\/providers\/Microsoft\.Network\/virtualNetworks\/[^/]+)\/subnets\/[^/]+$/i;

/** The VNet's name from its id, or undefined when the text is not a VNet id. */
export function parseVirtualNetworkId(id: string): { id: string; name: string } | undefined {
  const match = VNET_ID.exec(id);
  return match?.[1] && match[2] ? { id: match[1], name: match[2] } : undefined;
}

/** The id of the VNet a subnet id belongs to, or undefined when the text is not a subnet id. */
export function subnetVirtualNetworkId(id: string): string | undefined {
  return SUBNET_ID.exec(id)?.[1];
}
