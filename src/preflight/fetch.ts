/**
 * Reads from Azure Resource Manager what the checks need, and nothing else: reads only, no writes.
 * SDK shapes are reduced to the plain data in model.ts here, so the checks never see the SDK.
 */
import type {
  Account,
  CognitiveServicesManagementClient,
  Deployment,
  Model,
  Usage,
} from "@azure/arm-cognitiveservices";
import { isRestError } from "@azure/core-rest-pipeline";
import type { ResolvedAccount, StackConfig } from "../config/schema";
import type {
  DeletedAccount,
  LiveAccount,
  LiveDeployment,
  LiveState,
  ModelOffer,
  QuotaUsage,
  RegionState,
  SubdomainAvailability,
} from "./model";

const ACCOUNT_TYPE = "Microsoft.CognitiveServices/accounts";

/** Collects every page (the SDK follows `nextLink`). */
async function collect<T, R>(pages: AsyncIterable<T>, convert: (item: T) => R): Promise<R[]> {
  const items: R[] = [];
  for await (const item of pages) items.push(convert(item));
  return items;
}

const toOffer = (offer: Model): ModelOffer => ({
  kind: offer.kind ?? "",
  format: offer.model?.format ?? "",
  name: offer.model?.name ?? "",
  version: offer.model?.version ?? "",
  skus: (offer.model?.skus ?? []).map((sku) => ({ name: sku.name ?? "", usageName: sku.usageName })),
});

const toUsage = (usage: Usage): QuotaUsage => ({
  name: usage.name?.value ?? "",
  currentValue: usage.currentValue ?? 0,
  limit: usage.limit ?? 0,
});

const toDeployment = (deployment: Deployment): LiveDeployment => ({
  name: deployment.name ?? "",
  format: deployment.properties?.model?.format ?? "",
  model: deployment.properties?.model?.name ?? "",
  version: deployment.properties?.model?.version ?? "",
  sku: deployment.sku?.name ?? "",
  capacity: deployment.sku?.capacity ?? 0,
});

/** `/subscriptions/{s}/providers/Microsoft.CognitiveServices/locations/{l}/resourceGroups/{g}/deletedAccounts/{n}` */
const DELETED_ACCOUNT_ID =
  /^\/subscriptions\/([^/]+)\/providers\/Microsoft\.CognitiveServices\/locations\/([^/]+)\/resourceGroups\/([^/]+)\/deletedAccounts\/([^/]+)$/i;

export function toDeletedAccount(account: Account): DeletedAccount {
  const [, subscription = "", location = "", resourceGroup = "", name = account.name ?? ""] =
    DELETED_ACCOUNT_ID.exec(account.id ?? "") ?? [];
  return {
    accountId: `/subscriptions/${subscription}/resourceGroups/${resourceGroup}/providers/${ACCOUNT_TYPE}/${name}`,
    name,
    location: account.location ?? location,
    resourceGroup,
    customSubDomain: account.properties?.customSubDomainName,
    scheduledPurgeDate: account.properties?.scheduledPurgeDate,
  };
}

async function fetchRegion(client: CognitiveServicesManagementClient, region: string): Promise<RegionState> {
  const [offers, usages] = await Promise.all([
    collect(client.models.list(region), toOffer),
    collect(client.usages.list(region), toUsage),
  ]);
  return { offers, usages };
}

async function fetchAccount(
  client: CognitiveServicesManagementClient,
  resourceGroup: string,
  name: string,
): Promise<LiveAccount | undefined> {
  let account: Account;
  try {
    account = await client.accounts.get(resourceGroup, name);
  } catch (error) {
    // 404 covers both ResourceNotFound and ResourceGroupNotFound: the account does not exist yet.
    if (isRestError(error) && error.statusCode === 404) return undefined;
    throw error;
  }
  return {
    kind: account.kind ?? "",
    customSubDomain: account.properties?.customSubDomainName,
    deployments: await collect(client.deployments.list(resourceGroup, name), toDeployment),
  };
}

async function fetchSubdomain(
  client: CognitiveServicesManagementClient,
  account: ResolvedAccount,
): Promise<SubdomainAvailability> {
  const result = await client.checkDomainAvailability(account.customSubDomain, ACCOUNT_TYPE, {
    kind: account.kind,
  });
  return { available: result.isSubdomainAvailable ?? false, reason: result.reason };
}

export async function fetchLiveState(
  client: CognitiveServicesManagementClient,
  config: StackConfig,
): Promise<LiveState> {
  const regions = [...new Set(config.accounts.map((a) => a.location))];
  const resourceGroup = config.resourceGroup.name;
  const [regionStates, accountStates, deletedAccounts] = await Promise.all([
    Promise.all(regions.map(async (region) => [region, await fetchRegion(client, region)] as const)),
    Promise.all(
      config.accounts.map(async (a) => [a.name, await fetchAccount(client, resourceGroup, a.name)] as const),
    ),
    collect(client.deletedAccounts.list(), toDeletedAccount),
  ]);
  const accounts = new Map(accountStates);
  const subdomains = await Promise.all(
    config.accounts
      .filter((a) => accounts.get(a.name) === undefined)
      .map(async (a) => [a.name, await fetchSubdomain(client, a)] as const),
  );
  return { regions: new Map(regionStates), accounts, subdomains: new Map(subdomains), deletedAccounts };
}
