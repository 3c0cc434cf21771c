/** AiGateway used directly (as `pulumi package add` consumers do): validated as the config, refusing what cannot be built. */
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { AiGateway, type AiGatewayArgs } from "../components/gateway/component";
import { GATEWAY_VNET, gatewayComponentArgs } from "./support/gatewayFixture";
import { ofType, recordResources } from "./support/mockRun";

const RG = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aoai";

const args = (overrides: Partial<AiGatewayArgs> = {}): AiGatewayArgs => ({
  ...gatewayComponentArgs(),
  subnet: { addressPrefix: "10.0.1.0/27" },
  virtualNetworkId: GATEWAY_VNET,
  ...overrides,
});

const build = (a: AiGatewayArgs) => recordResources(() => new AiGateway("gw", a));

/** The ResourceError the constructor throws, and that nothing but the component itself registered. */
async function refusal(a: AiGatewayArgs): Promise<string> {
  let thrown: unknown;
  const resources = await recordResources(() => {
    try {
      new AiGateway("gw", a);
    } catch (error) {
      thrown = error;
    }
  });
  expect(pulumi.ResourceError.isInstance(thrown)).toBe(true);
  expect(resources.filter((r) => r.custom)).toEqual([]);
  return (thrown as Error).message;
}

describe("AiGateway as a package component", () => {
  it("defaults as the stack config does and creates the subnet, zone and Application Insights", async () => {
    const resources = await build(args());
    expect(ofType(resources, "apimanagement:ApiManagementService")[0]?.inputs).toMatchObject({
      sku: { name: "StandardV2", capacity: 1 },
      virtualNetworkType: "External",
    });
    expect(ofType(resources, "network:Subnet")[0]?.inputs).toMatchObject({
      subnetName: "snet-apim",
      virtualNetworkName: "vnet-aoai",
      resourceGroupName: "rg-aoai",
      delegations: [{ serviceName: "Microsoft.Web/serverFarms" }],
    });
    expect(ofType(resources, "privatedns:PrivateZone").map((r) => r.inputs.privateZoneName)).toEqual([
      "privatelink.azure-api.net",
    ]);
    expect(ofType(resources, "applicationinsights:Component")[0]?.inputs).toMatchObject({
      disableLocalAuth: true,
      workspaceResourceId: args().logAnalyticsWorkspaceId,
    });
  });

  it("takes an existing Application Insights and zone, and registers nothing of them", async () => {
    const resources = await build(
      args({
        applicationInsights: {
          resourceId: `${RG}/providers/Microsoft.Insights/components/appi`,
          connectionString: "c",
        },
        logAnalyticsWorkspaceId: undefined,
        privateDnsZoneId: `${RG}/providers/Microsoft.Network/privateDnsZones/privatelink.azure-api.net`,
      }),
    );
    expect(ofType(resources, "applicationinsights:Component")).toEqual([]);
    expect(ofType(resources, "privatedns:PrivateZone")).toEqual([]);
    expect(ofType(resources, "apimanagement:Logger")[0]?.inputs.resourceId).toMatch(/components\/appi$/);
  });

  it("refuses bad args with the key path, the value and what is allowed, registering nothing", async () => {
    expect(await refusal(args({ sku: "Developer" } as unknown as Partial<AiGatewayArgs>))).toContain(
      'AiGateway gw: invalid args\n  sku: "Developer": Invalid option: expected one of "BasicV2"|"StandardV2"|"PremiumV2"',
    );
    // An id another language sends as a number is refused like the config's; an output is checked by Azure.
    expect(
      await refusal(args({ privateEndpointSubnetId: 42 } as unknown as Partial<AiGatewayArgs>)),
    ).toContain("privateEndpointSubnetId: 42: Invalid input: expected string, received number");
    expect(await refusal(args({ dnsZoneGroup: "hub" } as unknown as Partial<AiGatewayArgs>))).toContain(
      'AiGateway gw: dnsZoneGroup: "hub": allowed: stack, policy-managed',
    );
    expect(await refusal(args({ sku: "BasicV2" }))).toContain(
      "AiGateway gw: inbound: BasicV2 has no private endpoint for inbound connections; tiers that do: StandardV2, PremiumV2",
    );
  });

  it("refuses what it cannot build: a subnet without its VNet, no telemetry target, an endpoint without a subnet", async () => {
    expect(await refusal(args({ virtualNetworkId: undefined }))).toContain(
      "AiGateway gw: subnet: give virtualNetworkId, the VNet the gateway creates its integration subnet in",
    );
    expect(await refusal(args({ logAnalyticsWorkspaceId: undefined }))).toContain(
      "AiGateway gw: the token metrics need Application Insights: give applicationInsights (an existing one) or logAnalyticsWorkspaceId (the gateway creates a workspace-based one)",
    );
    expect(await refusal(args({ privateEndpointSubnetId: undefined }))).toContain(
      "AiGateway gw: inbound privateEndpoint needs privateEndpointSubnetId: the subnet of the gateway's private endpoint",
    );
    expect(
      await refusal(args({ consumers: [{ name: "app", identity: "id-app", tokensPerMinute: 1 }] })),
    ).toContain(
      'AiGateway gw: consumer "app" calls with identity "id-app" but no client id was given for it (consumerClientIds or clientId)',
    );
  });
});
