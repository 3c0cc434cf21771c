import { describe, expect, it } from "vitest";
import { raiPolicyProperties } from "../components/content-filter/settings";
import { contentFilterSpecSchema } from "../components/content-filter/spec";
import {
  customerManagedKey,
  customSubDomain,
  localAuthDisabled,
  managedIdentity,
  networkAccessRestricted,
  noNetworkAclAllowRules,
  outboundRestricted,
  prodAccountsProtected,
} from "../policy/rules/account";
import { RULES } from "../policy/rules/catalog";
import { contentFilterStrength } from "../policy/rules/contentFilter";
import { evaluateRules } from "../policy/rules/evaluate";
import {
  deploymentsChained,
  diagnosticLogs,
  privateDnsComplete,
  privateLink,
  requiredTags,
  roleScopesLeastPrivilege,
} from "../policy/rules/graph";
import { noKeysInOutputs } from "../policy/rules/outputs";
import { policySettingsSchema } from "../policy/rules/settings";
import type { ResourceView, Rule, RuleContext } from "../policy/rules/types";

const context: RuleContext = { environment: "prod", requiredTags: ["environment", "owner"] };

function view(
  type: string,
  name: string,
  inputs: Record<string, unknown>,
  extra: Partial<ResourceView> = {},
): ResourceView {
  return {
    urn: `urn:pulumi:prod::p::${type}::${name}`,
    type: `azure-native:${type}`,
    name,
    inputs,
    protect: false,
    parent: null,
    dependencies: [],
    ...extra,
  };
}

const compliantProperties = {
  customSubDomainName: "aoai-x",
  disableLocalAuth: true,
  publicNetworkAccess: "Disabled",
  networkAcls: { defaultAction: "Deny", ipRules: [], virtualNetworkRules: [] },
  restrictOutboundNetworkAccess: true,
  allowedFqdnList: ["srch.search.windows.net"],
  encryption: { keySource: "Microsoft.KeyVault" },
};
const account = (properties: Record<string, unknown> = {}, extra: Partial<ResourceView> = {}) =>
  view(
    "cognitiveservices:Account",
    "acct",
    {
      accountName: "aoai-x",
      kind: "OpenAI",
      identity: { type: "SystemAssigned" },
      properties: { ...compliantProperties, ...properties },
      tags: { environment: "prod", owner: "me" },
    },
    { protect: true, ...extra },
  );

function violations(rule: Rule, resources: ResourceView[]): string[] {
  return rule.check(resources, context).map((v) => v.message);
}

describe("account rules: one compliant and one non-compliant case each", () => {
  const cases: [Rule, Record<string, unknown> | ((a: ResourceView) => ResourceView), RegExp][] = [
    [
      networkAccessRestricted,
      { publicNetworkAccess: "Enabled", networkAcls: { defaultAction: "Allow" } },
      /publicNetworkAccess is Enabled/,
    ],
    [localAuthDisabled, { disableLocalAuth: false }, /API keys are enabled/],
    [outboundRestricted, { allowedFqdnList: [] }, /allowedFqdnList is empty/],
    [
      noNetworkAclAllowRules,
      { networkAcls: { defaultAction: "Deny", ipRules: [{ value: "1.2.3.4" }] } },
      /1 IP rule/,
    ],
    [customerManagedKey, { encryption: undefined }, /Microsoft-managed key/],
    [customSubDomain, { customSubDomainName: "" }, /no customSubDomainName/],
    [
      managedIdentity,
      (a) => ({ ...a, inputs: { ...a.inputs, identity: { type: "None" } } }),
      /no managed identity/,
    ],
    [prodAccountsProtected, (a) => ({ ...a, protect: false }), /not protected/],
  ];
  it.each(cases)("%s", (rule, breakIt, expected) => {
    expect(violations(rule, [account()])).toEqual([]);
    const broken = typeof breakIt === "function" ? breakIt(account()) : account(breakIt);
    const found = violations(rule, [broken]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(expected);
  });

  it("network access passes with public access on but ACL default Deny", () => {
    expect(violations(networkAccessRestricted, [account({ publicNetworkAccess: "Enabled" })])).toEqual([]);
  });

  it("outbound restriction applies to OpenAI accounts only", () => {
    const ai = account({ restrictOutboundNetworkAccess: false });
    expect(violations(outboundRestricted, [{ ...ai, inputs: { ...ai.inputs, kind: "AIServices" } }])).toEqual(
      [],
    );
  });
});

describe("graph rules", () => {
  const acct = account();
  const pe = view(
    "network:PrivateEndpoint",
    "pe",
    {
      privateLinkServiceConnections: [{ groupIds: ["account"] }],
      tags: { environment: "prod", owner: "me" },
    },
    { dependencies: [acct.urn] },
  );
  const zoneId = (zone: string) =>
    `/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/privateDnsZones/${zone}`;
  const zoneGroup = (zones: string[]) =>
    view(
      "network:PrivateDnsZoneGroup",
      "zg",
      { privateDnsZoneConfigs: zones.map((z) => ({ privateDnsZoneId: zoneId(z) })) },
      { dependencies: [pe.urn] },
    );

  it("private link: an account needs an endpoint on group `account`", () => {
    expect(violations(privateLink, [acct, pe])).toEqual([]);
    expect(violations(privateLink, [acct])).toEqual([expect.stringMatching(/aoai-x: no private endpoint/)]);
    const wrongGroup = { ...pe, inputs: { privateLinkServiceConnections: [{ groupIds: ["blob"] }] } };
    expect(violations(privateLink, [acct, wrongGroup])).toHaveLength(1);
  });

  it("private DNS: both zones for OpenAI, from ids or from the zones the group depends on", () => {
    expect(
      violations(privateDnsComplete, [
        acct,
        pe,
        zoneGroup(["privatelink.openai.azure.com", "privatelink.cognitiveservices.azure.com"]),
      ]),
    ).toEqual([]);
    expect(
      violations(privateDnsComplete, [acct, pe, zoneGroup(["privatelink.cognitiveservices.azure.com"])]),
    ).toEqual([expect.stringMatching(/missing DNS zone\(s\) privatelink\.openai\.azure\.com/)]);
    const zones = ["privatelink.openai.azure.com", "privatelink.cognitiveservices.azure.com"].map((z) =>
      view("privatedns:PrivateZone", z, { privateZoneName: z }),
    );
    const unknownIds = view(
      "network:PrivateDnsZoneGroup",
      "zg",
      { privateDnsZoneConfigs: [{}, {}] },
      { dependencies: [pe.urn, ...zones.map((z) => z.urn)] },
    );
    expect(violations(privateDnsComplete, [acct, pe, unknownIds, ...zones])).toEqual([]);
    const aiServices = { ...acct, inputs: { ...acct.inputs, kind: "AIServices" } };
    expect(
      violations(privateDnsComplete, [
        aiServices,
        pe,
        zoneGroup(["privatelink.openai.azure.com", "privatelink.cognitiveservices.azure.com"]),
      ]),
    ).toEqual([expect.stringMatching(/privatelink\.services\.ai\.azure\.com/)]);
  });

  it("diagnostic logs: a setting with enabled logs on the account", () => {
    const setting = (logs: unknown[]) =>
      view("monitor:DiagnosticSetting", "diag", { logs }, { dependencies: [acct.urn] });
    expect(
      violations(diagnosticLogs, [acct, setting([{ categoryGroup: "allLogs", enabled: true }])]),
    ).toEqual([]);
    expect(violations(diagnosticLogs, [acct, setting([])])).toHaveLength(1);
    expect(violations(diagnosticLogs, [acct])).toHaveLength(1);
  });

  it("deployments chained: every pair on an account is ordered, directly or transitively", () => {
    const d1 = view("cognitiveservices:Deployment", "d1", {}, { dependencies: [acct.urn] });
    const d2 = view("cognitiveservices:Deployment", "d2", {}, { dependencies: [acct.urn, d1.urn] });
    const d3 = view("cognitiveservices:Deployment", "d3", {}, { dependencies: [acct.urn, d2.urn] });
    expect(violations(deploymentsChained, [acct, d1, d2, d3])).toEqual([]);
    const parallel = view("cognitiveservices:Deployment", "d4", {}, { dependencies: [acct.urn, d1.urn] });
    expect(violations(deploymentsChained, [acct, d1, d2, d3, parallel])).toEqual([
      expect.stringMatching(/d2 and d4 may run in parallel/),
      expect.stringMatching(/d3 and d4 may run in parallel/),
    ]);
  });

  it("role scopes: no Owner or User Access Administrator, nothing at subscription scope but Usages Reader", () => {
    const assignment = (guid: string, scope: string) =>
      view("authorization:RoleAssignment", `ra-${guid.slice(0, 4)}`, {
        roleDefinitionId: `/subscriptions/s/providers/Microsoft.Authorization/roleDefinitions/${guid}`,
        scope,
      });
    const accountScope =
      "/subscriptions/s/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/a";
    expect(
      violations(roleScopesLeastPrivilege, [
        assignment("5e0bd9bd-7b93-4f28-af87-19fc36ad61bd", accountScope),
      ]),
    ).toEqual([]);
    expect(
      violations(roleScopesLeastPrivilege, [
        assignment("bba48692-92b0-4667-a9ad-c31c7b334ac2", "/subscriptions/s"),
      ]),
    ).toEqual([]);
    expect(
      violations(roleScopesLeastPrivilege, [
        assignment("8e3af657-a8ff-443c-a75c-2fe8c4bcb635", accountScope),
      ]),
    ).toEqual([expect.stringMatching(/assigns Owner/)]);
    expect(
      violations(roleScopesLeastPrivilege, [
        assignment("5e0bd9bd-7b93-4f28-af87-19fc36ad61bd", "/subscriptions/s"),
      ]),
    ).toEqual([expect.stringMatching(/scoped to \/subscriptions\/s/)]);
  });

  it("required tags on taggable resources only", () => {
    expect(violations(requiredTags, [acct, pe])).toEqual([]);
    const untagged = { ...acct, inputs: { ...acct.inputs, tags: { environment: "prod" } } };
    expect(violations(requiredTags, [untagged])).toEqual([expect.stringMatching(/missing tag\(s\) owner/)]);
    expect(violations(requiredTags, [view("authorization:RoleAssignment", "ra", {})])).toEqual([]);
  });

  it("content filters: built-in or at least as strict as the default", () => {
    const policy = (spec: Record<string, unknown>) =>
      view("cognitiveservices:RaiPolicy", "pol", {
        raiPolicyName: "pol",
        accountName: "aoai-x",
        properties: raiPolicyProperties(contentFilterSpecSchema.parse({ name: "pol", ...spec })),
      });
    const deployment = (p: ResourceView) =>
      view(
        "cognitiveservices:Deployment",
        "chat",
        { accountName: "aoai-x", properties: { raiPolicyName: "pol" } },
        { dependencies: [p.urn] },
      );
    const builtIn = view("cognitiveservices:Deployment", "emb", {
      properties: { raiPolicyName: "Microsoft.DefaultV2" },
    });
    expect(violations(contentFilterStrength, [builtIn])).toEqual([]);
    const strict = policy({ preset: "strict" });
    expect(violations(contentFilterStrength, [strict, deployment(strict)])).toEqual([]);
    const weak = policy({ categories: { violence: { completion: "High" } }, jailbreak: false });
    expect(violations(contentFilterStrength, [weak, deployment(weak)])).toEqual([
      expect.stringMatching(
        /weaker than Microsoft's default: Violence on completions at High \(default Medium\); Jailbreak off/,
      ),
    ]);
  });

  it("no keys in outputs", () => {
    const stack = (outputs: Record<string, unknown>) => ({
      ...view("x", "s", outputs),
      type: "pulumi:pulumi:Stack",
    });
    expect(
      violations(noKeysInOutputs, [
        stack({
          AZURE_OPENAI_ENDPOINT: "https://a.openai.azure.com/",
          modelDeployments: { "gpt-4.1": "chat" },
        }),
      ]),
    ).toEqual([]);
    expect(violations(noKeysInOutputs, [stack({ primaryKey: "abc" })])).toEqual([
      expect.stringMatching(/primaryKey is named like a key/),
    ]);
    expect(
      violations(noKeysInOutputs, [
        stack({ accounts: { a: { value: "0123456789abcdef0123456789abcdef" } } }),
      ]),
    ).toEqual([expect.stringMatching(/accounts\.a\.value looks like an account key/)]);
    expect(violations(noKeysInOutputs, [stack({ apiKey: "[secret]" })])).toEqual([]);
  });
});

describe("evaluation", () => {
  const settings = (input: Record<string, unknown> = {}) => policySettingsSchema.parse(input);
  const open = account({ disableLocalAuth: false });

  it("a violation is mandatory in prod and advisory in dev", () => {
    expect(evaluateRules([open], "prod", settings(), [localAuthDisabled]).findings[0]?.enforcement).toBe(
      "mandatory",
    );
    expect(evaluateRules([open], "dev", settings(), [localAuthDisabled]).findings[0]?.enforcement).toBe(
      "advisory",
    );
  });

  it("stack overrides change enforcement; exemptions move a violation aside with its reason", () => {
    expect(
      evaluateRules([open], "prod", settings({ enforcement: { "aoai-local-auth-disabled": "disabled" } }), [
        localAuthDisabled,
      ]).findings,
    ).toEqual([]);
    const exempted = evaluateRules(
      [open],
      "prod",
      settings({
        exemptions: [
          { rule: "aoai-local-auth-disabled", resource: "acct", reason: "legacy batch job until 2027-01" },
        ],
      }),
      [localAuthDisabled],
    );
    expect(exempted.findings).toEqual([]);
    expect(exempted.exempted).toEqual([
      expect.objectContaining({ rule: "aoai-local-auth-disabled", reason: "legacy batch job until 2027-01" }),
    ]);
    const otherResource = evaluateRules(
      [open],
      "prod",
      settings({
        exemptions: [{ rule: "aoai-local-auth-disabled", resource: "other", reason: "not this one, sorry" }],
      }),
      [localAuthDisabled],
    );
    expect(otherResource.findings).toHaveLength(1);
  });

  it("every rule has a unique id, a description and a source", () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const rule of RULES) {
      expect(rule.id).toMatch(/^aoai-[a-z-]+$/);
      expect(rule.description.length).toBeGreaterThan(10);
      expect(rule.source.length).toBeGreaterThan(3);
    }
  });
});
