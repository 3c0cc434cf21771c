import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { constrainedRolesCondition } from "../components/access/delegation";
import { deploySubjects, pullRequestSubject } from "../components/access/github";
import { plannedGrants } from "../components/access/grants";
import { nameBasedUuid, roleAssignmentName } from "../components/access/roleAssignmentName";
import { BUILT_IN_ROLES, type ResolvedRole, resolveAppRole } from "../components/facts/roles";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const OPENAI_USER = "5e0bd9bd-7b93-4f28-af87-19fc36ad61bd";
const ACCOUNT =
  "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/a";
const PRINCIPAL = "bb402d95-3e40-4951-87fc-c05d28975089";

describe("role catalog", () => {
  it("holds the built-in role GUIDs from the facts file, each name, alias and GUID once", () => {
    const byName = Object.fromEntries(BUILT_IN_ROLES.map((r) => [r.name, r.guid]));
    expect(byName).toMatchObject({
      "Cognitive Services OpenAI User": OPENAI_USER,
      "Cognitive Services OpenAI Contributor": "a001fd3d-188f-4b5d-821b-7da978bf7442",
      "Cognitive Services Contributor": "25fbc0a9-bd7c-42a3-aa1a-3b75d497ee68",
      "Cognitive Services User": "a97b65f3-24c7-4388-baec-2e87135dc908",
      "Cognitive Services Usages Reader": "bba48692-92b0-4667-a9ad-c31c7b334ac2",
      "Monitoring Reader": "43d0d8ad-25c7-4714-9337-8ba259a9fe05",
      "Monitoring Metrics Publisher": "3913510d-42f4-4e42-8a64-420c390055eb",
      "Key Vault Crypto Service Encryption User": "e147488a-f6f5-4113-8e2d-b22465e65bf6",
      Contributor: "b24988ac-6180-42a0-ab88-20f7382dd24c",
      Owner: "8e3af657-a8ff-443c-a75c-2fe8c4bcb635",
      "User Access Administrator": "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9",
      "Role Based Access Control Administrator": "f58310d9-a9f6-439a-9e8d-f62e7b41a168",
    });
    for (const role of BUILT_IN_ROLES) expect(role.guid).toMatch(GUID);
    for (const key of ["name", "alias", "guid"] as const) {
      expect(new Set(BUILT_IN_ROLES.map((r) => r[key].toLowerCase())).size).toBe(BUILT_IN_ROLES.length);
    }
  });

  it("resolves names (any case), aliases and both forms of role definition id to the same role", () => {
    const expected = { guid: OPENAI_USER, name: "Cognitive Services OpenAI User", subscriptionOnly: false };
    for (const reference of [
      "Cognitive Services OpenAI User",
      "cognitive services openai user",
      "openai-user",
      `/providers/Microsoft.Authorization/roleDefinitions/${OPENAI_USER}`,
      `/subscriptions/00000000-0000-0000-0000-000000000000/providers/Microsoft.Authorization/roleDefinitions/${OPENAI_USER.toUpperCase()}`,
    ]) {
      expect(resolveAppRole(reference)).toEqual(expected);
    }
    expect(resolveAppRole("usages-reader")).toMatchObject({ subscriptionOnly: true });
  });

  it("accepts a custom role by definition id and rejects unknown names, listing the catalog", () => {
    const custom = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    expect(resolveAppRole(`/providers/Microsoft.Authorization/roleDefinitions/${custom}`)).toEqual({
      guid: custom,
      name: `custom role ${custom}`,
      subscriptionOnly: false,
    });
    const unknown = resolveAppRole("OpenAI Usr");
    expect(unknown).toHaveProperty("error");
    expect((unknown as { error: string }).error).toContain('"Cognitive Services OpenAI User" (openai-user)');
    expect((unknown as { error: string }).error).not.toContain('"Owner"');
  });

  it.each([
    ["Owner", "Cognitive Services OpenAI User"],
    ["contributor", "Cognitive Services OpenAI Contributor"],
    ["User Access Administrator", "Cognitive Services OpenAI User"],
    ["rbac-administrator", "Cognitive Services OpenAI User"],
    [
      "/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635",
      "OpenAI User",
    ],
  ])("refuses %s for app identities and says to use %s", (reference, instead) => {
    const result = resolveAppRole(reference);
    expect(result).toHaveProperty("error");
    const { error } = result as { error: string };
    expect(error).toMatch(/is not allowed for app identities and groups/);
    expect(error).toContain(instead);
  });
});

describe("role assignment names", () => {
  it("are RFC 9562 version 5 UUIDs (checked against the DNS namespace example)", () => {
    expect(nameBasedUuid("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "www.example.com")).toBe(
      "2ed6657d-e927-568b-95e1-2665a8aea6a2",
    );
  });

  it("are the same for the same scope, principal and role, whatever the case or trailing slash", () => {
    const name = roleAssignmentName(ACCOUNT, PRINCIPAL, OPENAI_USER);
    expect(name).toMatch(GUID);
    expect(roleAssignmentName(ACCOUNT, PRINCIPAL, OPENAI_USER)).toBe(name);
    expect(roleAssignmentName(`${ACCOUNT.toUpperCase()}/`, PRINCIPAL.toUpperCase(), OPENAI_USER)).toBe(name);
  });

  it("change with another principal, role or scope", () => {
    const name = roleAssignmentName(ACCOUNT, PRINCIPAL, OPENAI_USER);
    expect(roleAssignmentName(`${ACCOUNT}-2`, PRINCIPAL, OPENAI_USER)).not.toBe(name);
    expect(roleAssignmentName(ACCOUNT, "aee83979-1af6-47f8-8b07-8ae0ef4cdf1f", OPENAI_USER)).not.toBe(name);
    expect(roleAssignmentName(ACCOUNT, PRINCIPAL, "43d0d8ad-25c7-4714-9337-8ba259a9fe05")).not.toBe(name);
  });

  it("property: a function of (scope, principal, role) only, and distinct triples get distinct names", () => {
    const scope = fc.stringMatching(/^\/subscriptions\/[a-z0-9-]{1,12}(\/resourceGroups\/[a-z0-9]{1,8})?$/);
    const triple = fc.tuple(scope, fc.uuid(), fc.uuid());
    fc.assert(
      fc.property(triple, triple, ([s1, p1, r1], [s2, p2, r2]) => {
        const a = roleAssignmentName(s1, p1, r1);
        expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(roleAssignmentName(s1, p1, r1)).toBe(a);
        const same =
          s1 === s2 && p1.toLowerCase() === p2.toLowerCase() && r1.toLowerCase() === r2.toLowerCase();
        expect(roleAssignmentName(s2, p2, r2) === a).toBe(same);
      }),
    );
  });
});

describe("grants", () => {
  const user = resolveAppRole("openai-user") as ResolvedRole;
  const reader = resolveAppRole("monitoring-reader") as ResolvedRole;

  it("default to every account, or the named subset; resource group only when asked", () => {
    expect(plannedGrants({ roles: [user, reader], scope: "accounts" }, ["a", "b"])).toEqual([
      { role: user, scope: { kind: "account", account: "a" } },
      { role: user, scope: { kind: "account", account: "b" } },
      { role: reader, scope: { kind: "account", account: "a" } },
      { role: reader, scope: { kind: "account", account: "b" } },
    ]);
    expect(plannedGrants({ roles: [user], scope: "accounts", accounts: ["b"] }, ["a", "b"])).toEqual([
      { role: user, scope: { kind: "account", account: "b" } },
    ]);
    expect(plannedGrants({ roles: [reader], scope: "resourceGroup" }, ["a", "b"])).toEqual([
      { role: reader, scope: { kind: "resourceGroup" } },
    ]);
  });
});

describe("CI identity helpers", () => {
  it("federates the deploy identity with each environment only, and the branch only when asked", () => {
    const subjects = deploySubjects({ repository: "contoso/aoai-platform", environments: ["dev", "prod"] });
    expect(subjects.map((s) => [s.name, s.subject])).toEqual([
      ["github-env-dev", "repo:contoso/aoai-platform:environment:dev"],
      ["github-env-prod", "repo:contoso/aoai-platform:environment:prod"],
    ]);
    const release = deploySubjects({ repository: "o/r", branch: "release/v1", environments: [] });
    expect(release).toEqual([
      expect.objectContaining({
        name: "github-branch-release-v1",
        subject: "repo:o/r:ref:refs/heads/release/v1",
      }),
    ]);
  });

  it("federates the preview identity with the repository's pull requests", () => {
    expect(pullRequestSubject("contoso/aoai-platform")).toMatchObject({
      name: "github-pull-request",
      subject: "repo:contoso/aoai-platform:pull_request",
    });
  });

  it("constrains RBAC administration to the listed roles for both write and delete", () => {
    const condition = constrainedRolesCondition([
      OPENAI_USER,
      "43D0D8AD-25C7-4714-9337-8BA259A9FE05",
      OPENAI_USER,
    ]);
    const list = `{43d0d8ad-25c7-4714-9337-8ba259a9fe05, ${OPENAI_USER}}`;
    expect(condition).toBe(
      "((!(ActionMatches{'Microsoft.Authorization/roleAssignments/write'})) OR " +
        `(@Request[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals ${list})) AND ` +
        "((!(ActionMatches{'Microsoft.Authorization/roleAssignments/delete'})) OR " +
        `(@Resource[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals ${list}))`,
    );
    expect(() => constrainedRolesCondition([])).toThrow(/at least one role/);
  });
});
