import { describe, expect, it } from "vitest";
import { parseStackConfig } from "../src/config/load";
import { gatewayInput } from "./support/gatewayFixture";
import { minimalConfig, problemsOf } from "./support/stackConfig";

function stackWithGateway(gateway: Record<string, unknown>) {
  const config = minimalConfig();
  return {
    ...config,
    access: { identities: [{ name: "support-bot", roles: ["Cognitive Services OpenAI User"] }] },
    gateway: {
      ...gatewayInput(),
      pools: [{ name: "chat-pool", backends: [{ account: "aoai-test" }] }],
      consumers: [{ name: "support-bot", identity: "support-bot", tokensPerMinute: 1000 }],
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
