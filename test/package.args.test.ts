/** The public args validate and default as the stack config does, and name the component on error. */
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { AccountPrivateEndpoint, ResourceGroupBudget } from "../components";
import { ofType, recordResources } from "./support/mockRun";

const RG = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aoai";

describe("ResourceGroupBudget args", () => {
  it("default like the stack config: three notifications when none are given", async () => {
    const resources = await recordResources(
      () =>
        new ResourceGroupBudget("b", {
          name: "budget-aoai",
          amount: 100,
          startDate: "2026-12-01",
          resourceGroupId: RG,
        }),
    );
    const [budget] = ofType(resources, "consumption:Budget");
    expect(Object.keys(budget?.inputs.notifications as object)).toHaveLength(3);
  });

  it("refuse bad input with a ResourceError naming the component, each key path, value and rule", async () => {
    let thrown: unknown;
    const resources = await recordResources(() => {
      try {
        new ResourceGroupBudget("b", {
          name: "budget-aoai",
          amount: -5,
          startDate: "2026-12-15",
          notifications: [{ threshold: 80, type: "Sometimes" }],
          resourceGroupId: RG,
        });
      } catch (error) {
        thrown = error;
      }
    });
    expect(pulumi.ResourceError.isInstance(thrown)).toBe(true);
    const message = (thrown as Error).message;
    expect(message).toMatch(/^ResourceGroupBudget b: invalid args/);
    expect(message).toContain("amount: -5: must be more than 0");
    expect(message).toMatch(/startDate: "2026-12-15": must be the first of a month/);
    expect(message).toMatch(/notifications\.0\.type: "Sometimes": /);
    expect(ofType(resources, "consumption:Budget")).toEqual([]);
  });
});

describe("validateArgs errors", () => {
  it("never print a credential-bearing value or an output, and still name the key path", async () => {
    const webhook = "https://hooks.example.com/services/T0/B0?token=abc123secretvalue";
    let thrown: unknown;
    await recordResources(() => {
      try {
        new ResourceGroupBudget("b", {
          name: pulumi.secret("budget-aoai") as unknown as string,
          amount: 100,
          startDate: "2026-12-01",
          contactEmails: [webhook],
          resourceGroupId: RG,
        });
      } catch (error) {
        thrown = error;
      }
    });
    const message = (thrown as Error).message;
    expect(message).toMatch(/contactEmails\.0: \[secret\]: /);
    expect(message).toMatch(/name: \(an output value\): /);
    expect(message).not.toContain("abc123secretvalue");
    expect(message).not.toContain("hooks.example.com");
  });
});

describe("AccountPrivateEndpoint args", () => {
  const endpoint = {
    accountName: "aoai-x",
    accountId: `${RG}/providers/Microsoft.CognitiveServices/accounts/aoai-x`,
    location: "swedencentral",
    resourceGroupName: "rg-aoai",
    subnetId: `${RG}/providers/Microsoft.Network/virtualNetworks/vnet/subnets/snet`,
  };

  it("refuse an endpoint without DNS zones unless the zone group is policy-managed", async () => {
    let thrown: unknown;
    await recordResources(() => {
      try {
        new AccountPrivateEndpoint("pe", endpoint);
      } catch (error) {
        thrown = error;
      }
    });
    expect(pulumi.ResourceError.isInstance(thrown)).toBe(true);
    expect((thrown as Error).message).toMatch(/^AccountPrivateEndpoint pe: dnsZoneIds: \(missing\): /);
    const resources = await recordResources(
      () => new AccountPrivateEndpoint("pe", { ...endpoint, dnsZoneGroup: "policy-managed" }),
    );
    expect(ofType(resources, "network:PrivateEndpoint")).toHaveLength(1);
    expect(ofType(resources, "network:PrivateDnsZoneGroup")).toEqual([]);
  });
});
