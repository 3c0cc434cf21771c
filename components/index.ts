/**
 * Public entry of the components package (the npm package's root, and the module Pulumi's schema
 * inference starts from through the repository's index.ts): the components a consumer composes,
 * their args and output types, the spec schemas their config is validated with, and the facts.
 * Planners and helpers stay in their modules (src/ imports them from there). test/package.exports.test.ts
 * pins this list: removing a name is a breaking change, listed in CHANGELOG.md.
 */

// Access: identities, groups and role assignments.
export type {
  AppIdentity,
  CiDeployIdentity,
  CiPreviewIdentity,
  EntraGroup,
  KeyVaultGrant,
  PlatformAccessArgs,
} from "./access/args";
export { type CiIdentityOutputs, type ManagedIdentityOutputs, PlatformAccess } from "./access/component";
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
// The account, its deployments and content filters.
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
// Cost: the resource group's budget.
export {
  type BudgetNotification,
  ResourceGroupBudget,
  type ResourceGroupBudgetArgs,
} from "./budget/component";
export { type BudgetSpec, budgetSpecSchema } from "./budget/spec";
export {
  BlocklistAppliesTo,
  type BlocklistSpec,
  blocklistSpecSchema,
  ContentFilterMode,
  ContentFilterPreset,
  type ContentFilterSpec,
  contentFilterSpecSchema,
} from "./content-filter/spec";
export {
  type DeploymentSpec,
  deploymentSpecSchema,
  VERSION_UPGRADE_OPTIONS,
  VersionUpgradeOption,
} from "./deployments/spec";
// The facts every limit, name rule and default comes from.
export * from "./facts/contentFilters";
export * from "./facts/gateway";
export * from "./facts/models";
export * from "./facts/monitoring";
export * from "./facts/names";
export * from "./facts/privateLink";
export * from "./facts/roles";
export * from "./facts/skus";
// The AI gateway.
export {
  AiGateway,
  type AiGatewayArgs,
  type GatewayApplicationInsights,
  type GatewayBackendAccount,
  type GatewayConsumer,
  type GatewayDnsZoneLink,
  type GatewayPool,
  type GatewayPoolBackend,
  type GatewayRoute,
  type GatewaySubnet,
} from "./gateway/component";
export { type GatewaySpec, gatewaySpecSchema } from "./gateway/spec";
// Monitoring.
export {
  type GatewayAlerts,
  type MetricAlert,
  type MonitoringActionGroup,
  type MonitoringAlerts,
  type MonitoringDiagnostics,
  type MonitoringEventHub,
  type MonitoringWorkspace,
  PlatformMonitoring,
  type PlatformMonitoringArgs,
} from "./monitoring/component";
export type { MonitoredAccount, MonitoredDeployment, MonitoredGateway } from "./monitoring/refs";
export {
  type AlertKind,
  type GatewayAlertKind,
  type MonitoringSpec,
  monitoringArgsSchema,
  monitoringSpecSchema,
} from "./monitoring/spec";
// Private networking.
export { PrivateNetwork, type PrivateNetworkArgs } from "./network/component";
export {
  AccountPrivateEndpoint,
  type AccountPrivateEndpointArgs,
  type DnsZoneGroupNames,
  type EndpointNames,
} from "./network/endpoint";
export { type NetworkSpec, networkSpecSchema, type RegionNetworkSpec } from "./network/spec";
// The resource group.
export { PlatformResourceGroup, type PlatformResourceGroupArgs } from "./resource-group/component";
