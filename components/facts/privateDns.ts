/**
 * Private DNS zones an account's private endpoint must register in, by account kind.
 * Source: Azure private endpoint DNS zone values for Azure AI services, summarised in
 * shared/reference/azure-openai-facts.md ("Private networking"). With only the cognitiveservices
 * zone, <name>.openai.azure.com keeps resolving to the public address.
 */

/** The private endpoint sub-resource (group id) of a Cognitive Services account. */
export const ACCOUNT_PRIVATE_LINK_GROUP = "account";

const OPENAI_ZONES = ["privatelink.openai.azure.com", "privatelink.cognitiveservices.azure.com"] as const;

export function requiredPrivateDnsZones(kind: string): readonly string[] {
  return kind === "AIServices" ? [...OPENAI_ZONES, "privatelink.services.ai.azure.com"] : OPENAI_ZONES;
}
