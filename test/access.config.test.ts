import { describe, expect, it } from "vitest";
import { parseStackConfig } from "../src/config/load";
import { minimalConfig, problemsOf } from "./support/stackConfig";

const withAccess = (access: unknown, extra: Record<string, unknown> = {}) => ({
  ...minimalConfig(),
  ...extra,
  access,
});
const SP = "aee83979-1af6-47f8-8b07-8ae0ef4cdf1f";

describe("access config", () => {
  it("is optional and empty by default", () => {
    expect(parseStackConfig(minimalConfig() as Record<string, unknown>, "t").config.access).toEqual({
      identities: [],
      groups: [],
    });
  });

  it("resolves readable role names and defaults the scope to the accounts", () => {
    const { config } = parseStackConfig(
      withAccess({ identities: [{ name: "id-app", roles: ["Cognitive Services OpenAI User"] }] }),
      "t",
    );
    expect(config.access.identities[0]).toEqual({
      name: "id-app",
      scope: "accounts",
      roles: [
        {
          guid: "5e0bd9bd-7b93-4f28-af87-19fc36ad61bd",
          name: "Cognitive Services OpenAI User",
          subscriptionOnly: false,
        },
      ],
    });
  });

  it("rejects Owner, Contributor and User Access Administrator naming the key, the value and the role to use", () => {
    const problems = problemsOf(
      withAccess({
        identities: [{ name: "id-app", roles: ["Owner", "Contributor"] }],
        groups: [{ displayName: "devs", roles: ["User Access Administrator"] }],
      }),
    );
    expect(problems).toEqual([
      expect.stringMatching(
        /^aoai-platform:access\.identities\[0\]\.roles\[0\]: "Owner": Owner is not allowed .*use "Cognitive Services OpenAI User"/,
      ),
      expect.stringMatching(
        /^aoai-platform:access\.identities\[0\]\.roles\[1\]: "Contributor": .*"Cognitive Services OpenAI Contributor"/,
      ),
      expect.stringMatching(
        /^aoai-platform:access\.groups\[0\]\.roles\[0\]: "User Access Administrator": .*grant the role the principal needs directly/,
      ),
    ]);
  });

  it("keeps Usages Reader at subscription scope and everything else below it", () => {
    expect(problemsOf(withAccess({ identities: [{ name: "id-q", roles: ["usages-reader"] }] }))).toEqual([
      expect.stringMatching(
        /access\.identities\[0\]\.roles\[0\]: "usages-reader": .*only works at subscription scope.*scope: subscription/,
      ),
    ]);
    expect(
      problemsOf(
        withAccess({ identities: [{ name: "id-q", roles: ["usages-reader"], scope: "subscription" }] }),
      ),
    ).toEqual([]);
    expect(
      problemsOf(
        withAccess({ identities: [{ name: "id-q", roles: ["openai-user"], scope: "subscription" }] }),
      ),
    ).toEqual([
      expect.stringMatching(/roles\[0\]: "openai-user": .*would cover every resource in the subscription/),
    ]);
  });

  it("checks account subsets against the stack's accounts and only with scope accounts", () => {
    expect(
      problemsOf(
        withAccess({ identities: [{ name: "id-a", roles: ["openai-user"], accounts: ["aoai-tset"] }] }),
      ),
    ).toEqual([
      'aoai-platform:access.identities[0].accounts[0]: "aoai-tset": no account named "aoai-tset"; use one of "aoai-test"',
    ]);
    expect(
      problemsOf(
        withAccess({
          groups: [
            {
              displayName: "g",
              roles: ["monitoring-reader"],
              scope: "resourceGroup",
              accounts: ["aoai-test"],
            },
          ],
        }),
      ),
    ).toEqual([expect.stringMatching(/access\.groups\[0\]\.accounts: .*only apply with scope "accounts"/)]);
  });

  it("needs principalType with an existing principal, and each principal once", () => {
    expect(
      problemsOf(withAccess({ identities: [{ name: "ext", principalId: SP, roles: ["openai-user"] }] })),
    ).toEqual([
      expect.stringMatching(
        /access\.identities\[0\]\.principalType: missing: an existing principal needs its type: ServicePrincipal \| Group \| User/,
      ),
    ]);
    const twice = [
      { name: "ext-a", principalId: SP, principalType: "ServicePrincipal", roles: ["openai-user"] },
      {
        name: "ext-b",
        principalId: SP.toUpperCase(),
        principalType: "ServicePrincipal",
        roles: ["monitoring-reader"],
      },
    ];
    expect(problemsOf(withAccess({ identities: twice }))).toEqual([
      expect.stringMatching(/access\.identities\[1\]\.principalId: .*same principal as identities\[0\]/),
    ]);
    expect(
      problemsOf(
        withAccess({
          identities: [{ name: "id-a", roles: ["openai-user", "Cognitive Services OpenAI User"] }],
        }),
      ),
    ).toEqual([expect.stringMatching(/roles\[1\]: .*listed twice/)]);
  });

  it("refuses to manage owners or members of a looked-up group, and bad object ids", () => {
    expect(
      problemsOf(
        withAccess({ groups: [{ displayName: "g", existing: true, members: [SP], owners: ["nope"] }] }),
      ),
    ).toEqual([
      expect.stringMatching(/access\.groups\[0\]\.owners\[0\]: "nope": must be an Entra object id/),
      expect.stringMatching(/access\.groups\[0\]\.owners: .*only looked up/),
      expect.stringMatching(/access\.groups\[0\]\.members: .*only looked up/),
    ]);
  });

  it("validates the CI identity's repository, environments and the federated credential limit", () => {
    const ci = (github: unknown) => withAccess({ ciDeployIdentity: { displayName: "gh-deploy", github } });
    expect(problemsOf(ci({ repository: "contoso/aoai-platform", environments: ["prod"] }))).toEqual([]);
    expect(problemsOf(ci({ repository: "aoai-platform", environments: ["prod env"] }))).toEqual([
      expect.stringMatching(
        /ciDeployIdentity\.github\.repository: "aoai-platform": must be "<owner>\/<repository>"/,
      ),
      expect.stringMatching(
        /ciDeployIdentity\.github\.environments\[0\]: "prod env": must be a GitHub environment name/,
      ),
    ]);
    const many = Array.from({ length: 20 }, (_, i) => `env${i}`);
    expect(problemsOf(ci({ repository: "o/r", environments: many }))).toEqual([
      expect.stringMatching(/environments: .*at most 20 federated credentials/),
    ]);
    // No environment and no branch: nothing could log in as the deploy identity.
    expect(problemsOf(ci({ repository: "o/r" }))).toEqual([
      expect.stringMatching(
        /ciDeployIdentity\.github\.environments: missing: list the GitHub environments the deploy jobs run in/,
      ),
    ]);
    expect(problemsOf(ci({ repository: "o/r", branch: "main" }))).toEqual([]);
  });

  it("checks that a customer-managed key's keyVaultId names the vault of keyVaultUri, and warns without it", () => {
    const cmk = (customerManagedKey: unknown) => ({
      ...minimalConfig(),
      accounts: [{ name: "aoai-test", customerManagedKey }],
    });
    const uri = "https://kv-contoso.vault.azure.net/";
    const vault = (name: string) =>
      `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-kv/providers/Microsoft.KeyVault/vaults/${name}`;
    expect(problemsOf(cmk({ keyVaultUri: uri, keyName: "k", keyVaultId: vault("kv-other") }))).toEqual([
      expect.stringMatching(
        /customerManagedKey\.keyVaultId: .*names vault "kv-other" but keyVaultUri is vault "kv-contoso"/,
      ),
    ]);
    expect(
      parseStackConfig(
        cmk({ keyVaultUri: uri, keyName: "k", keyVaultId: vault("KV-Contoso"), encrypt: false }),
        "t",
      ).warnings,
    ).toEqual([]);
    expect(parseStackConfig(cmk({ keyVaultUri: uri, keyName: "k", encrypt: false }), "t").warnings).toEqual([
      expect.objectContaining({
        rule: "config.cmk-grant-missing",
        key: "accounts[0].customerManagedKey.keyVaultId",
      }),
    ]);
  });

  it("warns that encrypting needs a second deploy on a new account (its identity must exist first)", () => {
    const uri = "https://kv-contoso.vault.azure.net/";
    const keyVaultId =
      "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-kv/providers/Microsoft.KeyVault/vaults/kv-contoso";
    const config = {
      ...minimalConfig(),
      accounts: [{ name: "aoai-test", customerManagedKey: { keyVaultUri: uri, keyName: "k", keyVaultId } }],
    };
    expect(parseStackConfig(config, "t").warnings).toEqual([
      expect.objectContaining({
        rule: "config.cmk-new-account",
        key: "accounts[0].customerManagedKey.encrypt",
        message: expect.stringMatching(/deploy it once with encrypt: false .* then set encrypt: true/),
      }),
    ]);
  });
});
