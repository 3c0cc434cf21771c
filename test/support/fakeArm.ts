/**
 * A fake Azure Resource Manager on 127.0.0.1 for preflight tests. It answers the read operations
 * preflight uses in the REST API's documented shapes, written from the examples in
 * Azure/azure-rest-api-specs (specification/cognitiveservices/resource-manager/Microsoft.CognitiveServices/stable/2024-10-01/examples/:
 * ListLocationModels.json, ListUsages.json, GetSkus.json, GetAccount.json, ListDeployments.json,
 * CheckDomainAvailability.json, GetDeletedAccount.json; the other services' examples are named in
 * fakeArmResources.ts): `{ value, nextLink }` pages, `{ error: { code, message } }` errors.
 * Lists are paged two items at a time, so every longer list is read through `nextLink`.
 * `hostile` makes chosen paths misbehave the ways a real gateway or proxy can.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { fail, page, send } from "./fakeArmHttp";
import { accountSku, type FakePermission, type FakeResourceSku, resourceGroup } from "./fakeArmResources";

export const FAKE_TOKEN = "fake-arm-token";

/** Ways a path can misbehave. */
export type Hostile =
  /** 429 with this Retry-After (seconds), every time. */
  | { kind: "retry-after"; seconds: number }
  /** This status (with a short Retry-After-less body) for the first `times` requests, then the real answer. */
  | { kind: "fail-first"; status: number; times: number }
  /** A page whose nextLink is its own URL. */
  | { kind: "self-next-link" }
  /** Pages whose nextLinks never end (each one new). */
  | { kind: "endless-next-link" }
  /** A page whose nextLink points at another origin. */
  | { kind: "foreign-next-link"; origin: string }
  /** 307 to the same path on another origin. */
  | { kind: "redirect"; origin: string }
  /** Accept the connection and never answer. */
  | { kind: "hang" }
  /** Headers, then one byte of body every `intervalMs`, never finishing. */
  | { kind: "drip"; intervalMs: number }
  /** 200 with `bytes` of malformed JSON. */
  | { kind: "huge-body"; bytes: number }
  /** 400 whose error message echoes the request's Authorization header (and other secrets). */
  | { kind: "echo-auth" };

export interface FakeModel {
  kind: string;
  skuName: "S0";
  model: {
    format: string;
    name: string;
    version: string;
    isDefaultVersion?: boolean;
    lifecycleStatus?: string;
    deprecation?: { fineTune?: string; inference?: string };
    skus: {
      name: string;
      usageName?: string;
      deprecationDate?: string;
      capacity?: { minimum: number; maximum: number };
    }[];
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
  /** GET /subscriptions/{s}/providers/Microsoft.CognitiveServices/skus; defaults to OpenAI and AIServices S0 everywhere asked. */
  accountSkus?: FakeResourceSku[];
  /** Resource groups by name (lower case) → location. */
  resourceGroups?: Record<string, string>;
  /** Any other resource by ARM id (lower case) → the body GET answers. */
  resources?: Record<string, unknown>;
  /** The caller's permissions by scope id (lower case); a scope that exists but is absent here has none. */
  permissions?: Record<string, FakePermission[]>;
  /** Path suffix → misbehaviour, checked before anything else. */
  hostile?: Record<string, Hostile>;
  /** The bearer token the fake accepts; FAKE_TOKEN by default. */
  token?: string;
}

export interface FakeArm {
  url: string;
  /** `METHOD path?query` of every request, in arrival order. */
  requests: string[];
  close(): Promise<void>;
}

export function offer(
  kind: string,
  name: string,
  version: string,
  skus: string[],
  lifecycle: Partial<Pick<FakeModel["model"], "isDefaultVersion" | "lifecycleStatus" | "deprecation">> = {},
): FakeModel {
  return {
    kind,
    skuName: "S0",
    model: {
      format: "OpenAI",
      name,
      version,
      lifecycleStatus: "GenerallyAvailable",
      ...lifecycle,
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

/** Answers a hostile path its way; true when it did. */
function misbehave(
  state: FakeArmState,
  counts: Map<string, number>,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): boolean {
  const entry = Object.entries(state.hostile ?? {}).find(([suffix]) => url.pathname.endsWith(suffix));
  if (!entry) return false;
  const [suffix, hostile] = entry;
  const count = (counts.get(suffix) ?? 0) + 1;
  counts.set(suffix, count);
  switch (hostile.kind) {
    case "retry-after":
      res.writeHead(429, { "content-type": "application/json", "retry-after": String(hostile.seconds) });
      res.end(
        JSON.stringify({ error: { code: "TooManyRequests", message: "Rate limit exceeded. Retry later." } }),
      );
      return true;
    case "fail-first":
      if (count > hostile.times) return false;
      send(res, hostile.status, {
        error: { code: "ServiceUnavailable", message: "The service is unavailable." },
      });
      return true;
    case "self-next-link":
      send(res, 200, { value: [], nextLink: url.href });
      return true;
    case "endless-next-link": {
      const next = new URL(url);
      next.searchParams.set("$skipToken", String(count));
      send(res, 200, { value: [], nextLink: next.href });
      return true;
    }
    case "foreign-next-link":
      send(res, 200, { value: [], nextLink: `${hostile.origin}${url.pathname}${url.search}` });
      return true;
    case "redirect":
      res.writeHead(307, { location: `${hostile.origin}${url.pathname}${url.search}` });
      res.end();
      return true;
    case "hang":
      return true;
    case "drip": {
      res.writeHead(200, { "content-type": "application/json" });
      res.write("{");
      const timer = setInterval(() => res.write(" "), hostile.intervalMs);
      res.on("close", () => clearInterval(timer));
      return true;
    }
    case "huge-body": {
      res.writeHead(200, { "content-type": "application/json" });
      const chunk = Buffer.alloc(64 * 1024, "{not json ");
      let sent = 0;
      const pump = () => {
        while (sent < hostile.bytes && !res.destroyed) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once("drain", pump);
        }
        res.end();
      };
      pump();
      return true;
    }
    case "echo-auth":
      send(res, 400, {
        error: {
          code: "InvalidAuthenticationToken",
          message: `The request headers were: authorization=${req.headers.authorization}; storage=https://st.blob.core.windows.net/c?sv=2022-11-02&sig=c2VjcmV0LXNpZ25hdHVyZS12YWx1ZQ%3D%3D; api-key: 0123456789abcdef0123456789abcdef; ${"x".repeat(60_000)}`,
        },
      });
      return true;
  }
}

function permissionsOf(state: FakeArmState, res: ServerResponse, url: URL, scope: string): void {
  const sub = `/subscriptions/${state.subscriptionId}`;
  const rg = /^\/subscriptions\/[^/]+\/resourceGroups\/([^/]+)$/i.exec(scope)?.[1];
  const exists =
    rg !== undefined
      ? state.resourceGroups?.[rg.toLowerCase()] !== undefined
      : state.resources?.[scope.toLowerCase()] !== undefined;
  if (!scope.toLowerCase().startsWith(sub.toLowerCase()) || !exists) {
    fail(
      res,
      404,
      rg !== undefined ? "ResourceGroupNotFound" : "ResourceNotFound",
      `The scope '${scope}' was not found.`,
    );
    return;
  }
  page(res, url, state.permissions?.[scope.toLowerCase()] ?? []);
}

const DEFAULT_ACCOUNT_SKUS = (regions: string[]): FakeResourceSku[] =>
  ["OpenAI", "AIServices"].map((kind) => accountSku(kind, regions));

async function answer(
  state: FakeArmState,
  counts: Map<string, number>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "127.0.0.1"}`);
  if (misbehave(state, counts, req, res, url)) return;
  if (req.headers.authorization !== `Bearer ${state.token ?? FAKE_TOKEN}`) {
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
  const permissions = /^(.*)\/providers\/Microsoft\.Authorization\/permissions$/i.exec(path);
  if (req.method === "GET" && permissions) return permissionsOf(state, res, url, permissions[1] ?? "");
  if (req.method === "GET" && rest === `/${PROVIDER}/skus`) {
    return page(res, url, state.accountSkus ?? DEFAULT_ACCOUNT_SKUS(Object.keys(state.models)));
  }
  const group = /^\/resourceGroups\/([^/]+)$/i.exec(rest);
  if (req.method === "GET" && group) {
    const name = group[1] ?? "";
    const location = state.resourceGroups?.[name.toLowerCase()];
    if (location === undefined) {
      return fail(res, 404, "ResourceGroupNotFound", `Resource group '${name}' could not be found.`);
    }
    return send(res, 200, resourceGroup(state.subscriptionId, name, location));
  }
  const resource = state.resources?.[path.toLowerCase()];
  if (req.method === "GET" && resource !== undefined) return send(res, 200, resource);
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
  if (
    req.method === "GET" &&
    /\/providers\/Microsoft\.(Network|OperationalInsights|KeyVault)\//i.test(path)
  ) {
    return fail(
      res,
      404,
      "ResourceNotFound",
      `The Resource '${path.split("/providers/")[1]}' was not found.`,
    );
  }
  return fail(res, 400, "InvalidRequest", `the fake ARM does not serve ${req.method} ${path}`);
}

export async function startFakeArm(state: FakeArmState): Promise<FakeArm> {
  const requests: string[] = [];
  const counts = new Map<string, number>();
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    answer(state, counts, req, res).catch((error: unknown) =>
      fail(res, 500, "FakeArmFailure", String(error)),
    );
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
