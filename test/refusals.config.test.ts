/** Limits and rules from Azure's documentation: what Azure would refuse, the config refuses first. */
import { describe, expect, it } from "vitest";
import { parseStackConfig } from "../src/config/load";
import type { StackConfigInput } from "../src/config/schema";
import { minimalConfig, problemsOf } from "./support/stackConfig";

type Account = StackConfigInput["accounts"][number];
const withAccount = (extra: Partial<Account>): StackConfigInput => {
  const config = minimalConfig();
  return { ...config, accounts: [{ ...(config.accounts[0] as Account), ...extra }] };
};
const warningsOf = (config: unknown, today?: Date) =>
  parseStackConfig(config as Record<string, unknown>, "test", { today }).warnings.map(
    (w) => `${w.rule} ${w.key}: ${w.message}`,
  );
const budget = (startDate: string) => ({
  ...minimalConfig(),
  budget: { name: "b", amount: 10, startDate, contactEmails: ["a@contoso.com"] },
});

describe("customSubDomain is one DNS label", () => {
  it("accepts 63 characters and refuses 64 and 65, set or defaulted from the name", () => {
    expect(problemsOf(withAccount({ customSubDomain: "a".repeat(63) }))).toEqual([]);
    for (const length of [64, 65]) {
      expect(problemsOf(withAccount({ customSubDomain: "a".repeat(length) }))[0]).toMatch(
        /^aoai-platform:accounts\[0\]\.customSubDomain: "a+": must be 2-63 characters \(one DNS label\)/,
      );
    }
    expect(problemsOf(withAccount({ name: "b".repeat(64) }))[0]).toMatch(
      /^aoai-platform:accounts\[0\]\.customSubDomain: missing: the default subdomain "b{64}" \(the account name\) is not valid/,
    );
  });
});

describe("tags", () => {
  it("counts the platform's three tags against Azure's 50", () => {
    const tags = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`t${i}`, "v"]));
    expect(problemsOf({ ...minimalConfig(), tags: tags(47) })).toEqual([]);
    expect(problemsOf({ ...minimalConfig(), tags: tags(48) })).toEqual([
      expect.stringMatching(
        /^aoai-platform:tags: .*: 51 tags per resource with the platform's environment, managed-by, workload; Azure allows at most 50$/,
      ),
    ]);
  });

  it("refuses overriding the platform's own tags, in any case, and case-duplicate names", () => {
    const problems = problemsOf({
      ...minimalConfig(),
      tags: { environment: "prod", "Managed-By": "pulumi", owner: "a", Owner: "b" },
    });
    expect(problems).toEqual([
      'aoai-platform:tags.environment: "prod": "environment" is the platform\'s own tag (environment: dev) on every resource; it cannot be overridden (set the stack\'s environment key instead)',
      'aoai-platform:tags.Managed-By: "pulumi": "managed-by" is the platform\'s own tag (managed-by: pulumi) on every resource; it cannot be overridden',
      'aoai-platform:tags.Owner: "b": the same tag as "owner": Azure tag names are case-insensitive',
    ]);
    // Repeating a platform tag with its own value is harmless.
    expect(problemsOf({ ...minimalConfig(), tags: { environment: "dev" } })).toEqual([]);
  });
});

describe("network ACL ip rules", () => {
  const open = (ipRules: string[]) =>
    withAccount({ publicNetworkAccess: "Enabled", networkAcls: { ipRules } });

  it("refuses private, loopback and link-local addresses and ranges that cover them", () => {
    const problems = problemsOf(
      open(["10.1.2.3", "127.0.0.1", "169.254.10.0/24", "0.0.0.0/0", "203.0.113.0/24"]),
    );
    expect(problems).toEqual([
      expect.stringMatching(
        /^aoai-platform:accounts\[0\]\.networkAcls\.ipRules\[0\]: "10\.1\.2\.3": overlaps 10\.0\.0\.0\/8, private \(RFC 1918\)/,
      ),
      expect.stringMatching(/ipRules\[1\]: "127\.0\.0\.1": overlaps 127\.0\.0\.0\/8, loopback/),
      expect.stringMatching(/ipRules\[2\]: "169\.254\.10\.0\/24": overlaps 169\.254\.0\.0\/16, link-local/),
      expect.stringMatching(/ipRules\[3\]: "0\.0\.0\.0\/0": overlaps/),
    ]);
  });

  it("holds at most 100 rules", () => {
    const rules = (n: number) =>
      Array.from({ length: n }, (_, i) => `198.51.${Math.floor(i / 250)}.${i % 250}`);
    expect(problemsOf(open(rules(100)))).toEqual([]);
    expect(problemsOf(open(rules(101)))).toEqual([
      expect.stringMatching(
        /^aoai-platform:accounts\[0\]\.networkAcls\.ipRules: .*: an account holds at most 100 ip rules/,
      ),
    ]);
  });
});

describe("VNet address space", () => {
  it("refuses Azure's reserved ranges", () => {
    const vnet = (addressSpace: string[], addressPrefix: string) => ({
      ...minimalConfig(),
      network: {
        regions: { swedencentral: { vnet: { addressSpace, privateEndpointSubnet: { addressPrefix } } } },
      },
    });
    expect(problemsOf(vnet(["10.40.0.0/24"], "10.40.0.0/27"))).toEqual([]);
    for (const [range, what] of [
      ["169.254.0.0/24", "link-local"],
      ["127.0.0.0/24", "loopback"],
      ["224.0.0.0/24", "multicast"],
      ["168.63.129.0/24", "Azure's internal DNS"],
    ]) {
      expect(problemsOf(vnet([range as string], range as string))).toContainEqual(
        expect.stringMatching(
          new RegExp(
            `^aoai-platform:network\\.regions\\.swedencentral\\.vnet\\.addressSpace\\[0\\]: .*: overlaps .*\\(${what}`,
          ),
        ),
      );
    }
  });
});

describe("budget start date", () => {
  const today = new Date("2026-12-15T10:00:00Z");

  it("accepts this month up to twelve months ahead, refuses later starts", () => {
    expect(() => parseStackConfig(budget("2026-12-01"), "test", { today })).not.toThrow();
    expect(() => parseStackConfig(budget("2027-12-01"), "test", { today })).not.toThrow();
    expect(() => parseStackConfig(budget("2028-01-01"), "test", { today })).toThrow(
      'aoai-platform:budget.startDate: "2028-01-01": Azure accepts a budget start at most 12 months ahead (today the latest is 2027-12-01)',
    );
  });

  it("warns about a past start: fine for an existing budget, a failure for a new one", () => {
    expect(warningsOf(budget("2026-11-01"), today)).toContain(
      "config.budget-start-past budget.startDate: 2026-11-01 is before this month: fine for a budget that already exists, but creating it fails (a new budget starts no earlier than 2026-12-01)",
    );
    expect(warningsOf(budget("2026-12-01"), today).filter((w) => w.startsWith("config.budget"))).toEqual([]);
  });
});

describe("regex blocklist terms", () => {
  const filter = (pattern: string) =>
    withAccount({
      contentFilters: [{ name: "cf", blocklists: [{ name: "bl", terms: [{ pattern, regex: true }] }] }],
    });

  it("refuses a pattern that does not compile, accepts portable ones and inline flags", () => {
    for (const pattern of ["PRJ-[0-9]{4}", "(?i)bluebird", "b[i1][a@][s\\$]", "(?>code)(?#note)\\d+"]) {
      expect(problemsOf(filter(pattern))).toEqual([]);
    }
    expect(problemsOf(filter("PRJ-([0-9]{4}"))).toEqual([
      'aoai-platform:accounts[0].contentFilters[0].blocklists[0].terms[0].pattern: "PRJ-([0-9]{4}": is not a valid regular expression (Unterminated group)',
    ]);
    expect(problemsOf(filter("*secret"))[0]).toContain(
      "is not a valid regular expression (Nothing to repeat)",
    );
    // An exact term is never compiled.
    expect(
      problemsOf(
        withAccount({ contentFilters: [{ name: "cf", blocklists: [{ name: "bl", terms: ["a(b"] }] }] }),
      ),
    ).toEqual([]);
  });
});

describe("blocklists belong to the account", () => {
  it("refuses one blocklist name with different terms in two filters, naming both", () => {
    const problems = problemsOf(
      withAccount({
        contentFilters: [
          { name: "strict", blocklists: [{ name: "codes", terms: ["a"] }] },
          { name: "relaxed", blocklists: [{ name: "codes", terms: ["b"] }] },
        ],
      }),
    );
    expect(problems).toEqual([
      'aoai-platform:accounts[0].contentFilters[1].blocklists[0].name: "codes": content filter "strict" (contentFilters[0]) already declares blocklist "codes" with other terms or description; a blocklist belongs to the account (accounts/{account}/raiBlocklists/{name}), so one name is one list: declare it identically in both filters to share it, or rename one',
    ]);
  });
});

describe("apiVersion", () => {
  it("must be a real date", () => {
    expect(problemsOf({ ...minimalConfig(), apiVersion: "2024-02-29" })).toEqual([]);
    expect(problemsOf({ ...minimalConfig(), apiVersion: "2025-04-01-preview" })).toEqual([]);
    expect(problemsOf({ ...minimalConfig(), apiVersion: "2024-02-30" })).toEqual([
      'aoai-platform:apiVersion: "2024-02-30": is not a real date; API versions are release dates such as 2024-10-21',
    ]);
    expect(problemsOf({ ...minimalConfig(), apiVersion: "2025-13-01-preview" })).toHaveLength(1);
  });
});

describe("regions", () => {
  it("a near miss of a known region is an error with the suggestion, wherever a region is named", () => {
    expect(problemsOf({ ...minimalConfig(), location: "swedencentrall" })).toEqual([
      'aoai-platform:location: "swedencentrall": unknown region "swedencentrall"; did you mean "swedencentral"?',
    ]);
    expect(problemsOf(withAccount({ location: "francecentrl" }))).toEqual([
      'aoai-platform:accounts[0].location: "francecentrl": unknown region "francecentrl"; did you mean "francecentral"?',
    ]);
  });

  it("a name far from every known region is a warning, since Azure adds regions", () => {
    const config = withAccount({ location: "marsnorth" });
    expect(problemsOf(config)).toEqual([]);
    expect(warningsOf(config)).toContainEqual(
      expect.stringMatching(
        /^config\.unknown-region accounts\[0\]\.location: region "marsnorth" is not in the built-in catalog/,
      ),
    );
  });
});

describe("quota entries", () => {
  it("an entry that is a near miss of a planned quota is an error with the suggestion", () => {
    const config = {
      ...minimalConfig(),
      quota: [{ region: "swedencentral", sku: "GlobalStandard", model: "gpt-4.1-mni", limit: 100 }],
    };
    expect(problemsOf(config)).toEqual([
      expect.stringMatching(
        /^aoai-platform:quota\[0\]: .*: matches no deployment of this stack; did you mean \{ region: swedencentral, sku: GlobalStandard, model: gpt-4\.1-mini \}\? \(a typo leaves that quota unchecked\)$/,
      ),
    ]);
  });

  it("an entry far from every deployment is a warning, never silence", () => {
    const config = {
      ...minimalConfig(),
      quota: [{ region: "eastus", sku: "ProvisionedManaged", limit: 100 }],
    };
    expect(problemsOf(config)).toEqual([]);
    expect(warningsOf(config)).toContain(
      "config.quota-unused quota[0]: no deployment of this stack draws on { region: eastus, sku: ProvisionedManaged }; the entry checks nothing (remove it, or move it to the stack that deploys it)",
    );
  });
});

describe("valid unusual configs still pass", () => {
  it("many regions, an existing subnet per region, PTU minimums", () => {
    const regions = ["swedencentral", "francecentral", "germanywestcentral", "uksouth", "norwayeast"];
    const subnet = (r: string) =>
      `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-spoke/providers/Microsoft.Network/virtualNetworks/vnet-${r}/subnets/snet-pe`;
    const config = {
      ...minimalConfig(),
      environment: "prod",
      tags: { environment: "prod", owner: "platform" },
      primaryAccount: "aoai-swedencentral",
      accounts: regions.map((location) => ({
        name: `aoai-${location}`,
        location,
        deployments: [
          { name: "ptu", model: "gpt-4.1", version: "2025-04-14", sku: "ProvisionedManaged", capacity: 50 },
          {
            name: "gptu",
            model: "gpt-4.1",
            version: "2025-04-14",
            sku: "GlobalProvisionedManaged",
            capacity: 15,
          },
        ],
      })),
      network: { regions: Object.fromEntries(regions.map((r) => [r, { existingSubnetId: subnet(r) }])) },
    };
    expect(problemsOf(config)).toEqual([]);
  });
});
