/**
 * Defender for AI on the account (issue 13, section 3): `accounts[i].defenderForAI` (on by default in
 * prod) registers the account's `defenderForAISettings/Default` with state Enabled, after the account's
 * last chained operation, and the plan checks it against the 2025-06-01 spec.
 */
import { describe, expect, it } from "vitest";
import type { OpenAIAccountArgs } from "../components/account/args";
import { OpenAIAccount } from "../components/account/component";
import { accountSpecSchema } from "../components/account/spec";
import { DEFENDER_FOR_AI_SETTING } from "../components/facts/defender";
import { defenderForAIOn } from "../policy/rules/account";
import type { ResourceView } from "../policy/rules/types";
import { resolveAccounts } from "../src/config/schema";
import { ofType, recordResources } from "./support/mockRun";

function accountArgs(overrides: Partial<OpenAIAccountArgs> = {}): OpenAIAccountArgs {
  return {
    name: "aoai-test",
    resourceGroupName: "rg",
    location: "swedencentral",
    deployments: [
      { name: "chat", model: "gpt-4.1", version: "2025-04-14", sku: "GlobalStandard", capacity: 10 },
      { name: "emb", model: "text-embedding-3-small", version: "1", sku: "Standard", capacity: 5 },
    ],
    ...overrides,
  };
}

describe("accounts[i].defenderForAI", () => {
  const parsed = [accountSpecSchema.parse({ name: "aoai-a" })];
  it("defaults to on in prod and off elsewhere; an explicit value wins", () => {
    expect(resolveAccounts(parsed, "swedencentral", "prod")[0]?.defenderForAI).toBe(true);
    expect(resolveAccounts(parsed, "swedencentral", "dev")[0]?.defenderForAI).toBe(false);
    expect(resolveAccounts(parsed, "swedencentral", "test")[0]?.defenderForAI).toBe(false);
    const off = [accountSpecSchema.parse({ name: "aoai-a", defenderForAI: false })];
    expect(resolveAccounts(off, "swedencentral", "prod")[0]?.defenderForAI).toBe(false);
    const on = [accountSpecSchema.parse({ name: "aoai-a", defenderForAI: true })];
    expect(resolveAccounts(on, "swedencentral", "dev")[0]?.defenderForAI).toBe(true);
  });

  it("refuses a value that is not a boolean", () => {
    expect(accountSpecSchema.safeParse({ name: "aoai-a", defenderForAI: "On" }).success).toBe(false);
  });
});

describe("OpenAIAccount with defenderForAI", () => {
  it("registers defenderForAISettings/Default Enabled after the last deployment, before the lock", async () => {
    const resources = await recordResources(
      () => new OpenAIAccount("a", accountArgs({ defenderForAI: true, lock: "CanNotDelete" })),
    );
    const [setting, ...more] = ofType(resources, "resources:Resource");
    expect(more).toEqual([]);
    expect(setting?.name).toBe("a-defender-for-ai");
    expect(setting?.inputs).toEqual({
      resourceGroupName: "rg",
      resourceProviderNamespace: "Microsoft.CognitiveServices",
      parentResourcePath: "accounts/aoai-test",
      resourceType: "defenderForAISettings",
      resourceName: "Default",
      apiVersion: "2025-06-01",
      properties: { state: "Enabled" },
    });
    expect(DEFENDER_FOR_AI_SETTING).toMatchObject({ resourceName: "Default", apiVersion: "2025-06-01" });
    // A child of the OpenAIAccount component, beside the account resource.
    const [account] = ofType(resources, "cognitiveservices:Account");
    expect(setting?.parent).toBeTruthy();
    expect(setting?.parent).toBe(account?.parent);
    const emb = ofType(resources, "cognitiveservices:Deployment").find(
      (d) => d.inputs.deploymentName === "emb",
    );
    expect(setting?.dependsOn).toEqual([emb?.urn]);
    // One operation on the account at a time: the lock comes after the setting.
    const [lock] = ofType(resources, "authorization:ManagementLockByScope");
    expect(lock?.dependsOn).toEqual([setting?.urn]);
  });

  it("registers nothing when off", async () => {
    const resources = await recordResources(() => new OpenAIAccount("a", accountArgs()));
    expect(ofType(resources, "resources:Resource")).toEqual([]);
  });
});

describe("rule aoai-defender-for-ai", () => {
  const view = (type: string, name: string, inputs: Record<string, unknown>): ResourceView => ({
    urn: `urn:${name}`,
    type,
    name,
    inputs,
    protect: false,
    parent: null,
    dependencies: [],
  });
  const account = view("azure-native:cognitiveservices:Account", "a", { accountName: "aoai-a" });
  const setting = (overrides: Record<string, unknown> = {}) =>
    view("azure-native:resources:Resource", "a-defender-for-ai", {
      resourceProviderNamespace: "Microsoft.CognitiveServices",
      parentResourcePath: "accounts/aoai-a",
      resourceType: "defenderForAISettings",
      resourceName: "Default",
      apiVersion: "2025-06-01",
      properties: { state: "Enabled" },
      ...overrides,
    });
  const messages = (resources: ResourceView[]) =>
    defenderForAIOn.check(resources, { environment: "prod", requiredTags: [] }).map((v) => v.message);

  it("is mandatory in prod only", () => {
    expect(defenderForAIOn.enforcement).toMatchObject({ prod: "mandatory", dev: "disabled" });
  });

  it("passes an account with its setting Enabled; flags one without, Disabled, or another account's", () => {
    expect(messages([account, setting()])).toEqual([]);
    expect(messages([account])).toEqual([expect.stringMatching(/^aoai-a: Defender for AI is off/)]);
    expect(messages([account, setting({ properties: { state: "Disabled" } })])).toHaveLength(1);
    expect(messages([account, setting({ parentResourcePath: "accounts/aoai-b" })])).toHaveLength(1);
    expect(messages([account, setting({ resourceType: "encryptionScopes" })])).toHaveLength(1);
  });
});
