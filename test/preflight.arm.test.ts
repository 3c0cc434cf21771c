/** Which ARM endpoint preflight talks to, how tokens travel there, and what happens with no credential. */
import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { bearerTokenAuthenticationPolicyName, createPipelineRequest } from "@azure/core-rest-pipeline";
import type { TokenCredential } from "@azure/identity";
import { describe, expect, it } from "vitest";
import { createArmClient, LOOPBACK_BEARER_POLICY, loopbackBearerPolicy } from "../src/preflight/armClient";
import { ArmEndpointError, resolveArmEndpoint } from "../src/preflight/armEndpoint";
import { startFakeArm } from "./support/fakeArm";

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

describe("createArmClient", () => {
  const credential: TokenCredential = {
    getToken: async () => ({ token: "t", expiresOnTimestamp: Date.now() + 60_000 }),
  };
  const policies = (url: string) =>
    createArmClient(credential, "sub", resolveArmEndpoint(url, {}))
      .pipeline.getOrderedPolicies()
      .map((p) => p.name);

  it("keeps Azure's https-only bearer policy for any https endpoint", () => {
    for (const url of ["https://management.azure.com", "https://127.0.0.1:8443"]) {
      expect(policies(url)).toContain(bearerTokenAuthenticationPolicyName);
      expect(policies(url)).not.toContain(LOOPBACK_BEARER_POLICY);
    }
  });

  it("signs with the loopback policy only for plain http to this machine", () => {
    expect(policies("http://127.0.0.1:8080")).toContain(LOOPBACK_BEARER_POLICY);
    expect(policies("http://127.0.0.1:8080")).not.toContain(bearerTokenAuthenticationPolicyName);
  });

  it("the loopback policy never hands a token to another host", async () => {
    let asked = false;
    const policy = loopbackBearerPolicy(
      {
        getToken: async () => {
          asked = true;
          return { token: "t", expiresOnTimestamp: 0 };
        },
      },
      "http://127.0.0.1:1/.default",
    );
    const request = createPipelineRequest({ url: "http://management.example.com/subscriptions" });
    await expect(policy.sendRequest(request, async () => Promise.reject(new Error("sent")))).rejects.toThrow(
      "refusing to send a token over plain http to management.example.com",
    );
    expect(asked).toBe(false);
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
        HOME: mkdtempSync(join(tmpdir(), "aoai-no-login-")),
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
