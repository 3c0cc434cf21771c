/**
 * A fake Azure Resource Manager on 127.0.0.1 for preflight tests. It answers the Cognitive
 * Services read operations preflight uses in the REST API's documented shapes (Microsoft.CognitiveServices
 * examples: ListLocationModels, ListUsages, GetAccount, ListDeployments, CheckDomainAvailability,
 * deleted accounts): `{ value, nextLink }` pages, `{ error: { code, message } }` errors.
 * Lists are paged two items at a time, so every longer list is read through `nextLink`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export const FAKE_TOKEN = "fake-arm-token";
const PAGE_SIZE = 2;

export interface FakeModel {
  kind: string;
  skuName: "S0";
  model: {
    format: string;
    name: string;
    version: string;
    skus: { name: string; usageName?: string; capacity?: { minimum: number; maximum: number } }[];
  };
}

export interface FakeUsage {
  name: { value: string; localizedValue: string };
  currentValue: number;
  limit: number;
  unit: "Count";
}

export interface FakeDeployment {
  name: string;
  sku: { name: string; capacity: number };
  model: { format: string; name: string; version: string };
}

export interface FakeAccount {
  resourceGroup: string;
  name: string;
  location: string;
  kind: string;
  customSubDomainName: string;
  deployments: FakeDeployment[];
}

export interface FakeDeletedAccount {
  resourceGroup: string;
  name: string;
  location: string;
  kind: string;
  customSubDomainName: string;
  deletionDate: string;
  scheduledPurgeDate: string;
}

export interface FakeError {
  status: number;
  code: string;
  message: string;
}

export interface FakeArmState {
  subscriptionId: string;
  models: Record<string, FakeModel[]>;
  usages: Record<string, FakeUsage[]>;
  accounts: FakeAccount[];
  /** Subdomain (lower case) → the reason checkDomainAvailability gives for it being taken. */
  takenSubdomains: Record<string, string>;
  deletedAccounts: FakeDeletedAccount[];
  /** Path suffix (e.g. "/usages") → an error answered instead of the resource. */
  errors: Record<string, FakeError>;
}

export interface FakeArm {
  url: string;
  /** `METHOD path?query` of every request, in arrival order. */
  requests: string[];
  close(): Promise<void>;
}

export function offer(kind: string, name: string, version: string, skus: string[]): FakeModel {
  return {
    kind,
    skuName: "S0",
    model: {
      format: "OpenAI",
      name,
      version,
      skus: skus.map((sku) => ({
        name: sku,
        usageName: sku.includes("Provisioned") ? `OpenAI.${sku}` : `OpenAI.${sku}.${name}`,
        capacity: { minimum: 1, maximum: 10000 },
      })),
    },
  };
}

export function usage(name: string, currentValue: number, limit: number): FakeUsage {
  return {
    name: { value: name, localizedValue: `Tokens Per Minute (thousands) - ${name}` },
    currentValue,
    limit,
    unit: "Count",
  };
}

const PROVIDER = "providers/Microsoft.CognitiveServices";

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
}

const fail = (res: ServerResponse, status: number, code: string, message: string) =>
  send(res, status, { error: { code, message } });

function page(res: ServerResponse, url: URL, items: unknown[]): void {
  const start = Number(url.searchParams.get("$skipToken") ?? "0");
  const end = start + PAGE_SIZE;
  const next = new URL(url);
  next.searchParams.set("$skipToken", String(end));
  send(res, 200, { value: items.slice(start, end), ...(end < items.length ? { nextLink: next.href } : {}) });
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text === "" ? undefined : JSON.parse(text);
}

function accountJson(subscriptionId: string, account: FakeAccount) {
  return {
    id: `/subscriptions/${subscriptionId}/resourceGroups/${account.resourceGroup}/${PROVIDER}/accounts/${account.name}`,
    name: account.name,
    type: "Microsoft.CognitiveServices/accounts",
    location: account.location,
    kind: account.kind,
    sku: { name: "S0" },
    properties: {
      customSubDomainName: account.customSubDomainName,
      endpoint: `https://${account.customSubDomainName}.openai.azure.com/`,
      provisioningState: "Succeeded",
    },
  };
}

function deploymentJson(accountId: string, deployment: FakeDeployment) {
  return {
    id: `${accountId}/deployments/${deployment.name}`,
    name: deployment.name,
    type: "Microsoft.CognitiveServices/accounts/deployments",
    sku: deployment.sku,
    properties: { model: deployment.model, provisioningState: "Succeeded" },
  };
}

function deletedJson(subscriptionId: string, deleted: FakeDeletedAccount) {
  return {
    id: `/subscriptions/${subscriptionId}/${PROVIDER}/locations/${deleted.location}/resourceGroups/${deleted.resourceGroup}/deletedAccounts/${deleted.name}`,
    name: deleted.name,
    type: "Microsoft.CognitiveServices/accounts",
    location: deleted.location,
    kind: deleted.kind,
    sku: { name: "S0" },
    properties: {
      customSubDomainName: deleted.customSubDomainName,
      deletionDate: deleted.deletionDate,
      scheduledPurgeDate: deleted.scheduledPurgeDate,
      provisioningState: "Deleted",
    },
  };
}

async function answer(state: FakeArmState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "127.0.0.1"}`);
  if (req.headers.authorization !== `Bearer ${FAKE_TOKEN}`) {
    return fail(
      res,
      401,
      "AuthenticationFailed",
      "Authentication failed. The 'Authorization' header is missing or invalid.",
    );
  }
  if (!url.searchParams.get("api-version")) {
    return fail(
      res,
      400,
      "MissingApiVersionParameter",
      "The api-version query parameter (?api-version=) is required.",
    );
  }
  const path = url.pathname;
  const injected = Object.entries(state.errors).find(([suffix]) => path.endsWith(suffix))?.[1];
  if (injected) return fail(res, injected.status, injected.code, injected.message);
  const sub = `/subscriptions/${state.subscriptionId}`;
  if (!path.startsWith(`${sub}/`)) {
    return fail(
      res,
      404,
      "SubscriptionNotFound",
      `The subscription '${path.split("/")[2]}' could not be found.`,
    );
  }
  const rest = path.slice(sub.length);
  const location = /^\/providers\/Microsoft\.CognitiveServices\/locations\/([^/]+)\/(models|usages)$/.exec(
    rest,
  );
  if (req.method === "GET" && location) {
    const [, region = "", list] = location;
    return page(res, url, (list === "models" ? state.models : state.usages)[region] ?? []);
  }
  if (req.method === "GET" && rest === `/${PROVIDER}/deletedAccounts`) {
    return page(
      res,
      url,
      state.deletedAccounts.map((d) => deletedJson(state.subscriptionId, d)),
    );
  }
  if (req.method === "POST" && rest === `/${PROVIDER}/checkDomainAvailability`) {
    const body = (await readBody(req)) as { subdomainName: string; type: string; kind?: string };
    const reason = state.takenSubdomains[body.subdomainName.toLowerCase()];
    return send(res, 200, {
      isSubdomainAvailable: reason === undefined,
      ...(reason === undefined ? {} : { reason }),
      subdomainName: body.subdomainName,
      type: body.type,
      kind: body.kind,
    });
  }
  const account =
    /^\/resourceGroups\/([^/]+)\/providers\/Microsoft\.CognitiveServices\/accounts\/([^/]+)(\/deployments)?$/.exec(
      rest,
    );
  if (req.method === "GET" && account) {
    const [, resourceGroup = "", name = "", deployments] = account;
    const found = state.accounts.find(
      (a) =>
        a.resourceGroup.toLowerCase() === resourceGroup.toLowerCase() &&
        a.name.toLowerCase() === name.toLowerCase(),
    );
    if (!found) {
      return fail(
        res,
        404,
        "ResourceNotFound",
        `The Resource 'Microsoft.CognitiveServices/accounts/${name}' under resource group '${resourceGroup}' was not found.`,
      );
    }
    const json = accountJson(state.subscriptionId, found);
    return deployments
      ? page(
          res,
          url,
          found.deployments.map((d) => deploymentJson(json.id, d)),
        )
      : send(res, 200, json);
  }
  return fail(res, 400, "InvalidRequest", `the fake ARM does not serve ${req.method} ${path}`);
}

export async function startFakeArm(state: FakeArmState): Promise<FakeArm> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    answer(state, req, res).catch((error: unknown) => fail(res, 500, "FakeArmFailure", String(error)));
  });
  // Bounded: no request may keep the test waiting.
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
