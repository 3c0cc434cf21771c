/**
 * Bodies the fake Resource Manager answers with, written from the response examples in
 * Azure/azure-rest-api-specs (each builder names the example it follows). Only the shape is taken
 * from the examples; names, ids and values are the tests' own.
 */

export interface FakeResourceSku {
  resourceType: string;
  name: string;
  tier: string;
  kind: string;
  locations: string[];
  restrictions: { type: string; values: string[]; reasonCode: string }[];
}

/**
 * specification/cognitiveservices/resource-manager/Microsoft.CognitiveServices/stable/2024-10-01/examples/GetSkus.json
 * (`{ resourceType: "accounts", name: "S0", tier, kind, locations: ["REGION"], restrictions: [] }`).
 */
export function accountSku(kind: string, regions: string[], restrictedIn: string[] = []): FakeResourceSku {
  return {
    resourceType: "accounts",
    name: "S0",
    tier: "Standard",
    kind,
    locations: regions.map((r) => r.toUpperCase()),
    restrictions: restrictedIn.map((r) => ({
      type: "Location",
      values: [r.toUpperCase()],
      reasonCode: "NotAvailableForSubscription",
    })),
  };
}

/**
 * ResourceGroups_Get of specification/resources/resource-manager/Microsoft.Resources/stable/2024-03-01/resources.json
 * (the `ResourceGroup` definition: `{ id, name, type, location, properties: { provisioningState } }`).
 */
export function resourceGroup(subscriptionId: string, name: string, location: string) {
  return {
    id: `/subscriptions/${subscriptionId}/resourceGroups/${name}`,
    name,
    type: "Microsoft.Resources/resourceGroups",
    location,
    properties: { provisioningState: "Succeeded" },
  };
}

/**
 * specification/network/resource-manager/Microsoft.Network/stable/2024-05-01/examples/SubnetGet.json,
 * with the `privateEndpointNetworkPolicies`, `ipConfigurations` and `privateEndpoints` properties of
 * the same API's `SubnetPropertiesFormat` (virtualNetwork.json).
 */
export function subnet(
  id: string,
  addressPrefix: string,
  options: { policies?: string; ipConfigurations?: number; privateEndpoints?: string[] } = {},
) {
  const vnetRg = id.split("/providers/")[0] ?? "";
  return {
    id,
    name: id.split("/").at(-1),
    properties: {
      addressPrefix,
      provisioningState: "Succeeded",
      privateEndpointNetworkPolicies: options.policies ?? "Disabled",
      ipConfigurations: Array.from({ length: options.ipConfigurations ?? 0 }, (_, i) => ({
        id: `${vnetRg}/providers/Microsoft.Network/networkInterfaces/nic-${i}/ipConfigurations/ipconfig1`,
      })),
      privateEndpoints: (options.privateEndpoints ?? []).map((name) => ({
        id: `${vnetRg}/providers/Microsoft.Network/privateEndpoints/${name}`,
      })),
    },
  };
}

/**
 * VirtualNetworks_Get of specification/network/resource-manager/Microsoft.Network/stable/2024-05-01/virtualNetwork.json
 * (the `VirtualNetwork` definition: a tracked resource with `location` and `properties.addressSpace`).
 */
export function virtualNetwork(id: string, location: string, addressPrefix: string) {
  return {
    id,
    name: id.split("/").at(-1),
    type: "Microsoft.Network/virtualNetworks",
    location,
    properties: { addressSpace: { addressPrefixes: [addressPrefix] }, provisioningState: "Succeeded" },
  };
}

/** specification/privatedns/resource-manager/Microsoft.Network/stable/2024-06-01/examples/PrivateZoneGet.json */
export function privateZone(id: string) {
  return {
    id,
    name: id.split("/").at(-1),
    type: "Microsoft.Network/privateDnsZones",
    location: "global",
    etag: "00000000-0000-0000-0000-000000000000",
    properties: {
      maxNumberOfRecordSets: 5000,
      numberOfRecordSets: 1,
      maxNumberOfVirtualNetworkLinks: 100,
      numberOfVirtualNetworkLinks: 0,
      provisioningState: "Succeeded",
    },
  };
}

/** specification/operationalinsights/resource-manager/Microsoft.OperationalInsights/stable/2023-09-01/examples/WorkspacesGet.json */
export function workspace(id: string, location: string, provisioningState = "Succeeded") {
  return {
    id,
    name: id.split("/").at(-1),
    type: "Microsoft.OperationalInsights/workspaces",
    location,
    properties: {
      customerId: "5b02755b-5bf4-430c-9487-45502a2a7e62",
      provisioningState,
      sku: { name: "PerGB2018" },
      retentionInDays: 30,
    },
  };
}

/**
 * specification/keyvault/resource-manager/Microsoft.KeyVault/stable/2023-07-01/examples/getVault.json,
 * with `enableSoftDelete` / `enablePurgeProtection` of the same API's `VaultProperties`.
 */
export function keyVault(id: string, location: string, purgeProtection: boolean) {
  const name = id.split("/").at(-1);
  return {
    id,
    name,
    type: "Microsoft.KeyVault/vaults",
    location,
    tags: {},
    properties: {
      sku: { family: "A", name: "standard" },
      tenantId: "00000000-0000-0000-0000-000000000000",
      vaultUri: `https://${name}.vault.azure.net`,
      enableSoftDelete: true,
      ...(purgeProtection ? { enablePurgeProtection: true } : {}),
      provisioningState: "Succeeded",
    },
  };
}

/** specification/keyvault/resource-manager/Microsoft.KeyVault/stable/2023-07-01/examples/getKey.json */
export function vaultKey(vaultId: string, name: string, kty: string, keySize: number, enabled = true) {
  const vault = vaultId.split("/").at(-1);
  return {
    id: `${vaultId}/keys/${name}`,
    name,
    type: "Microsoft.KeyVault/vaults/keys",
    location: "swedencentral",
    properties: {
      attributes: { enabled, created: 1598533051, updated: 1598533051, recoveryLevel: "Recoverable" },
      kty,
      keyOps: ["wrapKey", "unwrapKey"],
      keySize,
      keyUri: `https://${vault}.vault.azure.net:443/keys/${name}`,
    },
  };
}

export interface FakePermission {
  actions: string[];
  notActions: string[];
  dataActions: string[];
  notDataActions: string[];
}

/**
 * specification/authorization/resource-manager/Microsoft.Authorization/stable/2015-07-01/examples/GetPermissions.json
 * (`{ value: [{ actions, notActions }], nextLink }`; 2022-04-01 adds dataActions / notDataActions).
 */
export const permission = (actions: string[], notActions: string[] = []): FakePermission => ({
  actions,
  notActions,
  dataActions: [],
  notDataActions: [],
});

/** The built-in Contributor role: everything but writing access (https://learn.microsoft.com/azure/role-based-access-control/built-in-roles/privileged#contributor). */
export const CONTRIBUTOR = permission(
  ["*"],
  [
    "Microsoft.Authorization/*/Delete",
    "Microsoft.Authorization/*/Write",
    "Microsoft.Authorization/elevateAccess/Action",
    "Microsoft.Blueprint/blueprintAssignments/write",
    "Microsoft.Blueprint/blueprintAssignments/delete",
    "Microsoft.Compute/galleries/share/action",
    "Microsoft.Purview/consents/write",
    "Microsoft.Purview/consents/delete",
  ],
);

/** The built-in Role Based Access Control Administrator role (same page, #role-based-access-control-administrator). */
export const RBAC_ADMINISTRATOR = permission([
  "Microsoft.Authorization/roleAssignments/write",
  "Microsoft.Authorization/roleAssignments/delete",
  "*/read",
  "Microsoft.Support/*",
]);
