/** A prod-like gateway in front of three accounts: the region's PTU account, its pay-as-you-go spillover, the other region. */

import type { z } from "zod";
import type { GatewayContext } from "../../components/gateway/plan";
import { type GatewaySpec, gatewaySpecSchema } from "../../components/gateway/spec";

export type GatewayInput = z.input<typeof gatewaySpecSchema>;

export const TENANT = "00000000-0000-4000-8000-000000000001";

export function gatewayInput(): GatewayInput & {
  pools: NonNullable<GatewayInput["pools"]>;
  routes: NonNullable<GatewayInput["routes"]>;
  consumers: NonNullable<GatewayInput["consumers"]>;
} {
  return {
    name: "aoai-gw-prod",
    sku: "StandardV2",
    publisherEmail: "platform@example.com",
    publisherName: "Platform team",
    tenantId: TENANT,
    inbound: "privateEndpoint",
    publicNetworkAccess: "Disabled",
    privateDnsZoneId:
      "/subscriptions/s/resourceGroups/hub/providers/Microsoft.Network/privateDnsZones/privatelink.azure-api.net",
    outbound: "vnetIntegration",
    subnetId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/apim",
    privateEndpointSubnetId:
      "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/pe",
    pools: [
      {
        name: "chat-pool",
        backends: [
          { account: "aoai-swc-paygo", priority: 2, weight: 50 },
          { account: "aoai-swc-ptu", priority: 1 },
          { account: "aoai-frc", priority: 3 },
        ],
      },
    ],
    routes: [{ deployment: "chat", pool: "chat-pool" }],
    consumers: [
      {
        name: "support-bot",
        identity: "support-bot",
        tokensPerMinute: 20000,
        tokenQuota: 5000000,
        tokenQuotaPeriod: "Monthly",
      },
      { name: "search-api", identity: "search-api", tokensPerMinute: 10000, deployments: ["chat"] },
    ],
  };
}

export const parseGateway = (input: unknown): GatewaySpec => gatewaySpecSchema.parse(input);

const chat = (sku: "GlobalStandard" | "ProvisionedManaged", capacity: number, model = "gpt-4.1") => ({
  name: "chat",
  model,
  version: "2025-04-14",
  sku,
  capacity,
});

export function gatewayContext(): GatewayContext {
  return {
    environment: "prod",
    apiVersion: "2024-10-21",
    identities: [
      { name: "support-bot", existing: false },
      { name: "search-api", existing: false },
    ],
    accounts: [
      {
        name: "aoai-swc-ptu",
        location: "swedencentral",
        publicNetworkAccess: "Disabled",
        deployments: [chat("GlobalStandard", 100)],
      },
      {
        name: "aoai-swc-paygo",
        location: "swedencentral",
        publicNetworkAccess: "Disabled",
        deployments: [chat("GlobalStandard", 50)],
      },
      {
        name: "aoai-frc",
        location: "francecentral",
        publicNetworkAccess: "Disabled",
        deployments: [chat("GlobalStandard", 30)],
      },
    ],
  };
}

const RG = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aoai";
export const GATEWAY_VNET = `${RG}/providers/Microsoft.Network/virtualNetworks/vnet-aoai`;

/** AiGateway args as another language's program would send them: one account, one pool, one consumer by client id. */
export const gatewayComponentArgs = () => ({
  name: "apim-x",
  publisherEmail: "platform@contoso.com",
  publisherName: "Platform",
  location: "swedencentral",
  privateEndpointSubnetId: `${GATEWAY_VNET}/subnets/snet-pe`,
  logAnalyticsWorkspaceId: `${RG}/providers/Microsoft.OperationalInsights/workspaces/log-x`,
  tenantId: "11111111-1111-4111-8111-111111111111",
  pools: [{ name: "chat-pool", backends: [{ account: "aoai-x" }] }],
  routes: [{ deployment: "chat", pool: "chat-pool" }],
  consumers: [{ name: "app", clientId: "22222222-2222-4222-8222-222222222222", tokensPerMinute: 1000 }],
  apiVersion: "2024-10-21",
  resourceGroupName: "rg-aoai",
  accounts: {
    "aoai-x": {
      id: `${RG}/providers/Microsoft.CognitiveServices/accounts/aoai-x`,
      endpoint: "https://aoai-x.openai.azure.com/",
    },
  },
});
