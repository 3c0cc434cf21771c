import { describe, expect, it } from "vitest";
import { ConfigError, formatKeyPath } from "../src/config/errors";
import { namespaceValues, parseStackConfig } from "../src/config/load";
import { minimalConfig, problemsOf, shippedStackValues } from "./support/stackConfig";

type Mutable = ReturnType<typeof minimalConfig> & Record<string, unknown>;
function withChange(change: (config: Mutable) => void): Mutable {
  const config = structuredClone(minimalConfig()) as Mutable;
  change(config);
  return config;
}
// biome-ignore lint/suspicious/noExplicitAny: tests poke at arbitrary config shapes
type Loose = any;

describe("shipped stacks", () => {
  it.each(["dev", "prod"])("%s parses with no warnings", (stack) => {
    const { config, warnings } = parseStackConfig(shippedStackValues(stack), stack);
    expect(warnings).toEqual([]);
    expect(config.environment).toBe(stack);
  });

  it("prod: Entra-only, no public access, two regions, chat and embeddings in each, protected", () => {
    const { config } = parseStackConfig(shippedStackValues("prod"), "prod");
    expect(new Set(config.accounts.map((a) => a.location)).size).toBe(2);
    for (const account of config.accounts) {
      expect(account.localAuthEnabled).toBe(false);
      expect(account.publicNetworkAccess).toBe("Disabled");
      expect(account.protect).toBe(true);
      expect(account.deployments.map((d) => d.name)).toEqual(["chat", "embeddings"]);
    }
  });
});

describe("defaults", () => {
  it("are secure: no local auth, public access disabled, ACL deny, outbound restricted, system identity", () => {
    const { config } = parseStackConfig(minimalConfig() as Record<string, unknown>, "test");
    const account = config.accounts[0];
    expect(account).toMatchObject({
      kind: "OpenAI",
      location: "swedencentral",
      customSubDomain: "aoai-test",
      localAuthEnabled: false,
      publicNetworkAccess: "Disabled",
      networkAcls: { defaultAction: "Deny", ipRules: [], bypass: "None" },
      outbound: { restrict: true, allowedFqdns: [] },
      identity: { type: "SystemAssigned", userAssignedIdentityIds: [] },
      protect: false,
    });
    expect(account?.deployments[0]?.versionUpgradeOption).toBe("OnceNewDefaultVersionAvailable");
  });

  it("prod protects accounts unless told otherwise", () => {
    const prod = parseStackConfig(
      { ...minimalConfig(), environment: "prod" } as Record<string, unknown>,
      "p",
    );
    expect(prod.config.accounts[0]?.protect).toBe(true);
  });
});

describe("rejections name the key path, the value and what is allowed", () => {
  const cases: [string, (c: Loose) => void, RegExp][] = [
    [
      "unknown environment",
      (c) => (c.environment = "production"),
      /^aoai-platform:environment: "production": .*"dev"\|"test"\|"staging"\|"prod"/,
    ],
    [
      "unknown top-level key",
      (c) => (c.acounts = []),
      /^aoai-platform: "acounts": unknown key "acounts"; allowed: environment, location/,
    ],
    [
      "bad region",
      (c) => (c.location = "West Europe"),
      /^aoai-platform:location: "West Europe": must be an Azure region name/,
    ],
    [
      "bad account name",
      (c) => (c.accounts[0].name = "-bad"),
      /accounts\[0\]\.name: "-bad": must be 2-64 characters/,
    ],
    [
      "bad subdomain",
      (c) => (c.accounts[0].customSubDomain = "ends-with-"),
      /accounts\[0\]\.customSubDomain: "ends-with-": must be 2-63 characters \(one DNS label\): letters, digits and '-'/,
    ],
    [
      "default subdomain invalid",
      (c) => (c.accounts[0].name = "aoai_test"),
      /accounts\[0\]\.customSubDomain: missing: the default subdomain "aoai_test"/,
    ],
    [
      "deployment name with a dot",
      (c) => (c.accounts[0].deployments[0].name = "gpt.4"),
      /deployments\[0\]\.name: "gpt\.4": .*no '\.'/,
    ],
    [
      "fractional kTPM",
      (c) => (c.accounts[0].deployments[0].capacity = 1.5),
      /deployments\[0\]\.capacity: 1\.5: GlobalStandard capacity for gpt-4\.1-mini must be a whole number of kTPM from 1/,
    ],
    ["zero capacity", (c) => (c.accounts[0].deployments[0].capacity = 0), /capacity: 0: .*from 1/],
    [
      "regional PTU below the large-model minimum",
      (c) =>
        Object.assign(c.accounts[0].deployments[0], {
          model: "gpt-4.1",
          sku: "ProvisionedManaged",
          capacity: 25,
        }),
      /capacity: 25: ProvisionedManaged capacity for gpt-4\.1 must be a whole number of PTU from 50 in steps of 50, at most 100000/,
    ],
    [
      "regional PTU off the small-model step",
      (c) => Object.assign(c.accounts[0].deployments[0], { sku: "ProvisionedManaged", capacity: 30 }),
      /capacity: 30: .*PTU from 25 in steps of 25/,
    ],
    [
      "global PTU off step",
      (c) => Object.assign(c.accounts[0].deployments[0], { sku: "GlobalProvisionedManaged", capacity: 17 }),
      /capacity: 17: .*PTU from 15 in steps of 5/,
    ],
    [
      "PTU over the per-deployment maximum",
      (c) =>
        Object.assign(c.accounts[0].deployments[0], { sku: "GlobalProvisionedManaged", capacity: 100_005 }),
      /at most 100000/,
    ],
    [
      "DeveloperTier for a base model",
      (c) => (c.accounts[0].deployments[0].sku = "DeveloperTier"),
      /deployments\[0\]\.sku: "DeveloperTier": DeveloperTier is for fine-tuned models only/,
    ],
    [
      "unknown SKU",
      (c) => (c.accounts[0].deployments[0].sku = "Premium"),
      /deployments\[0\]\.sku: "Premium": .*"GlobalStandard"/,
    ],
    [
      "bad upgrade option",
      (c) => (c.accounts[0].deployments[0].versionUpgradeOption = "Always"),
      /versionUpgradeOption: "Always": .*"NoAutoUpgrade"/,
    ],
    [
      "duplicate deployment names",
      (c) => c.accounts[0].deployments.push({ ...c.accounts[0].deployments[0], name: "CHAT" }),
      /deployments\[1\]\.name: "CHAT": duplicate deployment name "CHAT" \(also at index 0\)/,
    ],
    [
      "more than 32 deployments",
      (c) => {
        c.accounts[0].deployments = Array.from({ length: 33 }, (_, i) => ({
          ...c.accounts[0].deployments[0],
          name: `d${i}`,
        }));
      },
      /accounts\[0\]\.deployments: .*33 deployments; an account holds at most 32/,
    ],
    [
      "duplicate account names",
      (c) => c.accounts.push({ ...c.accounts[0], customSubDomain: "other-sub" }),
      /accounts\[1\]\.name: "aoai-test": duplicate account name/,
    ],
    [
      "duplicate subdomains across accounts",
      (c) => c.accounts.push({ ...c.accounts[0], name: "aoai-other", customSubDomain: "AOAI-TEST" }),
      /accounts\[1\]\.customSubDomain: "AOAI-TEST": duplicate custom subdomain/,
    ],
    [
      "unknown content filter reference",
      (c) => (c.accounts[0].deployments[0].contentFilter = "strict"),
      /contentFilter: "strict": no content filter named "strict" on this account; use one of "Microsoft.DefaultV2"/,
    ],
    [
      "bad severity threshold",
      (c) => (c.accounts[0].contentFilters = [{ name: "f1", categories: { hate: { prompt: "Lowest" } } }]),
      /contentFilters\[0\]\.categories\.hate\.prompt: "Lowest": .*"Low"\|"Medium"\|"High"\|"Off"/,
    ],
    [
      "ip rules with public access disabled",
      (c) => (c.accounts[0].networkAcls = { ipRules: ["203.0.113.0/24"] }),
      /networkAcls\.ipRules: \["203\.0\.113\.0\/24"\]: ip rules have no effect while publicNetworkAccess is Disabled/,
    ],
    [
      "malformed ip rule",
      (c) =>
        Object.assign(c.accounts[0], {
          publicNetworkAccess: "Enabled",
          networkAcls: { ipRules: ["10.0.0.0/33"] },
        }),
      /ipRules\[0\]: "10\.0\.0\.0\/33": must be an IPv4 address or CIDR range/,
    ],
    [
      "malformed FQDN",
      (c) => (c.accounts[0].outbound = { allowedFqdns: ["not a host"] }),
      /allowedFqdns\[0\]: "not a host": must be a fully qualified domain name/,
    ],
    [
      "user-assigned identity without ids",
      (c) => (c.accounts[0].identity = { type: "UserAssigned" }),
      /identity\.userAssignedIdentityIds: missing: identity type "UserAssigned" needs at least one/,
    ],
    [
      "customer-managed key without a system identity",
      (c) =>
        Object.assign(c.accounts[0], {
          identity: {
            type: "UserAssigned",
            userAssignedIdentityIds: [
              "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id1",
            ],
          },
          customerManagedKey: { keyVaultUri: "https://kv-contoso.vault.azure.net/", keyName: "aoai" },
        }),
      /identity\.type: "UserAssigned": a customer-managed key on Azure OpenAI is used through the system-assigned identity/,
    ],
    ["no accounts", (c) => (c.accounts = []), /^aoai-platform:accounts: \[\]: declare at least one account/],
    [
      "quota exceeded",
      (c) =>
        (c.quota = [{ region: "swedencentral", sku: "GlobalStandard", model: "gpt-4.1-mini", limit: 5 }]),
      /accounts\[0\]\.deployments\[0\]\.capacity: 10: GlobalStandard gpt-4\.1-mini in swedencentral: 1 deployment\(s\) plan 10 kTPM in total, over the declared quota of 5 kTPM/,
    ],
    [
      "PTU quota naming a model",
      (c) =>
        (c.quota = [
          { region: "swedencentral", sku: "GlobalProvisionedManaged", model: "gpt-4.1", limit: 100 },
        ]),
      /quota\[0\]\.model: "gpt-4\.1": GlobalProvisionedManaged quota is counted in PTUs per region for all models/,
    ],
    [
      "token quota without a model",
      (c) => (c.quota = [{ region: "swedencentral", sku: "GlobalStandard", limit: 100 }]),
      /quota\[0\]\.model: missing: GlobalStandard quota is per model/,
    ],
  ];

  it.each(cases)("%s", (_name, change, expected) => {
    const problems = problemsOf(withChange(change));
    expect(problems.length).toBeGreaterThan(0);
    expect(
      problems.some((p) => expected.test(p)),
      problems.join("\n"),
    ).toBe(true);
  });

  it("reports every problem at once", () => {
    const problems = problemsOf(
      withChange((c: Loose) => {
        c.environment = "qa";
        c.accounts[0].deployments[0].capacity = -1;
        c.accounts[0].kind = "Speech";
      }),
    );
    expect(problems).toHaveLength(3);
  });

  it("throws a ConfigError whose message lists each problem on its own line", () => {
    expect(() =>
      parseStackConfig({ ...minimalConfig(), environment: "qa" } as Record<string, unknown>, "s"),
    ).toThrow(ConfigError);
    try {
      parseStackConfig(
        { ...minimalConfig(), environment: "qa", location: "x y" } as Record<string, unknown>,
        "s",
      );
    } catch (error) {
      expect((error as Error).message.split("\n")).toHaveLength(3);
    }
  });
});

describe("quota", () => {
  it("sums capacity across accounts in one region and accepts it at the limit", () => {
    const config = withChange((c: Loose) => {
      c.accounts.push({ ...c.accounts[0], name: "aoai-two" });
      c.primaryAccount = "aoai-two";
      c.quota = [{ region: "swedencentral", sku: "GlobalStandard", model: "gpt-4.1-mini", limit: 20 }];
    });
    expect(problemsOf(config)).toEqual([]);
    config.quota = [{ region: "swedencentral", sku: "GlobalStandard", model: "gpt-4.1-mini", limit: 19 }];
    expect(problemsOf(config).join("\n")).toMatch(
      /2 deployment\(s\) plan 20 kTPM in total, over the declared quota of 19/,
    );
  });

  it("keeps regions apart", () => {
    const config = withChange((c: Loose) => {
      c.accounts.push({ ...c.accounts[0], name: "aoai-two", location: "francecentral" });
      c.primaryAccount = "aoai-two";
      c.quota = [{ region: "swedencentral", sku: "GlobalStandard", model: "gpt-4.1-mini", limit: 10 }];
    });
    expect(problemsOf(config)).toEqual([]);
  });

  it("counts PTU quota across models", () => {
    const config = withChange((c: Loose) => {
      c.accounts[0].deployments = [
        { name: "a", model: "gpt-4.1", version: "2025-04-14", sku: "GlobalProvisionedManaged", capacity: 50 },
        { name: "b", model: "gpt-4o", version: "2024-11-20", sku: "GlobalProvisionedManaged", capacity: 50 },
      ];
      c.quota = [{ region: "swedencentral", sku: "GlobalProvisionedManaged", limit: 90 }];
    });
    expect(problemsOf(config).join("\n")).toMatch(
      /GlobalProvisionedManaged in swedencentral: 2 deployment\(s\) plan 100 PTU/,
    );
  });
});

describe("warnings", () => {
  it("an unknown model or version is a warning, not an error", () => {
    const { warnings } = parseStackConfig(
      withChange((c: Loose) => {
        c.accounts[0].deployments.push({
          name: "next",
          model: "gpt-7",
          version: "2027-01-01",
          sku: "GlobalStandard",
          capacity: 1,
        });
        c.accounts[0].deployments[0].version = "2099-01-01";
      }),
      "t",
    );
    const rules = warnings.map((w) => `${w.rule} ${w.key}`);
    expect(rules).toContain("config.unknown-model accounts[0].deployments[1].model");
    expect(rules).toContain("config.unknown-model-version accounts[0].deployments[0].version");
  });

  it("undeclared quota and undocumented batch units are warnings", () => {
    const { warnings } = parseStackConfig(
      withChange((c: Loose) => {
        c.accounts[0].deployments[0].sku = "GlobalBatch";
        c.accounts[0].deployments.push({
          name: "emb",
          model: "text-embedding-3-small",
          version: "1",
          sku: "Standard",
          capacity: 5,
        });
      }),
      "t",
    );
    expect(warnings.map((w) => w.rule).sort()).toEqual([
      "config.quota-undeclared",
      "config.undocumented-capacity-unit",
    ]);
  });
});

describe("reading Pulumi config", () => {
  it("decodes structured values, keeps scalars as strings and ignores other namespaces", () => {
    expect(
      namespaceValues({
        "aoai-platform:accounts": '[{"name":"a"}]',
        "aoai-platform:apiVersion": "2024-10-21",
        "aoai-platform:location": "2024",
        "azure-native:location": "swedencentral",
      }),
    ).toEqual({ accounts: [{ name: "a" }], apiVersion: "2024-10-21", location: "2024" });
  });

  it("formats key paths like the docs", () => {
    expect(formatKeyPath(["accounts", 0, "deployments", 1, "capacity"])).toBe(
      "accounts[0].deployments[1].capacity",
    );
  });
});
