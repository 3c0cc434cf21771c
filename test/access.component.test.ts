import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import type { PlatformAccessArgs } from "../components/access/args";
import { PlatformAccess } from "../components/access/component";
import { roleAssignmentName } from "../components/access/roleAssignmentName";
import type { PlannedResource } from "../src/plan/resource";
import { ofType, recordResources, resolved } from "./support/mockRun";

const SUB = "00000000-0000-0000-0000-000000000000";
const RG_ID = `/subscriptions/${SUB}/resourceGroups/rg`;
const accountId = (name: string) => `${RG_ID}/providers/Microsoft.CognitiveServices/accounts/${name}`;
const ROLE_IDS = {
  openAiUser: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/5e0bd9bd-7b93-4f28-af87-19fc36ad61bd`,
  monitoringReader: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/43d0d8ad-25c7-4714-9337-8ba259a9fe05`,
  keyVaultCrypto: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/e147488a-f6f5-4113-8e2d-b22465e65bf6`,
  contributor: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/b24988ac-6180-42a0-ab88-20f7382dd24c`,
  rbacAdmin: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/f58310d9-a9f6-439a-9e8d-f62e7b41a168`,
};
const EXISTING_SP = "aee83979-1af6-47f8-8b07-8ae0ef4cdf1f";

function args(access: Partial<PlatformAccessArgs>): PlatformAccessArgs {
  return {
    resourceGroupName: "rg",
    resourceGroupId: RG_ID,
    location: "swedencentral",
    accounts: ["aoai-a", "aoai-b"].map((name) => ({ name, id: accountId(name) })),
    ...access,
  };
}

const assignments = (resources: readonly PlannedResource[]) =>
  ofType(resources, "authorization:RoleAssignment");
const inputsOf = (resources: readonly PlannedResource[]) => assignments(resources).map((r) => r.inputs);

describe("PlatformAccess", () => {
  it("creates a managed identity and gives it its role on every account, named by GUID of (scope, principal, role)", async () => {
    let access: PlatformAccess | undefined;
    const resources = await recordResources(() => {
      access = new PlatformAccess("acc", args({ identities: [{ name: "id-app", roles: ["openai-user"] }] }));
    });
    const [identity] = ofType(resources, "managedidentity:UserAssignedIdentity");
    expect(identity?.inputs).toMatchObject({
      resourceName: "id-app",
      resourceGroupName: "rg",
      location: "swedencentral",
    });
    const outputs = access?.managedIdentities["id-app"];
    const principalId: string = await resolved(outputs?.principalId as never);
    expect(await resolved(outputs?.clientId as never)).toMatch(/^[0-9a-f-]{36}$/);
    expect(inputsOf(resources)).toEqual(
      ["aoai-a", "aoai-b"].map((account) => ({
        scope: accountId(account),
        principalId,
        principalType: "ServicePrincipal",
        roleDefinitionId: ROLE_IDS.openAiUser,
        roleAssignmentName: roleAssignmentName(
          accountId(account),
          principalId,
          "5e0bd9bd-7b93-4f28-af87-19fc36ad61bd",
        ),
      })),
    );
    for (const assignment of assignments(resources))
      expect(assignment.parent).toBe(
        resources.find((r) => r.type === "aoai-platform:index:PlatformAccess")?.urn,
      );
  });

  it("gives the same names on a second run of the same config", async () => {
    const names = async () =>
      inputsOf(
        await recordResources(
          () =>
            new PlatformAccess(
              "acc",
              args({ identities: [{ name: "id-app", roles: ["openai-user", "monitoring-reader"] }] }),
            ),
        ),
      ).map((i) => i.roleAssignmentName);
    const first = await names();
    expect(new Set(first).size).toBe(4);
    expect(await names()).toEqual(first);
  });

  it("assigns an existing principal on the named account or the resource group, always with its principal type", async () => {
    const resources = await recordResources(
      () =>
        new PlatformAccess(
          "acc",
          args({
            identities: [
              {
                name: "ext-app",
                principalId: EXISTING_SP,
                principalType: "ServicePrincipal",
                roles: ["openai-user"],
                accounts: ["aoai-b"],
              },
              {
                name: "ext-user",
                principalId: EXISTING_SP.replace("a", "b"),
                principalType: "User",
                roles: ["monitoring-reader"],
                scope: "resourceGroup",
              },
            ],
          }),
        ),
    );
    expect(ofType(resources, "managedidentity:UserAssignedIdentity")).toEqual([]);
    expect(inputsOf(resources)).toEqual([
      expect.objectContaining({
        scope: accountId("aoai-b"),
        principalId: EXISTING_SP,
        principalType: "ServicePrincipal",
      }),
      expect.objectContaining({
        scope: RG_ID,
        principalType: "User",
        roleDefinitionId: ROLE_IDS.monitoringReader,
      }),
    ]);
  });

  it("creates Entra security groups and assigns roles to them as Group principals; looks up existing groups", async () => {
    let access: PlatformAccess | undefined;
    const resources = await recordResources(() => {
      access = new PlatformAccess(
        "acc",
        args({
          groups: [
            {
              displayName: "aoai-devs",
              description: "devs",
              owners: [EXISTING_SP],
              members: [EXISTING_SP],
              roles: ["openai-user"],
              accounts: ["aoai-a"],
            },
            { displayName: "aoai-ops", existing: true, roles: ["monitoring-reader"], scope: "resourceGroup" },
          ],
        }),
      );
    });
    const groups = resources.filter((r) => r.type === "azuread:index/group:Group");
    expect(groups.map((g) => g.inputs)).toEqual([
      {
        displayName: "aoai-devs",
        description: "devs",
        owners: [EXISTING_SP],
        members: [EXISTING_SP],
        securityEnabled: true,
        mailEnabled: false,
        preventDuplicateNames: true,
      },
    ]);
    const created = await resolved(access?.groups["aoai-devs"] as never);
    const lookedUp = await resolved(access?.groups["aoai-ops"] as never);
    // Registration order follows when each principal id resolves, so compare as a set.
    expect(inputsOf(resources)).toHaveLength(2);
    expect(inputsOf(resources)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          scope: accountId("aoai-a"),
          principalId: created,
          principalType: "Group",
          roleDefinitionId: ROLE_IDS.openAiUser,
        }),
        expect.objectContaining({
          scope: RG_ID,
          principalId: lookedUp,
          principalType: "Group",
          roleDefinitionId: ROLE_IDS.monitoringReader,
        }),
      ]),
    );
    expect(lookedUp).not.toBe(created);
  });

  it("grants each customer-managed-key account's system identity key access on its vault", async () => {
    const vault = `/subscriptions/${SUB}/resourceGroups/rg-kv/providers/Microsoft.KeyVault/vaults/kv-contoso`;
    const accountPrincipal = "4f5d6e7a-1b2c-4d3e-8f9a-0b1c2d3e4f5a";
    const resources = await recordResources(
      () =>
        new PlatformAccess(
          "acc",
          args({
            accounts: [{ name: "aoai-a", id: accountId("aoai-a"), principalId: accountPrincipal }],
            keyVaultGrants: [{ account: "aoai-a", keyVaultId: vault }],
          }),
        ),
    );
    expect(inputsOf(resources)).toEqual([
      {
        scope: vault,
        principalId: accountPrincipal,
        principalType: "ServicePrincipal",
        roleDefinitionId: ROLE_IDS.keyVaultCrypto,
        roleAssignmentName: roleAssignmentName(
          vault,
          accountPrincipal,
          "e147488a-f6f5-4113-8e2d-b22465e65bf6",
        ),
        description: "aoai-a wraps and unwraps its customer-managed key",
      },
    ]);
  });

  it("creates the CI deploy identity: app, service principal, GitHub federation, constrained roles and login outputs", async () => {
    let access: PlatformAccess | undefined;
    const resources = await recordResources(() => {
      access = new PlatformAccess(
        "acc",
        args({
          identities: [{ name: "id-app", roles: ["openai-user"] }],
          ciDeployIdentity: {
            displayName: "gh-deploy",
            github: { repository: "contoso/aoai-platform", environments: ["prod"] },
          },
        }),
      );
    });
    const [application] = resources.filter((r) => r.type === "azuread:index/application:Application");
    expect(application?.inputs).toMatchObject({ displayName: "gh-deploy", signInAudience: "AzureADMyOrg" });
    const [principal] = resources.filter((r) => r.type === "azuread:index/servicePrincipal:ServicePrincipal");
    const credentials = resources.filter((r) => r.type.endsWith("ApplicationFederatedIdentityCredential"));
    // Only the protected environment: pull requests log in as the preview identity.
    expect(credentials.map((c) => c.inputs.subject)).toEqual(["repo:contoso/aoai-platform:environment:prod"]);
    for (const credential of credentials) {
      expect(credential.inputs).toMatchObject({
        issuer: "https://token.actions.githubusercontent.com",
        audiences: ["api://AzureADTokenExchange"],
      });
      expect(credential.dependencies).toContain(application?.urn);
    }
    const ci = access?.ciDeployIdentity;
    const ciPrincipal = await resolved(ci?.principalId as never);
    expect(principal?.dependencies).toContain(application?.urn);
    const ciAssignments = inputsOf(resources).filter((i) => i.principalId === ciPrincipal);
    expect(ciAssignments).toEqual([
      expect.objectContaining({
        scope: RG_ID,
        principalType: "ServicePrincipal",
        roleDefinitionId: ROLE_IDS.contributor,
      }),
      expect.objectContaining({
        scope: RG_ID,
        principalType: "ServicePrincipal",
        roleDefinitionId: ROLE_IDS.rbacAdmin,
        conditionVersion: "2.0",
        condition: expect.stringContaining("GuidEquals {5e0bd9bd-7b93-4f28-af87-19fc36ad61bd}"),
      }),
    ]);
    expect(await resolved(ci?.tenantId as never)).toBe("11111111-1111-1111-1111-111111111111");
    expect(await resolved(ci?.clientId as never)).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("gives the CI identity no RBAC administration when the stack assigns no roles in the resource group", async () => {
    const resources = await recordResources(
      () =>
        new PlatformAccess(
          "acc",
          args({
            ciDeployIdentity: {
              displayName: "gh-deploy",
              github: { repository: "o/r", environments: ["prod"] },
            },
          }),
        ),
    );
    expect(inputsOf(resources).map((i) => i.roleDefinitionId)).toEqual([ROLE_IDS.contributor]);
  });

  it("sets principalType on every role assignment", async () => {
    const resources = await recordResources(
      () =>
        new PlatformAccess(
          "acc",
          args({
            identities: [{ name: "id-app", roles: ["openai-user"] }],
            groups: [{ displayName: "g", roles: ["openai-contributor"] }],
            ciDeployIdentity: { displayName: "gh", github: { repository: "o/r", environments: ["prod"] } },
          }),
        ),
    );
    const all = inputsOf(resources);
    expect(all.length).toBe(6);
    for (const inputs of all) expect(["ServicePrincipal", "Group", "User"]).toContain(inputs.principalType);
  });
});

describe("PlatformAccess args (as another language sends them)", () => {
  it("refuse bad input with a ResourceError naming the component, each key path, value and rule; nothing registered", async () => {
    let thrown: unknown;
    const resources = await recordResources(() => {
      try {
        new PlatformAccess(
          "acc",
          args({
            identities: [{ name: "id-app", roles: ["Owner"], accounts: ["aoai-c"] }],
            groups: [{ displayName: "g", roles: ["openai-user"], scope: "tenant" as never }],
            keyVaultGrants: [{ account: "aoai-a", keyVaultId: "kv-contoso" }],
          }),
        );
      } catch (error) {
        thrown = error;
      }
    });
    expect(pulumi.ResourceError.isInstance(thrown)).toBe(true);
    const message = (thrown as Error).message;
    expect(message).toMatch(/^PlatformAccess acc: invalid args/);
    expect(message).toContain(
      'identities.0.roles.0: "Owner": Owner is not allowed for app identities and groups',
    );
    expect(message).toContain('groups.0.scope: "tenant": ');
    expect(message).toContain('keyVaultGrants.0.keyVaultId: "kv-contoso": must be an ARM resource id');
    expect(resources.filter((r) => r.custom)).toEqual([]);
  });

  it("an accounts subset and a key grant must name one of the accounts", async () => {
    const vault = `/subscriptions/${SUB}/resourceGroups/rg-kv/providers/Microsoft.KeyVault/vaults/kv-contoso`;
    let thrown: unknown;
    await recordResources(() => {
      try {
        new PlatformAccess(
          "acc",
          args({
            identities: [{ name: "id-app", roles: ["openai-user"], accounts: ["aoai-c"] }],
            keyVaultGrants: [{ account: "aoai-z", keyVaultId: vault }],
          }),
        );
      } catch (error) {
        thrown = error;
      }
    });
    expect((thrown as Error).message).toContain(
      'identities.0.accounts.0: "aoai-c": no account named "aoai-c"; use one of "aoai-a", "aoai-b"',
    );
    expect((thrown as Error).message).toContain(
      'keyVaultGrants.0.account: "aoai-z": no account named "aoai-z"; use one of "aoai-a", "aoai-b"',
    );
  });
});
