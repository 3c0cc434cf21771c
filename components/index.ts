/** Public entry of the components package: components, their spec schemas and the platform facts. */

export type {
  AppIdentity,
  CiDeployIdentity,
  CiPreviewIdentity,
  EntraGroup,
  KeyVaultGrant,
  PlatformAccessArgs,
} from "./access/args";
export { type CiIdentityOutputs, type ManagedIdentityOutputs, PlatformAccess } from "./access/component";
export { constrainedRolesCondition } from "./access/delegation";
export { deploySubjects, type FederatedSubject, pullRequestSubject } from "./access/github";
export { GithubDeployIdentity, type GithubDeployIdentityArgs } from "./access/githubDeployIdentity";
export { GithubPreviewIdentity, type GithubPreviewIdentityArgs } from "./access/githubPreviewIdentity";
export { type Grant, type GrantScope, plannedGrants } from "./access/grants";
export { nameBasedUuid, roleAssignmentName } from "./access/roleAssignmentName";
export {
  type AccessSpec,
  type AppIdentitySpec,
  accessSpecSchema,
  type CiDeployIdentitySpec,
  type CiPreviewIdentitySpec,
  GRANT_SCOPES,
  type GroupSpec,
  PRINCIPAL_TYPES,
} from "./access/spec";
export type {
  AccountIdentity,
  AccountNetworkAcls,
  AccountOutbound,
  Blocklist,
  BlocklistItem,
  CategorySeverityThresholds,
  ContentFilter,
  ContentFilterCategories,
  CustomerManagedKey,
  DeploymentInfo,
  ModelDeployment,
  OpenAIAccountArgs,
} from "./account/args";
export { OpenAIAccount } from "./account/component";
export {
  ACCOUNT_KINDS,
  AccountIdentityType,
  AccountKind,
  AccountLock,
  AccountPublicNetworkAccess,
  type AccountSpec,
  accountSpecSchema,
  IDENTITY_TYPES,
  NetworkAclBypass,
  NetworkAclDefaultAction,
} from "./account/spec";
export type { AccountReference } from "./accountRef";
export { ResourceGroupBudget, type ResourceGroupBudgetArgs } from "./budget/component";
export { type BudgetNotification, budgetNotifications } from "./budget/notifications";
export { type BudgetSpec, budgetSpecSchema } from "./budget/spec";
export { ContentFilterSet, type ContentFilterSetArgs } from "./content-filter/component";
export { effectiveFilterSettings, raiPolicyProperties } from "./content-filter/settings";
export {
  BlocklistAppliesTo,
  type BlocklistSpec,
  blocklistSpecSchema,
  ContentFilterMode,
  ContentFilterPreset,
  type ContentFilterSpec,
  contentFilterSpecSchema,
} from "./content-filter/spec";
export { ModelDeploymentChain, type ModelDeploymentChainArgs } from "./deployments/component";
export {
  type DeploymentSpec,
  deploymentSpecSchema,
  VERSION_UPGRADE_OPTIONS,
  VersionUpgradeOption,
} from "./deployments/spec";
export { deploymentForUse, deploymentsByModel } from "./deployments/uses";
export * from "./facts/contentFilters";
export * from "./facts/models";
export * from "./facts/monitoring";
export * from "./facts/names";
export * from "./facts/privateLink";
export * from "./facts/roles";
export * from "./facts/skus";
export {
  AiGateway,
  type AiGatewayArgs,
  type GatewayApplicationInsightsArgs,
  type GatewayBackendAccountArgs,
  type GatewayConsumerArgs,
  type GatewayDnsZoneLinkArgs,
  type GatewayPoolArgs,
  type GatewayPoolBackendArgs,
  type GatewayRouteArgs,
  type GatewaySubnetArgs,
} from "./gateway/component";
export { type GatewayPlan, type GatewayRoute, networkingIssues, planGateway } from "./gateway/plan";
export { gatewayPolicyXml, type PolicyConsumer, type PolicyInput } from "./gateway/policy";
export { type GatewaySpec, gatewaySpecSchema } from "./gateway/spec";
export {
  type AlertSettings,
  type AlertSettingsByKind,
  accountAlertRules,
  gatewayAlertRules,
  type MetricAlertRule,
  type MonitoringSettings,
  resolveAlertSeverities,
} from "./monitoring/alerts";
export {
  type GatewayAlertsArgs,
  type MetricAlertArgs,
  type MonitoringActionGroupArgs,
  type MonitoringAlertsArgs,
  type MonitoringDiagnosticsArgs,
  type MonitoringEventHubArgs,
  type MonitoringWorkspaceArgs,
  PlatformMonitoring,
  type PlatformMonitoringArgs,
} from "./monitoring/component";
export type { MonitoredAccountArgs, MonitoredDeploymentArgs, MonitoredGatewayArgs } from "./monitoring/refs";
export {
  type AlertKind,
  type GatewayAlertKind,
  type MonitoringSpec,
  monitoringArgsSchema,
  monitoringSpecSchema,
} from "./monitoring/spec";
export {
  type Cidr,
  cidrContains,
  cidrSize,
  cidrsOverlap,
  formatCidr,
  parseCidr,
  readCidr,
} from "./network/cidr";

export { PrivateNetwork, type PrivateNetworkArgs } from "./network/component";
export { AccountPrivateEndpoint, type AccountPrivateEndpointArgs } from "./network/endpoint";
export { endpointsPerRegion, type ZoneLinkTarget, zoneLinkTargets } from "./network/plan";
export { type NetworkSpec, networkSpecSchema, type RegionNetworkSpec } from "./network/spec";
export { PlatformResourceGroup, type PlatformResourceGroupArgs } from "./resource-group/component";
