/**
 * Azure Policy aliases: the name a rule uses (`field`) and the path of the property in the
 * resource's ARM JSON. Only the aliases the baseline and the built-ins it mirrors use are listed;
 * an alias of a resource type we plan that is not listed throws (never guessed).
 *
 * Sources: the alias list Resource Manager publishes per resource type
 * (`az provider show --namespace <ns> --expand "resourceTypes/aliases"`, or
 * `Get-AzPolicyAlias -NamespaceMatch <ns>`), as documented at
 * https://learn.microsoft.com/azure/governance/policy/concepts/definition-structure-alias, and the
 * built-in definitions that use them in Azure/azure-policy (`built-in-policies/policyDefinitions/...`:
 * Cognitive Services, Azure Ai Services, Monitoring, Network, API Management).
 * Paths follow the resources' REST shape (azure-rest-api-specs: cognitiveservices, monitor, network).
 */
import { UnsupportedPolicyError } from "./language";

const COGNITIVE = "microsoft.cognitiveservices/accounts";
const DATA_DEPLOYMENT = "microsoft.cognitiveservices.data/accounts/deployments";
const DIAGNOSTICS = "microsoft.insights/diagnosticsettings";
const ENDPOINTS = "microsoft.network/privateendpoints";
const APIM = "microsoft.apimanagement/service";

/** alias (lower case) → ARM JSON path; `[*]` marks an array whose members are evaluated. */
export const ALIASES: Readonly<Record<string, string>> = {
  // Microsoft.CognitiveServices/accounts (NetworkAcls_Audit, DisableLocalAuth_*, CustomerManagedKey_Audit,
  // EnablePrivateEndpoints_Audit, UserOwnedStorage_Audit, ALZ Deny-CognitiveServices-*)
  [`${COGNITIVE}/disablelocalauth`]: "properties.disableLocalAuth",
  [`${COGNITIVE}/publicnetworkaccess`]: "properties.publicNetworkAccess",
  [`${COGNITIVE}/customsubdomainname`]: "properties.customSubDomainName",
  [`${COGNITIVE}/networkacls`]: "properties.networkAcls",
  [`${COGNITIVE}/networkacls.defaultaction`]: "properties.networkAcls.defaultAction",
  [`${COGNITIVE}/networkacls.iprules[*]`]: "properties.networkAcls.ipRules[*]",
  [`${COGNITIVE}/networkacls.iprules[*].value`]: "properties.networkAcls.ipRules[*].value",
  [`${COGNITIVE}/networkacls.virtualnetworkrules[*]`]: "properties.networkAcls.virtualNetworkRules[*]",
  [`${COGNITIVE}/networkacls.virtualnetworkrules[*].id`]: "properties.networkAcls.virtualNetworkRules[*].id",
  [`${COGNITIVE}/restrictoutboundnetworkaccess`]: "properties.restrictOutboundNetworkAccess",
  [`${COGNITIVE}/allowedfqdnlist`]: "properties.allowedFqdnList",
  [`${COGNITIVE}/allowedfqdnlist[*]`]: "properties.allowedFqdnList[*]",
  [`${COGNITIVE}/encryption`]: "properties.encryption",
  [`${COGNITIVE}/encryption.keysource`]: "properties.encryption.keySource",
  [`${COGNITIVE}/userownedstorage[*]`]: "properties.userOwnedStorage[*]",
  [`${COGNITIVE}/capabilities[*]`]: "properties.capabilities[*]",
  [`${COGNITIVE}/capabilities[*].name`]: "properties.capabilities[*].name",
  [`${COGNITIVE}/sku`]: "sku",
  [`${COGNITIVE}/sku.name`]: "sku.name",
  [`${COGNITIVE}/privateendpointconnections[*]`]: "properties.privateEndpointConnections[*]",
  [`${COGNITIVE}/privateendpointconnections[*].privatelinkserviceconnectionstate.status`]:
    "properties.privateEndpointConnections[*].properties.privateLinkServiceConnectionState.status",
  // Child resource of the account (EnablePrivateEndpoints_DINE existence condition).
  [`${COGNITIVE}/privateendpointconnections/privatelinkserviceconnectionstate.status`]:
    "properties.privateLinkServiceConnectionState.status",
  // Model deployments (ARM control plane).
  [`${COGNITIVE}/deployments/model.name`]: "properties.model.name",
  [`${COGNITIVE}/deployments/model.version`]: "properties.model.version",
  [`${COGNITIVE}/deployments/model.format`]: "properties.model.format",
  [`${COGNITIVE}/deployments/sku.name`]: "sku.name",
  [`${COGNITIVE}/deployments/raipolicyname`]: "properties.raiPolicyName",
  // Microsoft.CognitiveServices.Data mode: deployments as the data-plane policy mode sees them
  // (AllowDeployRegistryModels_Audit, AllowDeployment*Control_Audit, AllowControlModeForDeployment_Audit).
  [`${DATA_DEPLOYMENT}/model.publisher`]: "properties.model.publisher",
  [`${DATA_DEPLOYMENT}/model.assetid`]: "properties.model.assetId",
  [`${DATA_DEPLOYMENT}/raipolicy.mode`]: "properties.raiPolicy.mode",
  [`${DATA_DEPLOYMENT}/raipolicy.contentfilters[*]`]: "properties.raiPolicy.contentFilters[*]",
  [`${DATA_DEPLOYMENT}/raipolicy.contentfilters[*].name`]: "properties.raiPolicy.contentFilters[*].name",
  [`${DATA_DEPLOYMENT}/raipolicy.contentfilters[*].source`]: "properties.raiPolicy.contentFilters[*].source",
  [`${DATA_DEPLOYMENT}/raipolicy.contentfilters[*].enabled`]:
    "properties.raiPolicy.contentFilters[*].enabled",
  [`${DATA_DEPLOYMENT}/raipolicy.contentfilters[*].blocking`]:
    "properties.raiPolicy.contentFilters[*].blocking",
  [`${DATA_DEPLOYMENT}/raipolicy.contentfilters[*].severitythreshold`]:
    "properties.raiPolicy.contentFilters[*].severityThreshold",
  // Microsoft.Insights/diagnosticSettings (DiagnosticLogs_Audit, DS_LA_*, DiagnosticSettingsExistsAudit_Audit).
  [`${DIAGNOSTICS}/logs[*]`]: "properties.logs[*]",
  [`${DIAGNOSTICS}/logs[*].enabled`]: "properties.logs[*].enabled",
  [`${DIAGNOSTICS}/logs[*].category`]: "properties.logs[*].category",
  [`${DIAGNOSTICS}/logs[*].categorygroup`]: "properties.logs[*].categoryGroup",
  [`${DIAGNOSTICS}/metrics[*]`]: "properties.metrics[*]",
  [`${DIAGNOSTICS}/metrics[*].enabled`]: "properties.metrics[*].enabled",
  [`${DIAGNOSTICS}/metrics[*].category`]: "properties.metrics[*].category",
  [`${DIAGNOSTICS}/workspaceid`]: "properties.workspaceId",
  [`${DIAGNOSTICS}/storageaccountid`]: "properties.storageAccountId",
  [`${DIAGNOSTICS}/eventhubauthorizationruleid`]: "properties.eventHubAuthorizationRuleId",
  [`${DIAGNOSTICS}/eventhubname`]: "properties.eventHubName",
  // Microsoft.Network/privateEndpoints (PrivateDnsZones_DINE and the ALZ DNS policies).
  [`${ENDPOINTS}/privatelinkserviceconnections[*]`]: "properties.privateLinkServiceConnections[*]",
  [`${ENDPOINTS}/privatelinkserviceconnections[*].privatelinkserviceid`]:
    "properties.privateLinkServiceConnections[*].properties.privateLinkServiceId",
  [`${ENDPOINTS}/privatelinkserviceconnections[*].groupids[*]`]:
    "properties.privateLinkServiceConnections[*].properties.groupIds[*]",
  [`${ENDPOINTS}/manualprivatelinkserviceconnections[*]`]:
    "properties.manualPrivateLinkServiceConnections[*]",
  [`${ENDPOINTS}/manualprivatelinkserviceconnections[*].privatelinkserviceid`]:
    "properties.manualPrivateLinkServiceConnections[*].properties.privateLinkServiceId",
  [`${ENDPOINTS}/subnet.id`]: "properties.subnet.id",
  [`${ENDPOINTS}/privatednszonegroups/privatednszoneconfigs[*]`]: "properties.privateDnsZoneConfigs[*]",
  [`${ENDPOINTS}/privatednszonegroups/privatednszoneconfigs[*].privatednszoneid`]:
    "properties.privateDnsZoneConfigs[*].properties.privateDnsZoneId",
  // Subnets and NSGs (ALZ Deny-Subnet-Without-Nsg).
  "microsoft.network/virtualnetworks/subnets/networksecuritygroup": "properties.networkSecurityGroup",
  "microsoft.network/virtualnetworks/subnets/networksecuritygroup.id": "properties.networkSecurityGroup.id",
  "microsoft.network/virtualnetworks/subnets[*]": "properties.subnets[*]",
  "microsoft.network/virtualnetworks/subnets[*].networksecuritygroup.id":
    "properties.subnets[*].properties.networkSecurityGroup.id",
  // Microsoft.ApiManagement/service and children (built-in-policies/policyDefinitions/API Management:
  // VNETEnabled_Audit, MinimumApiVersion_AuditDeny, HTTPEnabled_AuditDeny, BackendAuth_AuditDeny,
  // BackendCertificateChecks_AuditDeny, NamedValueSecretsInKV_AuditDeny, AllApiSubscription_AuditDeny, BasePolicy_Audit).
  [`${APIM}/sku.name`]: "sku.name",
  [`${APIM}/virtualnetworktype`]: "properties.virtualNetworkType",
  [`${APIM}/publicnetworkaccess`]: "properties.publicNetworkAccess",
  // ALZ Deny-APIM-TLS.
  [`${APIM}/customproperties`]: "properties.customProperties",
  [`${APIM}/apiversionconstraint.minapiversion`]: "properties.apiVersionConstraint.minApiVersion",
  [`${APIM}/apis/protocols[*]`]: "properties.protocols[*]",
  [`${APIM}/apis/policies/value`]: "properties.value",
  [`${APIM}/apis/operations/policies/value`]: "properties.value",
  [`${APIM}/backends/url`]: "properties.url",
  [`${APIM}/backends/protocol`]: "properties.protocol",
  [`${APIM}/backends/credentials.certificate`]: "properties.credentials.certificate",
  [`${APIM}/backends/credentials.certificate[*]`]: "properties.credentials.certificate[*]",
  [`${APIM}/backends/credentials.authorization.scheme`]: "properties.credentials.authorization.scheme",
  [`${APIM}/backends/credentials.authorization.parameter`]: "properties.credentials.authorization.parameter",
  [`${APIM}/backends/tls.validatecertificatechain`]: "properties.tls.validateCertificateChain",
  [`${APIM}/backends/tls.validatecertificatename`]: "properties.tls.validateCertificateName",
  [`${APIM}/namedvalues/displayname`]: "properties.displayName",
  [`${APIM}/namedvalues/secret`]: "properties.secret",
  [`${APIM}/namedvalues/keyvault`]: "properties.keyVault",
  [`${APIM}/namedvalues/keyvault.secretidentifier`]: "properties.keyVault.secretIdentifier",
  [`${APIM}/subscriptions/scope`]: "properties.scope",
  [`${APIM}/subscriptions/state`]: "properties.state",
  // Log Analytics workspaces.
  "microsoft.operationalinsights/workspaces/sku.name": "properties.sku.name",
  "microsoft.operationalinsights/workspaces/retentionindays": "properties.retentionInDays",
  // Management locks.
  "microsoft.authorization/locks/level": "properties.level",
};

/** Fields every resource has, outside any provider's aliases (definition-structure-policy-rule#fields). */
const TOP_LEVEL: Readonly<Record<string, string>> = {
  name: "name",
  fullname: "fullName",
  kind: "kind",
  type: "type",
  location: "location",
  id: "id",
  tags: "tags",
  identity: "identity",
  "identity.type": "identity.type",
  "identity.userassignedidentities": "identity.userAssignedIdentities",
};

/**
 * The ARM path of a `field` for a resource of `resourceType`, or undefined when the alias belongs
 * to another resource type (Azure evaluates it as absent). Throws for an unknown alias of this type.
 */
export function aliasPath(alias: string, resourceType: string): string | undefined {
  const key = alias.toLowerCase();
  const top = TOP_LEVEL[key];
  if (top) return top;
  const tag = /^tags(?:\.(.+)|\[\s*'?(.+?)'?\s*\])$/i.exec(alias);
  if (tag) return `tags.${tag[1] ?? tag[2]}`;
  // An alias names its resource type by everything before its last `/`.
  if (key.slice(0, key.lastIndexOf("/")) !== resourceType.toLowerCase()) return undefined;
  const path = ALIASES[key];
  if (!path) throw new UnsupportedPolicyError(`alias ${alias}`, `the alias (on ${resourceType})`);
  return path;
}
