/** IPv4 ranges Azure refuses or that cannot be what a rule means. Each with its source. */

export interface NamedRange {
  cidr: string;
  what: string;
}

/**
 * Network ACL ip rules of an Azure AI services account. Source:
 * https://learn.microsoft.com/azure/ai-services/cognitive-services-virtual-networks#grant-access-from-an-internet-ip-range
 * ("Private networks (as defined in RFC 1918) aren't allowed in IP rules"; "Each Azure AI services
 * resource supports up to 100 IP network rules"). Loopback and link-local addresses never reach a public
 * endpoint from the internet either (RFC 1122, RFC 3927), so a rule naming them is a mistake.
 */
export const MAX_NETWORK_ACL_IP_RULES = 100;
export const NON_PUBLIC_RANGES: readonly NamedRange[] = [
  { cidr: "0.0.0.0/8", what: "'this network' (RFC 1122)" },
  { cidr: "10.0.0.0/8", what: "private (RFC 1918)" },
  { cidr: "127.0.0.0/8", what: "loopback (RFC 1122)" },
  { cidr: "169.254.0.0/16", what: "link-local (RFC 3927)" },
  { cidr: "172.16.0.0/12", what: "private (RFC 1918)" },
  { cidr: "192.168.0.0/16", what: "private (RFC 1918)" },
  { cidr: "224.0.0.0/4", what: "multicast (RFC 5771)" },
  { cidr: "240.0.0.0/4", what: "reserved (RFC 1112)" },
];

/**
 * Ranges a virtual network's address space may not use. Source:
 * https://learn.microsoft.com/azure/virtual-network/virtual-networks-faq#what-address-ranges-can-i-use-in-my-virtual-networks
 */
export const VNET_RESERVED_RANGES: readonly NamedRange[] = [
  { cidr: "224.0.0.0/4", what: "multicast" },
  { cidr: "255.255.255.255/32", what: "broadcast" },
  { cidr: "127.0.0.0/8", what: "loopback" },
  { cidr: "169.254.0.0/16", what: "link-local" },
  { cidr: "168.63.129.16/32", what: "Azure's internal DNS, DHCP and health probe address" },
];
