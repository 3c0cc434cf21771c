/**
 * A fake Azure Resource Manager on 127.0.0.1 serving one resource group for `npm run adopt`, in the
 * shapes of the REST API examples (Azure/azure-rest-api-specs):
 * - specification/cognitiveservices/resource-manager/Microsoft.CognitiveServices/stable/2025-06-01/examples/
 *   ListAccountsByResourceGroup.json, ListDeployments.json, ListRaiPolicies.json, ListBlocklists.json,
 *   ListBlocklistItems.json
 * - specification/network/resource-manager/Microsoft.Network/stable/2024-05-01/examples/
 *   PrivateEndpointList.json, PrivateEndpointDnsZoneGroupList.json
 * - specification/monitor/resource-manager/Microsoft.Insights/preview/2021-05-01-preview/examples/
 *   listDiagnosticSettings.json
 * Lists are `{ value, nextLink }` pages of two items, errors `{ error: { code, message } }`. Only GET
 * is served: adopt is read-only, and anything else is answered 405 and recorded.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { fail, page } from "./fakeArmHttp";

export const ADOPT_TOKEN = "fake-adopt-token";
const CS = "providers/Microsoft.CognitiveServices";

type Json = Record<string, unknown>;

export interface SeedAccount {
  name: string;
  location: string;
  kind?: string;
  customSubDomainName?: string;
  /** Extra account properties as ARM returns them (disableLocalAuth, publicNetworkAccess, ...). */
  properties?: Json;
  deployments: {
    name: string;
    model: string;
    version: string;
    sku: string;
    capacity: number;
    raiPolicyName?: string;
  }[];
  raiPolicies?: Json[];
  blocklists?: {
    name: string;
    description?: string;
    items: { name: string; pattern: string; isRegex: boolean }[];
  }[];
  diagnosticSettings?: { name: string; workspaceId: string }[];
}

export interface SeedEndpoint {
  name: string;
  location: string;
  subnetId: string;
  /** Name of the account it connects to (group id account). */
  account: string;
  zoneIds: string[];
}

export interface FakeAdoptState {
  subscriptionId: string;
  resourceGroup: string;
  accounts: SeedAccount[];
  privateEndpoints: SeedEndpoint[];
}

export interface FakeAdoptArm {
  url: string;
  /** `METHOD path` of every request. */
  requests: string[];
  close(): Promise<void>;
}

const groupId = (s: FakeAdoptState) => `/subscriptions/${s.subscriptionId}/resourceGroups/${s.resourceGroup}`;
const accountId = (s: FakeAdoptState, name: string) => `${groupId(s)}/${CS}/accounts/${name}`;
const endpointId = (s: FakeAdoptState, name: string) =>
  `${groupId(s)}/providers/Microsoft.Network/privateEndpoints/${name}`;

function accountJson(s: FakeAdoptState, a: SeedAccount): Json {
  // What `az cognitiveservices account create` leaves: no subdomain unless --custom-domain, no identity.
  const endpoint = a.customSubDomainName
    ? `https://${a.customSubDomainName}.openai.azure.com/`
    : `https://${a.location}.api.cognitive.microsoft.com/`;
  return {
    id: accountId(s, a.name),
    name: a.name,
    type: "Microsoft.CognitiveServices/accounts",
    location: a.location,
    kind: a.kind ?? "OpenAI",
    sku: { name: "S0" },
    etag: '"00000000-0000-0000-0000-000000000000"',
    properties: {
      endpoint,
      provisioningState: "Succeeded",
      ...(a.customSubDomainName ? { customSubDomainName: a.customSubDomainName } : {}),
      ...a.properties,
    },
  };
}

const deploymentJson = (s: FakeAdoptState, a: SeedAccount, d: SeedAccount["deployments"][number]): Json => ({
  id: `${accountId(s, a.name)}/deployments/${d.name}`,
  name: d.name,
  type: "Microsoft.CognitiveServices/accounts/deployments",
  sku: { name: d.sku, capacity: d.capacity },
  properties: {
    model: { format: "OpenAI", name: d.model, version: d.version },
    versionUpgradeOption: "OnceNewDefaultVersionAvailable",
    raiPolicyName: d.raiPolicyName ?? "Microsoft.DefaultV2",
    provisioningState: "Succeeded",
  },
});

/** Every account lists Microsoft's built-in policies as well as its own. */
const builtInPolicies = (s: FakeAdoptState, a: SeedAccount): Json[] =>
  ["Microsoft.Default", "Microsoft.DefaultV2"].map((name) => ({
    id: `${accountId(s, a.name)}/raiPolicies/${name}`,
    name,
    properties: { type: "SystemManaged", mode: "Blocking", contentFilters: [] },
  }));

function endpointJson(s: FakeAdoptState, pe: SeedEndpoint): Json {
  return {
    id: endpointId(s, pe.name),
    name: pe.name,
    type: "Microsoft.Network/privateEndpoints",
    location: pe.location,
    properties: {
      provisioningState: "Succeeded",
      subnet: { id: pe.subnetId },
      networkInterfaces: [
        { id: `${groupId(s)}/providers/Microsoft.Network/networkInterfaces/${pe.name}.nic.0f8c1b2a` },
      ],
      privateLinkServiceConnections: [
        {
          name: `conn-${pe.account}`,
          properties: {
            privateLinkServiceId: accountId(s, pe.account),
            groupIds: ["account"],
            privateLinkServiceConnectionState: { status: "Approved", description: "Auto-Approved" },
          },
        },
      ],
      manualPrivateLinkServiceConnections: [],
    },
  };
}

function answer(s: FakeAdoptState, req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "127.0.0.1"}`);
  if (req.headers.authorization !== `Bearer ${ADOPT_TOKEN}`) {
    return fail(res, 401, "AuthenticationFailed", "The 'Authorization' header is missing or invalid.");
  }
  if (!url.searchParams.get("api-version")) {
    return fail(
      res,
      400,
      "MissingApiVersionParameter",
      "The api-version query parameter (?api-version=) is required.",
    );
  }
  if (req.method !== "GET") return fail(res, 405, "MethodNotAllowed", "adopt must only read");
  const path = url.pathname;
  const group = groupId(s);
  if (!path.toLowerCase().startsWith(group.toLowerCase())) {
    return fail(
      res,
      404,
      "ResourceGroupNotFound",
      `Resource group '${path.split("/")[4]}' could not be found.`,
    );
  }
  const rest = path.slice(group.length);
  if (rest === `/${CS}/accounts`)
    return page(
      res,
      url,
      s.accounts.map((a) => accountJson(s, a)),
    );
  if (rest === "/providers/Microsoft.Network/privateEndpoints") {
    return page(
      res,
      url,
      s.privateEndpoints.map((pe) => endpointJson(s, pe)),
    );
  }
  const zoneGroups =
    /^\/providers\/Microsoft\.Network\/privateEndpoints\/([^/]+)\/privateDnsZoneGroups$/.exec(rest);
  if (zoneGroups) {
    const pe = s.privateEndpoints.find((e) => e.name === zoneGroups[1]);
    if (!pe) return fail(res, 404, "ResourceNotFound", "private endpoint not found");
    return page(res, url, [
      {
        id: `${endpointId(s, pe.name)}/privateDnsZoneGroups/default`,
        name: "default",
        properties: {
          provisioningState: "Succeeded",
          privateDnsZoneConfigs: pe.zoneIds.map((zoneId) => ({
            name: zoneId.split("/").at(-1)?.replaceAll(".", "-"),
            properties: { privateDnsZoneId: zoneId, recordSets: [] },
          })),
        },
      },
    ]);
  }
  const child = /^\/providers\/Microsoft\.CognitiveServices\/accounts\/([^/]+)\/(.+)$/.exec(rest);
  const account = child && s.accounts.find((a) => a.name === child[1]);
  if (!child || !account) return fail(res, 404, "ResourceNotFound", `the fake ARM does not serve ${path}`);
  const id = accountId(s, account.name);
  const sub = child[2] ?? "";
  if (sub === "deployments")
    return page(
      res,
      url,
      account.deployments.map((d) => deploymentJson(s, account, d)),
    );
  if (sub === "raiPolicies")
    return page(res, url, [...builtInPolicies(s, account), ...(account.raiPolicies ?? [])]);
  if (sub === "raiBlocklists") {
    return page(
      res,
      url,
      (account.blocklists ?? []).map((b) => ({
        id: `${id}/raiBlocklists/${b.name}`,
        name: b.name,
        type: "Microsoft.CognitiveServices/accounts/raiBlocklists",
        properties: b.description ? { description: b.description } : {},
      })),
    );
  }
  const items = /^raiBlocklists\/([^/]+)\/raiBlocklistItems$/.exec(sub);
  const list = items && account.blocklists?.find((b) => b.name === items[1]);
  if (list) {
    return page(
      res,
      url,
      list.items.map((item) => ({
        id: `${id}/raiBlocklists/${list.name}/raiBlocklistItems/${item.name}`,
        name: item.name,
        properties: { pattern: item.pattern, isRegex: item.isRegex },
      })),
    );
  }
  if (sub === "providers/Microsoft.Insights/diagnosticSettings") {
    return page(
      res,
      url,
      (account.diagnosticSettings ?? []).map((d) => ({
        id: `${id}/providers/microsoft.insights/diagnosticSettings/${d.name}`,
        name: d.name,
        type: "Microsoft.Insights/diagnosticSettings",
        properties: {
          workspaceId: d.workspaceId,
          logs: [{ categoryGroup: "allLogs", enabled: true }],
          metrics: [{ category: "AllMetrics", enabled: true }],
        },
      })),
    );
  }
  return fail(res, 404, "ResourceNotFound", `the fake ARM does not serve ${path}`);
}

export async function startFakeAdoptArm(state: FakeAdoptState): Promise<FakeAdoptArm> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${new URL(req.url ?? "/", "http://127.0.0.1").pathname}`);
    try {
      answer(state, req, res);
    } catch (error) {
      fail(res, 500, "FakeArmFailure", String(error));
    }
  });
  server.requestTimeout = 5_000;
  server.headersTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** What the seed guide's az commands leave: rg-openai in eastus, myopenai (OpenAI, S0, no subdomain), gpt-4o. */
export function seedLayout(subscriptionId: string): FakeAdoptState {
  return {
    subscriptionId,
    resourceGroup: "rg-openai",
    accounts: [
      {
        name: "myopenai",
        location: "eastus",
        deployments: [
          { name: "gpt-4o", model: "gpt-4o", version: "2024-11-20", sku: "Standard", capacity: 10 },
        ],
      },
    ],
    privateEndpoints: [],
  };
}
