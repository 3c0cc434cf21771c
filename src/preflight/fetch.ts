/**
 * Reads from Azure Resource Manager what the checks need, and nothing else: reads only, no writes
 * (checkDomainAvailability is a POST that changes nothing). Wire shapes are reduced to the plain
 * data in model.ts here, so the checks never see Resource Manager's JSON.
 */
import type { z } from "zod";
import type { StackConfig } from "../config/schema";
import type { ResolvedAccount } from "../config/types";
import type { ArmReader } from "./armHttp";
import { requiredRights, resourceGroupId } from "./checks/rights";
import { API_VERSIONS } from "./facts";
import type {
  AccountSkuOffer,
  DeletedAccount,
  ExistingResources,
  LiveAccount,
  LiveDeployment,
  LiveKey,
  LiveKeyVault,
  LiveState,
  LiveSubnet,
  LiveWorkspace,
  ModelOffer,
  Permission,
  QuotaUsage,
  RegionState,
  SubdomainAvailability,
} from "./model";
import {
  accountSchema,
  deploymentSchema,
  domainAvailabilitySchema,
  keySchema,
  locatedSchema,
  modelSchema,
  permissionSchema,
  privateZoneSchema,
  resourceGroupSchema,
  resourceSkuSchema,
  subnetSchema,
  usageSchema,
  vaultSchema,
  workspaceSchema,
} from "./wire";

const ACCOUNT_TYPE = "Microsoft.CognitiveServices/accounts";
const PROVIDER = "providers/Microsoft.CognitiveServices";
const CS = API_VERSIONS.cognitiveServices;

const toOffer = (offer: z.output<typeof modelSchema>): ModelOffer => ({
  kind: offer.kind ?? "",
  format: offer.model?.format ?? "",
  name: offer.model?.name ?? "",
  version: offer.model?.version ?? "",
  skus: (offer.model?.skus ?? []).map((sku) => ({
    name: sku.name ?? "",
    usageName: sku.usageName ?? undefined,
    deprecationDate: sku.deprecationDate ?? undefined,
  })),
  lifecycleStatus: offer.model?.lifecycleStatus ?? undefined,
  isDefaultVersion: offer.model?.isDefaultVersion ?? false,
  inferenceRetiresAt: offer.model?.deprecation?.inference ?? undefined,
  fineTuneRetiresAt: offer.model?.deprecation?.fineTune ?? undefined,
});

const toUsage = (usage: z.output<typeof usageSchema>): QuotaUsage => ({
  name: usage.name?.value ?? "",
  currentValue: usage.currentValue ?? 0,
  limit: usage.limit ?? 0,
});

const toDeployment = (deployment: z.output<typeof deploymentSchema>): LiveDeployment => ({
  name: deployment.name ?? "",
  format: deployment.properties?.model?.format ?? "",
  model: deployment.properties?.model?.name ?? "",
  version: deployment.properties?.model?.version ?? "",
  sku: deployment.sku?.name ?? "",
  capacity: deployment.sku?.capacity ?? 0,
});

const toAccountSku = (sku: z.output<typeof resourceSkuSchema>): AccountSkuOffer => ({
  kind: sku.kind ?? "",
  name: sku.name ?? "",
  locations: sku.locations ?? [],
  restrictions: (sku.restrictions ?? []).map((r) => ({
    type: r.type ?? "",
    values: r.values ?? [],
    reasonCode: r.reasonCode ?? undefined,
  })),
});

/** `/subscriptions/{s}/providers/Microsoft.CognitiveServices/locations/{l}/resourceGroups/{g}/deletedAccounts/{n}` */
const DELETED_ACCOUNT_ID =
  /^\/subscriptions\/([^/]+)\/providers\/Microsoft\.CognitiveServices\/locations\/([^/]+)\/resourceGroups\/([^/]+)\/deletedAccounts\/([^/]+)$/i;

export function toDeletedAccount(account: z.output<typeof accountSchema>): DeletedAccount {
  const [, subscription = "", location = "", resourceGroup = "", name = account.name ?? ""] =
    DELETED_ACCOUNT_ID.exec(account.id ?? "") ?? [];
  return {
    accountId: `/subscriptions/${subscription}/resourceGroups/${resourceGroup}/providers/${ACCOUNT_TYPE}/${name}`,
    name,
    location: account.location ?? location,
    resourceGroup,
    customSubDomain: account.properties?.customSubDomainName ?? undefined,
    scheduledPurgeDate: account.properties?.scheduledPurgeDate ?? undefined,
  };
}

async function fetchRegion(arm: ArmReader, sub: string, region: string): Promise<RegionState> {
  const base = `${sub}/${PROVIDER}/locations/${region}`;
  const [offers, usages] = await Promise.all([
    arm.list(`${base}/models`, CS, modelSchema),
    arm.list(`${base}/usages`, CS, usageSchema),
  ]);
  return { offers: offers.map(toOffer), usages: usages.map(toUsage) };
}

async function fetchAccount(arm: ArmReader, rgId: string, name: string): Promise<LiveAccount | undefined> {
  const id = `${rgId}/providers/${ACCOUNT_TYPE}/${name}`;
  // 404 covers both ResourceNotFound and ResourceGroupNotFound: the account does not exist yet.
  const account = await arm.get(id, CS, accountSchema);
  if (account === undefined) return undefined;
  return {
    kind: account.kind ?? "",
    customSubDomain: account.properties?.customSubDomainName ?? undefined,
    deployments: (await arm.list(`${id}/deployments`, CS, deploymentSchema)).map(toDeployment),
  };
}

async function fetchSubdomain(
  arm: ArmReader,
  sub: string,
  account: ResolvedAccount,
): Promise<SubdomainAvailability> {
  const result = await arm.post(
    `${sub}/${PROVIDER}/checkDomainAvailability`,
    CS,
    { subdomainName: account.customSubDomain, type: ACCOUNT_TYPE, kind: account.kind },
    domainAvailabilitySchema,
  );
  return { available: result.isSubdomainAvailable ?? false, reason: result.reason ?? undefined };
}

/** Reads each id once, in parallel; the map is keyed by id in lower case. */
async function byId<T>(ids: readonly string[], read: (id: string) => Promise<T>): Promise<Map<string, T>> {
  const distinct = [...new Map(ids.map((id) => [id.toLowerCase(), id])).values()];
  return new Map(await Promise.all(distinct.map(async (id) => [id.toLowerCase(), await read(id)] as const)));
}

async function fetchSubnet(arm: ArmReader, id: string): Promise<LiveSubnet | undefined> {
  const subnet = await arm.get(id, API_VERSIONS.network, subnetSchema);
  if (subnet === undefined) return undefined;
  const vnet = await arm.get(id.replace(/\/subnets\/[^/]+$/i, ""), API_VERSIONS.network, locatedSchema);
  const p = subnet.properties;
  return {
    addressPrefixes: p?.addressPrefixes ?? (p?.addressPrefix ? [p.addressPrefix] : []),
    privateEndpointNetworkPolicies: p?.privateEndpointNetworkPolicies ?? undefined,
    usedAddresses: p?.ipConfigurations?.length ?? 0,
    privateEndpointNames: (p?.privateEndpoints ?? []).map((e) => e.id?.split("/").at(-1) ?? ""),
    vnetLocation: vnet?.location,
  };
}

async function fetchExisting(
  arm: ArmReader,
  config: StackConfig,
  subscriptionId: string,
): Promise<ExistingResources> {
  const rgId = resourceGroupId(subscriptionId, config);
  const network = config.network;
  const subnetIds = Object.values(network?.regions ?? {}).flatMap((r) =>
    r.existingSubnetId === undefined ? [] : [r.existingSubnetId],
  );
  const zoneIds = Object.values(network?.existingDnsZoneIds ?? {}).flatMap((id) =>
    id === undefined ? [] : [id],
  );
  const workspaceIds = config.monitoring?.workspace.existingId
    ? [config.monitoring.workspace.existingId]
    : [];
  const cmks = config.accounts.flatMap((a) => {
    const key = a.customerManagedKey;
    return key?.keyVaultId === undefined
      ? []
      : [{ vault: key.keyVaultId, key: `${key.keyVaultId}/keys/${key.keyName}` }];
  });
  const [resourceGroup, subnets, dnsZones, workspaces, keyVaults, keys] = await Promise.all([
    arm.get(rgId, API_VERSIONS.resources, resourceGroupSchema),
    byId(subnetIds, (id) => fetchSubnet(arm, id)),
    byId(
      zoneIds,
      async (id) => (await arm.get(id, API_VERSIONS.privateDns, privateZoneSchema)) !== undefined,
    ),
    byId(workspaceIds, async (id): Promise<LiveWorkspace | undefined> => {
      const w = await arm.get(id, API_VERSIONS.operationalInsights, workspaceSchema);
      return w && { location: w.location, provisioningState: w.properties?.provisioningState ?? undefined };
    }),
    byId(
      cmks.map((c) => c.vault),
      async (id): Promise<LiveKeyVault | undefined> => {
        const v = await arm.get(id, API_VERSIONS.keyVault, vaultSchema);
        return (
          v && {
            location: v.location,
            enableSoftDelete: v.properties?.enableSoftDelete ?? undefined,
            enablePurgeProtection: v.properties?.enablePurgeProtection ?? undefined,
          }
        );
      },
    ),
    byId(
      cmks.map((c) => c.key),
      async (id): Promise<LiveKey | undefined> => {
        const k = await arm.get(id, API_VERSIONS.keyVault, keySchema);
        return (
          k && {
            kty: k.properties?.kty ?? undefined,
            keySize: k.properties?.keySize ?? undefined,
            enabled: k.properties?.attributes?.enabled ?? undefined,
          }
        );
      },
    ),
  ]);
  // Only scopes that exist have permissions to read (the resource group before its first deploy has none).
  const exists = (scope: string): boolean => {
    const id = scope.toLowerCase();
    if (id === rgId.toLowerCase()) return resourceGroup !== undefined;
    if (subnets.has(id)) return subnets.get(id) !== undefined;
    if (dnsZones.has(id)) return dnsZones.get(id) === true;
    if (keyVaults.has(id)) return keyVaults.get(id) !== undefined;
    // An existing subnet's VNet: it exists when its subnet was read with the VNet's region.
    return [...subnets.entries()].some(
      ([subnet, live]) => subnet.startsWith(`${id}/subnets/`) && live?.vnetLocation !== undefined,
    );
  };
  const permissions = await byId(
    requiredRights(config, subscriptionId).map((r) => r.scope),
    async (scope): Promise<readonly Permission[] | undefined> => {
      if (!exists(scope)) return undefined;
      const path = `${scope}/providers/Microsoft.Authorization/permissions`;
      return (await arm.list(path, API_VERSIONS.authorization, permissionSchema)).map((p) => ({
        actions: p.actions ?? [],
        notActions: p.notActions ?? [],
      }));
    },
  );
  return { resourceGroup, subnets, dnsZones, workspaces, keyVaults, keys, permissions };
}

export async function fetchLiveState(
  arm: ArmReader,
  config: StackConfig,
  subscriptionId: string,
): Promise<LiveState> {
  const sub = `/subscriptions/${subscriptionId}`;
  const rgId = resourceGroupId(subscriptionId, config);
  const regions = [...new Set(config.accounts.map((a) => a.location))];
  const [regionStates, accountStates, deletedAccounts, skus, existing] = await Promise.all([
    Promise.all(regions.map(async (region) => [region, await fetchRegion(arm, sub, region)] as const)),
    Promise.all(config.accounts.map(async (a) => [a.name, await fetchAccount(arm, rgId, a.name)] as const)),
    arm.list(`${sub}/${PROVIDER}/deletedAccounts`, CS, accountSchema),
    arm.list(`${sub}/${PROVIDER}/skus`, CS, resourceSkuSchema),
    fetchExisting(arm, config, subscriptionId),
  ]);
  const accounts = new Map(accountStates);
  const subdomains = await Promise.all(
    config.accounts
      .filter((a) => accounts.get(a.name) === undefined)
      .map(async (a) => [a.name, await fetchSubdomain(arm, sub, a)] as const),
  );
  return {
    regions: new Map(regionStates),
    accounts,
    subdomains: new Map(subdomains),
    deletedAccounts: deletedAccounts.map(toDeletedAccount),
    accountSkus: skus.filter((s) => s.resourceType?.toLowerCase() === "accounts").map(toAccountSku),
    existing,
  };
}
