import { describe, expect, it } from "vitest";
import type { ModelDeployment, OpenAIAccountArgs } from "../components/account/args";
import { OpenAIAccount } from "../components/account/component";
import { raiPolicyProperties } from "../components/content-filter/settings";
import { contentFilterSpecSchema } from "../components/content-filter/spec";
import { PlatformResourceGroup } from "../components/resource-group/component";
import { ofType, recordResources, resolved } from "./support/mockRun";

const DEPLOYMENTS: ModelDeployment[] = [
  { name: "chat", model: "gpt-4.1", version: "2025-04-14", sku: "GlobalStandard", capacity: 10 },
  { name: "mini", model: "gpt-4.1-mini", version: "2025-04-14", sku: "GlobalStandard", capacity: 10 },
  { name: "emb", model: "text-embedding-3-small", version: "1", sku: "Standard", capacity: 5 },
];

/** The public args as a consumer writes them: no location, no subdomain (the component defaults them). */
function accountArgs(overrides: Partial<OpenAIAccountArgs> = {}): OpenAIAccountArgs {
  return { name: "aoai-test", resourceGroupName: "rg", deployments: [...DEPLOYMENTS], ...overrides };
}

describe("OpenAIAccount", () => {
  it("creates the account with secure defaults and no keys in its outputs", async () => {
    let account: OpenAIAccount | undefined;
    const resources = await recordResources(() => {
      account = new OpenAIAccount("a", accountArgs());
    });
    const [created] = ofType(resources, "cognitiveservices:Account");
    expect(created?.inputs).toMatchObject({
      accountName: "aoai-test",
      kind: "OpenAI",
      sku: { name: "S0" },
      identity: { type: "SystemAssigned" },
      properties: {
        customSubDomainName: "aoai-test",
        disableLocalAuth: true,
        publicNetworkAccess: "Disabled",
        networkAcls: { defaultAction: "Deny", ipRules: [] },
        restrictOutboundNetworkAccess: true,
      },
    });
    expect(created?.protect).toBe(false);
    expect(await resolved(account?.endpoint as never)).toBe("https://aoai-test.openai.azure.com/");
    const outputKeys = Object.keys(account ?? {}).join(",");
    expect(outputKeys).not.toMatch(/key/i);
  });

  it("chains deployments in config order, each after the one before", async () => {
    const resources = await recordResources(() => new OpenAIAccount("a", accountArgs()));
    const deployments = ofType(resources, "cognitiveservices:Deployment");
    const byName = new Map(deployments.map((d) => [d.inputs.deploymentName, d]));
    expect(byName.get("chat")?.dependsOn).toEqual([]);
    expect(byName.get("mini")?.dependsOn).toEqual([byName.get("chat")?.urn]);
    expect(byName.get("emb")?.dependsOn).toEqual([byName.get("mini")?.urn]);
    expect(byName.get("chat")?.inputs).toMatchObject({
      properties: {
        model: { format: "OpenAI", name: "gpt-4.1", version: "2025-04-14" },
        raiPolicyName: "Microsoft.DefaultV2",
        versionUpgradeOption: "OnceNewDefaultVersionAvailable",
      },
      sku: { name: "GlobalStandard", capacity: 10 },
    });
  });

  it("keeps two accounts' chains independent (parallel across accounts)", async () => {
    const resources = await recordResources(() => {
      new OpenAIAccount("a", accountArgs());
      new OpenAIAccount("b", accountArgs({ name: "aoai-b" }));
    });
    const deployments = ofType(resources, "cognitiveservices:Deployment");
    const accountOf = new Map(deployments.map((d) => [d.urn, d.inputs.accountName]));
    for (const d of deployments) {
      for (const dep of d.dependsOn) expect(accountOf.get(dep)).toBe(d.inputs.accountName);
    }
    expect(deployments.filter((d) => d.dependsOn.length === 0)).toHaveLength(2);
  });

  it("orders content filters and blocklists before the first deployment, one operation at a time", async () => {
    const args = accountArgs({
      contentFilters: [
        {
          name: "strict",
          preset: "strict",
          blocklists: [{ name: "words", terms: [{ pattern: "a" }, { pattern: "b+", regex: true }] }],
        },
      ],
      deployments: DEPLOYMENTS.map((d) => (d.name === "chat" ? { ...d, contentFilter: "strict" } : d)),
    });
    const resources = await recordResources(() => new OpenAIAccount("a", args));
    const [list] = ofType(resources, "cognitiveservices:RaiBlocklist");
    const items = ofType(resources, "cognitiveservices:RaiBlocklistItem");
    const [policy] = ofType(resources, "cognitiveservices:RaiPolicy");
    const chat = ofType(resources, "cognitiveservices:Deployment").find(
      (d) => d.inputs.deploymentName === "chat",
    );
    expect(items.map((i) => i.inputs.properties)).toEqual([
      { pattern: "a", isRegex: false },
      { pattern: "b+", isRegex: true },
    ]);
    expect(items[0]?.dependencies).toContain(list?.urn);
    expect(items[1]?.dependsOn).toEqual([items[0]?.urn]);
    expect(policy?.dependsOn).toEqual([items[1]?.urn]);
    // The first deployment waits for the policy (explicitly and through raiPolicyName).
    expect(chat?.dependencies).toContain(policy?.urn);
    expect(chat?.inputs.properties).toMatchObject({ raiPolicyName: "strict" });
  });

  it("passes protect and retainOnDelete to the account resource only", async () => {
    const resources = await recordResources(
      () => new OpenAIAccount("a", accountArgs({ protect: true, retainOnDelete: true })),
    );
    expect(ofType(resources, "cognitiveservices:Account")[0]).toMatchObject({
      protect: true,
      retainOnDelete: true,
    });
    const deployments = ofType(resources, "cognitiveservices:Deployment");
    expect(deployments.every((d) => d.protect === false && d.retainOnDelete === false)).toBe(true);
  });

  it("hands component resource options down to its children", async () => {
    const resources = await recordResources(() => new OpenAIAccount("a", accountArgs(), { protect: true }));
    expect(resources.filter((r) => r.custom).every((r) => r.protect)).toBe(true);
  });

  it("applies open network settings only when the spec asks", async () => {
    const args = accountArgs({
      publicNetworkAccess: "Enabled",
      networkAcls: { ipRules: ["203.0.113.0/24"], bypass: "AzureServices" },
      outbound: { restrict: false },
      localAuthEnabled: true,
      customerManagedKey: { keyVaultUri: "https://kv-contoso.vault.azure.net/", keyName: "k" },
    });
    const resources = await recordResources(() => new OpenAIAccount("a", args));
    expect(ofType(resources, "cognitiveservices:Account")[0]?.inputs.properties).toMatchObject({
      publicNetworkAccess: "Enabled",
      disableLocalAuth: false,
      networkAcls: { defaultAction: "Deny", bypass: "AzureServices", ipRules: [{ value: "203.0.113.0/24" }] },
      restrictOutboundNetworkAccess: false,
      encryption: { keySource: "Microsoft.KeyVault", keyVaultProperties: { keyName: "k" } },
    });
  });

  it("leaves encryption off while a customer-managed key is in its grant-only phase", async () => {
    const args = accountArgs({
      customerManagedKey: {
        keyVaultUri: "https://kv-contoso.vault.azure.net/",
        keyName: "k",
        encrypt: false,
      },
    });
    const resources = await recordResources(() => new OpenAIAccount("a", args));
    const properties = ofType(resources, "cognitiveservices:Account")[0]?.inputs.properties as Record<
      string,
      unknown
    >;
    expect(properties.encryption).toBeUndefined();
    expect(properties.disableLocalAuth).toBe(true);
  });

  it("maps each model to all its deployments, in config order", async () => {
    let account: OpenAIAccount | undefined;
    const chat = DEPLOYMENTS[0] as ModelDeployment;
    await recordResources(() => {
      account = new OpenAIAccount(
        "a",
        accountArgs({ deployments: [...DEPLOYMENTS, { ...chat, name: "chat-2" }] }),
      );
    });
    expect(await resolved(account?.modelDeployments as never)).toEqual({
      "gpt-4.1": ["chat", "chat-2"],
      "gpt-4.1-mini": ["mini"],
      "text-embedding-3-small": ["emb"],
    });
  });
});

describe("content filter settings", () => {
  it("the default preset is Microsoft's default policy", () => {
    const props = raiPolicyProperties(contentFilterSpecSchema.parse({ name: "df" }));
    const hate = props.contentFilters.filter((f) => f.name === "Hate");
    expect(hate).toEqual([
      { name: "Hate", source: "Prompt", enabled: true, blocking: true, severityThreshold: "Medium" },
      { name: "Hate", source: "Completion", enabled: true, blocking: true, severityThreshold: "Medium" },
    ]);
    expect(props.contentFilters.find((f) => f.name === "Jailbreak")).toMatchObject({
      source: "Prompt",
      enabled: true,
    });
    expect(props.contentFilters.find((f) => f.name === "Protected Material Code")).toMatchObject({
      source: "Completion",
      enabled: true,
    });
    expect(props.basePolicyName).toBe("Microsoft.DefaultV2");
  });

  it("overrides apply on top of the preset; Off disables a filter", () => {
    const props = raiPolicyProperties(
      contentFilterSpecSchema.parse({
        name: "cf",
        preset: "strict",
        categories: { violence: { completion: "High" }, hate: { prompt: "Off" } },
        indirectAttack: false,
        blocklists: [{ name: "bl", terms: ["x"], appliesTo: "prompt" }],
      }),
    );
    const find = (name: string, source: string) =>
      props.contentFilters.find((f) => f.name === name && f.source === source);
    expect(find("Violence", "Completion")?.severityThreshold).toBe("High");
    expect(find("Violence", "Prompt")?.severityThreshold).toBe("Low");
    expect(find("Hate", "Prompt")).toEqual({
      name: "Hate",
      source: "Prompt",
      enabled: false,
      blocking: false,
      severityThreshold: "High",
    });
    expect(find("Indirect Attack", "Prompt")?.enabled).toBe(false);
    expect(props.customBlocklists).toEqual([{ blocklistName: "bl", source: "Prompt", blocking: true }]);
  });
});

describe("PlatformResourceGroup", () => {
  it("creates a group with tags", async () => {
    let group: PlatformResourceGroup | undefined;
    const resources = await recordResources(() => {
      group = new PlatformResourceGroup("rg", { name: "rg-x", location: "swedencentral", tags: { a: "b" } });
    });
    expect(ofType(resources, "resources:ResourceGroup")[0]?.inputs).toEqual({
      resourceGroupName: "rg-x",
      location: "swedencentral",
      tags: { a: "b" },
    });
    expect(await resolved(group?.id as never)).toBe(
      "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-x",
    );
  });

  it("references an existing group without creating one", async () => {
    let group: PlatformResourceGroup | undefined;
    const resources = await recordResources(() => {
      group = new PlatformResourceGroup("rg", {
        name: "rg-shared",
        location: "swedencentral",
        existing: true,
      });
    });
    expect(ofType(resources, "resources:ResourceGroup")).toEqual([]);
    expect(await resolved(group?.name as never)).toBe("rg-shared");
  });
});
