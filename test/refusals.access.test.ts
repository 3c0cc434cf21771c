/** Access cases Azure or Entra would refuse or rewrite, refused or built right. */
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { PlatformAccess } from "../components/access/component";
import { uniqueNames } from "../components/access/names";
import { requirePrincipalId } from "../components/access/roleAssignment";
import { ofType, recordResources } from "./support/mockRun";
import { minimalConfig, problemsOf } from "./support/stackConfig";

const SUB = "00000000-0000-0000-0000-000000000000";
const KEY_SUB = "5a0e2c4d-9b7f-4e13-a8c6-2d1f0b3e7a95";
const RG_ID = `/subscriptions/${SUB}/resourceGroups/rg`;
const ACCOUNT_A = { name: "aoai-a", id: `${RG_ID}/providers/Microsoft.CognitiveServices/accounts/aoai-a` };
const base = {
  resourceGroupName: "rg",
  resourceGroupId: RG_ID,
  location: "swedencentral",
  accounts: [ACCOUNT_A],
};

describe("customer-managed key in another subscription", () => {
  it("the key vault grant names the role definition in the vault's subscription, not the stack's", async () => {
    const vault = `/subscriptions/${KEY_SUB}/resourceGroups/rg-keys/providers/Microsoft.KeyVault/vaults/kv-central`;
    const resources = await recordResources(
      () =>
        new PlatformAccess("acc", {
          ...base,
          accounts: [{ ...ACCOUNT_A, principalId: "4f5d6e7a-1b2c-4d3e-8f9a-0b1c2d3e4f5a" }],
          keyVaultGrants: [{ account: "aoai-a", keyVaultId: vault }],
        }),
    );
    const [grant] = ofType(resources, "authorization:RoleAssignment");
    expect(grant?.inputs.roleDefinitionId).toBe(
      `/subscriptions/${KEY_SUB}/providers/Microsoft.Authorization/roleDefinitions/e147488a-f6f5-4113-8e2d-b22465e65bf6`,
    );
  });
});

describe("missing principal ids", () => {
  it("a principal id that resolves empty fails naming the principal, not with a TypeError", () => {
    const check = requirePrincipalId('existing Entra group "aoai-prod-model-admins"', "acc-grp-admins");
    expect(() => check(undefined)).toThrow(
      /^existing Entra group "aoai-prod-model-admins" has no object id, so its role assignment acc-grp-admins cannot be created/,
    );
    expect(() => check(" ")).toThrow(pulumi.RunError);
    expect(check("3f2a0000-0000-4000-8000-000000000000")).toBe("3f2a0000-0000-4000-8000-000000000000");
  });

  it("a looked-up group's object id reaches its role assignment unchanged", async () => {
    // Under the plan's mocks a looked-up group has an object id: the assignment carries it unchanged.
    const groups = [{ displayName: "aoai-prod-model-admins", existing: true, roles: ["openai-contributor"] }];
    const resources = await recordResources(() => new PlatformAccess("acc", { ...base, groups }));
    const [assignment] = ofType(resources, "authorization:RoleAssignment");
    expect(assignment?.inputs.principalId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("GitHub deploy identity branch", () => {
  it("refuses a full ref as the branch, which would become ref:refs/heads/refs/heads/main", () => {
    const config = {
      ...minimalConfig(),
      access: {
        ciDeployIdentity: {
          displayName: "gh-deploy",
          github: { repository: "contoso/aoai-platform", branch: "refs/heads/main" },
        },
      },
    };
    expect(problemsOf(config)).toEqual([
      'aoai-platform:access.ciDeployIdentity.github.branch: "refs/heads/main": give the branch name only (e.g. "main"), not a ref: the federated subject is built as ref:refs/heads/<branch>',
    ]);
  });
});

describe("access children never share a name", () => {
  it("keeps names only one resource has; suffixes shared ones by their key, aliasing the first to the old name", () => {
    expect(
      uniqueNames([
        { base: "acc-grp-AOAI-Ops", key: "group|AOAI Ops" },
        { base: "acc-grp-other", key: "group|other" },
        { base: "acc-grp-AOAI-Ops", key: "group|AOAI-Ops" },
      ]),
    ).toEqual([
      { name: expect.stringMatching(/^acc-grp-AOAI-Ops-[0-9a-f]{10}$/), alias: "acc-grp-AOAI-Ops" },
      { name: "acc-grp-other" },
      { name: expect.stringMatching(/^acc-grp-AOAI-Ops-[0-9a-f]{10}$/) },
    ]);
    const [a, , b] = uniqueNames([
      { base: "x", key: "1" },
      { base: "y", key: "2" },
      { base: "x", key: "3" },
    ]);
    expect(a?.name).not.toBe(b?.name);
  });

  it('groups "AOAI Ops" and "AOAI-Ops" get distinct groups and role assignments', async () => {
    const entries = ["AOAI Ops", "AOAI-Ops"].map((displayName) => ({
      displayName,
      roles: ["Monitoring Reader"],
      scope: "resourceGroup" as const,
    }));
    // recordResources refuses duplicate URNs, as the engine does.
    const resources = await recordResources(() => new PlatformAccess("acc", { ...base, groups: entries }));
    const groups = resources.filter((r) => r.type === "azuread:index/group:Group");
    expect(groups.map((g) => String(g.inputs.displayName)).sort()).toEqual(["AOAI Ops", "AOAI-Ops"]);
    expect(new Set(groups.map((g) => g.name)).size).toBe(2);
    expect(ofType(resources, "authorization:RoleAssignment")).toHaveLength(2);
  });
});
