/**
 * `npm run preflight` end to end against a fake Resource Manager on 127.0.0.1: the same CLI
 * function, with a fixed-token credential instead of DefaultAzureCredential.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runPreflightCli } from "../src/preflight/main";
import type { PreflightReport } from "../src/preflight/report";
import { type FakeArmState, usage } from "./support/fakeArm";
import { planRefusal } from "./support/planRefusal";
import {
  failures,
  fixedToken,
  healthySubscription,
  preflight,
  preflightWithout,
  RG,
  results,
  SUBSCRIPTION,
  stackFile,
} from "./support/preflightRun";

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

describe("preflight against a fake Resource Manager", () => {
  it("exits 0 and prints a table when everything the stack needs is there", async () => {
    const run = await preflight(healthySubscription(), "--config-file", stackFile());
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^check\s+target\s+status\s+detail$/m);
    expect(run.stdout).toMatch(
      /^model\s+aoai-pf-swc \(swedencentral\)\s+OK\s+chat: gpt-4\.1-mini 2025-04-14 GlobalStandard: offered$/m,
    );
    expect(run.stdout).toMatch(
      /^quota\s+swedencentral\s+OK\s+OpenAI\.GlobalStandard\.gpt-4\.1-mini: plans 20 kTPM; limit 1000, in use 100, free 900 kTPM$/m,
    );
    expect(run.stdout).toMatch(
      /^subdomain\s+aoai-pf-swc \(swedencentral\)\s+OK\s+aoai-pf-swc\.openai\.azure\.com is available$/m,
    );
    expect(run.stdout).toContain("0 FAIL; nothing found that would make pulumi up fail.");
    // Lists longer than a page were read through nextLink; nothing but reads was sent.
    expect(run.fake.requests.some((r) => r.includes("/models?") && r.includes("skipToken=2"))).toBe(true);
    expect(run.fake.requests.some((r) => r.includes("/usages?") && r.includes("skipToken=2"))).toBe(true);
    expect(run.fake.requests.filter((r) => !r.startsWith("GET ")).map((r) => r.split("?")[0])).toEqual([
      `POST /subscriptions/${SUBSCRIPTION}/providers/Microsoft.CognitiveServices/checkDomainAvailability`,
    ]);
  });

  it("reports a model that is not offered in the region, with the key to change, and exits 1", async () => {
    const state = healthySubscription();
    state.models.swedencentral = (state.models.swedencentral ?? []).filter(
      (m) => !(m.kind === "OpenAI" && m.model.name === "text-embedding-3-small"),
    );
    const run = await preflight(state, "--config-file", stackFile(), "--json");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("1 check(s) failed: pulumi up would fail");
    const report = JSON.parse(run.stdout) as PreflightReport;
    expect(failures(report.results)).toEqual([
      {
        check: "model",
        target: "aoai-pf-swc (swedencentral)",
        status: "FAIL",
        detail:
          'embeddings: text-embedding-3-small 1 Standard: swedencentral offers no model "text-embedding-3-small" (format OpenAI) to OpenAI accounts',
        fix: "choose a region that offers it (az cognitiveservices model list --location <region>) or another model in aoai-platform:accounts[0].deployments[1].model",
      },
    ]);
    expect(report.summary.FAIL).toBe(1);
  });

  it("reports quota that is already used up, with the numbers and where to raise it", async () => {
    const state = healthySubscription();
    state.usages.swedencentral = [
      usage("OpenAI.GlobalStandard.gpt-4.1-mini", 990, 1000),
      ...(state.usages.swedencentral ?? []),
    ];
    const { code, rows } = await results(state);
    expect(code).toBe(1);
    const [quota] = failures(rows);
    expect(quota).toMatchObject({
      check: "quota",
      target: "swedencentral",
      detail: "OpenAI.GlobalStandard.gpt-4.1-mini: plans 20 kTPM; limit 1000, in use 990, free 10 kTPM",
    });
    expect(quota?.fix).toContain("request more OpenAI.GlobalStandard.gpt-4.1-mini quota in swedencentral");
    expect(quota?.fix).toContain("aoai-platform:accounts[0].deployments[0].capacity");
    expect(failures(rows)).toHaveLength(1);
  });

  it("prints each fix on the line under its row in the text table", async () => {
    const state = healthySubscription();
    state.takenSubdomains["aoai-pf-swc"] = "Subdomain name 'aoai-pf-swc' is already in use";
    const run = await preflight(state, "--config-file", stackFile());
    expect(run.code).toBe(1);
    const lines = run.stdout.split("\n");
    const row = lines.findIndex((l) =>
      /^subdomain\s+aoai-pf-swc \(swedencentral\)\s+FAIL\s+aoai-pf-swc is not available/.test(l),
    );
    expect(row).toBeGreaterThan(0);
    expect(lines[row + 1]).toMatch(/^\s+fix: choose another aoai-platform:accounts\[0\]\.customSubDomain/);
    expect(run.stdout).toContain("1 FAIL; pulumi up would fail: fix the FAIL rows first.");
  });

  it("reports a subdomain someone else holds", async () => {
    const state = healthySubscription();
    state.takenSubdomains["aoai-pf-swc"] = "Subdomain name 'aoai-pf-swc' is already in use";
    const { code, rows } = await results(state);
    expect(code).toBe(1);
    expect(failures(rows)).toEqual([
      expect.objectContaining({
        check: "subdomain",
        detail: expect.stringContaining(
          "aoai-pf-swc is not available: Subdomain name 'aoai-pf-swc' is already in use",
        ),
        fix: expect.stringContaining("choose another aoai-platform:accounts[0].customSubDomain"),
      }),
    ]);
  });

  it("reports a soft-deleted account that blocks the name, with the exact purge command and the restore setting", async () => {
    const state = healthySubscription();
    state.deletedAccounts.push({
      resourceGroup: RG,
      name: "aoai-pf-swc",
      location: "swedencentral",
      kind: "OpenAI",
      customSubDomainName: "aoai-pf-swc",
      deletionDate: "2026-05-01T10:00:00Z",
      scheduledPurgeDate: "2026-05-03T10:00:00Z",
    });
    const { code, rows } = await results(state);
    expect(code).toBe(1);
    const [softDeleted] = failures(rows);
    expect(softDeleted).toMatchObject({
      check: "soft-delete",
      target: "aoai-pf-swc (swedencentral)",
      detail:
        "soft-deleted account aoai-pf-swc (resource group rg-pf, swedencentral, purged automatically at 2026-05-03T10:00:00Z) holds the name aoai-pf-swc in resource group rg-pf",
    });
    expect(softDeleted?.fix).toContain(
      "az cognitiveservices account purge --location swedencentral --resource-group rg-pf --name aoai-pf-swc",
    );
    expect(softDeleted?.fix).toContain(
      "set aoai-platform:accounts[0].restore: true and pulumi up recovers it instead of creating the account",
    );
  });

  describe("an account of the stack that exists already", () => {
    function withExistingChat(inUse: number): FakeArmState {
      const state = healthySubscription();
      state.accounts.push({
        resourceGroup: RG,
        name: "aoai-pf-swc",
        location: "swedencentral",
        kind: "OpenAI",
        customSubDomainName: "aoai-pf-swc",
        deployments: [
          {
            name: "chat",
            sku: { name: "GlobalStandard", capacity: 20 },
            model: { format: "OpenAI", name: "gpt-4.1-mini", version: "2025-04-14" },
          },
          {
            name: "embeddings",
            sku: { name: "Standard", capacity: 10 },
            model: { format: "OpenAI", name: "text-embedding-3-small", version: "1" },
          },
        ],
      });
      // currentValue already contains the 20 kTPM the existing chat deployment holds.
      state.usages.swedencentral = [
        usage("OpenAI.GlobalStandard.gpt-4.1-mini", inUse, 1000),
        usage("AccountCount", 1, 200),
      ];
      state.usages.swedencentral.push(usage("OpenAI.Standard.text-embedding-3-small", 10, 10));
      return state;
    }

    it("counts only the growth of its deployments against the free quota", async () => {
      const unchanged = await results(withExistingChat(995));
      expect(failures(unchanged.rows)).toEqual([]);
      expect(unchanged.code).toBe(0);
      expect(unchanged.rows.filter((r) => r.check === "quota").map((r) => r.detail)).toEqual([
        "OpenAI.GlobalStandard.gpt-4.1-mini: plans 20 kTPM, 20 already held by this stack's deployments, needs 0 more",
        "OpenAI.Standard.text-embedding-3-small: plans 10 kTPM, 10 already held by this stack's deployments, needs 0 more",
      ]);

      const grows = await results(withExistingChat(995), stackFile(25));
      expect(grows.code).toBe(0);
      expect(grows.rows.find((r) => r.check === "quota")?.detail).toBe(
        "OpenAI.GlobalStandard.gpt-4.1-mini: plans 25 kTPM, 20 already held by this stack's deployments, needs 5 more; limit 1000, in use 995, free 5 kTPM",
      );

      const growsTooMuch = await results(withExistingChat(995), stackFile(30));
      expect(growsTooMuch.code).toBe(1);
      expect(failures(growsTooMuch.rows)).toEqual([
        expect.objectContaining({
          check: "quota",
          detail:
            "OpenAI.GlobalStandard.gpt-4.1-mini: plans 30 kTPM, 20 already held by this stack's deployments, needs 10 more; limit 1000, in use 995, free 5 kTPM",
        }),
      ]);
    });

    it("is not checked for subdomain availability: its subdomain is its own", async () => {
      const run = await preflight(withExistingChat(20), "--config-file", stackFile());
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(
        /^subdomain\s+aoai-pf-swc \(swedencentral\)\s+OK\s+account exists with subdomain aoai-pf-swc$/m,
      );
      expect(run.fake.requests.some((r) => r.includes("checkDomainAvailability"))).toBe(false);
      expect(
        run.fake.requests.some((r) =>
          r.includes(
            `/resourceGroups/${RG}/providers/Microsoft.CognitiveServices/accounts/aoai-pf-swc/deployments?`,
          ),
        ),
      ).toBe(true);
    });
  });

  it("warns when the stack's declared quota differs from the subscription's", async () => {
    const state = healthySubscription();
    state.usages.swedencentral = [
      usage("OpenAI.GlobalStandard.gpt-4.1-mini", 0, 500),
      usage("OpenAI.Standard.text-embedding-3-small", 0, 350),
    ];
    const { code, rows } = await results(state);
    expect(code).toBe(0);
    expect(rows.filter((r) => r.check === "declared-quota")).toEqual([
      {
        check: "declared-quota",
        target: "swedencentral",
        status: "WARN",
        detail:
          "aoai-platform:quota[0].limit: declares 1000 kTPM; the subscription's OpenAI.GlobalStandard.gpt-4.1-mini limit is 500",
        fix: "set aoai-platform:quota[0].limit to 500 so the offline plan checks against the real quota",
      },
    ]);
  });

  it("takes the subscription from azure-native:subscriptionId in the stack config when no flag or env names one", async () => {
    const run = await preflightWithout(healthySubscription(), [
      "--config-file",
      stackFile(20, { "azure-native:subscriptionId": SUBSCRIPTION }),
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`subscription ${SUBSCRIPTION}`);
    expect(run.fake.requests.every((r) => r.includes(`/subscriptions/${SUBSCRIPTION}/`))).toBe(true);
  });

  it("exits 3 with Resource Manager's error code and message when a read is refused", async () => {
    const state = healthySubscription();
    state.errors["/usages"] = {
      status: 403,
      code: "AuthorizationFailed",
      message:
        "The client does not have authorization to perform action 'Microsoft.CognitiveServices/locations/usages/read'.",
    };
    const run = await preflight(state, "--config-file", stackFile());
    expect(run.code).toBe(3);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("Azure Resource Manager refused a read (");
    expect(run.stderr).toContain(
      `asked:       GET /subscriptions/${SUBSCRIPTION}/providers/Microsoft.CognitiveServices/locations/swedencentral/usages`,
    );
    expect(run.stderr).toContain("happened:    HTTP 403 AuthorizationFailed: The client does not have");
    expect(run.stderr).toContain("Microsoft.CognitiveServices/locations/usages/read");
  });
});

describe("preflight inputs", () => {
  async function runWith(args: string[], env: Record<string, string> = {}): Promise<Run> {
    let stdout = "";
    let stderr = "";
    let asked = false;
    const code = await runPreflightCli(args, {
      env,
      stdout: (t) => {
        stdout += t;
      },
      stderr: (t) => {
        stderr += t;
      },
      credential: () => {
        asked = true;
        return fixedToken;
      },
    });
    expect(asked).toBe(false);
    return { code, stdout, stderr };
  }

  it("needs a subscription id and says where it can come from", async () => {
    const run = await runWith(["--stack", "pf", "--config-file", stackFile()]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      "no subscription: pass --subscription <id>, set AZURE_SUBSCRIPTION_ID, or set azure-native:subscriptionId in the stack config\n",
    );
  });

  it("rejects a subscription id that is not a GUID, naming where it came from", async () => {
    const run = await runWith(["--stack", "pf", "--config-file", stackFile()], {
      AZURE_SUBSCRIPTION_ID: "my-sub",
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('AZURE_SUBSCRIPTION_ID: "my-sub" is not a subscription id');
  });

  it("does not echo a token pasted where an input belongs", async () => {
    const jwt = "eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJhcm0ifQ.c2lnbmF0dXJlLXZhbHVl";
    const run = await runWith(["--stack", "pf", "--config-file", stackFile()], {
      AZURE_SUBSCRIPTION_ID: jwt,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'AZURE_SUBSCRIPTION_ID: "[redacted]" is not a subscription id (a GUID such as 00000000-0000-0000-0000-000000000000)\n',
    );
  });

  it("refuses plain http to anything but this machine, before any credential is asked for", async () => {
    const run = await runWith(
      ["--stack", "pf", "--config-file", stackFile(), "--subscription", SUBSCRIPTION],
      {
        AZURE_ARM_ENDPOINT: "http://management.example.com",
      },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('AZURE_ARM_ENDPOINT: "http://management.example.com" must use https');
  });

  it("reports an invalid stack config like the plan does", async () => {
    const run = await runWith([
      "--stack",
      "pf",
      "--config-file",
      join(__dirname, "fixtures", "Pulumi.invalid.yaml"),
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^Invalid config for stack "pf"/);
  });

  it("refuses a key under an unknown namespace and a provider setting typo as the plan does", async () => {
    const file = stackFile(20, {
      "aoai-platfrom:budget": { amount: 100 },
      "azure-native:locaton": "westeurope",
    });
    const run = await runWith(["--stack", "pf", "--config-file", file, "--subscription", SUBSCRIPTION]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("did you mean aoai-platform:budget?");
    expect(run.stderr).toContain("azure-native:locaton");
    expect(run.stderr).toContain("did you mean azure-native:location?");
    expect(run.stderr).toBe(`${planRefusal("pf", file)}\n`);
  });
});
