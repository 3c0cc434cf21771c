import { describe, expect, it } from "vitest";
import { parseStackConfig } from "../src/config/load";
import { minimalConfig, problemsOf, shippedStackValues } from "./support/stackConfig";

const SUB =
  "/subscriptions/00000000-0000-0000-0000-0000000000aa/resourceGroups/rg-hub/providers/Microsoft.Network";
const HUB_SUBNET = `${SUB}/virtualNetworks/vnet-hub/subnets/snet-pe`;
const zoneId = (zone: string) => `${SUB}/privateDnsZones/${zone}`;

/** A problem line at `key` with `message`; long values are shortened in the line, so any value matches. */
const problem = (key: string, message: string) =>
  expect.stringMatching(new RegExp(`^aoai-platform:${escapeRegExp(key)}: .*: ${escapeRegExp(message)}$`));
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const account = (name: string, extra: Record<string, unknown> = {}) => ({ name, ...extra });
const vnet = (addressSpace: string[], addressPrefix: string) => ({
  vnet: { addressSpace, privateEndpointSubnet: { addressPrefix } },
});

/** The minimal config with private networking in swedencentral and the given changes. */
function withNetwork(network: Record<string, unknown>, changes: Record<string, unknown> = {}) {
  return { ...minimalConfig(), network, ...changes } as Record<string, unknown>;
}
const swc = { swedencentral: vnet(["10.40.0.0/24"], "10.40.0.0/27") };

describe("shipped stacks", () => {
  it("prod: private endpoints in both regions from non-overlapping VNets, no ip rules", () => {
    const { config } = parseStackConfig(shippedStackValues("prod"), "prod");
    const regions = config.network?.regions ?? {};
    expect(Object.keys(regions).sort()).toEqual(["francecentral", "swedencentral"]);
    expect(new Set(config.accounts.map((a) => a.location))).toEqual(new Set(Object.keys(regions)));
    expect(regions.swedencentral?.vnet?.addressSpace).toEqual(["10.40.0.0/24"]);
    expect(regions.francecentral?.vnet?.addressSpace).toEqual(["10.41.0.0/24"]);
    for (const a of config.accounts) expect(a.networkAcls.ipRules).toEqual([]);
  });

  it("dev: no private endpoints, IP allow-listing with default action Deny", () => {
    const { config } = parseStackConfig(shippedStackValues("dev"), "dev");
    expect(config.network).toBeUndefined();
    expect(config.accounts[0]?.networkAcls).toMatchObject({ defaultAction: "Deny" });
    expect(config.accounts[0]?.networkAcls.ipRules.length).toBeGreaterThan(0);
  });
});

describe("network config: valid shapes", () => {
  it("created VNet: the subnet name defaults, the VNet name stays optional", () => {
    const { config } = parseStackConfig(withNetwork({ regions: swc }), "t");
    expect(config.network?.regions.swedencentral?.vnet?.privateEndpointSubnet.name).toBe(
      "snet-private-endpoints",
    );
    expect(config.network?.linkVnetIds).toEqual([]);
  });

  it("hub-and-spoke: existing subnet and central zones", () => {
    const network = {
      regions: { swedencentral: { existingSubnetId: HUB_SUBNET } },
      existingDnsZoneIds: {
        "privatelink.openai.azure.com": zoneId("privatelink.openai.azure.com"),
        "privatelink.cognitiveservices.azure.com": zoneId("privatelink.cognitiveservices.azure.com"),
      },
    };
    expect(problemsOf(withNetwork(network))).toEqual([]);
  });
});

describe("network config: every error names the key, the value and what is allowed", () => {
  it("malformed CIDR and host bits", () => {
    expect(
      problemsOf(withNetwork({ regions: { swedencentral: vnet(["10.40.0/24"], "10.40.0.1/27") } })),
    ).toEqual([
      'aoai-platform:network.regions.swedencentral.vnet.addressSpace[0]: "10.40.0/24": must be an IPv4 CIDR range such as 10.20.0.0/24',
      'aoai-platform:network.regions.swedencentral.vnet.privateEndpointSubnet.addressPrefix: "10.40.0.1/27": has host bits set; the range it starts is 10.40.0.0/27',
    ]);
  });

  it("subnet outside the VNet's address space", () => {
    expect(
      problemsOf(withNetwork({ regions: { swedencentral: vnet(["10.40.0.0/24"], "10.41.0.0/27") } })),
    ).toEqual([
      'aoai-platform:network.regions.swedencentral.vnet.privateEndpointSubnet.addressPrefix: "10.41.0.0/27": must lie inside the VNet\'s address space (10.40.0.0/24)',
    ]);
  });

  it("overlapping VNets of one stack", () => {
    const regions = { ...swc, francecentral: vnet(["10.40.0.128/25"], "10.40.0.128/27") };
    expect(problemsOf(withNetwork({ regions }))).toEqual([
      'aoai-platform:network.regions.francecentral.vnet.addressSpace[0]: "10.40.0.128/25": overlaps 10.40.0.0/24 (network.regions.swedencentral.vnet.addressSpace[0]); VNets of one stack need distinct address ranges',
    ]);
  });

  it("a subnet too small for the region's endpoints (Azure reserves 5 addresses)", () => {
    const accounts = ["a1", "a2", "a3", "a4"].map((n) => account(`aoai-${n}`));
    const regions = { swedencentral: vnet(["10.40.0.0/24"], "10.40.0.0/29") };
    expect(problemsOf(withNetwork({ regions }, { accounts, primaryAccount: "aoai-a1" }))).toEqual([
      'aoai-platform:network.regions.swedencentral.vnet.privateEndpointSubnet.addressPrefix: "10.40.0.0/29": too small: 3 usable addresses (Azure reserves 5 per subnet) for 4 private endpoints in swedencentral',
    ]);
    expect(
      problemsOf(withNetwork({ regions }, { accounts: accounts.slice(0, 3), primaryAccount: "aoai-a1" })),
    ).toEqual([]);
  });

  it("an account whose region has no endpoint subnet, naming the account", () => {
    const accounts = [account("aoai-swc"), account("aoai-frc", { location: "francecentral" })];
    expect(problemsOf(withNetwork({ regions: swc }, { accounts, primaryAccount: "aoai-swc" }))).toEqual([
      'aoai-platform:accounts[1].name: "aoai-frc": this account is in francecentral, but network.regions has no private-endpoint subnet there (a private endpoint must be in its VNet\'s region); add network.regions.francecentral (regions with a subnet: swedencentral)',
    ]);
  });

  it("public network access Enabled on an account behind a private endpoint", () => {
    const accounts = [account("aoai-swc", { publicNetworkAccess: "Enabled" })];
    expect(problemsOf(withNetwork({ regions: swc }, { accounts }))).toEqual([
      'aoai-platform:accounts[0].publicNetworkAccess: "Enabled": accounts behind a private endpoint (network.regions is set) keep public network access Disabled; remove the key or set Disabled',
    ]);
  });

  it("a region with both or neither of vnet and existingSubnetId, or a bad subnet id", () => {
    const exactlyOne =
      "set exactly one of vnet (create a network) or existingSubnetId (use a subnet you own)";
    const both = { ...vnet(["10.40.0.0/24"], "10.40.0.0/27"), existingSubnetId: HUB_SUBNET };
    expect(problemsOf(withNetwork({ regions: { swedencentral: both } }))).toEqual([
      problem("network.regions.swedencentral", exactlyOne),
    ]);
    expect(problemsOf(withNetwork({ regions: { swedencentral: {} } }))).toEqual([
      `aoai-platform:network.regions.swedencentral: {}: ${exactlyOne}`,
    ]);
    const notASubnet = { swedencentral: { existingSubnetId: `${SUB}/virtualNetworks/vnet-hub` } };
    expect(problemsOf(withNetwork({ regions: notASubnet }))).toEqual([
      problem(
        "network.regions.swedencentral.existingSubnetId",
        "must be a subnet resource id: /subscriptions/<guid>/resourceGroups/<rg>/providers/Microsoft.Network/virtualNetworks/<vnet>/subnets/<subnet>",
      ),
    ]);
  });

  it("central zones that miss a zone the account kind needs (AIServices needs services.ai)", () => {
    const network = {
      regions: swc,
      existingDnsZoneIds: {
        "privatelink.openai.azure.com": zoneId("privatelink.openai.azure.com"),
        "privatelink.cognitiveservices.azure.com": zoneId("privatelink.cognitiveservices.azure.com"),
      },
    };
    const accounts = [account("aoai-swc", { kind: "AIServices" })];
    expect(problemsOf(withNetwork(network, { accounts }))).toEqual([
      problem(
        "network.existingDnsZoneIds",
        "missing privatelink.services.ai.azure.com: the accounts' zone groups need every zone of their kind (AIServices)",
      ),
    ]);
  });

  it("a zone id naming another zone, and links on zones the stack does not own", () => {
    const network = {
      regions: swc,
      existingDnsZoneIds: {
        "privatelink.openai.azure.com": zoneId("privatelink.cognitiveservices.azure.com"),
        "privatelink.cognitiveservices.azure.com": zoneId("privatelink.cognitiveservices.azure.com"),
      },
      linkVnetIds: [`${SUB}/virtualNetworks/vnet-hub`],
    };
    expect(problemsOf(withNetwork(network))).toEqual([
      problem(
        "network.existingDnsZoneIds.privatelink.openai.azure.com",
        "the id names another zone; it must end in /privateDnsZones/privatelink.openai.azure.com",
      ),
      problem(
        "network.linkVnetIds",
        "links are only created on zones this stack creates; link existing zones where they are managed",
      ),
    ]);
  });

  it("a link VNet id listed twice (case-insensitive) or not a VNet id", () => {
    const hub = `${SUB}/virtualNetworks/vnet-hub`;
    expect(problemsOf(withNetwork({ regions: swc, linkVnetIds: [hub, "vnet-hub"] }))).toEqual([
      problem(
        "network.linkVnetIds[1]",
        "must be a virtual network resource id: /subscriptions/<guid>/resourceGroups/<rg>/providers/Microsoft.Network/virtualNetworks/<vnet>",
      ),
    ]);
    expect(problemsOf(withNetwork({ regions: swc, linkVnetIds: [hub, hub.toUpperCase()] }))).toEqual([
      expect.stringMatching(
        /^aoai-platform:network\.linkVnetIds\[1\]: .*: duplicate linked VNet id ".*" \(also at index 0\); linked VNet ids must be unique \(case-insensitive\)$/,
      ),
    ]);
  });

  it("zones or links without any endpoint subnet", () => {
    expect(problemsOf(withNetwork({ linkVnetIds: [`${SUB}/virtualNetworks/vnet-hub`] }))).toEqual([
      "aoai-platform:network.regions: missing: DNS zones and links are only used with private endpoints; add the regions' subnets here",
    ]);
  });

  it("VNet and subnet names that break Microsoft.Network's rules, and duplicate VNet names", () => {
    const named = (name: string, subnet: string, space: string) => ({
      vnet: { name, addressSpace: [space], privateEndpointSubnet: { name: subnet, addressPrefix: space } },
    });
    expect(
      problemsOf(withNetwork({ regions: { swedencentral: named("vnet-", "-snet", "10.40.0.0/27") } })),
    ).toEqual([
      problem(
        "network.regions.swedencentral.vnet.name",
        "must be 2-64 characters: letters, digits, '_', '.', '-', starting with a letter or digit, ending with a letter, digit or '_'",
      ),
      problem(
        "network.regions.swedencentral.vnet.privateEndpointSubnet.name",
        "must be 1-80 characters: letters, digits, '_', '.', '-', starting with a letter or digit, ending with a letter, digit or '_'",
      ),
    ]);
    const regions = {
      swedencentral: named("vnet-a", "s", "10.40.0.0/27"),
      francecentral: named("VNET-A", "s", "10.41.0.0/27"),
    };
    expect(problemsOf(withNetwork({ regions }))).toEqual([
      problem(
        "network.regions.francecentral.vnet.name",
        'duplicate VNet name "VNET-A" (also at index 0); VNet names must be unique (case-insensitive)',
      ),
    ]);
  });

  it("an unknown key under network", () => {
    expect(problemsOf(withNetwork({ regions: swc, vnets: {} }))).toEqual([
      'aoai-platform:network: "vnets": unknown key "vnets"; allowed: regions, existingDnsZoneIds, dnsZoneGroup, linkVnetIds, allowIpRulesInProd',
    ]);
  });
});

describe("ip rules in prod", () => {
  const withIpRules = (network?: Record<string, unknown>) => ({
    ...minimalConfig(),
    environment: "prod",
    accounts: [
      account("aoai-prod", { publicNetworkAccess: "Enabled", networkAcls: { ipRules: ["203.0.113.0/24"] } }),
    ],
    ...(network ? { network } : {}),
  });

  it("are an error in prod unless explicitly allowed with a reason", () => {
    expect(problemsOf(withIpRules())).toEqual([
      'aoai-platform:accounts[0].networkAcls.ipRules: ["203.0.113.0/24"]: prod accounts are not reachable from IP ranges (landing-zone guardrail: no network ACL ip rules in prod); use private endpoints (network.regions), or set network.allowIpRulesInProd.reason to accept the exception',
    ]);
    expect(
      problemsOf(
        withIpRules({
          allowIpRulesInProd: { reason: "partner SaaS without private link (ticket SEC-1234)" },
        }),
      ),
    ).toEqual([]);
    expect(problemsOf(withIpRules({ allowIpRulesInProd: { reason: "because" } }))).toEqual([
      'aoai-platform:network.allowIpRulesInProd.reason: "because": say why prod needs ip rules (at least 10 characters)',
    ]);
  });

  it("are fine in dev", () => {
    expect(problemsOf({ ...withIpRules(), environment: "dev" })).toEqual([]);
  });
});
