import { describe, expect, it } from "vitest";
import type { PlatformAccessArgs } from "../components/access/args";
import { PlatformAccess } from "../components/access/component";
import { parseStackConfig } from "../src/config/load";
import type { PlannedResource } from "../src/plan/resource";
import { ofType, recordResources, resolved } from "./support/mockRun";
import { planJson } from "./support/planCli";
import { minimalConfig, problemsOf } from "./support/stackConfig";

const SUB = "00000000-0000-0000-0000-000000000000";
const RG_ID = `/subscriptions/${SUB}/resourceGroups/rg`;
const STATE = `/subscriptions/${SUB}/resourceGroups/rg-pulumi-state/providers/Microsoft.Storage/storageAccounts/stpulumistate/blobServices/default/containers/pulumi-state`;
const KEY = `/subscriptions/${SUB}/resourceGroups/rg-pulumi-state/providers/Microsoft.KeyVault/vaults/kv-pulumi/keys/pulumi-secrets`;
const role = (guid: string) =>
  `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/${guid}`;
const READER = "acdd72a7-3385-48ef-bd42-f606fba81ae7";
const BLOB_DATA_READER = "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1";
const KEY_VAULT_CRYPTO_USER = "12338af0-0e69-4776-bea7-57ae8d297424";
const CONTRIBUTOR = "b24988ac-6180-42a0-ab88-20f7382dd24c";

const preview = { displayName: "gh-preview", github: { repository: "contoso/aoai-platform" } };
const deploy = {
  displayName: "gh-deploy",
  github: { repository: "contoso/aoai-platform", environments: ["prod"] },
};

async function build(access: Omit<PlatformAccessArgs, "resourceGroupName" | "resourceGroupId" | "location">) {
  let component: PlatformAccess | undefined;
  const resources = await recordResources(() => {
    component = new PlatformAccess("acc", {
      ...access,
      resourceGroupName: "rg",
      resourceGroupId: RG_ID,
      location: "swedencentral",
      accounts: [{ name: "aoai-a", id: `${RG_ID}/providers/Microsoft.CognitiveServices/accounts/aoai-a` }],
    });
  });
  return { resources, component: component as PlatformAccess };
}

const childrenOf = (resources: readonly PlannedResource[], component: string, type: string) => {
  const parent = resources.find((r) => r.type === component)?.urn;
  return resources.filter((r) => r.parent === parent && r.type === type);
};
const PREVIEW = "aoai-platform:index:GithubPreviewIdentity";
const DEPLOY = "aoai-platform:index:GithubDeployIdentity";
const CREDENTIAL =
  "azuread:index/applicationFederatedIdentityCredential:ApplicationFederatedIdentityCredential";

describe("ciPreviewIdentity config", () => {
  const withAccess = (access: unknown) => ({ ...minimalConfig(), access });

  it("accepts the repository, the state container and the secrets key", () => {
    expect(
      problemsOf(
        withAccess({ ciPreviewIdentity: { ...preview, stateContainerId: STATE, secretsKeyId: KEY } }),
      ),
    ).toEqual([]);
  });

  it("names the key, the value and the expected id shape", () => {
    expect(
      problemsOf(
        withAccess({
          ciPreviewIdentity: {
            ...preview,
            github: { repository: "aoai-platform" },
            stateContainerId: "stpulumistate/pulumi-state",
            secretsKeyId: "https://kv-pulumi.vault.azure.net/keys/pulumi-secrets",
          },
        }),
      ),
    ).toEqual([
      'aoai-platform:access.ciPreviewIdentity.github.repository: "aoai-platform": must be "<owner>/<repository>"',
      'aoai-platform:access.ciPreviewIdentity.stateContainerId: "stpulumistate/pulumi-state": must be a blob container id: /subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.Storage/storageAccounts/<account>/blobServices/default/containers/<container>',
      'aoai-platform:access.ciPreviewIdentity.secretsKeyId: "https://kv-pulumi.vault.azure.net/keys/pulumi-secrets": must be a Key Vault key id: /subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.KeyVault/vaults/<vault>/keys/<key>',
    ]);
  });

  it("warns when the preview could not read the state or decrypt the secrets", () => {
    const warningsOf = (preview: unknown) =>
      parseStackConfig(
        withAccess({ ciPreviewIdentity: preview }) as Record<string, unknown>,
        "test",
      ).warnings.filter((w) => w.rule === "config.preview-access-missing");
    expect(warningsOf({ ...preview, stateContainerId: STATE, secretsKeyId: KEY })).toEqual([]);
    expect(warningsOf({ ...preview, secretsKeyId: KEY })).toEqual([
      {
        rule: "config.preview-access-missing",
        key: "access.ciPreviewIdentity.stateContainerId",
        message:
          "not set: the preview identity cannot read the Pulumi state (Storage Blob Data Reader) unless granted outside this stack",
      },
    ]);
  });

  it("refuses the deploy identity's display name and unknown keys", () => {
    expect(
      problemsOf(
        withAccess({ ciDeployIdentity: deploy, ciPreviewIdentity: { ...preview, displayName: "GH-Deploy" } }),
      ),
    ).toEqual([
      'aoai-platform:access.ciPreviewIdentity.displayName: "GH-Deploy": the same display name as ciDeployIdentity; the preview identity is a separate application',
    ]);
    expect(problemsOf(withAccess({ ciPreviewIdentity: { ...preview, roles: ["Contributor"] } }))).toEqual([
      expect.stringMatching(/^aoai-platform:access\.ciPreviewIdentity: "roles": unknown key "roles"/),
    ]);
  });
});

describe("GithubPreviewIdentity under mocks", () => {
  it("trusts pull requests only and holds read roles only: Reader on the group, state read, secrets decrypt", async () => {
    const { resources, component } = await build({
      ciPreviewIdentity: { ...preview, stateContainerId: STATE, secretsKeyId: KEY },
    });
    const credentials = childrenOf(resources, PREVIEW, CREDENTIAL);
    expect(credentials.map((c) => c.inputs)).toEqual([
      expect.objectContaining({
        subject: "repo:contoso/aoai-platform:pull_request",
        issuer: "https://token.actions.githubusercontent.com",
        audiences: ["api://AzureADTokenExchange"],
      }),
    ]);
    const grants = childrenOf(resources, PREVIEW, "azure-native:authorization:RoleAssignment").map((r) => ({
      name: r.name,
      scope: r.inputs.scope,
      role: r.inputs.roleDefinitionId,
      principalType: r.inputs.principalType,
    }));
    expect(grants.sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      {
        name: "acc-ci-preview-Reader-resource-group",
        scope: RG_ID,
        role: role(READER),
        principalType: "ServicePrincipal",
      },
      {
        name: "acc-ci-preview-secrets-crypto-user",
        scope: KEY,
        role: role(KEY_VAULT_CRYPTO_USER),
        principalType: "ServicePrincipal",
      },
      {
        name: "acc-ci-preview-state-reader",
        scope: STATE,
        role: role(BLOB_DATA_READER),
        principalType: "ServicePrincipal",
      },
    ]);
    const principalId = await resolved(component.ciPreviewIdentity?.principalId as never);
    const all = ofType(resources, "authorization:RoleAssignment");
    expect(all.every((r) => r.inputs.principalId === principalId)).toBe(true);
    expect(await resolved(component.ciPreviewIdentity?.clientId as never)).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("without state and key ids: Reader on the group only", async () => {
    const { resources } = await build({ ciPreviewIdentity: preview });
    expect(ofType(resources, "authorization:RoleAssignment").map((r) => r.inputs.roleDefinitionId)).toEqual([
      role(READER),
    ]);
  });

  it("beside the deploy identity: separate applications, the deploy identity keeps its environments only", async () => {
    const { resources } = await build({
      identities: [{ name: "id-app", roles: ["openai-user"] }],
      ciDeployIdentity: deploy,
      ciPreviewIdentity: preview,
    });
    expect(childrenOf(resources, DEPLOY, CREDENTIAL).map((c) => c.inputs.subject)).toEqual([
      "repo:contoso/aoai-platform:environment:prod",
    ]);
    expect(childrenOf(resources, PREVIEW, CREDENTIAL).map((c) => c.inputs.subject)).toEqual([
      "repo:contoso/aoai-platform:pull_request",
    ]);
    const applications = resources.filter((r) => r.type === "azuread:index/application:Application");
    expect(applications.map((a) => a.inputs.displayName).sort()).toEqual(["gh-deploy", "gh-preview"]);
    const roles = (type: string) =>
      childrenOf(resources, type, "azure-native:authorization:RoleAssignment").map((r) =>
        String(r.inputs.roleDefinitionId).split("/").pop(),
      );
    expect(roles(PREVIEW)).not.toContain(CONTRIBUTOR);
    expect(roles(DEPLOY)).toContain(CONTRIBUTOR);
    // The deploy identity may re-create the preview's Reader grant: it is a role the stack assigns in the group.
    const [rbac] = childrenOf(resources, DEPLOY, "azure-native:authorization:RoleAssignment").filter(
      (r) => r.inputs.condition !== undefined,
    );
    expect(String(rbac?.inputs.condition)).toContain(READER);
  });
});

describe("shipped stacks", () => {
  it("prod exports the preview identity's login ids beside the deploy identity's", async () => {
    const { outputs } = await planJson("--stack", "prod");
    const preview = outputs.ciPreviewIdentity as Record<string, string>;
    const deployIdentity = outputs.ciDeployIdentity as Record<string, string>;
    expect(preview.clientId).toMatch(/^[0-9a-f-]{36}$/);
    expect(preview.clientId).not.toBe(deployIdentity.clientId);
    expect(preview.tenantId).toBe(deployIdentity.tenantId);
  });
});
