/** Config shape of the AI gateway (Azure API Management v2 in front of the accounts). */
import { z } from "zod";
import {
  APP_INSIGHTS_NAME,
  DEFAULT_GATEWAY_SUBNET_NAME,
  GATEWAY_ENTITY_NAME,
  GATEWAY_SERVICE_NAME,
  GatewayInbound,
  GatewayOutbound,
  GatewayPublicNetworkAccess,
  GatewaySku,
  POOL_PRIORITY,
  POOL_WEIGHT,
  TOKEN_QUOTA_PERIODS,
  TokenQuotaPeriod,
} from "../facts/gateway";
import { SUBNET_NAME } from "../facts/privateLink";
import { cidr } from "../network/spec";
import { addDuplicateIssues, azureName, strictObject } from "../validation";

const entityName = azureName(GATEWAY_ENTITY_NAME);

export const gatewayPoolBackendSchema = strictObject({
  /** A stack account name. */
  account: z.string().min(1),
  /** Lower first: the region's PTU account 1, pay-as-you-go spillover 2, the other region 3. */
  priority: z.number().int().min(POOL_PRIORITY.min).max(POOL_PRIORITY.max).default(1),
  /** Share among backends of the same priority. */
  weight: z.number().int().min(POOL_WEIGHT.min).max(POOL_WEIGHT.max).default(1),
});

export const gatewayPoolSchema = strictObject({
  name: entityName,
  backends: z.array(gatewayPoolBackendSchema).min(1, { error: "list at least one backend account" }),
}).superRefine((pool, ctx) =>
  addDuplicateIssues(
    ctx,
    pool.backends.map((b) => b.account),
    (i) => ["backends", i, "account"],
    "backend account",
  ),
);

export const gatewayRouteSchema = strictObject({
  /** The deployment name apps call (`/openai/deployments/<name>/…`). */
  deployment: z.string().min(1),
  pool: z.string().min(1),
});

export const gatewayConsumerSchema = strictObject({
  name: entityName,
  /** An app identity of `access.identities` (by name): callers present its Entra token. */
  identity: z.string().min(1).optional(),
  /**
   * Client (application) id of an existing Entra principal: an app registration's or a managed identity's
   * client id, which validate-azure-ad-token matches against the token's appid/azp claim (not its object id).
   * Required when `identity` names an existing principal (principalId); alone, an app outside access.identities.
   */
  clientId: z.uuid().optional(),
  /** Also require an APIM subscription key of a product named after the consumer. */
  subscription: z.boolean().default(false),
  tokensPerMinute: z.number().int().positive(),
  tokenQuota: z.number().int().positive().optional(),
  tokenQuotaPeriod: z.enum(TokenQuotaPeriod).optional(),
  /** Routed deployment names it may call; omitted: every routed deployment. */
  deployments: z.array(z.string().min(1)).min(1).optional(),
}).superRefine((consumer, ctx) => {
  if (consumer.identity === undefined && consumer.clientId === undefined && !consumer.subscription) {
    ctx.addIssue({
      code: "custom",
      path: ["identity"],
      message:
        "a consumer is an app identity (identity: <access.identities name>), an existing Entra app (clientId: <client id>) or a subscription (subscription: true)",
    });
  }
  if ((consumer.tokenQuota === undefined) !== (consumer.tokenQuotaPeriod === undefined)) {
    ctx.addIssue({
      code: "custom",
      path: [consumer.tokenQuota === undefined ? "tokenQuota" : "tokenQuotaPeriod"],
      message: `tokenQuota and tokenQuotaPeriod go together (periods: ${TOKEN_QUOTA_PERIODS.join(", ")})`,
    });
  }
});

/** The outbound (VNet integration) subnet the gateway creates in the stack's VNet of its region. */
export const gatewaySubnetSchema = strictObject({
  name: azureName(SUBNET_NAME).default(DEFAULT_GATEWAY_SUBNET_NAME),
  /** Inside the VNet's address space, apart from its other subnets; a /27 or larger (/24 recommended). */
  addressPrefix: cidr,
});

export const gatewaySpecSchema = strictObject({
  /** The API Management service name (also the host <name>.azure-api.net). */
  name: azureName(GATEWAY_SERVICE_NAME),
  sku: z.enum(GatewaySku).default("StandardV2"),
  units: z.number().int().min(1).default(1),
  publisherEmail: z.email(),
  publisherName: z.string().min(1),
  /** Region of the gateway; defaults to the stack's location. */
  location: z.string().min(1).optional(),
  /** How callers reach it: a private endpoint (Standard v2, Premium v2) or VNet injection (Premium v2). */
  inbound: z.enum(GatewayInbound).default("privateEndpoint"),
  /** How it reaches the accounts: VNet integration (Standard v2, Premium v2) or injection (Premium v2). */
  outbound: z.enum(GatewayOutbound).default("vnetIntegration"),
  /**
   * Public access to the gateway. Azure disables it only once a private endpoint exists
   * (https://learn.microsoft.com/azure/api-management/private-endpoint), so the first deploy runs with
   * Enabled and a second one sets Disabled; the plan warns in prod until then.
   */
  publicNetworkAccess: z.enum(GatewayPublicNetworkAccess).default("Enabled"),
  /** Delegated (integration) or dedicated (injection) subnet id, and the private endpoint's subnet id. */
  subnetId: z.string().min(1).optional(),
  /** Or the integration subnet to create (delegated to Microsoft.Web/serverFarms, with its NSG). */
  subnet: gatewaySubnetSchema.optional(),
  privateEndpointSubnetId: z.string().min(1).optional(),
  /** Id of the privatelink.azure-api.net zone (central or the stack's) the endpoint registers in. */
  privateDnsZoneId: z.string().min(1).optional(),
  /**
   * Application Insights for the token metrics (Logger + API diagnostic). The connection string is an
   * ingestion address, not a credential (https://learn.microsoft.com/azure/azure-monitor/app/connection-strings);
   * the component still passes it as a secret.
   */
  applicationInsights: strictObject({
    resourceId: z.string().min(1),
    connectionString: z.string().min(1),
  }).optional(),
  /** Name of the Application Insights the gateway creates when none is given (default appi-<name>). */
  applicationInsightsName: azureName(APP_INSIGHTS_NAME).optional(),
  /** Entra tenant whose tokens callers present (validate-azure-ad-token). */
  tenantId: z.uuid(),
  /** Retries of a throttled or failing call on the next backend of the pool. */
  retries: z.number().int().min(0).max(10).default(2),
  pools: z.array(gatewayPoolSchema).min(1, { error: "declare at least one pool" }),
  routes: z.array(gatewayRouteSchema).min(1, { error: "route at least one deployment" }),
  consumers: z.array(gatewayConsumerSchema).min(1, { error: "declare at least one consumer" }),
}).superRefine((gateway, ctx) => {
  if (gateway.subnet !== undefined && gateway.subnetId !== undefined) {
    ctx.addIssue({
      code: "custom",
      path: ["subnet"],
      message: "set subnetId (a subnet you own) or subnet (one the gateway creates), not both",
    });
  }
  if (gateway.applicationInsights !== undefined && gateway.applicationInsightsName !== undefined) {
    ctx.addIssue({
      code: "custom",
      path: ["applicationInsightsName"],
      message:
        "names the Application Insights the gateway creates; with applicationInsights given none is created",
    });
  }
  addDuplicateIssues(
    ctx,
    gateway.pools.map((p) => p.name),
    (i) => ["pools", i, "name"],
    "pool name",
  );
  addDuplicateIssues(
    ctx,
    gateway.routes.map((r) => r.deployment),
    (i) => ["routes", i, "deployment"],
    "routed deployment",
  );
  addDuplicateIssues(
    ctx,
    gateway.consumers.map((c) => c.name),
    (i) => ["consumers", i, "name"],
    "consumer name",
  );
});

export type GatewaySpec = z.output<typeof gatewaySpecSchema>;
export type GatewayConsumerSpec = z.output<typeof gatewayConsumerSchema>;
export type GatewayPoolSpec = z.output<typeof gatewayPoolSchema>;
