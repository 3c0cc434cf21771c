import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { PrivateNetwork, type PrivateNetworkArgs } from "../components/network/component";
import { zoneLinkTargets } from "../components/network/plan";
import { networkSpecSchema } from "../components/network/spec";
import { parseStackConfig } from "../src/config/load";
import { OFFLINE_SUBSCRIPTION_ID } from "../src/plan/azureMocks";
import type { PlannedResource } from "../src/plan/resource";
import { definePlatform, type PlatformOutputs } from "../src/program";
import { ofType, recordResources, resolved } from "./support/mockRun";
import { minimalConfig } from "./support/stackConfig";

const HUB =
  "/subscriptions/00000000-0000-0000-0000-0000000000aa/resourceGroups/rg-hub/providers/Microsoft.Network";
const HUB_VNET = `${HUB}/virtualNetworks/vnet-hub`;
const HUB_SUBNET = `${HUB_VNET}/subnets/snet-pe`;
const APPS_VNET = `${HUB}/virtualNetworks/vnet-apps`;
const RG = `/subscriptions/${OFFLINE_SUBSCRIPTION_ID}/resourceGroups/rg-test/providers/Microsoft.Network`;
const OPENAI = "privatelink.openai.azure.com";
const COGNITIVE = "privatelink.cognitiveservices.azure.com";
const AI_SERVICES = "privatelink.services.ai.azure.com";

const deployments = [
  { name: "chat", model: "gpt-4.1", version: "2025-04-14", sku: "GlobalStandard", capacity: 10 },
  { name: "emb", model: "text-embedding-3-small", version: "1", sku: "Standard", capacity: 5 },
];

async function planOf(values: Record<string, unknown>) {
  const { config } = parseStackConfig({ ...minimalConfig(), ...values }, "test");
  let outputs: PlatformOutputs | undefined;
  const resources = await recordResources(async () => {
    outputs = await definePlatform(config);
  });
  return { resources, outputs: outputs as PlatformOutputs };
}

const endpointOf = (resources: PlannedResource[], accountName: string) =>
  ofType(resources, "network:PrivateEndpoint").find(
    (r) => r.inputs.privateEndpointName === `pe-${accountName}`,
  );
const zoneGroupOf = (resources: PlannedResource[], accountName: string) =>
  ofType(resources, "network:PrivateDnsZoneGroup").find(
    (r) => r.inputs.privateEndpointName === `pe-${accountName}`,
  );
const zoneIdsIn = (group: PlannedResource | undefined) =>
  ((group?.inputs.privateDnsZoneConfigs ?? []) as { privateDnsZoneId: string }[]).map(
    (c) => c.privateDnsZoneId,
  );

describe("created network and zones, two regions", () => {
  const values = {
    primaryAccount: "aoai-swc",
    accounts: [
      { name: "aoai-swc", location: "swedencentral", deployments },
      { name: "aoai-frc", location: "francecentral", kind: "AIServices", deployments },
    ],
    network: {
      regions: {
        swedencentral: {
          vnet: { addressSpace: ["10.40.0.0/24"], privateEndpointSubnet: { addressPrefix: "10.40.0.0/27" } },
        },
        francecentral: {
          vnet: {
            name: "vnet-frc",
            addressSpace: ["10.41.0.0/24"],
            privateEndpointSubnet: { addressPrefix: "10.41.0.64/27" },
          },
        },
      },
      linkVnetIds: [APPS_VNET],
    },
  };

  it("puts each endpoint (group `account`) in its own region's subnet, after its account's last deployment", async () => {
    const { resources } = await planOf(values);
    const deploymentUrn = (account: string, name: string) =>
      ofType(resources, "cognitiveservices:Deployment").find(
        (d) => d.inputs.accountName === account && d.inputs.deploymentName === name,
      )?.urn;
    const accountId = (name: string) =>
      `/subscriptions/${OFFLINE_SUBSCRIPTION_ID}/resourceGroups/rg-test/providers/Microsoft.CognitiveServices/accounts/${name}`;
    const swc = endpointOf(resources, "aoai-swc");
    expect(swc?.inputs).toMatchObject({
      location: "swedencentral",
      subnet: { id: `${RG}/virtualNetworks/vnet-aoai-swedencentral/subnets/snet-private-endpoints` },
      privateLinkServiceConnections: [{ groupIds: ["account"], privateLinkServiceId: accountId("aoai-swc") }],
    });
    expect(swc?.dependsOn).toEqual([deploymentUrn("aoai-swc", "emb")]);
    const frc = endpointOf(resources, "aoai-frc");
    expect(frc?.inputs).toMatchObject({
      location: "francecentral",
      subnet: { id: `${RG}/virtualNetworks/vnet-frc/subnets/snet-private-endpoints` },
      privateLinkServiceConnections: [{ groupIds: ["account"], privateLinkServiceId: accountId("aoai-frc") }],
    });
    expect(frc?.dependsOn).toEqual([deploymentUrn("aoai-frc", "emb")]);
  });

  it("gives each zone group every zone of the account kind, shared zones created once", async () => {
    const { resources, outputs } = await planOf(values);
    const zones = ofType(resources, "privatedns:PrivateZone");
    expect(zones.map((z) => z.inputs.privateZoneName)).toEqual([OPENAI, COGNITIVE, AI_SERVICES]);
    for (const zone of zones) expect(zone.inputs.location).toBe("global");
    const zoneId = (zone: string) => `${RG}/privateDnsZones/${zone}`;
    expect(zoneIdsIn(zoneGroupOf(resources, "aoai-swc"))).toEqual([zoneId(OPENAI), zoneId(COGNITIVE)]);
    expect(zoneIdsIn(zoneGroupOf(resources, "aoai-frc"))).toEqual([
      zoneId(OPENAI),
      zoneId(COGNITIVE),
      zoneId(AI_SERVICES),
    ]);
    expect(await resolved(outputs.privateDnsZoneIds[OPENAI] as never)).toBe(zoneId(OPENAI));
    expect(await resolved(outputs.privateEndpoints["aoai-frc"] as never)).toBe(
      `${RG}/privateEndpoints/pe-aoai-frc`,
    );
  });

  it("links every zone to every created VNet and every extra VNet id, without auto-registration", async () => {
    const { resources } = await planOf(values);
    const links = ofType(resources, "privatedns:VirtualNetworkLink");
    const pairs = links.map(
      (l) => `${l.inputs.privateZoneName} -> ${(l.inputs.virtualNetwork as { id: string }).id}`,
    );
    const vnets = [
      `${RG}/virtualNetworks/vnet-aoai-swedencentral`,
      `${RG}/virtualNetworks/vnet-frc`,
      APPS_VNET,
    ];
    expect(pairs.sort()).toEqual(
      [OPENAI, COGNITIVE, AI_SERVICES].flatMap((z) => vnets.map((v) => `${z} -> ${v}`)).sort(),
    );
    for (const link of links)
      expect(link.inputs).toMatchObject({ location: "global", registrationEnabled: false });
  });

  it("creates one VNet and subnet per region with endpoint network policies on", async () => {
    const { resources } = await planOf(values);
    expect(
      ofType(resources, "network:VirtualNetwork").map((v) => [v.inputs.location, v.inputs.addressSpace]),
    ).toEqual([
      ["swedencentral", { addressPrefixes: ["10.40.0.0/24"] }],
      ["francecentral", { addressPrefixes: ["10.41.0.0/24"] }],
    ]);
    const subnets = ofType(resources, "network:Subnet");
    expect(subnets.map((s) => s.inputs.addressPrefix)).toEqual(["10.40.0.0/27", "10.41.0.64/27"]);
    for (const subnet of subnets) {
      expect(subnet.inputs).toMatchObject({
        privateEndpointNetworkPolicies: "Enabled",
        defaultOutboundAccess: false,
      });
    }
  });

  it("keeps public network access Disabled on the accounts", async () => {
    const { resources } = await planOf(values);
    for (const account of ofType(resources, "cognitiveservices:Account")) {
      expect(account.inputs.properties).toMatchObject({ publicNetworkAccess: "Disabled" });
    }
  });
});

describe("existing subnet and zones (hub-and-spoke)", () => {
  const zoneIds = {
    [OPENAI]: `${HUB}/privateDnsZones/${OPENAI}`,
    [COGNITIVE]: `${HUB}/privateDnsZones/${COGNITIVE}`,
  };

  it("creates only the endpoint and zone group, pointing at the hub's subnet and zones", async () => {
    const { resources, outputs } = await planOf({
      network: { regions: { swedencentral: { existingSubnetId: HUB_SUBNET } }, existingDnsZoneIds: zoneIds },
    });
    for (const type of [
      "network:VirtualNetwork",
      "network:Subnet",
      "privatedns:PrivateZone",
      "privatedns:VirtualNetworkLink",
    ]) {
      expect(ofType(resources, type)).toEqual([]);
    }
    // The SDK fills its SubnetArgs defaults into the reference; ARM reads only the id.
    expect(endpointOf(resources, "aoai-test")?.inputs.subnet).toMatchObject({ id: HUB_SUBNET });
    expect(zoneIdsIn(zoneGroupOf(resources, "aoai-test"))).toEqual([zoneIds[OPENAI], zoneIds[COGNITIVE]]);
    expect(await resolved(outputs.privateDnsZoneIds[COGNITIVE] as never)).toBe(zoneIds[COGNITIVE]);
  });

  it("links created zones to the existing subnet's VNet once, even when it is also listed", async () => {
    const { resources } = await planOf({
      network: { regions: { swedencentral: { existingSubnetId: HUB_SUBNET } }, linkVnetIds: [HUB_VNET] },
    });
    const links = ofType(resources, "privatedns:VirtualNetworkLink");
    expect(
      links.map((l) => [l.inputs.privateZoneName, (l.inputs.virtualNetwork as { id: string }).id]),
    ).toEqual([
      [OPENAI, HUB_VNET],
      [COGNITIVE, HUB_VNET],
    ]);
  });
});

describe("without private networking", () => {
  it("creates no endpoint and exports empty maps", async () => {
    const { resources, outputs } = await planOf({});
    expect(ofType(resources, "network:PrivateEndpoint")).toEqual([]);
    expect(outputs.privateEndpoints).toEqual({});
    expect(outputs.privateDnsZoneIds).toEqual({});
  });
});

describe("an account with no deployments or filters", () => {
  it("the endpoint waits for the account itself (input dependency), with no explicit edge", async () => {
    const { resources } = await planOf({
      accounts: [{ name: "aoai-empty" }],
      network: { regions: { swedencentral: { existingSubnetId: HUB_SUBNET } } },
    });
    const account = ofType(resources, "cognitiveservices:Account")[0];
    const endpoint = endpointOf(resources, "aoai-empty");
    expect(endpoint?.dependsOn).toEqual([]);
    expect(endpoint?.dependencies).toContain(account?.urn);
  });
});

describe("zoneLinkTargets", () => {
  it("names links of VNets given by id with a stable hash, so same-named VNets do not collide", () => {
    const other =
      "/subscriptions/00000000-0000-0000-0000-0000000000bb/resourceGroups/rg-x/providers/Microsoft.Network/virtualNetworks/vnet-hub";
    const network = networkSpecSchema.parse({
      regions: {
        swedencentral: {
          vnet: { addressSpace: ["10.0.0.0/24"], privateEndpointSubnet: { addressPrefix: "10.0.0.0/28" } },
        },
      },
      linkVnetIds: [HUB_VNET, other],
    });
    const targets = zoneLinkTargets(network);
    expect(targets[0]).toEqual({
      linkName: "link-vnet-aoai-swedencentral",
      createdInRegion: "swedencentral",
    });
    const [hub, same] = [targets[1]?.linkName ?? "", targets[2]?.linkName ?? ""];
    expect(hub).toMatch(/^link-vnet-hub-[0-9a-f]{8}$/);
    expect(same).toMatch(/^link-vnet-hub-[0-9a-f]{8}$/);
    expect(hub).not.toBe(same);
    expect(zoneLinkTargets(network)).toEqual(targets);
  });
});

describe("PrivateNetwork args (as another language sends them)", () => {
  const swedencentral = {
    vnet: { addressSpace: ["10.40.0.0/24"], privateEndpointSubnet: { addressPrefix: "10.40.0.0/27" } },
  };

  it("default like the stack config: subnet and VNet names, an OpenAI account's zones; outputs by key", async () => {
    let component: PrivateNetwork | undefined;
    const resources = await recordResources(() => {
      component = new PrivateNetwork("net", { regions: { swedencentral }, resourceGroupName: "rg-test" });
    });
    expect(ofType(resources, "network:VirtualNetwork")[0]?.inputs.virtualNetworkName).toBe(
      "vnet-aoai-swedencentral",
    );
    expect(ofType(resources, "network:Subnet")[0]?.inputs.subnetName).toBe("snet-private-endpoints");
    expect(ofType(resources, "privatedns:PrivateZone").map((z) => z.inputs.privateZoneName)).toEqual([
      OPENAI,
      COGNITIVE,
    ]);
    const net = component as PrivateNetwork;
    expect(Object.keys(net.dnsZoneIds)).toEqual([OPENAI, COGNITIVE]);
    expect(await resolved(net.subnetIds.swedencentral as never)).toBe(
      `${RG}/virtualNetworks/vnet-aoai-swedencentral/subnets/snet-private-endpoints`,
    );
    expect(await resolved(net.virtualNetworkIds.swedencentral as never)).toBe(
      `${RG}/virtualNetworks/vnet-aoai-swedencentral`,
    );
  });

  it("policy-managed zone groups: no zones, no links, no zone ids", async () => {
    let component: PrivateNetwork | undefined;
    const resources = await recordResources(() => {
      component = new PrivateNetwork("net", {
        regions: { swedencentral: { existingSubnetId: HUB_SUBNET } },
        dnsZoneGroup: "policy-managed",
        resourceGroupName: "rg-test",
      });
    });
    expect(ofType(resources, "privatedns:PrivateZone")).toEqual([]);
    expect(component?.dnsZoneIds).toEqual({});
    expect(await resolved(component?.subnetIds.swedencentral as never)).toBe(HUB_SUBNET);
  });

  it("refuse bad input with a ResourceError naming the component, each key path, value and rule", async () => {
    const bad = (args: PrivateNetworkArgs) => {
      let thrown: unknown;
      return recordResources(() => {
        try {
          new PrivateNetwork("net", args);
        } catch (error) {
          thrown = error;
        }
      }).then((resources) => ({ resources, thrown }));
    };
    const { resources, thrown } = await bad({
      regions: {
        swedencentral: {
          vnet: { addressSpace: ["10.40.0.0/24"], privateEndpointSubnet: { addressPrefix: "10.50.0.0/27" } },
        },
      },
      dnsZones: ["privatelink.example.com"],
      dnsZoneGroup: "by-hand" as never,
      resourceGroupName: "rg-test",
    });
    expect(pulumi.ResourceError.isInstance(thrown)).toBe(true);
    const message = (thrown as Error).message;
    expect(message).toMatch(/^PrivateNetwork net: invalid args/);
    expect(message).toContain(
      'regions.swedencentral.vnet.privateEndpointSubnet.addressPrefix: "10.50.0.0/27": must lie inside',
    );
    expect(message).toMatch(/dnsZones\.0: "privatelink\.example\.com": /);
    expect(message).toMatch(/dnsZoneGroup: "by-hand": /);
    expect(resources.filter((r) => r.custom)).toEqual([]);

    const zones = await bad({
      regions: { swedencentral: { existingSubnetId: HUB_SUBNET } },
      existingDnsZoneIds: { [OPENAI]: `${HUB}/privateDnsZones/${OPENAI}` },
      resourceGroupName: "rg-test",
    });
    expect((zones.thrown as Error).message).toContain(
      `existingDnsZoneIds: {"${OPENAI}":"${HUB}/privateDnsZones/${OPENAI}"}: has no id for ${COGNITIVE}`,
    );
  });
});
