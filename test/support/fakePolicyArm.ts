/**
 * A fake Azure Resource Manager on 127.0.0.1 for policy-sync tests: the Microsoft.Authorization
 * policy reads in their REST shapes (`{ value, nextLink }` pages of two, `{ error: { code, message } }`),
 * policyAssignments and policyExemptions at a resource group with `$filter=atScope()`, and GET by id
 * of policy definitions and policy set definitions (built-in, management group or subscription ids).
 */
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export const FAKE_POLICY_TOKEN = "fake-policy-token";
const PAGE_SIZE = 2;

type Json = Record<string, unknown>;

export interface FakePolicyState {
  /** `/subscriptions/<sub>/resourceGroups/<rg>`: what atScope() lists are served for. */
  groupId: string;
  assignments: Json[];
  exemptions: Json[];
  /** Definitions and set definitions by full id (lower case). */
  byId: Record<string, Json>;
  /** Paths (lower case) answered with this error instead. */
  errors?: Record<string, { status: number; code: string; message: string }>;
}

export interface FakePolicyArm {
  url: string;
  /** Every path requested, in order (to assert the sync only reads). */
  requests: string[];
  close(): Promise<void>;
}

const send = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
};
const fail = (res: ServerResponse, status: number, code: string, message: string) =>
  send(res, status, { error: { code, message } });

export async function startFakePolicyArm(state: FakePolicyState): Promise<FakePolicyArm> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "127.0.0.1"}`);
    requests.push(`${req.method} ${url.pathname}`);
    if (req.headers.authorization !== `Bearer ${FAKE_POLICY_TOKEN}`)
      return fail(res, 401, "AuthenticationFailed", "The 'Authorization' header is missing or invalid.");
    if (req.method !== "GET") return fail(res, 405, "MethodNotAllowed", `${req.method} is not served`);
    if (!url.searchParams.get("api-version"))
      return fail(res, 400, "MissingApiVersionParameter", "The api-version query parameter is required.");
    const path = url.pathname.toLowerCase();
    const injected = state.errors?.[path];
    if (injected) return fail(res, injected.status, injected.code, injected.message);
    const group = state.groupId.toLowerCase();
    const list = (items: Json[]) => {
      if (url.searchParams.get("$filter") !== "atScope()")
        return fail(res, 400, "InvalidFilter", "the fake serves $filter=atScope() only");
      const skip = Number(url.searchParams.get("$skiptoken") ?? 0);
      const next = new URL(url);
      next.searchParams.set("$skiptoken", String(skip + PAGE_SIZE));
      return send(res, 200, {
        value: items.slice(skip, skip + PAGE_SIZE),
        ...(skip + PAGE_SIZE < items.length ? { nextLink: next.toString() } : {}),
      });
    };
    if (path === `${group}/providers/microsoft.authorization/policyassignments`)
      return list(state.assignments);
    if (path === `${group}/providers/microsoft.authorization/policyexemptions`) return list(state.exemptions);
    const found = state.byId[path];
    if (found) return send(res, 200, found);
    return fail(res, 404, "PolicyDefinitionNotFound", `The policy definition '${path}' could not be found.`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
