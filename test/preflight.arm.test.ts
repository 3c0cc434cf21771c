/** Which ARM endpoint preflight talks to, how its client sends tokens, and what happens with no credential. */
import { execFile } from "node:child_process";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import type { TokenCredential } from "@azure/identity";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ArmEndpointError, resolveArmEndpoint } from "../src/preflight/armEndpoint";
import { ArmError, ArmHttp } from "../src/preflight/armHttp";
import { systemClock } from "../src/preflight/clock";
import { DEFAULT_LIMITS } from "../src/preflight/limits";
import { FAKE_TOKEN, type FakeArmState, startFakeArm } from "./support/fakeArm";
import { tempDir } from "./support/tempDir";

const execFileAsync = promisify(execFile);

describe("resolveArmEndpoint", () => {
  it("defaults to the public cloud's Resource Manager", () => {
    expect(resolveArmEndpoint(undefined, {})).toEqual({
      url: "https://management.azure.com",
      insecureLoopback: false,
    });
  });

  it("takes AZURE_ARM_ENDPOINT, and --arm-endpoint over it", () => {
    const env = { AZURE_ARM_ENDPOINT: "https://management.usgovcloudapi.net/" };
    expect(resolveArmEndpoint(undefined, env).url).toBe("https://management.usgovcloudapi.net");
    expect(resolveArmEndpoint("https://management.chinacloudapi.cn", env).url).toBe(
      "https://management.chinacloudapi.cn",
    );
  });

  it("allows plain http only to the loopback interface", () => {
    expect(resolveArmEndpoint("http://127.0.0.1:8080", {})).toEqual({
      url: "http://127.0.0.1:8080",
      insecureLoopback: true,
    });
    expect(resolveArmEndpoint("http://localhost:8080", {}).insecureLoopback).toBe(true);
    expect(resolveArmEndpoint("https://127.0.0.1:8443", {}).insecureLoopback).toBe(false);
    for (const url of ["http://management.azure.com", "http://10.0.0.1", "http://127.0.0.1.example.com"]) {
      expect(() => resolveArmEndpoint(url, {})).toThrow(ArmEndpointError);
    }
  });

  it("rejects what is not an endpoint origin", () => {
    expect(() => resolveArmEndpoint("management.azure.com", {})).toThrow(/is not a URL/);
    expect(() => resolveArmEndpoint("https://management.azure.com/subscriptions", {})).toThrow(
      /without path or query/,
    );
    expect(() => resolveArmEndpoint("ftp://management.azure.com", {})).toThrow(/must use https/);
  });
});

describe("ArmHttp", () => {
  const emptyState = (): FakeArmState => ({
    subscriptionId: "11111111-2222-3333-4444-555555555555",
    models: {},
    usages: {},
    accounts: [],
    takenSubdomains: {},
    deletedAccounts: [],
    errors: {},
  });
  let asked = 0;
  const credential: TokenCredential = {
    getToken: async () => {
      asked += 1;
      return { token: FAKE_TOKEN, expiresOnTimestamp: Date.now() + 3_600_000 };
    },
  };
  const reader = (url: string) =>
    new ArmHttp({
      endpoint: resolveArmEndpoint(url, {}),
      credential,
      limits: DEFAULT_LIMITS,
      clock: systemClock,
    });
  const item = z.object({ id: z.string() });

  it("never sends its token to another origin: a nextLink elsewhere is refused before it is asked", async () => {
    const elsewhere = await startFakeArm(emptyState());
    const arm = await startFakeArm({
      ...emptyState(),
      hostile: { "/deletedAccounts": { kind: "foreign-next-link", origin: elsewhere.url } },
    });
    try {
      const list = reader(arm.url).list(
        "/subscriptions/11111111-2222-3333-4444-555555555555/providers/Microsoft.CognitiveServices/deletedAccounts",
        "2025-09-01",
        item,
      );
      await expect(list).rejects.toThrow(ArmError);
      await expect(list).rejects.toMatchObject({
        happened: expect.stringContaining(`nextLink points at another host (${new URL(elsewhere.url).host})`),
      });
      expect(elsewhere.requests).toEqual([]);
    } finally {
      await Promise.all([arm.close(), elsewhere.close()]);
    }
  });

  it("does not follow a redirect, which would take the token along", async () => {
    const elsewhere = await startFakeArm(emptyState());
    const arm = await startFakeArm({
      ...emptyState(),
      hostile: { "/rg-pf": { kind: "redirect", origin: elsewhere.url } },
    });
    try {
      const got = reader(arm.url).get(
        "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-pf",
        "2024-03-01",
        item,
      );
      await expect(got).rejects.toMatchObject({
        happened: "HTTP 307 redirect; preflight does not follow redirects (the token would go along)",
      });
      expect(elsewhere.requests).toEqual([]);
    } finally {
      await Promise.all([arm.close(), elsewhere.close()]);
    }
  });

  it("sends no token over plain http unless the endpoint was resolved as this machine's", async () => {
    const arm = await startFakeArm(emptyState());
    asked = 0;
    try {
      const http = new ArmHttp({
        endpoint: { url: arm.url, insecureLoopback: false },
        credential,
        limits: DEFAULT_LIMITS,
        clock: systemClock,
      });
      await expect(
        http.get("/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg", "2024-03-01", item),
      ).rejects.toMatchObject({ happened: "refusing to send a token to another host or over plain http" });
      expect(asked).toBe(0);
      expect(arm.requests).toEqual([]);
    } finally {
      await arm.close();
    }
  });

  it("signs in once and reuses the token while it is valid", async () => {
    const arm = await startFakeArm(emptyState());
    asked = 0;
    try {
      const http = reader(arm.url);
      const path =
        "/subscriptions/11111111-2222-3333-4444-555555555555/providers/Microsoft.CognitiveServices/skus";
      const sku = z.object({ name: z.string() });
      await Promise.all([http.list(path, "2025-09-01", sku), http.list(path, "2025-09-01", sku)]);
      await http.list(path, "2025-09-01", sku);
      expect(arm.requests).toHaveLength(3);
      expect(asked).toBe(1);
      expect(arm.requests.every((r) => r.includes("api-version=2025-09-01"))).toBe(true);
    } finally {
      await arm.close();
    }
  });

  it("answers undefined for a resource that does not exist (404)", async () => {
    const arm = await startFakeArm(emptyState());
    try {
      const got = await reader(arm.url).get(
        "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-none",
        "2024-03-01",
        item,
      );
      expect(got).toBeUndefined();
    } finally {
      await arm.close();
    }
  });
});

describe("npm run preflight without any Azure credential", () => {
  it("exits 3 and says how to log in locally and in CI", async () => {
    const arm = await startFakeArm({
      subscriptionId: "11111111-2222-3333-4444-555555555555",
      models: {},
      usages: {},
      accounts: [],
      takenSubdomains: {},
      deletedAccounts: [],
      errors: {},
    });
    try {
      // A bare environment: no AZURE_* credentials, no az/azd/pwsh on PATH, an empty HOME, and the
      // developer credentials only (AZURE_TOKEN_CREDENTIALS=dev), so no managed-identity probe leaves this machine.
      const env = {
        PATH: dirname(process.execPath),
        HOME: tempDir("aoai-no-login-"),
        AZURE_TOKEN_CREDENTIALS: "dev",
      };
      const run = await execFileAsync(
        process.execPath,
        [
          join("node_modules", "tsx", "dist", "cli.mjs"),
          "src/preflight/cli.ts",
          "--stack",
          "dev",
          "--subscription",
          "11111111-2222-3333-4444-555555555555",
          "--arm-endpoint",
          arm.url,
        ],
        { env, timeout: 60_000 },
      ).then(
        () => ({ code: 0, stdout: "", stderr: "" }),
        (error: { code: number; stdout: string; stderr: string }) => error,
      );
      expect(run.code).toBe(3);
      expect(run.stdout).toBe("");
      expect(run.stderr).toContain("No Azure credential is available");
      expect(run.stderr).toContain("az login");
      expect(run.stderr).toContain("AZURE_CLIENT_ID, AZURE_TENANT_ID and AZURE_FEDERATED_TOKEN_FILE");
      expect(run.stderr).toContain("Azure CLI could not be found");
      expect(arm.requests).toEqual([]);
    } finally {
      await arm.close();
    }
  });
});
