/**
 * `npm run adopt` end to end against a fake Resource Manager on 127.0.0.1 (test/support/fakeAdoptArm.ts),
 * then the offline plan of the config it wrote.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { TokenCredential } from "@azure/identity";
import { afterEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { contentItemName } from "../components/content-filter/itemName";
import { runAdoptCli } from "../src/adopt/main";
import type { ObservedState } from "../src/adopt/observed";
import { loadStackConfig } from "../src/plan/loadConfig";
import type { PlanResult } from "../src/plan/model";
import {
  ADOPT_TOKEN,
  type FakeAdoptArm,
  type FakeAdoptState,
  seedLayout,
  startFakeAdoptArm,
} from "./support/fakeAdoptArm";
import { runPlanCli } from "./support/planCli";
import { tempDir } from "./support/tempDir";

const SUBSCRIPTION = "11111111-2222-3333-4444-555555555555";
const RG = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-openai`;
const ACCOUNT_ID = `${RG}/providers/Microsoft.CognitiveServices/accounts/myopenai`;

const fixedToken: TokenCredential = {
  getToken: async () => ({ token: ADOPT_TOKEN, expiresOnTimestamp: Date.now() + 3_600_000 }),
};

let arm: FakeAdoptArm | undefined;
afterEach(async () => {
  await arm?.close();
  arm = undefined;
});

async function adopt(state: FakeAdoptState, ...extra: string[]) {
  arm = await startFakeAdoptArm(state);
  const out = join(tempDir("aoai-adopt-"), "Pulumi.adopted.yaml");
  const stdout: string[] = [];
  const stderr: string[] = [];
  const args = ["--subscription", SUBSCRIPTION, "--resource-group", "rg-openai", "--stack", "adopted"];
  const code = await runAdoptCli([...args, "--arm-endpoint", arm.url, "--out", out, ...extra], {
    env: {},
    stdout: (t) => stdout.push(t),
    stderr: (t) => stderr.push(t),
    credential: () => fixedToken,
  });
  return { code, out, stdout: stdout.join(""), stderr: stderr.join(""), requests: arm.requests };
}

type Config = Record<string, unknown> & { "aoai-platform:accounts": Record<string, unknown>[] };
const written = (path: string) => (parse(readFileSync(path, "utf8")) as { config: Config }).config;

async function planOf(path: string, ...flags: string[]) {
  const run = await runPlanCli("--stack", "adopted", "--config-file", path, ...flags);
  return { ...run, json: flags.includes("--json") ? (JSON.parse(run.stdout) as PlanResult) : undefined };
}

describe("npm run adopt on the seed's layout (az cognitiveservices account create + deployment create)", () => {
  it("writes a config that describes the account and deployment exactly, marked for import by id, reading only", async () => {
    const run = await adopt(seedLayout(SUBSCRIPTION));
    expect(run.code, run.stderr).toBe(0);
    expect(run.requests.every((r) => r.startsWith("GET "))).toBe(true);
    expect(run.requests).toContain(`GET ${ACCOUNT_ID}/providers/Microsoft.Insights/diagnosticSettings`);
    expect(run.requests).toContain(`GET ${RG}/providers/Microsoft.Network/privateEndpoints`);
    const config = written(run.out);
    expect(config["azure-native:subscriptionId"]).toBe(SUBSCRIPTION);
    expect(config["aoai-platform:location"]).toBe("eastus");
    expect(config["aoai-platform:resourceGroup"]).toEqual({ name: "rg-openai", existing: true });
    expect(config["aoai-platform:accounts"]).toEqual([
      {
        name: "myopenai",
        publicNetworkAccess: "Enabled",
        networkAcls: { defaultAction: "Allow", ipRules: [] },
        localAuthEnabled: true,
        outbound: { restrict: false },
        deployments: [
          {
            name: "gpt-4o",
            model: "gpt-4o",
            version: "2024-11-20",
            sku: "Standard",
            capacity: 10,
            versionUpgradeOption: "OnceNewDefaultVersionAvailable",
            import: `${ACCOUNT_ID}/deployments/gpt-4o`,
          },
        ],
        import: ACCOUNT_ID,
      },
    ]);
    const observed = JSON.parse(
      readFileSync(run.out.replace(/\.yaml$/, ".adopted.json"), "utf8"),
    ) as ObservedState;
    expect(observed.resources.map((r) => r.id).sort()).toEqual([
      ACCOUNT_ID,
      `${ACCOUNT_ID}/deployments/gpt-4o`,
    ]);
    expect(
      observed.resources.find((r) => r.id === ACCOUNT_ID)?.values["properties.customSubDomainName"],
    ).toBeNull();
  });

  it("passes the same validation as a hand-written stack file, and fails it the same way when a value breaks a rule", async () => {
    const run = await adopt(seedLayout(SUBSCRIPTION));
    const { config } = loadStackConfig({ stack: "adopted", configFile: run.out });
    expect(config.accounts[0]).toMatchObject({
      name: "myopenai",
      customSubDomain: "myopenai",
      import: ACCOUNT_ID,
    });
    // The adopted name is kept; a renamed entry no longer matches its id.
    const text = readFileSync(run.out, "utf8").replace("name: myopenai", "name: myopenai2");
    writeFileSync(run.out, text);
    expect(() => loadStackConfig({ stack: "adopted", configFile: run.out })).toThrow(
      /aoai-platform:accounts\[0\]\.import: "\/subscriptions\/.*: the id names account name "myopenai" but this entry's account name is "myopenai2"; adopted resources keep their Azure names/,
    );
  });

  it("plans an import of the account and the deployment by id, and warns that the account gets a custom subdomain", async () => {
    const run = await adopt(seedLayout(SUBSCRIPTION));
    const plan = await planOf(run.out, "--json");
    expect(plan.code, plan.stderr).toBe(0);
    const result = plan.json as PlanResult;
    const account = result.resources.find((r) => r.type === "azure-native:cognitiveservices:Account");
    const deployment = result.resources.find((r) => r.type === "azure-native:cognitiveservices:Deployment");
    expect(account?.import).toBe(ACCOUNT_ID);
    expect(account?.inputs.accountName).toBe("myopenai");
    expect(deployment?.import).toBe(`${ACCOUNT_ID}/deployments/gpt-4o`);
    expect(deployment?.inputs.deploymentName).toBe("gpt-4o");
    expect(result.resources.filter((r) => r.custom && r.import === null).map((r) => r.type)).toEqual([]);
    const adoptedAccount = result.adopted.find((a) => a.id === ACCOUNT_ID);
    expect(adoptedAccount?.changes.find((c) => c.path === "properties.customSubDomainName")).toMatchObject({
      from: null,
      to: "myopenai",
    });
    // Everything else the config says matches what Azure has.
    expect(adoptedAccount?.changes.map((c) => c.path).sort()).toEqual([
      "identity.type",
      "properties.customSubDomainName",
      "tags",
    ]);
    expect(result.adopted.find((a) => a.type.endsWith("Deployment"))?.changes).toEqual([]);
    // Importing reads the resources: seconds, not the minutes of creating them.
    expect(result.criticalPath.minutes).toBeLessThan(1);
    const subdomain = result.findings.find(
      (f) => f.rule === "adopt.change" && f.message.includes("subdomain"),
    );
    expect(subdomain?.severity).toBe("warning");
    expect(subdomain?.message).toContain("can be set once and never changed");
  });

  it("lists the consequence of turning keys off on an adopted account, in the text plan", async () => {
    const run = await adopt(seedLayout(SUBSCRIPTION));
    writeFileSync(
      run.out,
      readFileSync(run.out, "utf8").replace("localAuthEnabled: true", "localAuthEnabled: false"),
    );
    const plan = await planOf(run.out);
    expect(plan.stdout).toContain(
      `= azure-native:cognitiveservices:Account  myopenai-account  (import ${ACCOUNT_ID}`,
    );
    expect(plan.stdout).toMatch(
      /~ disables local \(API key\) authentication: apps still calling with an api-key get 401/,
    );
    expect(plan.stdout).toMatch(/~ gets the custom subdomain myopenai/);
  });

  it("never overwrites an existing file without --force", async () => {
    const first = await adopt(seedLayout(SUBSCRIPTION));
    writeFileSync(first.out, "# mine\n");
    await arm?.close();
    arm = await startFakeAdoptArm(seedLayout(SUBSCRIPTION));
    const io = {
      env: {},
      stdout: () => {},
      stderr: (t: string) => errors.push(t),
      credential: () => fixedToken,
    };
    const errors: string[] = [];
    const args = [
      "--subscription",
      SUBSCRIPTION,
      "--resource-group",
      "rg-openai",
      "--stack",
      "adopted",
      "--arm-endpoint",
      arm.url,
      "--out",
      first.out,
    ];
    expect(await runAdoptCli(args, io)).toBe(2);
    expect(errors.join("")).toContain(`${first.out} exists; pass --force to overwrite it`);
    expect(readFileSync(first.out, "utf8")).toBe("# mine\n");
    expect(await runAdoptCli([...args, "--force"], io)).toBe(0);
    expect(readFileSync(first.out, "utf8")).toContain("myopenai");
  });

  it("says exactly which value breaks a rule when the resource group holds something the stack rejects", async () => {
    const state = seedLayout(SUBSCRIPTION);
    const [account] = state.accounts;
    if (account)
      account.deployments = [
        { name: "ptu", model: "gpt-4o", version: "2024-11-20", sku: "ProvisionedManaged", capacity: 30 },
      ];
    const run = await adopt(state);
    expect(run.code).toBe(1);
    expect(existsSync(run.out)).toBe(true);
    expect(run.stderr).toContain(
      "aoai-platform:accounts[0].deployments[0].capacity: 30: ProvisionedManaged capacity for gpt-4o must be a whole number of PTU from 50 in steps of 50",
    );
  });

  it("exits 3 with Resource Manager's error when it refuses a read, and writes nothing", async () => {
    arm = await startFakeAdoptArm(seedLayout(SUBSCRIPTION));
    const out = join(tempDir("aoai-adopt-"), "Pulumi.x.yaml");
    const stderr: string[] = [];
    const args = ["--subscription", SUBSCRIPTION, "--resource-group", "rg-missing", "--stack", "x"];
    const code = await runAdoptCli([...args, "--arm-endpoint", arm.url, "--out", out], {
      env: {},
      stdout: () => {},
      stderr: (t) => stderr.push(t),
      credential: () => fixedToken,
    });
    expect(code).toBe(3);
    expect(stderr.join("")).toMatch(
      /asked: +GET \/subscriptions\/.*\/rg-missing\/.*\n +happened: +HTTP 404 ResourceGroupNotFound/,
    );
    expect(stderr.join("")).not.toContain(ADOPT_TOKEN);
    expect(existsSync(out)).toBe(false);
  });

  it("rejects a subscription that is not a GUID (exit 2) without asking Azure", async () => {
    const stderr: string[] = [];
    const code = await runAdoptCli(["--subscription", "prod", "--resource-group", "rg", "--stack", "x"], {
      env: {},
      stdout: () => {},
      stderr: (t) => stderr.push(t),
      credential: () => {
        throw new Error("must not sign in");
      },
    });
    expect(code).toBe(2);
    expect(stderr.join("")).toContain('--subscription: "prod" is not a subscription id');
  });
});

/** Two accounts, a custom RAI policy with a blocklist, a private endpoint, a diagnostic setting. */
function richerLayout(): FakeAdoptState {
  const zones = `${RG}/providers/Microsoft.Network/privateDnsZones`;
  return {
    subscriptionId: SUBSCRIPTION,
    resourceGroup: "rg-openai",
    accounts: [
      {
        name: "aoai-contoso-eus",
        location: "eastus",
        customSubDomainName: "aoai-contoso-eus",
        properties: {
          disableLocalAuth: true,
          publicNetworkAccess: "Disabled",
          networkAcls: { defaultAction: "Deny", ipRules: [] },
        },
        deployments: [
          {
            name: "chat",
            model: "gpt-4o",
            version: "2024-11-20",
            sku: "GlobalStandard",
            capacity: 50,
            raiPolicyName: "strict-filter",
          },
        ],
        raiPolicies: [
          {
            id: `${RG}/providers/Microsoft.CognitiveServices/accounts/aoai-contoso-eus/raiPolicies/strict-filter`,
            name: "strict-filter",
            properties: {
              type: "UserManaged",
              mode: "Default",
              basePolicyName: "Microsoft.DefaultV2",
              contentFilters: [
                { name: "Hate", blocking: true, enabled: true, severityThreshold: "Low", source: "Prompt" },
                {
                  name: "Hate",
                  blocking: true,
                  enabled: true,
                  severityThreshold: "Medium",
                  source: "Completion",
                },
                { name: "Indirect Attack", blocking: true, enabled: true, source: "Prompt" },
              ],
              customBlocklists: [
                { blocklistName: "codenames", blocking: true, source: "Prompt" },
                { blocklistName: "codenames", blocking: true, source: "Completion" },
              ],
            },
          },
        ],
        blocklists: [
          {
            name: "codenames",
            description: "Project code names",
            items: [
              { name: "myBlocklistItem1", pattern: "Project Bluebird", isRegex: false },
              { name: "myBlocklistItem2", pattern: "PRJ-[0-9]{4}", isRegex: true },
            ],
          },
        ],
        diagnosticSettings: [
          {
            name: "openai-diagnostics",
            workspaceId: `${RG}/providers/Microsoft.OperationalInsights/workspaces/law`,
          },
        ],
      },
      {
        name: "aoai-contoso-eus-batch",
        location: "eastus",
        customSubDomainName: "aoai-contoso-eus-batch",
        properties: { disableLocalAuth: true, publicNetworkAccess: "Disabled" },
        deployments: [
          {
            name: "embeddings",
            model: "text-embedding-3-small",
            version: "1",
            sku: "Standard",
            capacity: 20,
          },
        ],
      },
    ],
    privateEndpoints: [
      {
        name: "pe-openai",
        location: "eastus",
        account: "aoai-contoso-eus",
        subnetId: `${RG}/providers/Microsoft.Network/virtualNetworks/my-vnet/subnets/private-endpoints`,
        zoneIds: [
          `${zones}/privatelink.openai.azure.com`,
          `${zones}/privatelink.cognitiveservices.azure.com`,
        ],
      },
    ],
  };
}

describe("npm run adopt on a richer resource group", () => {
  it("adopts both accounts, the RAI policy with its blocklist and items, and the private endpoint; leaves the diagnostic setting out, saying why", async () => {
    const run = await adopt(richerLayout());
    expect(run.code, run.stderr).toBe(0);
    const config = written(run.out);
    const [first, second] = config["aoai-platform:accounts"];
    // Two accounts: the first becomes primaryAccount (required with several), and the report says so.
    expect(config["aoai-platform:primaryAccount"]).toBe("aoai-contoso-eus");
    expect(run.stdout).toContain("primaryAccount: aoai-contoso-eus (the first account;");
    const account1 = `${RG}/providers/Microsoft.CognitiveServices/accounts/aoai-contoso-eus`;
    expect(first).toMatchObject({
      name: "aoai-contoso-eus",
      customSubDomain: "aoai-contoso-eus",
      publicNetworkAccess: "Disabled",
      localAuthEnabled: false,
      contentFilters: [
        {
          name: "strict-filter",
          categories: { hate: { prompt: "Low" } },
          indirectAttack: true,
          import: `${account1}/raiPolicies/strict-filter`,
          blocklists: [
            {
              name: "codenames",
              description: "Project code names",
              appliesTo: "both",
              terms: [
                {
                  pattern: "Project Bluebird",
                  regex: false,
                  import: `${account1}/raiBlocklists/codenames/raiBlocklistItems/myBlocklistItem1`,
                },
                {
                  pattern: "PRJ-[0-9]{4}",
                  regex: true,
                  import: `${account1}/raiBlocklists/codenames/raiBlocklistItems/myBlocklistItem2`,
                },
              ],
              import: `${account1}/raiBlocklists/codenames`,
            },
          ],
        },
      ],
      deployments: [{ name: "chat", contentFilter: "strict-filter" }],
      privateEndpoint: {
        name: "pe-openai",
        import: `${RG}/providers/Microsoft.Network/privateEndpoints/pe-openai`,
        dnsZoneGroup: {
          name: "default",
          import: `${RG}/providers/Microsoft.Network/privateEndpoints/pe-openai/privateDnsZoneGroups/default`,
        },
      },
    });
    expect(second).toMatchObject({
      name: "aoai-contoso-eus-batch",
      import: expect.stringContaining("aoai-contoso-eus-batch"),
    });
    expect(config["aoai-platform:network"]).toEqual({
      regions: {
        eastus: {
          existingSubnetId: `${RG}/providers/Microsoft.Network/virtualNetworks/my-vnet/subnets/private-endpoints`,
        },
      },
      existingDnsZoneIds: {
        "privatelink.openai.azure.com": `${RG}/providers/Microsoft.Network/privateDnsZones/privatelink.openai.azure.com`,
        "privatelink.cognitiveservices.azure.com": `${RG}/providers/Microsoft.Network/privateDnsZones/privatelink.cognitiveservices.azure.com`,
      },
    });
    expect(run.stdout).toContain("not adopted: ");
    expect(run.stdout).toContain("diagnostics.name: openai-diagnostics");

    const plan = await planOf(run.out, "--json");
    const result = plan.json as PlanResult;
    const imported = (type: string) => result.resources.filter((r) => r.type === type).map((r) => r.import);
    expect(imported("azure-native:cognitiveservices:RaiPolicy")).toEqual([
      `${account1}/raiPolicies/strict-filter`,
    ]);
    expect(imported("azure-native:cognitiveservices:RaiBlocklist")).toEqual([
      `${account1}/raiBlocklists/codenames`,
    ]);
    const items = result.resources.filter(
      (r) => r.type === "azure-native:cognitiveservices:RaiBlocklistItem",
    );
    // Adopted items keep their Azure names.
    expect(items.map((i) => i.inputs.raiBlocklistItemName)).toEqual(["myBlocklistItem1", "myBlocklistItem2"]);
    const endpoints = result.resources.filter((r) => r.type === "azure-native:network:PrivateEndpoint");
    // The adopted endpoint keeps the interface Azure named; the new one gets <name>-nic.
    expect(endpoints.map((e) => e.inputs.customNetworkInterfaceName)).toEqual([
      undefined,
      "pe-aoai-contoso-eus-batch-nic",
    ]);
    // The adopted endpoint is imported; the second account, without one, gets a new endpoint.
    expect(imported("azure-native:network:PrivateEndpoint")).toEqual([
      `${RG}/providers/Microsoft.Network/privateEndpoints/pe-openai`,
      null,
    ]);
    expect(result.findings.find((f) => f.rule === "adopt.not-adopted")?.message).toContain(
      "openai-diagnostics",
    );
  });
});

describe("blocklist items named by content", () => {
  it("a term's item name depends on the term only", () => {
    expect(contentItemName("Project Bluebird", false)).toBe(contentItemName("Project Bluebird", false));
    expect(contentItemName("Project Bluebird", false)).not.toBe(contentItemName("Project Bluebird", true));
    expect(contentItemName("Project Bluebird", false)).toMatch(/^item-[0-9a-f]{16}$/);
  });
});
