/** The public args validate and default as the stack config does, and name the component on error. */
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import {
  AccountPrivateEndpoint,
  OpenAIAccount,
  type OpenAIAccountArgs,
  ResourceGroupBudget,
} from "../components";
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

describe("OpenAIAccount args", () => {
  const chat = {
    name: "chat",
    model: "gpt-4.1",
    version: "2025-04-14",
    sku: "GlobalStandard",
    capacity: 10,
  } as const;

  it("default like the stack config: subdomain from the name, region from the resource group, secure network", async () => {
    const resources = await recordResources(
      () => new OpenAIAccount("a", { name: "AOAI-Team", resourceGroupName: "rg", deployments: [chat] }),
    );
    const [account] = ofType(resources, "cognitiveservices:Account");
    expect(account?.inputs.properties).toMatchObject({
      customSubDomainName: "aoai-team",
      publicNetworkAccess: "Disabled",
      disableLocalAuth: true,
    });
    // Omitted, azure-native takes the resource group's region.
    expect(account?.inputs).not.toHaveProperty("location");
    const [deployment] = ofType(resources, "cognitiveservices:Deployment");
    expect(deployment?.inputs.properties).toMatchObject({
      versionUpgradeOption: "OnceNewDefaultVersionAvailable",
    });
    expect(ofType(resources, "authorization:ManagementLockByScope")).toEqual([]);
  });

  it("lock None registers no lock; CanNotDelete does", async () => {
    const locks = async (lock: "None" | "CanNotDelete") =>
      ofType(
        await recordResources(
          () => new OpenAIAccount("a", { name: "aoai-a", resourceGroupName: "rg", lock }),
        ),
        "authorization:ManagementLockByScope",
      );
    expect(await locks("None")).toEqual([]);
    expect(await locks("CanNotDelete")).toHaveLength(1);
  });

  const refusal = async (args: OpenAIAccountArgs): Promise<{ message: string; custom: number }> => {
    let thrown: unknown;
    const resources = await recordResources(() => {
      try {
        new OpenAIAccount("a", args);
      } catch (error) {
        thrown = error;
      }
    });
    expect(pulumi.ResourceError.isInstance(thrown)).toBe(true);
    return { message: (thrown as Error).message, custom: resources.filter((r) => r.custom).length };
  };

  it("refuse bad input with a ResourceError naming the component and each key path, registering nothing", async () => {
    const fields = await refusal({
      name: "aoai-team",
      resourceGroupName: "rg",
      kind: "Bedrock" as never,
      deployments: [{ ...chat, capacity: 0 }],
    });
    expect(fields.message).toMatch(/^OpenAIAccount a: invalid args/);
    expect(fields.message).toMatch(/kind: "Bedrock": /);
    expect(fields.message).toMatch(
      /deployments\.0\.capacity: 0: GlobalStandard capacity for gpt-4\.1 must be/,
    );
    expect(fields.custom).toBe(0);
    // Rules across fields, as the stack config applies them.
    const across = await refusal({
      name: "aoai_team",
      resourceGroupName: "rg",
      deployments: [{ ...chat, contentFilter: "nope" }],
    });
    expect(across.message).toMatch(/deployments\.0\.contentFilter: "nope": no content filter named "nope"/);
    expect(across.message).toMatch(
      /customSubDomain: \(missing\): the default subdomain "aoai_team" \(the account name\) is not valid/,
    );
    expect(across.custom).toBe(0);
  });
});
