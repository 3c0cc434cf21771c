/**
 * Reads one resource group from Azure Resource Manager, read-only: its Cognitive Services accounts
 * with their deployments, RAI policies, blocklists (with items) and diagnostic settings, and its
 * private endpoints with their DNS zone groups. Every read goes through preflight's Resource Manager
 * reader (src/preflight/armHttp.ts: sign-in, endpoint rule, timeouts, retries, body and page caps).
 */
import type { z } from "zod";
import type { ArmReader } from "../preflight/armHttp";
import type {
  FoundAccount,
  FoundBlocklist,
  FoundDeployment,
  FoundPrivateEndpoint,
  FoundRaiPolicy,
  FoundResourceGroup,
} from "./model";
import {
  ADOPT_API_VERSIONS,
  accountSchema,
  deploymentSchema,
  diagnosticSettingSchema,
  privateDnsZoneGroupSchema,
  privateEndpointSchema,
  raiBlocklistItemSchema,
  raiBlocklistSchema,
  raiPolicySchema,
} from "./wire";

const CS = ADOPT_API_VERSIONS.cognitiveServices;
/** Azure leaves out what is unset; the found model says undefined. */
const opt = <T>(value: T | null | undefined): T | undefined => value ?? undefined;

const toDeployment = (d: z.infer<typeof deploymentSchema>): FoundDeployment => ({
  id: d.id ?? "",
  name: d.name ?? "",
  format: d.properties?.model?.format ?? "OpenAI",
  model: d.properties?.model?.name ?? "",
  version: d.properties?.model?.version ?? "",
  sku: d.sku?.name ?? "",
  capacity: d.sku?.capacity ?? 0,
  versionUpgradeOption: opt(d.properties?.versionUpgradeOption),
  raiPolicyName: opt(d.properties?.raiPolicyName),
});

const toRaiPolicy = (p: z.infer<typeof raiPolicySchema>): FoundRaiPolicy => ({
  id: p.id ?? "",
  name: p.name ?? "",
  type: opt(p.properties?.type),
  mode: opt(p.properties?.mode),
  basePolicyName: opt(p.properties?.basePolicyName),
  contentFilters: (p.properties?.contentFilters ?? []).map((f) => ({
    name: f.name ?? "",
    source: f.source ?? "",
    enabled: f.enabled ?? false,
    blocking: f.blocking ?? false,
    severityThreshold: opt(f.severityThreshold),
  })),
  customBlocklists: (p.properties?.customBlocklists ?? []).map((b) => ({
    blocklistName: b.blocklistName ?? "",
    source: b.source ?? "",
    blocking: b.blocking ?? false,
  })),
});

async function readBlocklist(
  arm: ArmReader,
  accountId: string,
  list: z.infer<typeof raiBlocklistSchema>,
): Promise<FoundBlocklist> {
  const name = list.name ?? "";
  const items = await arm.list(
    `${accountId}/raiBlocklists/${name}/raiBlocklistItems`,
    CS,
    raiBlocklistItemSchema,
  );
  return {
    id: list.id ?? "",
    name,
    description: opt(list.properties?.description),
    items: items.map((item) => ({
      id: item.id ?? "",
      name: item.name ?? "",
      pattern: item.properties?.pattern ?? "",
      isRegex: item.properties?.isRegex ?? false,
    })),
  };
}

async function readAccount(arm: ArmReader, account: z.infer<typeof accountSchema>): Promise<FoundAccount> {
  const id = account.id ?? "";
  const p = account.properties;
  const [deployments, raiPolicies, lists, diagnostics] = await Promise.all([
    arm.list(`${id}/deployments`, CS, deploymentSchema),
    arm.list(`${id}/raiPolicies`, CS, raiPolicySchema),
    arm.list(`${id}/raiBlocklists`, CS, raiBlocklistSchema),
    arm.list(
      `${id}/providers/Microsoft.Insights/diagnosticSettings`,
      ADOPT_API_VERSIONS.diagnosticSettings,
      diagnosticSettingSchema,
    ),
  ]);
  const encryption = p?.encryption;
  return {
    id,
    name: account.name ?? "",
    location: account.location ?? "",
    kind: account.kind ?? "",
    sku: account.sku?.name ?? "",
    tags: account.tags ?? {},
    identityType: account.identity?.type ?? "None",
    userAssignedIdentityIds: Object.keys(account.identity?.userAssignedIdentities ?? {}),
    customSubDomain: opt(p?.customSubDomainName),
    disableLocalAuth: opt(p?.disableLocalAuth),
    publicNetworkAccess: opt(p?.publicNetworkAccess),
    networkAcls: p?.networkAcls
      ? {
          defaultAction: opt(p.networkAcls.defaultAction),
          bypass: opt(p.networkAcls.bypass),
          ipRules: (p.networkAcls.ipRules ?? []).map((rule) => rule.value),
        }
      : undefined,
    restrictOutboundNetworkAccess: opt(p?.restrictOutboundNetworkAccess),
    allowedFqdns: p?.allowedFqdnList ?? [],
    encryption: encryption
      ? {
          keySource: opt(encryption.keySource),
          keyVaultUri: opt(encryption.keyVaultProperties?.keyVaultUri),
          keyName: opt(encryption.keyVaultProperties?.keyName),
          keyVersion: opt(encryption.keyVaultProperties?.keyVersion),
        }
      : undefined,
    deployments: deployments.map(toDeployment),
    raiPolicies: raiPolicies.map(toRaiPolicy),
    blocklists: await Promise.all(lists.map((list) => readBlocklist(arm, id, list))),
    diagnosticSettings: diagnostics.map((d) => ({
      id: d.id ?? "",
      name: d.name ?? "",
      workspaceId: opt(d.properties?.workspaceId),
    })),
  };
}

async function readPrivateEndpoint(
  arm: ArmReader,
  pe: z.infer<typeof privateEndpointSchema>,
): Promise<FoundPrivateEndpoint> {
  const id = pe.id ?? "";
  const p = pe.properties;
  const groups = await arm.list(
    `${id}/privateDnsZoneGroups`,
    ADOPT_API_VERSIONS.network,
    privateDnsZoneGroupSchema,
  );
  return {
    id,
    name: pe.name ?? "",
    location: pe.location ?? "",
    subnetId: opt(p?.subnet?.id),
    // Only a name chosen at creation; without one Azure generated the interface's name.
    networkInterfaceName: p?.customNetworkInterfaceName || undefined,
    connections: (p?.privateLinkServiceConnections ?? []).map((c) => ({
      privateLinkServiceId: c.properties?.privateLinkServiceId ?? "",
      groupIds: c.properties?.groupIds ?? [],
    })),
    dnsZoneGroups: groups.map((g) => ({
      id: g.id ?? "",
      name: g.name ?? "",
      zones: (g.properties?.privateDnsZoneConfigs ?? []).map((z) => ({
        privateDnsZoneId: z.properties?.privateDnsZoneId ?? "",
      })),
    })),
  };
}

export async function readResourceGroup(
  arm: ArmReader,
  subscriptionId: string,
  resourceGroup: string,
): Promise<FoundResourceGroup> {
  const group = `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}`;
  const [accounts, endpoints] = await Promise.all([
    arm.list(`${group}/providers/Microsoft.CognitiveServices/accounts`, CS, accountSchema),
    arm.list(
      `${group}/providers/Microsoft.Network/privateEndpoints`,
      ADOPT_API_VERSIONS.network,
      privateEndpointSchema,
    ),
  ]);
  const [found, privateEndpoints] = await Promise.all([
    Promise.all(accounts.map((a) => readAccount(arm, a))),
    Promise.all(endpoints.map((pe) => readPrivateEndpoint(arm, pe))),
  ]);
  return { subscriptionId, resourceGroup, accounts: found, privateEndpoints };
}
