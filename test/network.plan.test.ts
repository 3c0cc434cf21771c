import { describe, expect, it } from "vitest";
import type { PlannedResource } from "../src/plan/resource";
import { planJson } from "./support/planCli";

describe("npm run plan -- --stack prod --json: private networking (issue 3's done-when)", () => {
  it("per account: an endpoint with group `account` in its region, zone group, VNet links, public access Disabled", async () => {
    const result = await planJson("--stack", "prod");
    const ofType = (type: string) => result.resources.filter((r) => r.type === `azure-native:${type}`);
    const subnetIdOf = (region: string) => {
      const vnet = ofType("network:VirtualNetwork").find((v) => v.inputs.location === region);
      const subnet = ofType("network:Subnet").find(
        (s) => s.inputs.virtualNetworkName === vnet?.inputs.virtualNetworkName,
      );
      return `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aoai-prod/providers/Microsoft.Network/virtualNetworks/${vnet?.inputs.virtualNetworkName}/subnets/${subnet?.inputs.subnetName}`;
    };
    const zoneId = (zone: string) =>
      `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aoai-prod/providers/Microsoft.Network/privateDnsZones/${zone}`;
    const accounts = ofType("cognitiveservices:Account");
    expect(accounts).toHaveLength(2);
    for (const account of accounts) {
      const name = account.inputs.accountName as string;
      const region = account.inputs.location as string;
      expect(account.inputs.properties).toMatchObject({ publicNetworkAccess: "Disabled" });
      const endpoint = ofType("network:PrivateEndpoint").find(
        (e) => e.inputs.privateEndpointName === `pe-${name}`,
      ) as PlannedResource;
      expect(endpoint.inputs).toMatchObject({
        location: region,
        subnet: { id: subnetIdOf(region) },
        privateLinkServiceConnections: [
          {
            groupIds: ["account"],
            privateLinkServiceId: expect.stringMatching(new RegExp(`/accounts/${name}$`)),
          },
        ],
      });
      const lastDeployment = ofType("cognitiveservices:Deployment")
        .filter((d) => d.inputs.accountName === name)
        .at(-1);
      // The account's last operation: its Defender for AI setting (on in prod), after its last deployment.
      const defender = ofType("resources:Resource").find(
        (r) => r.inputs.parentResourcePath === `accounts/${name}`,
      );
      expect(defender?.dependsOn).toEqual([lastDeployment?.urn]);
      expect(endpoint.dependsOn).toEqual([defender?.urn]);
      const zoneGroup = ofType("network:PrivateDnsZoneGroup").find(
        (g) => g.inputs.privateEndpointName === `pe-${name}`,
      );
      expect(zoneGroup?.inputs.privateDnsZoneConfigs).toEqual([
        { name: "privatelink-openai-azure-com", privateDnsZoneId: zoneId("privatelink.openai.azure.com") },
        {
          name: "privatelink-cognitiveservices-azure-com",
          privateDnsZoneId: zoneId("privatelink.cognitiveservices.azure.com"),
        },
      ]);
    }
    const links = ofType("privatedns:VirtualNetworkLink").map(
      (l) => `${l.inputs.privateZoneName} ${l.inputs.virtualNetworkLinkName}`,
    );
    expect(links.sort()).toEqual([
      "privatelink.cognitiveservices.azure.com link-vnet-aoai-prod-frc",
      "privatelink.cognitiveservices.azure.com link-vnet-aoai-prod-swc",
      "privatelink.openai.azure.com link-vnet-aoai-prod-frc",
      "privatelink.openai.azure.com link-vnet-aoai-prod-swc",
    ]);
    expect(Object.keys(result.outputs.privateEndpoints as object).sort()).toEqual([
      "aoai-contoso-prod-frc",
      "aoai-contoso-prod-swc",
    ]);
    expect(Object.keys(result.outputs.privateDnsZoneIds as object).sort()).toEqual([
      "privatelink.cognitiveservices.azure.com",
      "privatelink.openai.azure.com",
    ]);
  });

  it("dev stays on IP allow-listing: no endpoint, no network resources", async () => {
    const result = await planJson("--stack", "dev");
    expect(result.resources.filter((r) => /^azure-native:(network|privatedns):/.test(r.type))).toEqual([]);
    expect(result.outputs.privateEndpoints).toEqual({});
  });
});
