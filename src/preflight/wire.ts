/**
 * The shapes of Resource Manager's answers, as far as preflight reads them: everything optional
 * (Azure omits what is unset), unknown fields ignored. An answer that does not fit is reported as
 * unreadable instead of being guessed at.
 */
import { z } from "zod";

const str = z.string().nullish();
const bool = z.boolean().nullish();
const num = z.number().nullish();

/** Microsoft.CognitiveServices/.../examples/ListLocationModels.json (`Model`). */
export const modelSchema = z.object({
  kind: str,
  skuName: str,
  model: z
    .object({
      format: str,
      name: str,
      version: str,
      isDefaultVersion: bool,
      lifecycleStatus: str,
      deprecation: z.object({ fineTune: str, inference: str }).nullish(),
      skus: z.array(z.object({ name: str, usageName: str, deprecationDate: str })).nullish(),
    })
    .nullish(),
});

/** .../examples/ListUsages.json (`Usage`). */
export const usageSchema = z.object({
  name: z.object({ value: str }).nullish(),
  currentValue: num,
  limit: num,
});

/** .../examples/GetSkus.json (`ResourceSku`). */
export const resourceSkuSchema = z.object({
  resourceType: str,
  name: str,
  kind: str,
  locations: z.array(z.string()).nullish(),
  restrictions: z
    .array(z.object({ type: str, values: z.array(z.string()).nullish(), reasonCode: str }))
    .nullish(),
});

/** .../examples/GetAccount.json, GetDeletedAccount.json (`Account`). */
export const accountSchema = z.object({
  id: str,
  name: str,
  location: str,
  kind: str,
  properties: z.object({ customSubDomainName: str, scheduledPurgeDate: str, deletionDate: str }).nullish(),
});

/** .../examples/ListDeployments.json (`Deployment`). */
export const deploymentSchema = z.object({
  name: str,
  sku: z.object({ name: str, capacity: num }).nullish(),
  properties: z.object({ model: z.object({ format: str, name: str, version: str }).nullish() }).nullish(),
});

/** .../examples/CheckDomainAvailability.json (`DomainAvailability`). */
export const domainAvailabilitySchema = z.object({ isSubdomainAvailable: bool, reason: str });

/** Microsoft.Resources ResourceGroups_Get (`ResourceGroup`). */
export const resourceGroupSchema = z.object({ location: z.string() });

/** Microsoft.Network/stable/2024-05-01/examples/SubnetGet.json (`Subnet`). */
export const subnetSchema = z.object({
  properties: z
    .object({
      addressPrefix: str,
      addressPrefixes: z.array(z.string()).nullish(),
      privateEndpointNetworkPolicies: str,
      ipConfigurations: z.array(z.object({ id: str })).nullish(),
      privateEndpoints: z.array(z.object({ id: str })).nullish(),
    })
    .nullish(),
});

/** Microsoft.Network VirtualNetworks_Get (`VirtualNetwork`: a tracked resource with a location). */
export const locatedSchema = z.object({ location: z.string() });

/** privatedns/.../examples/PrivateZoneGet.json (`PrivateZone`). */
export const privateZoneSchema = z.object({ name: str });

/** Microsoft.OperationalInsights/stable/2023-09-01/examples/WorkspacesGet.json (`Workspace`). */
export const workspaceSchema = z.object({
  location: z.string(),
  properties: z.object({ provisioningState: str }).nullish(),
});

/** Microsoft.KeyVault/stable/2023-07-01/examples/getVault.json (`Vault`). */
export const vaultSchema = z.object({
  location: z.string(),
  properties: z.object({ enableSoftDelete: bool, enablePurgeProtection: bool }).nullish(),
});

/** Microsoft.KeyVault/stable/2023-07-01/examples/getKey.json (`Key`). */
export const keySchema = z.object({
  properties: z
    .object({ kty: str, keySize: num, attributes: z.object({ enabled: bool }).nullish() })
    .nullish(),
});

/** Microsoft.Authorization/stable/2015-07-01/examples/GetPermissions.json (`Permission`). */
export const permissionSchema = z.object({
  actions: z.array(z.string()).nullish(),
  notActions: z.array(z.string()).nullish(),
});
