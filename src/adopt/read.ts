/**
 * Reads one resource group from Azure Resource Manager, read-only: its Cognitive Services accounts
 * with their deployments, RAI policies, blocklists (with items) and diagnostic settings, and its
 * private endpoints with their DNS zone groups. Cognitive Services through the SDK client preflight
 * builds (src/preflight/armClient.ts); Microsoft.Network and Microsoft.Insights reads go through the
 * same client's pipeline (same sign-in, endpoint and loopback rule).
 */
import type {
  Account,
  CognitiveServicesManagementClient,
  Deployment,
  RaiBlocklist,
  RaiBlocklistItem,
  RaiPolicy,
} from "@azure/arm-cognitiveservices";
import { createPipelineRequest, RestError } from "@azure/core-rest-pipeline";
import type { ArmEndpoint } from "../preflight/armEndpoint";
import type {
  FoundAccount,
  FoundBlocklist,
  FoundDeployment,
  FoundDiagnosticSetting,
  FoundDnsZoneGroup,
  FoundPrivateEndpoint,
  FoundRaiPolicy,
  FoundResourceGroup,
} from "./model";

/** specification/network/resource-manager/Microsoft.Network/stable/2024-05-01 (privateEndpoint.json). */
const NETWORK_API_VERSION = "2024-05-01";
/** specification/monitor/resource-manager/Microsoft.Insights/preview/2021-05-01-preview/diagnosticsSettings_API.json */
const DIAGNOSTICS_API_VERSION = "2021-05-01-preview";

async function collect<T, R>(pages: AsyncIterable<T>, convert: (item: T) => R): Promise<R[]> {
  const items: R[] = [];
  for await (const item of pages) items.push(convert(item));
  return items;
}

interface Page {
  value?: Record<string, unknown>[];
  nextLink?: string;
}

/** GETs an ARM list (following nextLink) through the client's pipeline; non-2xx throws a RestError. */
async function listRaw(
  client: CognitiveServicesManagementClient,
  endpoint: ArmEndpoint,
  path: string,
  apiVersion: string,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let url: string | undefined = `${endpoint.url}${path}?api-version=${apiVersion}`;
  while (url !== undefined) {
    const request = createPipelineRequest({
      url,
      method: "GET",
      allowInsecureConnection: endpoint.insecureLoopback,
    });
    const response = await client.sendRequest(request);
    const body = response.bodyAsText
      ? (JSON.parse(response.bodyAsText) as Page & { error?: { code?: string; message?: string } })
      : {};
    if (response.status < 200 || response.status >= 300) {
      throw new RestError(body.error?.message ?? `HTTP ${response.status}`, {
        code: body.error?.code,
        statusCode: response.status,
        request,
        response,
      });
    }
    items.push(...(body.value ?? []));
    url = body.nextLink;
  }
  return items;
}

const toDeployment = (d: Deployment): FoundDeployment => ({
  id: d.id ?? "",
  name: d.name ?? "",
  format: d.properties?.model?.format ?? "OpenAI",
  model: d.properties?.model?.name ?? "",
  version: d.properties?.model?.version ?? "",
  sku: d.sku?.name ?? "",
  capacity: d.sku?.capacity ?? 0,
  versionUpgradeOption: d.properties?.versionUpgradeOption,
  raiPolicyName: d.properties?.raiPolicyName,
});

const toRaiPolicy = (p: RaiPolicy): FoundRaiPolicy => ({
  id: p.id ?? "",
  name: p.name ?? "",
  type: p.properties?.type,
  mode: p.properties?.mode,
  basePolicyName: p.properties?.basePolicyName,
  contentFilters: (p.properties?.contentFilters ?? []).map((f) => ({
    name: f.name ?? "",
    source: f.source ?? "",
    enabled: f.enabled ?? false,
    blocking: f.blocking ?? false,
    severityThreshold: f.severityThreshold,
  })),
  customBlocklists: (p.properties?.customBlocklists ?? []).map((b) => ({
    blocklistName: b.blocklistName ?? "",
    source: b.source ?? "",
    blocking: b.blocking ?? false,
  })),
});

async function readBlocklist(
  client: CognitiveServicesManagementClient,
  resourceGroup: string,
  accountName: string,
  list: RaiBlocklist,
): Promise<FoundBlocklist> {
  const name = list.name ?? "";
  const items = await collect(
    client.raiBlocklistItems.list(resourceGroup, accountName, name),
    (item: RaiBlocklistItem) => ({
      id: item.id ?? "",
      name: item.name ?? "",
      pattern: item.properties?.pattern ?? "",
      isRegex: item.properties?.isRegex ?? false,
    }),
  );
  return { id: list.id ?? "", name, description: list.properties?.description, items };
}

async function readAccount(
  client: CognitiveServicesManagementClient,
  endpoint: ArmEndpoint,
  resourceGroup: string,
  account: Account,
): Promise<FoundAccount> {
  const name = account.name ?? "";
  const id = account.id ?? "";
  const p = account.properties;
  const [deployments, raiPolicies, lists, diagnostics] = await Promise.all([
    collect(client.deployments.list(resourceGroup, name), toDeployment),
    collect(client.raiPolicies.list(resourceGroup, name), toRaiPolicy),
    collect(client.raiBlocklists.list(resourceGroup, name), (list: RaiBlocklist) => list),
    listRaw(
      client,
      endpoint,
      `${id}/providers/Microsoft.Insights/diagnosticSettings`,
      DIAGNOSTICS_API_VERSION,
    ),
  ]);
  const blocklists = await Promise.all(lists.map((list) => readBlocklist(client, resourceGroup, name, list)));
  const diagnosticSettings = diagnostics.map(
    (d): FoundDiagnosticSetting => ({
      id: String(d.id ?? ""),
      name: String(d.name ?? ""),
      workspaceId: ((d.properties ?? {}) as { workspaceId?: string }).workspaceId,
    }),
  );
  return {
    id,
    name,
    location: account.location ?? "",
    kind: account.kind ?? "",
    sku: account.sku?.name ?? "",
    tags: account.tags ?? {},
    identityType: account.identity?.type ?? "None",
    userAssignedIdentityIds: Object.keys(account.identity?.userAssignedIdentities ?? {}),
    customSubDomain: p?.customSubDomainName,
    disableLocalAuth: p?.disableLocalAuth,
    publicNetworkAccess: p?.publicNetworkAccess,
    networkAcls: p?.networkAcls && {
      defaultAction: p.networkAcls.defaultAction,
      bypass: p.networkAcls.bypass,
      ipRules: (p.networkAcls.ipRules ?? []).map((rule) => rule.value),
    },
    restrictOutboundNetworkAccess: p?.restrictOutboundNetworkAccess,
    allowedFqdns: p?.allowedFqdnList ?? [],
    encryption: p?.encryption && {
      keySource: p.encryption.keySource,
      keyVaultUri: p.encryption.keyVaultProperties?.keyVaultUri,
      keyName: p.encryption.keyVaultProperties?.keyName,
      keyVersion: p.encryption.keyVaultProperties?.keyVersion,
    },
    deployments,
    raiPolicies,
    blocklists,
    diagnosticSettings,
  };
}

interface RawEndpointProperties {
  subnet?: { id?: string };
  customNetworkInterfaceName?: string;
  privateLinkServiceConnections?: { properties?: { privateLinkServiceId?: string; groupIds?: string[] } }[];
}

async function readPrivateEndpoints(
  client: CognitiveServicesManagementClient,
  endpoint: ArmEndpoint,
  subscriptionId: string,
  resourceGroup: string,
): Promise<FoundPrivateEndpoint[]> {
  const raw = await listRaw(
    client,
    endpoint,
    `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.Network/privateEndpoints`,
    NETWORK_API_VERSION,
  );
  return Promise.all(
    raw.map(async (pe): Promise<FoundPrivateEndpoint> => {
      const id = String(pe.id ?? "");
      const p = (pe.properties ?? {}) as RawEndpointProperties;
      const groups = await listRaw(client, endpoint, `${id}/privateDnsZoneGroups`, NETWORK_API_VERSION);
      return {
        id,
        name: String(pe.name ?? ""),
        location: String(pe.location ?? ""),
        subnetId: p.subnet?.id,
        // Only a name chosen at creation; without one Azure generated the interface's name.
        networkInterfaceName: p.customNetworkInterfaceName || undefined,
        connections: (p.privateLinkServiceConnections ?? []).map((c) => ({
          privateLinkServiceId: c.properties?.privateLinkServiceId ?? "",
          groupIds: c.properties?.groupIds ?? [],
        })),
        dnsZoneGroups: groups.map(
          (g): FoundDnsZoneGroup => ({
            id: String(g.id ?? ""),
            name: String(g.name ?? ""),
            zones: (
              (
                (g.properties ?? {}) as {
                  privateDnsZoneConfigs?: { properties?: { privateDnsZoneId?: string } }[];
                }
              ).privateDnsZoneConfigs ?? []
            ).map((z) => ({ privateDnsZoneId: z.properties?.privateDnsZoneId ?? "" })),
          }),
        ),
      };
    }),
  );
}

export async function readResourceGroup(
  client: CognitiveServicesManagementClient,
  endpoint: ArmEndpoint,
  subscriptionId: string,
  resourceGroup: string,
): Promise<FoundResourceGroup> {
  const accounts = await collect(client.accounts.listByResourceGroup(resourceGroup), (a: Account) => a);
  const [found, privateEndpoints] = await Promise.all([
    Promise.all(accounts.map((a) => readAccount(client, endpoint, resourceGroup, a))),
    readPrivateEndpoints(client, endpoint, subscriptionId, resourceGroup),
  ]);
  return { subscriptionId, resourceGroup, accounts: found, privateEndpoints };
}
