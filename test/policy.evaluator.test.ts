/**
 * The Azure Policy evaluator against the behaviour the policy language documentation specifies
 * (learn.microsoft.com/azure/governance/policy/concepts/definition-structure-policy-rule, ...-alias,
 * author-policies-for-arrays, effect-audit-if-not-exists): one test per documented rule.
 */
import { describe, expect, it } from "vitest";
import type { ArmResource } from "../policy/azure/arm";
import { evaluateCondition, evaluateDefinition, parameterValues } from "../policy/azure/evaluator";
import { resolveValue } from "../policy/azure/expressions";
import {
  type PolicyDefinition,
  policyDefinitionSchema,
  UnsupportedPolicyError,
} from "../policy/azure/language";

const ACCOUNT = "Microsoft.CognitiveServices/accounts";

function arm(properties: Record<string, unknown>, extra: Partial<ArmResource> = {}): ArmResource {
  return {
    urn: `urn:${extra.name ?? "acct"}`,
    id: `/subscriptions/s/resourceGroups/rg/providers/${extra.type ?? ACCOUNT}/${extra.name ?? "acct"}`,
    type: ACCOUNT,
    name: "acct",
    fullName: extra.name ?? "acct",
    location: "swedencentral",
    kind: "OpenAI",
    tags: { env: "prod", "cost.center": "4711" },
    resourceGroup: "rg",
    refs: [],
    properties,
    ...extra,
  };
}

const account = arm({
  publicNetworkAccess: "Disabled",
  disableLocalAuth: true,
  networkAcls: { defaultAction: "Deny", ipRules: [{ value: "10.0.0.1" }, { value: "10.0.0.2" }] },
  allowedFqdnList: ["a.example.com", "b.example.com"],
  customSubDomainName: "aoai-prod-01",
});

const holds = (
  condition: Record<string, unknown>,
  resource = account,
  parameters: Record<string, unknown> = {},
) => evaluateCondition(condition, { resource, ruleResource: resource, parameters, frames: [] });

const alias = (name: string) => `${ACCOUNT}/${name}`;

describe("conditions (definition-structure-policy-rule#conditions)", () => {
  it("equals / notEquals compare strings case-insensitively", () => {
    expect(holds({ field: "type", equals: "microsoft.cognitiveservices/ACCOUNTS" })).toBe(true);
    expect(holds({ field: alias("publicNetworkAccess"), notEquals: "disabled" })).toBe(false);
  });

  it("equals compares a boolean property with the string 'true' (as 187242f4 does for logs[*].enabled)", () => {
    expect(holds({ field: alias("disableLocalAuth"), equals: "true" })).toBe(true);
    expect(holds({ field: alias("disableLocalAuth"), equals: false })).toBe(false);
  });

  it("like takes one * wildcard, case-insensitive; notLike negates", () => {
    expect(holds({ field: "name", like: "AC*" })).toBe(true);
    expect(holds({ field: "name", like: "*ct" })).toBe(true);
    expect(holds({ field: "name", notLike: "x*" })).toBe(true);
  });

  it("match: # is a digit, ? a letter, . any character; case-sensitive unless matchInsensitively", () => {
    expect(holds({ field: alias("customSubDomainName"), match: "aoai-????-##" })).toBe(true);
    expect(holds({ field: alias("customSubDomainName"), match: "AOAI-????-##" })).toBe(false);
    expect(holds({ field: alias("customSubDomainName"), matchInsensitively: "AOAI-????-##" })).toBe(true);
    expect(holds({ field: alias("customSubDomainName"), match: "aoai.prod.01" })).toBe(true);
    expect(holds({ field: alias("customSubDomainName"), notMatch: "aoai-#" })).toBe(true);
    expect(holds({ field: alias("customSubDomainName"), notMatchInsensitively: "AOAI-PROD-01" })).toBe(false);
  });

  it("contains / notContains: substring of a string, case-insensitive", () => {
    expect(holds({ field: alias("customSubDomainName"), contains: "PROD" })).toBe(true);
    expect(holds({ field: alias("customSubDomainName"), notContains: "dev" })).toBe(true);
  });

  it("in / notIn: membership in an array, case-insensitive", () => {
    expect(holds({ field: "kind", in: ["openai", "AIServices"] })).toBe(true);
    expect(holds({ field: "kind", notIn: ["AIServices"] })).toBe(true);
    expect(holds({ field: "kind", notin: ["OpenAI"] })).toBe(false);
  });

  it("containsKey / notContainsKey on an object (tags)", () => {
    expect(holds({ field: "tags", containsKey: "ENV" })).toBe(true);
    expect(holds({ field: "tags", notContainsKey: "owner" })).toBe(true);
  });

  it("less / lessOrEquals / greater / greaterOrEquals on numbers, dates and strings", () => {
    const r = arm({ retention: 30, created: "2026-01-15T00:00:00Z" });
    const scope = { resource: r, ruleResource: r, parameters: {}, frames: [] };
    expect(evaluateCondition({ value: 30, less: 31 }, scope)).toBe(true);
    expect(evaluateCondition({ value: 30, lessOrEquals: 30 }, scope)).toBe(true);
    expect(evaluateCondition({ value: 30, greater: 30 }, scope)).toBe(false);
    expect(evaluateCondition({ value: 30, greaterOrEquals: 30 }, scope)).toBe(true);
    expect(evaluateCondition({ value: "2026-01-15", greater: "2025-12-31" }, scope)).toBe(true);
    expect(evaluateCondition({ value: "b", greater: "A" }, scope)).toBe(true);
  });

  it("exists true / false (also as the strings 'true' / 'false')", () => {
    expect(holds({ field: alias("encryption"), exists: false })).toBe(true);
    expect(holds({ field: alias("encryption.keySource"), exists: "false" })).toBe(true);
    expect(holds({ field: alias("publicNetworkAccess"), exists: "true" })).toBe(true);
  });

  it("an alias of another resource type evaluates as absent", () => {
    expect(holds({ field: "Microsoft.Search/searchServices/disableLocalAuth", exists: true })).toBe(false);
  });

  it("refuses an alias of the resource's own type it does not know, and an unknown operator", () => {
    expect(() => holds({ field: alias("madeUpProperty"), exists: true })).toThrow(UnsupportedPolicyError);
    expect(() => holds({ field: "name", startsWith: "a" })).toThrow(/startsWith.*not supported/);
  });
});

describe("logical operators", () => {
  it("allOf needs all, anyOf one, not inverts; they nest", () => {
    const t = { field: "kind", equals: "OpenAI" };
    const f = { field: "kind", equals: "Face" };
    expect(holds({ allOf: [t, t] })).toBe(true);
    expect(holds({ allOf: [t, f] })).toBe(false);
    expect(holds({ anyOf: [f, t] })).toBe(true);
    expect(holds({ not: f })).toBe(true);
    expect(holds({ allOf: [{ not: { anyOf: [f, f] } }, t] })).toBe(true);
  });
});

describe("fields (definition-structure-policy-rule#fields)", () => {
  it("tags.<name> and tags['<name>'] read one tag, also with a dot in the name", () => {
    expect(holds({ field: "tags.env", equals: "prod" })).toBe(true);
    expect(holds({ field: "tags['cost.center']", equals: "4711" })).toBe(true);
    expect(holds({ field: "tags['owner']", exists: false })).toBe(true);
  });
});

describe("[*] aliases outside count (author-policies-for-arrays)", () => {
  it("the condition holds only when every array member meets it", () => {
    expect(holds({ field: alias("networkAcls.ipRules[*].value"), like: "10.0.0.*" })).toBe(true);
    expect(holds({ field: alias("networkAcls.ipRules[*].value"), equals: "10.0.0.1" })).toBe(false);
    expect(holds({ field: alias("allowedFqdnList[*]"), notEquals: "a.example.com" })).toBe(false);
  });

  it("an empty array meets any member condition (no member fails it)", () => {
    const empty = arm({ networkAcls: { ipRules: [] } });
    expect(holds({ field: alias("networkAcls.ipRules[*].value"), equals: "x" }, empty)).toBe(true);
  });
});

describe("count (definition-structure-policy-rule#count)", () => {
  it("field count without where counts the members", () => {
    expect(holds({ count: { field: alias("networkAcls.ipRules[*]") }, equals: 2 })).toBe(true);
    expect(holds({ count: { field: alias("networkAcls.virtualNetworkRules[*]") }, equals: 0 })).toBe(true);
  });

  it("field count with where evaluates the where condition on each member", () => {
    const where = { field: alias("networkAcls.ipRules[*].value"), equals: "10.0.0.2" };
    expect(holds({ count: { field: alias("networkAcls.ipRules[*]"), where }, equals: 1 })).toBe(true);
  });

  it("value count iterates an array; current(name) is the member", () => {
    const condition = {
      count: {
        value: "[parameters('allowed')]",
        name: "prefix",
        where: { field: alias("customSubDomainName"), like: "[concat(current('prefix'), '*')]" },
      },
      greater: 0,
    };
    expect(holds(condition, account, { allowed: ["aoai-", "x-"] })).toBe(true);
    expect(holds(condition, account, { allowed: ["x-"] })).toBe(false);
  });

  it("current(alias) inside a field count is the member; current() outside a count is an error", () => {
    const where = {
      value: "[current('Microsoft.CognitiveServices/accounts/allowedFqdnList[*]')]",
      like: "b.*",
    };
    expect(holds({ count: { field: alias("allowedFqdnList[*]"), where }, equals: 1 })).toBe(true);
    expect(() => holds({ value: "[current()]", equals: 1 })).toThrow(UnsupportedPolicyError);
  });

  it("counts nest (an array inside each member)", () => {
    const endpoint = arm(
      {
        privateLinkServiceConnections: [
          {
            name: "a",
            properties: {
              privateLinkServiceId: "/x/Microsoft.CognitiveServices/accounts/a",
              groupIds: ["account"],
            },
          },
          {
            name: "b",
            properties: {
              privateLinkServiceId: "/x/Microsoft.Storage/storageAccounts/b",
              groupIds: ["blob"],
            },
          },
        ],
      },
      { type: "Microsoft.Network/privateEndpoints", name: "pe" },
    );
    const pe = "Microsoft.Network/privateEndpoints";
    const condition = {
      count: {
        field: `${pe}/privateLinkServiceConnections[*]`,
        where: {
          allOf: [
            {
              field: `${pe}/privateLinkServiceConnections[*].privateLinkServiceId`,
              contains: "Microsoft.CognitiveServices/accounts",
            },
            { field: `${pe}/privateLinkServiceConnections[*].groupIds[*]`, equals: "account" },
          ],
        },
      },
      greaterOrEquals: 1,
    };
    expect(holds(condition, endpoint)).toBe(true);
  });
});

describe("template functions (policy-functions)", () => {
  const scope = {
    parameter: (name: string) => ({ list: ["a", "b"], effect: "Audit" })[name],
    field: (name: string) => (name === "name" ? "Acct" : undefined),
    current: () => undefined,
  };
  it("parameters(), field(), concat, toLower, toUpper, equals, if, first, contains, length", () => {
    expect(resolveValue("[parameters('effect')]", scope)).toBe("Audit");
    expect(resolveValue("[toLower(field('name'))]", scope)).toBe("acct");
    expect(resolveValue("[toUpper(concat(field('name'), '-', 'x'))]", scope)).toBe("ACCT-X");
    expect(resolveValue("[equals(parameters('effect'), 'Audit')]", scope)).toBe(true);
    expect(resolveValue("[if(equals(1, 2), 'y', 'n')]", scope)).toBe("n");
    expect(resolveValue("[first(parameters('list'))]", scope)).toBe("a");
    expect(resolveValue("[contains(parameters('list'), 'B')]", scope)).toBe(true);
    expect(resolveValue("[length(parameters('list'))]", scope)).toBe(2);
  });
  it("[[ escapes a literal [, '' a quote; an unknown function is refused", () => {
    expect(resolveValue("[[not an expression]", scope)).toBe("[not an expression]");
    expect(resolveValue("[concat('it''s')]", scope)).toBe("it's");
    expect(() => resolveValue("[utcNow()]", scope)).toThrow(/utcNow\(\).*not supported/);
  });
});

const definition = (
  rule: Record<string, unknown>,
  parameters: Record<string, unknown> = {},
  mode = "Indexed",
) =>
  policyDefinitionSchema.parse({
    name: "d1",
    properties: { displayName: "D1", mode, parameters, policyRule: rule },
  });

describe("parameters (definition-structure-parameters)", () => {
  it("assignment values win over defaults; an undeclared assignment parameter is an error", () => {
    const d = definition(
      { if: { field: "type", equals: ACCOUNT }, then: { effect: "[parameters('effect')]" } },
      { effect: { type: "String", defaultValue: "Audit" } },
    );
    expect(parameterValues(d, {})).toEqual({ effect: "Audit" });
    expect(parameterValues(d, { Effect: "Deny" })).toEqual({ effect: "Deny" });
    expect(() => parameterValues(d, { other: 1 })).toThrow(/assignment parameter "other"/);
  });
});

describe("effects", () => {
  const rule = (effect: string, details?: unknown) => ({
    if: {
      allOf: [
        { field: "type", equals: ACCOUNT },
        { field: alias("disableLocalAuth"), notEquals: true },
      ],
    },
    then: { effect, details },
  });
  const open = arm({ disableLocalAuth: false });

  it("Audit and Deny report the resources the if selects; Disabled nothing", () => {
    expect(
      evaluateDefinition(definition(rule("Audit")), {}, [open, account]).map((r) => r.compliance),
    ).toEqual(["NonCompliant"]);
    expect(evaluateDefinition(definition(rule("deny")), {}, [open])[0]?.effect).toBe("deny");
    expect(evaluateDefinition(definition(rule("Disabled")), {}, [open])).toEqual([]);
  });

  it("Modify reports the rewrite it would make (drift-to-be)", () => {
    const details = {
      operations: [{ operation: "addOrReplace", field: alias("disableLocalAuth"), value: true }],
    };
    expect(evaluateDefinition(definition(rule("Modify", details)), {}, [open])[0]?.drift).toBe(
      "addOrReplace Microsoft.CognitiveServices/accounts/disableLocalAuth = true",
    );
  });

  it("an effect outside the documented list is refused", () => {
    expect(() => evaluateDefinition(definition(rule("Quarantine")), {}, [open])).toThrow(
      /effect "quarantine"/,
    );
  });

  it("Indexed mode skips types without location; All mode evaluates them", () => {
    const setting = arm(
      {},
      { type: "Microsoft.Insights/diagnosticSettings", location: undefined, name: "ds" },
    );
    const any: Record<string, unknown> = {
      if: { field: "type", equals: "Microsoft.Insights/diagnosticSettings" },
      then: { effect: "Audit" },
    };
    expect(evaluateDefinition(definition(any), {}, [setting])).toEqual([]);
    expect(evaluateDefinition(definition(any, {}, "All"), {}, [setting])).toHaveLength(1);
  });
});

describe("AuditIfNotExists / DeployIfNotExists (existence condition on related resources)", () => {
  const diag = (logs: unknown[], scope = account.id, name = "ds") =>
    arm(
      { logs, workspaceId: "/w" },
      {
        type: "Microsoft.Insights/diagnosticSettings",
        name,
        location: undefined,
        scope,
        id: `${scope}/providers/Microsoft.Insights/diagnosticSettings/${name}`,
      },
    );
  const d: PolicyDefinition = definition({
    if: { field: "type", equals: ACCOUNT },
    then: {
      effect: "AuditIfNotExists",
      details: {
        type: "Microsoft.Insights/diagnosticSettings",
        existenceCondition: {
          count: {
            field: "Microsoft.Insights/diagnosticSettings/logs[*]",
            where: { field: "Microsoft.Insights/diagnosticSettings/logs[*].enabled", equals: "true" },
          },
          greater: 0,
        },
      },
    },
  });

  it("compliant when a related resource meets the existence condition", () => {
    const [result] = evaluateDefinition(d, {}, [account, diag([{ categoryGroup: "audit", enabled: true }])]);
    expect(result?.compliance).toBe("Compliant");
  });

  it("non-compliant when none exists, or the related ones fail the condition", () => {
    expect(evaluateDefinition(d, {}, [account])[0]?.reason).toMatch(
      /no related Microsoft.Insights\/diagnosticSettings/,
    );
    const result = evaluateDefinition(d, {}, [
      account,
      diag([{ categoryGroup: "audit", enabled: false }]),
    ])[0];
    expect(result?.compliance).toBe("NonCompliant");
  });

  it("only the extended resource's settings count (a setting on another resource does not)", () => {
    const other = diag(
      [{ categoryGroup: "audit", enabled: true }],
      "/subscriptions/s/resourceGroups/rg/providers/x/other",
    );
    expect(evaluateDefinition(d, {}, [account, other])[0]?.compliance).toBe("NonCompliant");
  });

  it("details.name selects the related resource by name; DINE reports what it would deploy", () => {
    const named = definition({
      if: { field: "type", equals: ACCOUNT },
      then: {
        effect: "DeployIfNotExists",
        details: { type: "Microsoft.Insights/diagnosticSettings", name: "central" },
      },
    });
    const result = evaluateDefinition(named, {}, [account, diag([], account.id, "mine")])[0];
    expect(result?.compliance).toBe("NonCompliant");
    expect(result?.drift).toMatch(/would deploy a Microsoft.Insights\/diagnosticSettings/);
    expect(evaluateDefinition(named, {}, [account, diag([], account.id, "central")])[0]?.compliance).toBe(
      "Compliant",
    );
  });

  it("field() in the existence condition's values is the if resource", () => {
    const self = definition({
      if: { field: "type", equals: ACCOUNT },
      then: {
        effect: "AuditIfNotExists",
        details: {
          type: "Microsoft.Insights/diagnosticSettings",
          existenceCondition: {
            field: "Microsoft.Insights/diagnosticSettings/workspaceId",
            equals: "[concat('/', substring(field('name'), 0, 1), '')]",
          },
        },
      },
    });
    // field('name') is the account "acct" → "/a", not the setting's "/w".
    expect(evaluateDefinition(self, {}, [account, diag([])])[0]?.compliance).toBe("NonCompliant");
  });
});
