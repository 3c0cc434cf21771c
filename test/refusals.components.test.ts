/** What Pulumi's engine or Azure would refuse, refused by the components and the plan's recorder. */

import * as pulumi from "@pulumi/pulumi";
import type { RegisterResourceRequest } from "@pulumi/pulumi/proto/resource_pb";
import { describe, expect, it } from "vitest";
import type { OpenAIAccountArgs } from "../components/account/args";
import { OpenAIAccount } from "../components/account/component";
import { accountSpecSchema } from "../components/account/spec";
import { ContentFilterSet } from "../components/content-filter/component";
import { contentItemName } from "../components/content-filter/itemName";
import { raiPolicyProperties } from "../components/content-filter/settings";
import { contentFilterSpecSchema } from "../components/content-filter/spec";
import { PlatformResourceGroup } from "../components/resource-group/component";
import { azureMocks } from "../src/plan/azureMocks";
import { recordRegistrations } from "../src/plan/recorder";
import { ofType, recordResources } from "./support/mockRun";

const filters = (raw: unknown[]) => raw.map((f) => contentFilterSpecSchema.parse(f));

/** The account's args from config, as the program passes them (string terms parse to objects). */
function accountSpec(contentFilters: unknown[]): OpenAIAccountArgs {
  const spec = accountSpecSchema.parse({ name: "aoai-test", contentFilters });
  return { ...spec, location: "swedencentral", resourceGroupName: "rg" };
}

/** Registrations and the structured aliases each request carried, by resource name. */
async function aliasesByName(build: () => void): Promise<Map<string, string[]>> {
  await pulumi.runtime.setMocks(azureMocks("swedencentral"), "aoai-platform", "test", true);
  recordRegistrations();
  const monitor = pulumi.runtime.getMonitor() as unknown as {
    registerResource: (request: RegisterResourceRequest, callback: unknown) => Promise<void>;
  };
  const register = monitor.registerResource.bind(monitor);
  const aliases = new Map<string, string[]>();
  monitor.registerResource = (request, callback) => {
    aliases.set(
      request.getName(),
      request
        .getAliasesList()
        .map((alias) => alias.getSpec()?.getName() ?? "")
        .filter((name) => name !== ""),
    );
    return register(request, callback);
  };
  await pulumi.runtime.runInPulumiStack(async () => {
    build();
    return {};
  });
  await pulumi.runtime.disconnect();
  return aliases;
}

describe("duplicate URNs", () => {
  it("the recorder refuses a program that registers one URN twice, with the engine's message", async () => {
    await expect(
      recordResources(() => {
        new PlatformResourceGroup("rg", { name: "rg-a", location: "swedencentral" });
        new PlatformResourceGroup("rg", { name: "rg-b", location: "swedencentral" });
      }),
    ).rejects.toThrow(
      /^Duplicate resource URN 'urn:pulumi:test::aoai-platform::aoai-platform:index:PlatformResourceGroup::rg'; try giving it a unique name$/m,
    );
  });

  it("filter strict with blocklist codes-eu and filter strict-codes with blocklist eu get distinct resources", async () => {
    const spec = accountSpec([
      { name: "strict", blocklists: [{ name: "codes-eu", terms: ["a"] }] },
      { name: "strict-codes", blocklists: [{ name: "eu", terms: ["b"] }] },
    ]);
    const resources = await recordResources(() => new OpenAIAccount("a", spec));
    // recordResources refuses duplicate URNs like the engine; the names must differ too.
    expect(new Set(resources.map((r) => r.urn)).size).toBe(resources.length);
    const lists = ofType(resources, "cognitiveservices:RaiBlocklist").map((r) => r.inputs.raiBlocklistName);
    expect(lists).toEqual(["codes-eu", "eu"]);
    const items = ofType(resources, "cognitiveservices:RaiBlocklistItem").map((r) => r.inputs.properties);
    expect(items).toEqual([
      { pattern: "a", isRegex: false },
      { pattern: "b", isRegex: false },
    ]);
  });

  it("renamed blocklists and items keep their old names as aliases, so deployed stacks do not replace them", async () => {
    const aliases = await aliasesByName(
      () =>
        new ContentFilterSet("a-filters", {
          accountName: "aoai-test",
          resourceGroupName: "rg",
          filters: filters([{ name: "strict", blocklists: [{ name: "codes", terms: ["x", "y"] }] }]),
        }),
    );
    // The names the previous release registered: `${set}-${filter}-${blocklist}` and `...-${index}`.
    expect(aliases.get("a-filters-blocklist-codes")).toEqual(["a-filters-strict-codes"]);
    // Items are named by their term now; they alias the positional names of before, per filter and per account.
    expect(aliases.get(`a-filters-blocklist-codes-${contentItemName("x", false)}`)).toEqual([
      "a-filters-strict-codes-0",
      "a-filters-blocklist-codes-item-0",
    ]);
    expect(aliases.get(`a-filters-blocklist-codes-${contentItemName("y", false)}`)).toEqual([
      "a-filters-strict-codes-1",
      "a-filters-blocklist-codes-item-1",
    ]);
    // RAI policies keep their names: no alias needed.
    expect(aliases.get("a-filters-strict")).toEqual([]);
  });
});

describe("blocklists belong to the account", () => {
  it("two filters declaring the same blocklist identically share one blocklist resource", async () => {
    const spec = accountSpec([
      { name: "one", blocklists: [{ name: "codes", terms: ["x"], appliesTo: "prompt" }] },
      { name: "two", blocklists: [{ name: "codes", terms: ["x"] }] },
    ]);
    const resources = await recordResources(() => new OpenAIAccount("a", spec));
    expect(ofType(resources, "cognitiveservices:RaiBlocklist")).toHaveLength(1);
    expect(ofType(resources, "cognitiveservices:RaiBlocklistItem")).toHaveLength(1);
    const policies = ofType(resources, "cognitiveservices:RaiPolicy").map(
      (p) => (p.inputs.properties as { customBlocklists: unknown[] }).customBlocklists,
    );
    expect(policies).toEqual([
      [{ blocklistName: "codes", source: "Prompt", blocking: true }],
      [
        { blocklistName: "codes", source: "Prompt", blocking: true },
        { blocklistName: "codes", source: "Completion", blocking: true },
      ],
    ]);
  });

  it("the component refuses two different definitions of one account blocklist, naming both filters", () => {
    // Refused before it registers anything, so no engine is needed to see it.
    expect(
      () =>
        new ContentFilterSet("a-filters", {
          accountName: "aoai-test",
          resourceGroupName: "rg",
          filters: filters([
            { name: "one", blocklists: [{ name: "codes", terms: ["x"] }] },
            { name: "two", blocklists: [{ name: "Codes", terms: ["y"] }] },
          ]),
        }),
    ).toThrow(/content filters "one" and "two" both declare blocklist "Codes"/);
  });
});

describe("content filter request body", () => {
  it("a category set to Off is sent disabled with a severity threshold, as Azure's example request does", () => {
    const props = raiPolicyProperties(
      contentFilterSpecSchema.parse({ name: "cf", categories: { hate: { prompt: "Off" } } }),
    );
    expect(props.contentFilters.find((f) => f.name === "Hate" && f.source === "Prompt")).toEqual({
      name: "Hate",
      source: "Prompt",
      enabled: false,
      blocking: false,
      severityThreshold: "High",
    });
  });
});
