/**
 * Azure facts preflight reads and judges by, each with its public source. API versions are the
 * stable versions whose examples the test fake answers in (Azure/azure-rest-api-specs paths).
 */

/** specification/<service>/resource-manager/... stable API versions of each read. */
export const API_VERSIONS = {
  /** Microsoft.CognitiveServices/stable/2025-09-01/cognitiveservices.json (the version preflight read through the SDK before) */
  cognitiveServices: "2025-09-01",
  /** Microsoft.Resources/stable/2024-03-01/resources.json (ResourceGroups_Get) */
  resources: "2024-03-01",
  /** Microsoft.Network/stable/2024-05-01/virtualNetwork.json (Subnets_Get, VirtualNetworks_Get) */
  network: "2024-05-01",
  /** privatedns/resource-manager/Microsoft.Network/stable/2024-06-01/privatedns.json (PrivateZones_Get) */
  privateDns: "2024-06-01",
  /** Microsoft.OperationalInsights/stable/2023-09-01/Workspaces.json (Workspaces_Get) */
  operationalInsights: "2023-09-01",
  /** Microsoft.KeyVault/stable/2023-07-01/keyvault.json, keys.json (Vaults_Get, Keys_Get) */
  keyVault: "2023-07-01",
  /** Microsoft.Authorization/stable/2022-04-01/authorization-RoleDefinitionsCalls.json (Permissions_List*) */
  authorization: "2022-04-01",
} as const;

/** The SKU the platform creates accounts with (components/account/component.ts). */
export const ACCOUNT_SKU = "S0";

/**
 * The per-region count of Cognitive Services accounts a subscription may hold, as the location
 * usages list names it (Microsoft.CognitiveServices/stable/2025-06-01/examples/ListUsages.json).
 */
export const ACCOUNT_COUNT_USAGE = "AccountCount";

/**
 * Model lifecycle states (`ModelLifecycleStatus` of
 * specification/cognitiveservices/resource-manager/Microsoft.CognitiveServices/stable/2025-09-01/cognitiveservices.json): `Deprecating` lets only subscriptions that
 * already deploy the model create deployments; `Deprecated` is retired (inference answers 410).
 */
export const LIFECYCLE_DEPRECATING = "Deprecating";
export const LIFECYCLE_RETIRED = "Deprecated";

/** Default horizon of the retirement check: a version retiring sooner fails preflight. */
export const DEFAULT_RETIREMENT_HORIZON_DAYS = 90;

/**
 * Customer-managed keys on Azure OpenAI / AI services: the vault is in the account's region, has
 * soft delete and purge protection on, and the key is RSA (or RSA-HSM) of 2048 bits.
 * Source: https://learn.microsoft.com/azure/ai-services/openai/encrypt-data-at-rest
 */
export const CMK_KEY_TYPES = ["RSA", "RSA-HSM"] as const;
export const CMK_KEY_SIZE = 2048;

/**
 * Actions each kind of resource the stack writes needs (Azure resource provider operations:
 * https://learn.microsoft.com/azure/role-based-access-control/resource-provider-operations).
 */
export const ACTIONS = {
  resourceGroupWrite: "Microsoft.Resources/subscriptions/resourceGroups/write",
  accountWrite: "Microsoft.CognitiveServices/accounts/write",
  deploymentWrite: "Microsoft.CognitiveServices/accounts/deployments/write",
  raiPolicyWrite: "Microsoft.CognitiveServices/accounts/raiPolicies/write",
  raiBlocklistWrite: "Microsoft.CognitiveServices/accounts/raiBlocklists/write",
  vnetWrite: "Microsoft.Network/virtualNetworks/write",
  subnetWrite: "Microsoft.Network/virtualNetworks/subnets/write",
  subnetJoin: "Microsoft.Network/virtualNetworks/subnets/join/action",
  vnetJoin: "Microsoft.Network/virtualNetworks/join/action",
  privateEndpointWrite: "Microsoft.Network/privateEndpoints/write",
  zoneGroupWrite: "Microsoft.Network/privateEndpoints/privateDnsZoneGroups/write",
  privateZoneWrite: "Microsoft.Network/privateDnsZones/write",
  privateZoneJoin: "Microsoft.Network/privateDnsZones/join/action",
  vnetLinkWrite: "Microsoft.Network/privateDnsZones/virtualNetworkLinks/write",
  workspaceWrite: "Microsoft.OperationalInsights/workspaces/write",
  diagnosticSettingWrite: "Microsoft.Insights/diagnosticSettings/write",
  actionGroupWrite: "Microsoft.Insights/actionGroups/write",
  metricAlertWrite: "Microsoft.Insights/metricAlerts/write",
  budgetWrite: "Microsoft.Consumption/budgets/write",
  identityWrite: "Microsoft.ManagedIdentity/userAssignedIdentities/write",
  roleAssignmentWrite: "Microsoft.Authorization/roleAssignments/write",
} as const;
