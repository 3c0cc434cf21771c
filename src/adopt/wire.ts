/**
 * The shapes of Resource Manager's answers as far as adopt reads them: everything optional (Azure
 * omits what is unset), unknown fields ignored. API versions and examples in Azure/azure-rest-api-specs:
 * - cognitiveservices: specification/cognitiveservices/resource-manager/Microsoft.CognitiveServices/stable/2025-06-01
 *   (examples ListAccountsByResourceGroup.json, ListDeployments.json, ListRaiPolicies.json,
 *   ListBlocklists.json, ListBlocklistItems.json)
 * - network: specification/network/resource-manager/Microsoft.Network/stable/2024-05-01 (privateEndpoint.json)
 * - diagnostic settings: specification/monitor/resource-manager/Microsoft.Insights/preview/2021-05-01-preview/diagnosticsSettings_API.json
 */
import { z } from "zod";

export const ADOPT_API_VERSIONS = {
  cognitiveServices: "2025-06-01",
  network: "2024-05-01",
  diagnosticSettings: "2021-05-01-preview",
} as const;

const str = z.string().nullish();
const bool = z.boolean().nullish();
const num = z.number().nullish();

export const accountSchema = z.object({
  id: str,
  name: str,
  location: str,
  kind: str,
  sku: z.object({ name: str }).nullish(),
  tags: z.record(z.string(), z.string()).nullish(),
  identity: z
    .object({ type: str, userAssignedIdentities: z.record(z.string(), z.unknown()).nullish() })
    .nullish(),
  properties: z
    .object({
      customSubDomainName: str,
      disableLocalAuth: bool,
      publicNetworkAccess: str,
      networkAcls: z
        .object({
          defaultAction: str,
          bypass: str,
          ipRules: z.array(z.object({ value: z.string() })).nullish(),
        })
        .nullish(),
      restrictOutboundNetworkAccess: bool,
      allowedFqdnList: z.array(z.string()).nullish(),
      encryption: z
        .object({
          keySource: str,
          keyVaultProperties: z.object({ keyName: str, keyVersion: str, keyVaultUri: str }).nullish(),
        })
        .nullish(),
    })
    .nullish(),
});

export const deploymentSchema = z.object({
  id: str,
  name: str,
  sku: z.object({ name: str, capacity: num }).nullish(),
  properties: z
    .object({
      model: z.object({ format: str, name: str, version: str }).nullish(),
      versionUpgradeOption: str,
      raiPolicyName: str,
    })
    .nullish(),
});

export const raiPolicySchema = z.object({
  id: str,
  name: str,
  properties: z
    .object({
      type: str,
      mode: str,
      basePolicyName: str,
      contentFilters: z
        .array(z.object({ name: str, enabled: bool, severityThreshold: str, blocking: bool, source: str }))
        .nullish(),
      customBlocklists: z.array(z.object({ blocklistName: str, blocking: bool, source: str })).nullish(),
    })
    .nullish(),
});

export const raiBlocklistSchema = z.object({
  id: str,
  name: str,
  properties: z.object({ description: str }).nullish(),
});

export const raiBlocklistItemSchema = z.object({
  id: str,
  name: str,
  properties: z.object({ pattern: str, isRegex: bool }).nullish(),
});

export const diagnosticSettingSchema = z.object({
  id: str,
  name: str,
  properties: z.object({ workspaceId: str }).nullish(),
});

export const privateEndpointSchema = z.object({
  id: str,
  name: str,
  location: str,
  properties: z
    .object({
      subnet: z.object({ id: str }).nullish(),
      customNetworkInterfaceName: str,
      privateLinkServiceConnections: z
        .array(
          z.object({
            properties: z
              .object({ privateLinkServiceId: str, groupIds: z.array(z.string()).nullish() })
              .nullish(),
          }),
        )
        .nullish(),
    })
    .nullish(),
});

export const privateDnsZoneGroupSchema = z.object({
  id: str,
  name: str,
  properties: z
    .object({
      privateDnsZoneConfigs: z
        .array(z.object({ properties: z.object({ privateDnsZoneId: str }).nullish() }))
        .nullish(),
    })
    .nullish(),
});
