/**
 * Import plumbing and content naming in the components, seen in what they register: Pulumi's
 * `import` with the mutable inputs left as found, blocklist items named by content with an alias
 * from their old index name.
 */
import * as pulumi from "@pulumi/pulumi";
import type { RegisterResourceRequest } from "@pulumi/pulumi/proto/resource_pb";
import { describe, expect, it } from "vitest";
import { ContentFilterSet } from "../components/content-filter/component";
import { contentItemName } from "../components/content-filter/itemName";
import { contentFilterSpecSchema } from "../components/content-filter/spec";
import { LEFT_AS_FOUND_WHILE_IMPORTING } from "../components/facts/adoption";
import { azureMocks } from "../src/plan/azureMocks";

interface Registered {
  type: string;
  name: string;
  importId: string;
  ignoreChanges: string[];
  aliasNames: string[];
}

type Callback = (error: Error | null, response: unknown) => void;

/** Runs `build` under the plan's mocks and keeps the resource options of every registration. */
async function register(build: () => void): Promise<Registered[]> {
  await pulumi.runtime.setMocks(azureMocks("swedencentral"), "aoai-platform", "test", true);
  const monitor = pulumi.runtime.getMonitor() as unknown as {
    registerResource(request: RegisterResourceRequest, callback: Callback): Promise<void>;
  };
  const seen: Registered[] = [];
  const original = monitor.registerResource.bind(monitor);
  monitor.registerResource = (request, callback) => {
    seen.push({
      type: request.getType(),
      name: request.getName(),
      importId: request.getImportid(),
      ignoreChanges: request.getIgnorechangesList(),
      // azure-native adds type aliases (one per API version) without a name; ours rename.
      aliasNames: request
        .getAliasesList()
        .map((a) => a.getSpec()?.getName() ?? "")
        .filter((n) => n !== ""),
    });
    return original(request, callback);
  };
  await pulumi.runtime.runInPulumiStack(async () => {
    build();
    return {};
  });
  await pulumi.runtime.disconnect();
  return seen;
}

const ITEM = "azure-native:cognitiveservices:RaiBlocklistItem";
const LIST_ID =
  "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/a/raiBlocklists/words";

function filters(terms: unknown[]) {
  return [contentFilterSpecSchema.parse({ name: "ff", blocklists: [{ name: "words", terms }] })];
}

describe("blocklist items", () => {
  it("are named by their term, so the same terms in another order register the same resources", async () => {
    const build = (terms: unknown[]) => () =>
      new ContentFilterSet("a-filters", {
        accountName: "a",
        resourceGroupName: "rg",
        filters: filters(terms),
      });
    const forward = await register(build(["alpha", { pattern: "b+", regex: true }]));
    const backward = await register(build([{ pattern: "b+", regex: true }, "alpha"]));
    const names = (r: Registered[]) =>
      r
        .filter((x) => x.type === ITEM)
        .map((x) => x.name)
        .sort();
    expect(names(forward)).toEqual(names(backward));
    expect(names(forward)).toEqual(
      [
        `a-filters-blocklist-words-${contentItemName("alpha", false)}`,
        `a-filters-blocklist-words-${contentItemName("b+", true)}`,
      ].sort(),
    );
    // Stacks deployed before content naming find each item under its old positional names.
    expect(forward.filter((x) => x.type === ITEM).map((x) => x.aliasNames)).toEqual([
      ["a-filters-ff-words-0", "a-filters-blocklist-words-item-0"],
      ["a-filters-ff-words-1", "a-filters-blocklist-words-item-1"],
    ]);
  });

  it("an adopted blocklist and item are imported by id, their settings left as found while importing", async () => {
    const seen = await register(
      () =>
        new ContentFilterSet("a-filters", {
          accountName: "a",
          resourceGroupName: "rg",
          filters: [
            contentFilterSpecSchema.parse({
              name: "ff",
              blocklists: [
                {
                  name: "words",
                  import: LIST_ID,
                  terms: [{ pattern: "alpha", import: `${LIST_ID}/raiBlocklistItems/myItem` }],
                },
              ],
            }),
          ],
        }),
    );
    const list = seen.find((x) => x.type === "azure-native:cognitiveservices:RaiBlocklist");
    expect(list).toMatchObject({
      importId: LIST_ID,
      ignoreChanges: [...LEFT_AS_FOUND_WHILE_IMPORTING.raiBlocklist],
    });
    const item = seen.find((x) => x.type === ITEM);
    expect(item).toMatchObject({
      name: "a-filters-blocklist-words-myItem",
      importId: `${LIST_ID}/raiBlocklistItems/myItem`,
    });
    const policy = seen.find((x) => x.type === "azure-native:cognitiveservices:RaiPolicy");
    expect(policy).toMatchObject({ importId: "", ignoreChanges: [] });
  });
});
