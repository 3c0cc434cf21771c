/**
 * The network security group on each endpoint subnet the stack creates (ALZ `Deny-Subnet-Without-Nsg`
 * denies a subnet without one). Private endpoints only answer: clients in the VNet (and peered
 * VNets, which the `VirtualNetwork` service tag covers) reach Azure OpenAI over HTTPS 443; nothing
 * else comes in, and endpoints start no connections (NSGs are stateful: replies pass). The rules
 * apply to endpoint traffic because the subnet has `privateEndpointNetworkPolicies: Enabled`.
 * Sources: https://learn.microsoft.com/azure/private-link/disable-private-endpoint-network-policy,
 * https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview (default rules
 * at 65000+ allow VirtualNetwork and AzureLoadBalancer inbound; priorities 100-4096 are ours),
 * https://learn.microsoft.com/azure/virtual-network/service-tags-overview.
 */

export interface NsgRule {
  name: string;
  priority: number;
  direction: "Inbound" | "Outbound";
  access: "Allow" | "Deny";
  protocol: "Tcp" | "*";
  sourceAddressPrefix: string;
  sourcePortRange: string;
  destinationAddressPrefix: string;
  destinationPortRange: string;
  description: string;
}

/** The HTTPS port of the Azure OpenAI data plane (`https://<sub>.openai.azure.com/`). */
export const ENDPOINT_HTTPS_PORT = "443";

const denyAll = (direction: NsgRule["direction"], description: string): NsgRule => ({
  name: `deny-all-${direction.toLowerCase()}`,
  priority: 4096,
  direction,
  access: "Deny",
  protocol: "*",
  sourceAddressPrefix: "*",
  sourcePortRange: "*",
  destinationAddressPrefix: "*",
  destinationPortRange: "*",
  description,
});

export function endpointSubnetRules(subnetPrefix: string): NsgRule[] {
  return [
    {
      name: "allow-https-from-vnet",
      priority: 100,
      direction: "Inbound",
      access: "Allow",
      protocol: "Tcp",
      sourceAddressPrefix: "VirtualNetwork",
      sourcePortRange: "*",
      destinationAddressPrefix: subnetPrefix,
      destinationPortRange: ENDPOINT_HTTPS_PORT,
      description: "Clients in the VNet and peered VNets call the private endpoints over HTTPS",
    },
    denyAll("Inbound", "Nothing else reaches the endpoint subnet (overrides the default AllowVnetInBound)"),
    denyAll(
      "Outbound",
      "Private endpoints start no connections; replies to allowed inbound traffic still pass",
    ),
  ];
}

/** The NSG's Azure name for a created endpoint subnet. */
export const endpointNsgName = (vnetName: string, subnetName: string) => `nsg-${vnetName}-${subnetName}`;
