import { describe, expect, it } from "vitest";
import { parseStackConfig } from "../src/config/load";
import { gatewayInput } from "./support/gatewayFixture";
import { minimalConfig, problemsOf } from "./support/stackConfig";

const SUB = "00000000-0000-0000-0000-000000000000";
const APPI = `/subscriptions/${SUB}/resourceGroups/rg-obs/providers/Microsoft.Insights/components/appi-x`;
const NETWORK = {
  regions: {
    swedencentral: {
      vnet: { addressSpace: ["10.60.0.0/24"], privateEndpointSubnet: { addressPrefix: "10.60.0.0/28" } },
    },
  },
};

function stackWithGateway(gateway: Record<string, unknown>) {
  const config = minimalConfig();
  return {
    ...config,
    access: { identities: [{ name: "support-bot", roles: ["Cognitive Services OpenAI User"] }] },
    gateway: {
      ...gatewayInput(),
      pools: [{ name: "chat-pool", backends: [{ account: "aoai-test" }] }],
      consumers: [{ name: "support-bot", identity: "support-bot", tokensPerMinute: 1000 }],
      applicationInsights: { resourceId: APPI, connectionString: "InstrumentationKey=x" },
      ...gateway,
    },
  };
}

describe("gateway config", () => {
  it("parses a gateway with its defaults", () => {
    const { config } = parseStackConfig(stackWithGateway({}) as Record<string, unknown>, "test");
    expect(config.gateway?.sku).toBe("StandardV2");
    expect(config.gateway?.retries).toBe(2);
    expect(config.gateway?.pools[0]?.backends[0]).toEqual({ account: "aoai-test", priority: 1, weight: 1 });
  });

  it("reports gateway problems under the gateway key with the value and what is allowed", () => {
    expect(problemsOf(stackWithGateway({ sku: "Developer" }))).toEqual([
      'aoai-platform:gateway.sku: "Developer": Invalid option: expected one of "BasicV2"|"StandardV2"|"PremiumV2"',
    ]);
    expect(problemsOf(stackWithGateway({ sku: "BasicV2" }))).toEqual([
      'aoai-platform:gateway.inbound: "privateEndpoint": BasicV2 has no private endpoint for inbound connections; tiers that do: StandardV2, PremiumV2',
      'aoai-platform:gateway.outbound: "vnetIntegration": BasicV2 has no outbound virtual network integration; tiers that do: StandardV2, PremiumV2',
    ]);
  });

  it("names the backend that lacks a routed deployment", () => {
    expect(problemsOf(stackWithGateway({ routes: [{ deployment: "embed", pool: "chat-pool" }] }))).toEqual([
      'aoai-platform:gateway.routes[0].deployment: "embed": backend "aoai-test" of pool "chat-pool" has no deployment "embed"; every backend of the pool must serve every deployment routed to it',
    ]);
  });

  it("needs the gateway's VNet linked to the zones the stack creates, and accepts a VNet the stack creates", () => {
    const sub = "00000000-0000-0000-0000-000000000000";
    const network = {
      regions: {
        swedencentral: {
          vnet: { addressSpace: ["10.60.0.0/24"], privateEndpointSubnet: { addressPrefix: "10.60.0.0/28" } },
        },
      },
    };
    const inVnet = (rg: string, vnet: string) =>
      `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Network/virtualNetworks/${vnet}/subnets/snet-apim`;
    const created = {
      ...stackWithGateway({ subnetId: inVnet("rg-test", "vnet-aoai-swedencentral") }),
      network,
    };
    expect(problemsOf(created)).toEqual([]);
    const elsewhere = { ...stackWithGateway({ subnetId: inVnet("rg-spoke", "vnet-spoke") }), network };
    const problems = problemsOf(elsewhere);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^aoai-platform:gateway\.subnetId: /);
    expect(problems[0]).toContain(
      `the gateway reaches the accounts from VNet "vnet-spoke", which the stack's private DNS zones are not linked to, so it would resolve their public addresses: add /subscriptions/${sub}/resourceGroups/rg-spoke/providers/Microsoft.Network/virtualNetworks/vnet-spoke to network.linkVnetIds`,
    );
  });
});

describe("gateway networking and telemetry the stack provides", () => {
  /** A gateway that takes its endpoint subnet, zone and integration subnet from the stack's network. */
  const fromStack = (gateway: Record<string, unknown>, network: Record<string, unknown> = NETWORK) => ({
    ...stackWithGateway({
      subnetId: undefined,
      privateEndpointSubnetId: undefined,
      privateDnsZoneId: undefined,
      subnet: { addressPrefix: "10.60.0.128/27" },
      ...gateway,
    }),
    network,
  });

  it("creates the integration subnet in the stack's VNet, the endpoint in its endpoint subnet, and the zone", () => {
    expect(problemsOf(fromStack({}))).toEqual([]);
  });

  it("checks the subnet it creates against the VNet's space, its endpoint subnet and API Management's minimum", () => {
    expect(problemsOf(fromStack({ subnet: { addressPrefix: "10.60.0.0/28" } }))).toEqual([
      'aoai-platform:gateway.subnet.addressPrefix: "10.60.0.0/28": too small: API Management needs a /27 or larger (/24 recommended for scaling)',
      'aoai-platform:gateway.subnet.addressPrefix: "10.60.0.0/28": overlaps the endpoint subnet snet-private-endpoints (10.60.0.0/28); the integration subnet is dedicated to the gateway',
    ]);
    expect(problemsOf(fromStack({ subnet: { addressPrefix: "10.61.0.0/27" } }))).toEqual([
      'aoai-platform:gateway.subnet.addressPrefix: "10.61.0.0/27": must lie inside the address space of network.regions.swedencentral.vnet (10.60.0.0/24)',
    ]);
    expect(problemsOf(fromStack({ subnet: { addressPrefix: "10.60.0.1/27" } }))).toEqual([
      'aoai-platform:gateway.subnet.addressPrefix: "10.60.0.1/27": has host bits set; the range it starts is 10.60.0.0/27',
    ]);
  });

  it("refuses what does not exist: a subnet beside subnetId, one without a stack VNet, a created injection subnet", () => {
    expect(problemsOf(fromStack({ subnetId: `${APPI}/x` }))).toContain(
      'aoai-platform:gateway.subnet: {"addressPrefix":"10.60.0.128/27"}: set subnetId (a subnet you own) or subnet (one the gateway creates), not both',
    );
    const hub = `/subscriptions/${SUB}/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/hub/subnets/pe`;
    expect(problemsOf(fromStack({}, { regions: { swedencentral: { existingSubnetId: hub } } }))).toEqual([
      'aoai-platform:gateway.subnet: {"addressPrefix":"10.60.0.128/27"}: the gateway creates its subnet in the VNet the stack creates in its region: add network.regions.swedencentral.vnet, or give subnetId (a subnet you own)',
    ]);
    expect(
      problemsOf(
        fromStack({
          sku: "PremiumV2",
          inbound: "vnetInjection",
          outbound: "vnetInjection",
          publicNetworkAccess: "Enabled",
        }),
      ),
    ).toEqual([
      'aoai-platform:gateway.subnet: {"addressPrefix":"10.60.0.128/27"}: the platform creates only VNet integration subnets; give an injected gateway\'s subnet by subnetId (delegated to Microsoft.Web/hostingEnvironments, with API Management\'s NSG rules)',
    ]);
  });

  it("needs an endpoint subnet in the gateway's region, and the hub's zone when the stack uses central zones", () => {
    expect(problemsOf(fromStack({ location: "francecentral" }))).toEqual(
      expect.arrayContaining([
        "aoai-platform:gateway.privateEndpointSubnetId: missing: inbound privateEndpoint needs privateEndpointSubnetId, or network.regions.francecentral (the stack's endpoint subnet in the gateway's region)",
      ]),
    );
    const zone = (name: string) =>
      `/subscriptions/${SUB}/resourceGroups/rg-hub/providers/Microsoft.Network/privateDnsZones/${name}`;
    const central = {
      ...NETWORK,
      existingDnsZoneIds: {
        "privatelink.openai.azure.com": zone("privatelink.openai.azure.com"),
        "privatelink.cognitiveservices.azure.com": zone("privatelink.cognitiveservices.azure.com"),
      },
    };
    expect(problemsOf(fromStack({}, central))).toEqual([
      "aoai-platform:gateway.privateDnsZoneId: missing: the stack registers its endpoints in central zones (network.existingDnsZoneIds): give the hub's privatelink.azure-api.net zone id here, so <name>.azure-api.net resolves where the accounts' hosts do",
    ]);
    expect(problemsOf(fromStack({ privateDnsZoneId: zone("privatelink.azure-api.net") }, central))).toEqual(
      [],
    );
  });

  it("needs Application Insights or monitoring for the token metrics", () => {
    expect(problemsOf(fromStack({ applicationInsights: undefined }))).toEqual([
      "aoai-platform:gateway.applicationInsights: missing: the token metrics need Application Insights: give an existing one here (resourceId, connectionString), or add monitoring: the gateway then creates one on its Log Analytics workspace",
    ]);
  });
});
