/**
 * Private Link facts for Azure OpenAI accounts.
 * Sources: https://learn.microsoft.com/azure/ai-services/cognitive-services-virtual-networks, Microsoft Learn
 * "Azure Private Endpoint private DNS zone values" (AI services rows,
 * https://learn.microsoft.com/azure/private-link/private-endpoint-dns) and "Azure Virtual Network FAQ" (reserved
 * addresses), the Microsoft.Network naming rules.
 */
import type { NameRule } from "./names";

/** The private endpoint group id (sub-resource) of a Cognitive Services / OpenAI account. */
export const ACCOUNT_PRIVATE_LINK_GROUP_ID = "account";

export const OPENAI_ZONE = "privatelink.openai.azure.com";
export const COGNITIVE_SERVICES_ZONE = "privatelink.cognitiveservices.azure.com";
export const AI_SERVICES_ZONE = "privatelink.services.ai.azure.com";

/** Every zone this platform may need, in the order zone groups list them. */
export const ACCOUNT_PRIVATE_DNS_ZONES = [OPENAI_ZONE, COGNITIVE_SERVICES_ZONE, AI_SERVICES_ZONE] as const;
export type AccountPrivateDnsZone = (typeof ACCOUNT_PRIVATE_DNS_ZONES)[number];

/**
 * Zones a private endpoint's zone group needs per account kind. With only the cognitiveservices zone,
 * `<sub>.openai.azure.com` still resolves to the public address.
 */
export const PRIVATE_DNS_ZONES_BY_KIND: Record<"OpenAI" | "AIServices", readonly AccountPrivateDnsZone[]> = {
  OpenAI: [OPENAI_ZONE, COGNITIVE_SERVICES_ZONE],
  AIServices: [OPENAI_ZONE, COGNITIVE_SERVICES_ZONE, AI_SERVICES_ZONE],
};

/** Zones needed by a set of account kinds, in ACCOUNT_PRIVATE_DNS_ZONES order. */
export function privateDnsZonesFor(
  kinds: Iterable<keyof typeof PRIVATE_DNS_ZONES_BY_KIND>,
): AccountPrivateDnsZone[] {
  const needed = new Set([...kinds].flatMap((kind) => PRIVATE_DNS_ZONES_BY_KIND[kind]));
  return ACCOUNT_PRIVATE_DNS_ZONES.filter((zone) => needed.has(zone));
}

/** Azure keeps the first four addresses and the last address of every subnet. */
export const AZURE_RESERVED_ADDRESSES_PER_SUBNET = 5;
/** Each private endpoint takes one private IP of its subnet. */
export const ADDRESSES_PER_PRIVATE_ENDPOINT = 1;

/** Microsoft.Network names: letters, digits, '_', '.', '-'; start alphanumeric; end alphanumeric or '_'. */
const NETWORK_NAME_PATTERN = /^[a-zA-Z0-9](?:[a-zA-Z0-9_.-]*[a-zA-Z0-9_])?$/;
const NETWORK_NAME_CHARACTERS =
  "letters, digits, '_', '.', '-', starting with a letter or digit, ending with a letter, digit or '_'";

export const VNET_NAME: NameRule = {
  pattern: NETWORK_NAME_PATTERN,
  minLength: 2,
  maxLength: 64,
  allowed: `2-64 characters: ${NETWORK_NAME_CHARACTERS}`,
};

export const SUBNET_NAME: NameRule = {
  pattern: NETWORK_NAME_PATTERN,
  minLength: 1,
  maxLength: 80,
  allowed: `1-80 characters: ${NETWORK_NAME_CHARACTERS}`,
};
