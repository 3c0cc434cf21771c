/**
 * Tags: Azure's limits and the tags the platform puts on every resource.
 * Source: https://learn.microsoft.com/azure/azure-resource-manager/management/tag-resources#limitations
 * ("Each resource, resource group, and subscription can have a maximum of 50 tag name-value pairs";
 * names up to 512 characters, values up to 256; names are case-insensitive; no `< > % & \ ? /` in names).
 */
export const MAX_TAGS_PER_RESOURCE = 50;
export const MAX_TAG_NAME_LENGTH = 512;
export const MAX_TAG_VALUE_LENGTH = 256;

/** The platform's own tags on every resource, so cost and ownership reports can find it. */
export function platformTagValues(environment: string): Record<string, string> {
  return { environment, "managed-by": "pulumi", workload: "azure-openai" };
}
