/** What the plan says about adopted resources, from the adopt snapshot (pure). */
import { describe, expect, it } from "vitest";
import { adoptedResources, adoptionFindings } from "../src/adopt/changes";
import type { ObservedState } from "../src/adopt/observed";
import type { PlannedResource } from "../src/plan/resource";

const ID =
  "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/a";

function account(inputs: Record<string, unknown>, importId: string | null = ID): PlannedResource {
  return {
    urn: "urn:pulumi:t::aoai-platform::azure-native:cognitiveservices:Account::a-account",
    type: "azure-native:cognitiveservices:Account",
    name: "a-account",
    custom: true,
    parent: null,
    dependsOn: [],
    dependencies: [],
    protect: false,
    retainOnDelete: false,
    import: importId,
    inputs,
  };
}

const snapshot = (values: Record<string, unknown>): ObservedState => ({
  subscriptionId: "11111111-2222-3333-4444-555555555555",
  resourceGroup: "rg",
  resources: [{ id: ID.toUpperCase(), type: "Microsoft.CognitiveServices/accounts", values }],
  notAdopted: [],
});

describe("adopted resources in the plan", () => {
  it("lists each input the stack changes, in plain words, matching ids case-insensitively", () => {
    const planned = account({ properties: { publicNetworkAccess: "Disabled", disableLocalAuth: true } });
    const [adopted] = adoptedResources(
      [planned],
      snapshot({ "properties.publicNetworkAccess": "Enabled", "properties.disableLocalAuth": true }),
    );
    expect(adopted?.changes).toEqual([
      {
        path: "properties.publicNetworkAccess",
        from: "Enabled",
        to: "Disabled",
        message:
          "disables public network access: every caller outside the account's private endpoints is refused (403)",
      },
    ]);
  });

  it("a subdomain the account has already can never change", () => {
    const [adopted] = adoptedResources(
      [account({ properties: { customSubDomainName: "other" } })],
      snapshot({ "properties.customSubDomainName": "mine" }),
    );
    expect(adopted?.changes[0]?.message).toBe(
      "has the custom subdomain mine, which can never change: set customSubDomain: mine (Azure rejects other)",
    );
  });

  it("without a snapshot, says the current state is unknown; created resources are not adopted", () => {
    const adopted = adoptedResources([account({}), account({}, null)], undefined);
    expect(adopted).toHaveLength(1);
    expect(adoptionFindings(adopted, undefined)).toEqual([
      expect.objectContaining({ rule: "adopt.unknown-current-state", severity: "warning" }),
    ]);
  });
});
