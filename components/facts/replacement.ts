/**
 * Which input changes make azure-native replace a resource (delete and create it again), and what a
 * replacement or a deletion does to what runs in Azure.
 *
 * azure-native replaces a resource when an input that is part of the resource's URL path changes
 * (every PUT path parameter), or a body property marked ForceNew changes, and everything below
 * such a property: pulumi/pulumi-azure-native provider/pkg/provider/diff.go (calculateDetailedDiff).
 * ForceNew comes from the REST spec's `x-ms-mutability` without "update" (create-only), plus the
 * provider's own list, forceNewMap in provider/pkg/gen (e.g. RoleAssignment principalId, scope;
 * PrivateEndpoint subnet; VirtualNetwork and ResourceGroup location).
 */

export interface ReplaceRule {
  /** Input paths (dotted, as the program passes them) whose change replaces the resource. */
  keys: readonly string[];
  /** Where the keys come from. */
  source: string;
}

const PATH = "URL path parameter of the PUT (pulumi-azure-native provider/pkg/provider/diff.go)";
const COGNITIVE =
  "Azure/azure-rest-api-specs specification/cognitiveservices/resource-manager/Microsoft.CognitiveServices/stable/2025-06-01/cognitiveservices.json";
const COMMON_TRACKED =
  "TrackedResource.location x-ms-mutability [read, create]: Azure/azure-rest-api-specs specification/common-types/resource-management/v2/types.json";
const FORCE_NEW_MAP = "pulumi/pulumi-azure-native provider/pkg/gen forceNewMap";

export const REPLACE_ON_CHANGE: Record<string, ReplaceRule> = {
  "azure-native:resources:ResourceGroup": {
    keys: ["resourceGroupName", "location"],
    source: `${PATH}; location: ${FORCE_NEW_MAP} (Resources.ResourceGroup)`,
  },
  "azure-native:cognitiveservices:Account": {
    keys: ["resourceGroupName", "accountName", "location"],
    source: `${PATH}; location: Account.location x-ms-mutability [read, create] in ${COGNITIVE}`,
  },
  "azure-native:cognitiveservices:Deployment": {
    keys: ["resourceGroupName", "accountName", "deploymentName"],
    source: `${PATH} (${COGNITIVE}: .../accounts/{accountName}/deployments/{deploymentName})`,
  },
  "azure-native:cognitiveservices:RaiPolicy": {
    keys: ["resourceGroupName", "accountName", "raiPolicyName"],
    source: `${PATH} (${COGNITIVE}: .../raiPolicies/{raiPolicyName})`,
  },
  "azure-native:cognitiveservices:RaiBlocklist": {
    keys: ["resourceGroupName", "accountName", "raiBlocklistName"],
    source: `${PATH} (${COGNITIVE}: .../raiBlocklists/{raiBlocklistName})`,
  },
  "azure-native:cognitiveservices:RaiBlocklistItem": {
    keys: ["resourceGroupName", "accountName", "raiBlocklistName", "raiBlocklistItemName"],
    source: `${PATH} (${COGNITIVE}: .../raiBlocklistItems/{raiBlocklistItemName})`,
  },
  "azure-native:network:PrivateEndpoint": {
    keys: ["resourceGroupName", "privateEndpointName", "subnet"],
    source: `${PATH}; subnet: ${FORCE_NEW_MAP} (Network.PrivateEndpoint)`,
  },
  "azure-native:network:PrivateDnsZoneGroup": {
    keys: ["resourceGroupName", "privateEndpointName", "privateDnsZoneGroupName"],
    source: PATH,
  },
  "azure-native:network:VirtualNetwork": {
    keys: ["resourceGroupName", "virtualNetworkName", "location"],
    source: `${PATH}; location: ${FORCE_NEW_MAP} (Network.VirtualNetwork)`,
  },
  "azure-native:network:Subnet": {
    keys: ["resourceGroupName", "virtualNetworkName", "subnetName"],
    source: `${PATH}; no body property: ${FORCE_NEW_MAP} (Network.Subnet)`,
  },
  "azure-native:privatedns:PrivateZone": { keys: ["resourceGroupName", "privateZoneName"], source: PATH },
  "azure-native:privatedns:VirtualNetworkLink": {
    keys: ["resourceGroupName", "privateZoneName", "virtualNetworkLinkName"],
    source: PATH,
  },
  "azure-native:authorization:RoleAssignment": {
    keys: ["scope", "roleAssignmentName", "principalId"],
    source: `${PATH}; principalId, scope: ${FORCE_NEW_MAP} (Authorization.RoleAssignment)`,
  },
  "azure-native:managedidentity:UserAssignedIdentity": {
    keys: ["resourceGroupName", "resourceName", "location"],
    source: `${PATH}; ${COMMON_TRACKED}`,
  },
  "azure-native:operationalinsights:Workspace": {
    keys: ["resourceGroupName", "workspaceName", "location"],
    source: `${PATH}; ${COMMON_TRACKED}`,
  },
  "azure-native:monitor:DiagnosticSetting": { keys: ["resourceUri", "name"], source: PATH },
  "azure-native:monitor:ActionGroup": {
    keys: ["resourceGroupName", "actionGroupName", "location"],
    source: `${PATH}; location: AzureResource.location x-ms-mutability [create, read] in specification/monitor/resource-manager/Microsoft.Insights/preview/2024-10-01-preview/actionGroups_API.json`,
  },
  "azure-native:monitor:MetricAlert": {
    keys: ["resourceGroupName", "ruleName", "location"],
    source: `${PATH}; location: Resource.location x-ms-mutability [create, read] in specification/monitor/resource-manager/Microsoft.Insights/stable/2018-03-01/metricAlert_API.json`,
  },
  "azure-native:consumption:Budget": { keys: ["scope", "budgetName"], source: PATH },
};

/** True when a change at `path` (e.g. "properties.model.version", "sku") replaces a resource of `type`. */
export function replacesResource(type: string, path: string): boolean {
  const rule = REPLACE_ON_CHANGE[type];
  if (!rule) return false;
  return rule.keys.some((key) => path === key || path.startsWith(`${key}.`) || path.startsWith(`${key}[`));
}

/**
 * A deleted Cognitive Services account is soft-deleted and kept 48 hours; until it is purged its
 * name (in its resource group) and its subdomain cannot be used again, and it can be recovered.
 * Source: https://learn.microsoft.com/azure/ai-services/recover-purge-resources
 */
export const SOFT_DELETE_RETENTION_HOURS = 48;

/** What replacing (or deleting) a resource does to what runs, in plain words, by type token. */
export const REPLACE_CONSEQUENCES: Record<string, string> = {
  "azure-native:cognitiveservices:Account": `the account is deleted and created again: a new endpoint and a new system-assigned identity (grants to the old principal are lost), every deployment on it is deleted with it, and the deleted account blocks its name and subdomain for ${SOFT_DELETE_RETENTION_HOURS} hours (soft delete), so the create under the same name fails until it is purged`,
  "azure-native:cognitiveservices:Deployment":
    "the deployment is deleted and created again: calls to this deployment name fail (404 DeploymentNotFound) until it is back, and its capacity returns to the quota pool in between",
  "azure-native:authorization:RoleAssignment":
    "the role assignment is deleted and created again: the principal has no access in between (a gap in access)",
  "azure-native:cognitiveservices:RaiPolicy":
    "the content filter is deleted and created again: deployments that reference it cannot keep it in between",
  "azure-native:network:PrivateEndpoint":
    "the private endpoint is deleted and created again: clients in the VNet lose the private path (and its IP address may change) until it is back",
};

export const DELETE_CONSEQUENCES: Record<string, string> = {
  "azure-native:cognitiveservices:Account": `the account and every deployment on it stop serving; it stays soft-deleted for ${SOFT_DELETE_RETENTION_HOURS} hours, blocking its name and subdomain (recover it with accounts[i].restore: true)`,
  "azure-native:cognitiveservices:Deployment":
    "calls to this deployment name fail (404 DeploymentNotFound) from then on",
  "azure-native:authorization:RoleAssignment": "the principal loses this access",
  "azure-native:network:PrivateEndpoint": "clients in the VNet lose the private path to the account",
};
