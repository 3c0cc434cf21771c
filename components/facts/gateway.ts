/**
 * Facts of Azure API Management as the platform's AI gateway: which v2 tiers support which networking,
 * the service name rule, how long creation takes, and the resource the gateway's identity asks tokens for.
 */
import type { NameRule } from "./names";

/** The values of an as-const enum object (the analyzer's enum form), in declaration order. */
const enumValues = <T extends Record<string, string>>(members: T): T[keyof T][] =>
  Object.values(members) as T[keyof T][];

/** The API Management v2 tiers the gateway offers (classic tiers take 45-75 minutes to create). */
export const GatewaySku = { BasicV2: "BasicV2", StandardV2: "StandardV2", PremiumV2: "PremiumV2" } as const;
export type GatewaySku = (typeof GatewaySku)[keyof typeof GatewaySku];
export const GATEWAY_SKUS = enumValues(GatewaySku);

export interface GatewaySkuFeatures {
  /** A private endpoint for inbound connections to the gateway. */
  privateEndpointInbound: boolean;
  /** Outbound virtual network integration (public gateway, backends reached through a delegated subnet). */
  vnetIntegrationOutbound: boolean;
  /** Virtual network injection (gateway at a private IP, inbound and outbound through the VNet). */
  vnetInjection: boolean;
  /** Scale units a service may have. */
  maxUnits: number;
}

/**
 * Source: "Feature-based comparison of the Azure API Management tiers",
 * https://learn.microsoft.com/azure/api-management/api-management-features (rows "Virtual network
 * injection support", "Private endpoint support for inbound connections", "Outbound virtual network
 * integration support"); https://learn.microsoft.com/azure/api-management/integrate-vnet-outbound
 * ("available only for … Standard v2 and Premium v2"); https://learn.microsoft.com/azure/api-management/inject-vnet-v2
 * ("available only for … Premium v2"). Units: https://learn.microsoft.com/azure/api-management/v2-service-tiers-overview
 * (Basic v2 up to 10 units, Standard v2 up to 10, Premium v2 up to 30).
 */
export const GATEWAY_SKU_FEATURES: Readonly<Record<GatewaySku, GatewaySkuFeatures>> = {
  BasicV2: {
    privateEndpointInbound: false,
    vnetIntegrationOutbound: false,
    vnetInjection: false,
    maxUnits: 10,
  },
  StandardV2: {
    privateEndpointInbound: true,
    vnetIntegrationOutbound: true,
    vnetInjection: false,
    maxUnits: 10,
  },
  PremiumV2: {
    privateEndpointInbound: true,
    vnetIntegrationOutbound: true,
    vnetInjection: true,
    maxUnits: 30,
  },
};

/** How callers reach the gateway, and how the gateway reaches the accounts. */
/** How callers reach the gateway: public, a private endpoint (Standard v2, Premium v2) or VNet injection (Premium v2). */
export const GatewayInbound = {
  public: "public",
  privateEndpoint: "privateEndpoint",
  vnetInjection: "vnetInjection",
} as const;
export type GatewayInbound = (typeof GatewayInbound)[keyof typeof GatewayInbound];
export const GATEWAY_INBOUND = enumValues(GatewayInbound);
/** How the gateway reaches the accounts: public, VNet integration (Standard v2, Premium v2) or VNet injection (Premium v2). */
export const GatewayOutbound = {
  public: "public",
  vnetIntegration: "vnetIntegration",
  vnetInjection: "vnetInjection",
} as const;
export type GatewayOutbound = (typeof GatewayOutbound)[keyof typeof GatewayOutbound];
export const GATEWAY_OUTBOUND = enumValues(GatewayOutbound);
/** Public network access to the gateway (Disabled only once its private endpoint exists). */
export const GatewayPublicNetworkAccess = { Enabled: "Enabled", Disabled: "Disabled" } as const;
export type GatewayPublicNetworkAccess =
  (typeof GatewayPublicNetworkAccess)[keyof typeof GatewayPublicNetworkAccess];

/**
 * Source: Microsoft.ApiManagement/service name parameter, specification/apimanagement/resource-manager/
 * Microsoft.ApiManagement/stable/2024-05-01/apimanagement.json#/parameters/ServiceNameParameter
 * (pattern ^[a-zA-Z](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?$, length 1-50). The name is also the host
 * <name>.azure-api.net, so it is globally unique.
 */
export const GATEWAY_SERVICE_NAME: NameRule = {
  pattern: /^[a-zA-Z](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?$/,
  minLength: 1,
  maxLength: 50,
  allowed: "1-50 letters, digits and hyphens, starting with a letter and not ending with a hyphen",
};

/** Backend, pool, product and other APIM entity ids: spec ...#/parameters/BackendIdParameter (1-80, no `*#&+:<>?`). */
export const GATEWAY_ENTITY_NAME: NameRule = {
  pattern: /^[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?$/,
  minLength: 1,
  maxLength: 80,
  allowed: "1-80 letters, digits and hyphens, starting and ending with a letter or digit",
};

/**
 * The token audience of Azure OpenAI: what `authentication-managed-identity` asks for.
 * Source: https://learn.microsoft.com/azure/api-management/api-management-authenticate-authorize-azure-openai
 * ("resource=\"https://cognitiveservices.azure.com\"").
 */
export const COGNITIVE_SERVICES_RESOURCE = "https://cognitiveservices.azure.com";

/**
 * Rough creation times for the critical path. v2 tiers: "Deploy a production-ready API Management instance
 * in minutes" (https://learn.microsoft.com/azure/api-management/v2-service-tiers-overview); 15 minutes is the
 * platform's cautious bound, 20 for Premium v2, whose VNet injection adds network setup (no figure published).
 * Classic tiers: "Expect ~45-75 minutes" (Azure API Management lab, https://azure.github.io/apim-lab/apim-lab/1-apim-creation),
 * which is why the platform offers only v2 tiers.
 */
export const GATEWAY_CREATE_SECONDS: Readonly<Record<GatewaySku, number>> = {
  BasicV2: 15 * 60,
  StandardV2: 15 * 60,
  PremiumV2: 20 * 60,
};
export const CLASSIC_TIER_CREATE_MINUTES = { min: 45, max: 75 } as const;

/** Token quota periods of `azure-openai-token-limit` (https://learn.microsoft.com/azure/api-management/azure-openai-token-limit-policy). */
export const TokenQuotaPeriod = {
  Hourly: "Hourly",
  Daily: "Daily",
  Weekly: "Weekly",
  Monthly: "Monthly",
  Yearly: "Yearly",
} as const;
export type TokenQuotaPeriod = (typeof TokenQuotaPeriod)[keyof typeof TokenQuotaPeriod];
export const TOKEN_QUOTA_PERIODS = enumValues(TokenQuotaPeriod);
/** Minutes per period, for the quota-vs-capacity check (a month as 30 days, a year as 365). */
export const MINUTES_PER_PERIOD: Readonly<Record<TokenQuotaPeriod, number>> = {
  Hourly: 60,
  Daily: 1440,
  Weekly: 10080,
  Monthly: 43200,
  Yearly: 525600,
};

/**
 * Priority (lower first) and weight of a pool member: 0-100 each. Source: BackendPoolItem in
 * specification/apimanagement/resource-manager/Microsoft.ApiManagement/stable/2024-05-01/apimbackends.json
 * (minimum 0, maximum 100; the same constraints in @azure/arm-apimanagement 10.0.0's mappers).
 */
export const POOL_PRIORITY = { min: 0, max: 100 } as const;
export const POOL_WEIGHT = { min: 0, max: 100 } as const;

/** Standard (pay-per-token) capacity unit: 1 = 1,000 tokens per minute (components/facts/skus.ts). */
export const TOKENS_PER_MINUTE_PER_CAPACITY_UNIT = 1000;

/**
 * The stable Azure OpenAI data-plane (inference) specs Azure publishes, by API version: the gateway's API
 * is imported by API Management from the raw file. Source: specification/cognitiveservices/data-plane/
 * AzureOpenAI/inference/stable/<version>/inference.json in Azure/azure-rest-api-specs.
 */
export const INFERENCE_SPEC_VERSIONS = [
  "2022-12-01",
  "2023-05-15",
  "2024-02-01",
  "2024-06-01",
  "2024-10-21",
] as const;

export const inferenceSpecUrl = (apiVersion: string): string =>
  `https://raw.githubusercontent.com/Azure/azure-rest-api-specs/main/specification/cognitiveservices/data-plane/AzureOpenAI/inference/stable/${apiVersion}/inference.json`;

/** The API's path on the gateway: SDKs append /openai to AZURE_OPENAI_ENDPOINT, so apps keep their code. */
export const GATEWAY_API_PATH = "openai";

/**
 * Circuit breaker of each account backend: trips after 3 throttled (429) or failed (5xx) responses in one
 * minute, for one minute or as long as the backend's Retry-After says (acceptRetryAfter). Values are the
 * platform's choice; the rule shape is https://learn.microsoft.com/azure/api-management/backends#circuit-breaker.
 */
export const BACKEND_CIRCUIT_BREAKER = {
  count: 3,
  interval: "PT1M",
  tripDuration: "PT1M",
  statusCodeRanges: [
    { min: 429, max: 429 },
    { min: 500, max: 599 },
  ],
} as const;

/**
 * Private endpoint sub-resource (group id) of an API Management instance and its DNS zone. Verified: the
 * Private Link DNS table lists "Azure API Management (Microsoft.ApiManagement/service) | Gateway |
 * privatelink.azure-api.net" (https://learn.microsoft.com/azure/private-link/private-endpoint-dns), and
 * API Management's private endpoint page says only the Gateway endpoint supports Private Link, with
 * "Target sub-resource: Gateway" (https://learn.microsoft.com/azure/api-management/private-endpoint),
 * the same for every tier with private endpoints (Standard v2 and Premium v2 among the v2 tiers).
 */
export const GATEWAY_PRIVATE_LINK_GROUP = "Gateway";
export const GATEWAY_PRIVATE_DNS_ZONE = "privatelink.azure-api.net";

/**
 * The subnet the gateway's outbound traffic leaves through, and the service it is delegated to.
 * VNet integration (Standard v2, Premium v2): "The subnet needs to be delegated to the
 * Microsoft.Web/serverFarms service", dedicated to one instance, with a network security group ("No specific
 * rules are required"), minimum /27, recommended /24
 * (https://learn.microsoft.com/azure/api-management/integrate-vnet-outbound). VNet injection (Premium v2):
 * delegated to Microsoft.Web/hostingEnvironments, minimum /27, and an NSG with API Management's own rules
 * (https://learn.microsoft.com/azure/api-management/inject-vnet-v2); the platform creates only the
 * integration subnet, an injected one is given by id (its NSG rules are the network team's).
 */
export const GATEWAY_SUBNET_DELEGATION = {
  vnetIntegration: "Microsoft.Web/serverFarms",
  vnetInjection: "Microsoft.Web/hostingEnvironments",
} as const;
/** The smallest subnet either accepts: a /27 (32 addresses); /24 is recommended for scaling. */
export const GATEWAY_SUBNET_MAX_PREFIX_LENGTH = 27;
export const DEFAULT_GATEWAY_SUBNET_NAME = "snet-apim";

/**
 * Application Insights component names (Microsoft.Insights/components): 1-260 characters, not % & \ ? /
 * or control characters, not ending in a space or period.
 * Source: https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules#microsoftinsights
 */
export const APP_INSIGHTS_NAME: NameRule = {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the rule excludes control characters
  pattern: /^[^%&\\?/\u0000-\u001f]*[^%&\\?/\u0000-\u001f. ]$/,
  minLength: 1,
  maxLength: 260,
  allowed: "1-260 characters, not % & \\ ? / or control characters, not ending in a space or period",
};
export const appInsightsName = (gatewayName: string): string => `appi-${gatewayName}`;

/**
 * What the token metrics (azure-openai-emit-token-metric / llm-emit-token-metric) need, per
 * https://learn.microsoft.com/azure/api-management/azure-openai-emit-token-metric-policy ("Prerequisites"):
 * API Management integrated with Application Insights (a Logger), Application Insights logging enabled for
 * the API (an API diagnostic) with `"metrics": true`
 * (https://learn.microsoft.com/azure/api-management/api-management-howto-app-insights#emit-custom-metrics),
 * and custom metrics with dimensions enabled on the Application Insights resource. The logger uses the
 * gateway's system-assigned identity (credentials `identityClientId: "SystemAssigned"` beside the connection
 * string), which needs Monitoring Metrics Publisher on the Application Insights resource
 * (api-management-howto-app-insights, "Prerequisites" and "Logger with system-assigned managed identity
 * credentials"); so a created component disables local (instrumentation key) authentication
 * (`DisableLocalAuth`, https://learn.microsoft.com/azure/azure-monitor/app/azure-ad-authentication).
 * "Custom metrics with dimensions" is a setting of the resource ("Usage and estimated costs") that neither
 * Microsoft.Insights/components 2020-02-02 (no such property in @azure/arm-appinsights 5.0.0-beta.8's
 * mappers) nor any azure-native applicationinsights resource carries: it stays a one-time portal step.
 */
export const TOKEN_METRICS_LOGGER_ID = "applicationinsights";
export const TOKEN_METRICS_DIAGNOSTIC_ID = "applicationinsights";
export const LOGGER_SYSTEM_IDENTITY = "SystemAssigned";
