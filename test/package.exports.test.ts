/**
 * The package root's export list (components/index.ts) is the TypeScript API: pinned here, so a
 * removal is a conscious, breaking change (listed in CHANGELOG.md), and the components it exports
 * are exactly the ones served to other languages (components/hosted.ts): one public API for every
 * language. Internal children (ContentFilterSet, ModelDeploymentChain, the GitHub CI identities)
 * stay in their modules.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as pulumi from "@pulumi/pulumi";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import * as root from "../components";
import * as contentFilters from "../components/facts/contentFilters";
import * as gateway from "../components/facts/gateway";
import * as models from "../components/facts/models";
import * as monitoring from "../components/facts/monitoring";
import * as names from "../components/facts/names";
import * as privateLink from "../components/facts/privateLink";
import * as roles from "../components/facts/roles";
import * as skus from "../components/facts/skus";
import { HOSTED_COMPONENTS } from "../components/hosted";

/** The root's value exports besides the facts modules' (which the root re-exports whole). */
const VALUES = [
  "ACCOUNT_KINDS",
  "AccountIdentityType",
  "AccountKind",
  "AccountLock",
  "AccountPrivateEndpoint",
  "AccountPublicNetworkAccess",
  "AiGateway",
  "BlocklistAppliesTo",
  "ContentFilterMode",
  "ContentFilterPreset",
  "GRANT_SCOPES",
  "IDENTITY_TYPES",
  "NetworkAclBypass",
  "NetworkAclDefaultAction",
  "OpenAIAccount",
  "PRINCIPAL_TYPES",
  "PlatformAccess",
  "PlatformMonitoring",
  "PlatformResourceGroup",
  "PrivateNetwork",
  "ResourceGroupBudget",
  "VERSION_UPGRADE_OPTIONS",
  "VersionUpgradeOption",
  "accessSpecSchema",
  "accountSpecSchema",
  "blocklistSpecSchema",
  "budgetSpecSchema",
  "contentFilterSpecSchema",
  "deploymentSpecSchema",
  "gatewaySpecSchema",
  "monitoringArgsSchema",
  "monitoringSpecSchema",
  "networkSpecSchema",
];

/** The root's type exports (args, outputs, specs), as components/index.ts names them. */
const TYPES = [
  "AccessSpec",
  "AccountIdentity",
  "AccountNetworkAcls",
  "AccountOutbound",
  "AccountPrivateEndpointArgs",
  "AccountReference",
  "AccountSpec",
  "AiGatewayArgs",
  "AlertKind",
  "AppIdentity",
  "AppIdentitySpec",
  "Blocklist",
  "BlocklistItem",
  "BlocklistSpec",
  "BudgetNotification",
  "BudgetSpec",
  "CategorySeverityThresholds",
  "CiDeployIdentity",
  "CiDeployIdentitySpec",
  "CiIdentityOutputs",
  "CiPreviewIdentity",
  "CiPreviewIdentitySpec",
  "ContentFilter",
  "ContentFilterCategories",
  "ContentFilterSpec",
  "CustomerManagedKey",
  "DeploymentInfo",
  "DeploymentSpec",
  "DnsZoneGroupNames",
  "EndpointNames",
  "EntraGroup",
  "GatewayAlertKind",
  "GatewayAlerts",
  "GatewayApplicationInsights",
  "GatewayBackendAccount",
  "GatewayConsumer",
  "GatewayDnsZoneLink",
  "GatewayPool",
  "GatewayPoolBackend",
  "GatewayRoute",
  "GatewaySpec",
  "GatewaySubnet",
  "GroupSpec",
  "KeyVaultGrant",
  "ManagedIdentityOutputs",
  "MetricAlert",
  "ModelDeployment",
  "MonitoredAccount",
  "MonitoredDeployment",
  "MonitoredGateway",
  "MonitoringActionGroup",
  "MonitoringAlerts",
  "MonitoringDiagnostics",
  "MonitoringEventHub",
  "MonitoringSpec",
  "MonitoringWorkspace",
  "NetworkSpec",
  "OpenAIAccountArgs",
  "PlatformAccessArgs",
  "PlatformMonitoringArgs",
  "PlatformResourceGroupArgs",
  "PrivateNetworkArgs",
  "RegionNetworkSpec",
  "ResourceGroupBudgetArgs",
];

const FACTS = [contentFilters, gateway, models, monitoring, names, privateLink, roles, skus];

const isComponentClass = (value: unknown): value is { name: string } =>
  typeof value === "function" && value.prototype instanceof pulumi.ComponentResource;

describe("the package root (components/index.ts)", () => {
  it("exports exactly the pinned values, and every fact", () => {
    const facts = FACTS.flatMap((module) => Object.keys(module));
    expect(Object.keys(root).sort()).toEqual([...new Set([...VALUES, ...facts])].sort());
  });

  it("exports exactly the pinned types", () => {
    const file = join(__dirname, "..", "components", "index.ts");
    const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest);
    const types = source.statements
      .filter(ts.isExportDeclaration)
      .flatMap((declaration) =>
        declaration.exportClause && ts.isNamedExports(declaration.exportClause)
          ? declaration.exportClause.elements
              .filter((element) => declaration.isTypeOnly || element.isTypeOnly)
              .map((element) => element.name.text)
          : [],
      );
    expect(types.sort()).toEqual([...TYPES].sort());
  });

  it("exports exactly the hosted components, so every language gets the same components", () => {
    const exported = Object.values(root as Record<string, unknown>)
      .filter(isComponentClass)
      .map((c) => c.name);
    const hosted = HOSTED_COMPONENTS.map((c) => c.name);
    expect(
      exported.filter((name) => !hosted.includes(name)),
      "exported but not hosted",
    ).toEqual([]);
    expect(
      hosted.filter((name) => !exported.includes(name)),
      "hosted but not exported",
    ).toEqual([]);
  });
});
