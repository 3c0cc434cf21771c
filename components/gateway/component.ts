/**
 * The AI gateway: API Management v2 with a system identity that holds Cognitive Services OpenAI User on
 * every backend account, one backend per account with a circuit breaker, one load-balanced pool per config
 * pool, the Azure OpenAI data-plane API imported from Azure's published spec, the generated policy, token
 * metrics to Application Insights (given, or created on a Log Analytics workspace), and private
 * inbound/outbound networking per tier (the integration subnet and the privatelink.azure-api.net zone
 * created when not given).
 */
import * as apimanagement from "@pulumi/azure-native/apimanagement";
import * as applicationinsights from "@pulumi/azure-native/applicationinsights";
import * as authorization from "@pulumi/azure-native/authorization";
import * as network from "@pulumi/azure-native/network";
import * as privatedns from "@pulumi/azure-native/privatedns";
import * as pulumi from "@pulumi/pulumi";
import { assignRole } from "../access/roleAssignment";
import { validateArgs } from "../args";
import { APIM_MIN_API_VERSION } from "../facts/apimSecurity";
import {
  appInsightsName,
  BACKEND_CIRCUIT_BREAKER,
  GATEWAY_API_PATH,
  GATEWAY_PRIVATE_DNS_ZONE,
  GATEWAY_PRIVATE_LINK_GROUP,
  GATEWAY_SUBNET_DELEGATION,
  type GatewayInbound,
  type GatewayOutbound,
  type GatewayPublicNetworkAccess,
  type GatewaySku,
  inferenceSpecUrl,
  LOGGER_SYSTEM_IDENTITY,
  TOKEN_METRICS_DIAGNOSTIC_ID,
  TOKEN_METRICS_LOGGER_ID,
  type TokenQuotaPeriod,
} from "../facts/gateway";
import { builtInRole } from "../facts/roles";
import { DnsZoneGroupMode } from "../network/dnsMode";
import { parseVirtualNetworkId } from "../network/ids";
import { endpointNsgName } from "../network/nsg";
import { componentType } from "../tokens";
import { networkingIssues } from "./plan";
import { gatewayPolicyXml, type PolicyConsumer } from "./policy";
import { type GatewaySpec, gatewaySpecSchema } from "./spec";

/** An account the gateway sends requests to. */
export interface GatewayBackendAccount {
  /** The account's resource id: the gateway's identity gets Cognitive Services OpenAI User on it. */
  id: pulumi.Input<string>;
  /** The account's endpoint, https://<subdomain>.openai.azure.com/ (with the trailing slash). */
  endpoint: pulumi.Input<string>;
}

/** One account of a load-balanced pool. */
export interface GatewayPoolBackend {
  /** The account's name: a key of `accounts`. */
  account: string;
  /** 0-100, lower first: e.g. the region's PTU account 1, pay-as-you-go spillover 2, the other region 3. Default 1. */
  priority?: number;
  /** 0-100: the share among backends of the same priority. Default 1. */
  weight?: number;
}

/** A load-balanced pool of accounts (an API Management backend of type Pool). */
export interface GatewayPool {
  /** The pool's backend id: 1-80 letters, digits and hyphens. */
  name: string;
  /** The accounts in the pool, each once. */
  backends: GatewayPoolBackend[];
}

/** Which pool serves a deployment name. */
export interface GatewayRoute {
  /** The deployment name apps call (/openai/deployments/<name>/…); every backend of the pool must have it. */
  deployment: string;
  /** The name of a pool in `pools`. */
  pool: string;
}

/** A caller of the gateway with its token limits. */
export interface GatewayConsumer {
  /** The consumer's name: its token-limit counter key and the Consumer dimension of the token metrics. */
  name: string;
  /** An app identity of the stack's access.identities (by name); the program fills in its client id. */
  identity?: string;
  /** Client (application) id of an existing Entra app or managed identity: what validate-azure-ad-token matches (appid/azp claim), not its object id. */
  clientId?: string;
  /** Also require an APIM subscription key of a subscription named after the consumer. Default false. */
  subscription?: boolean;
  /** Tokens (prompt and completion) per minute (azure-openai-token-limit). */
  tokensPerMinute: number;
  /** Tokens per `tokenQuotaPeriod`; set both or neither. */
  tokenQuota?: number;
  /** Hourly, Daily, Weekly, Monthly or Yearly. */
  tokenQuotaPeriod?: TokenQuotaPeriod;
  /** Routed deployment names it may call; omitted: every routed deployment. */
  deployments?: string[];
}

/** An existing Application Insights the token metrics go to. */
export interface GatewayApplicationInsights {
  /** Its resource id: the gateway's identity gets Monitoring Metrics Publisher on it. */
  resourceId: pulumi.Input<string>;
  /** Its connection string: an ingestion address, not a credential; passed as a secret all the same. */
  connectionString: pulumi.Input<string>;
}

/** The outbound (VNet integration) subnet the gateway creates in `virtualNetworkId`. */
export interface GatewaySubnet {
  /** Default snet-apim. */
  name?: string;
  /** Inside the VNet's address space, apart from its other subnets; /27 or larger (/24 recommended). */
  addressPrefix: string;
}

/** A VNet whose clients resolve the gateway's host to its private endpoint (a link of the created zone). */
export interface GatewayDnsZoneLink {
  /** The link's name in the zone. */
  name: string;
  /** The VNet's resource id. */
  virtualNetworkId: pulumi.Input<string>;
}

/**
 * The AI gateway, validated and defaulted as the stack config's `gateway` (components/gateway/spec.ts),
 * plus what the stack wires in: the accounts, the consumers' client ids, the Log Analytics workspace and
 * the networks.
 */
export interface AiGatewayArgs {
  /** The API Management service name, also the host <name>.azure-api.net (globally unique; 1-50 characters). */
  name: string;
  /** BasicV2, StandardV2 (default) or PremiumV2. */
  sku?: GatewaySku;
  /** Scale units (Basic v2 and Standard v2 up to 10, Premium v2 up to 30). Default 1. */
  units?: number;
  /** Where API Management sends notifications. */
  publisherEmail: string;
  /** The organisation shown in the developer portal and emails. */
  publisherName: string;
  /** The gateway's region; its subnets must be in a VNet of this region. */
  location: string;
  /** How callers reach it: public, privateEndpoint (default; Standard v2, Premium v2) or vnetInjection (Premium v2). */
  inbound?: GatewayInbound;
  /** How it reaches the accounts: public, vnetIntegration (default; Standard v2, Premium v2) or vnetInjection (Premium v2). */
  outbound?: GatewayOutbound;
  /** Enabled (default) or Disabled; Azure disables it only once a private endpoint exists, so the first deploy keeps Enabled. */
  publicNetworkAccess?: GatewayPublicNetworkAccess;
  /** The subnet you own the gateway integrates with (delegated to Microsoft.Web/serverFarms) or is injected into. */
  subnetId?: pulumi.Input<string>;
  /** Or the integration subnet the gateway creates in `virtualNetworkId`. */
  subnet?: GatewaySubnet;
  /** The VNet `subnet` is created in. */
  virtualNetworkId?: pulumi.Input<string>;
  /** The subnet of the gateway's private endpoint (inbound privateEndpoint). */
  privateEndpointSubnetId?: pulumi.Input<string>;
  /** A privatelink.azure-api.net zone (e.g. a hub's) the endpoint registers in; omitted, the gateway creates one. */
  privateDnsZoneId?: pulumi.Input<string>;
  /** VNets linked to the zone the gateway creates. */
  privateDnsZoneLinks?: GatewayDnsZoneLink[];
  /** stack (default): the endpoint registers in the zone; policy-managed: a landing-zone policy registers it, no zone is created. */
  dnsZoneGroup?: DnsZoneGroupMode;
  /** An existing Application Insights for the token metrics; omitted, one is created on `logAnalyticsWorkspaceId`. */
  applicationInsights?: GatewayApplicationInsights;
  /** Name of the Application Insights the gateway creates (default appi-<name>). */
  applicationInsightsName?: string;
  /** The Log Analytics workspace a created (workspace-based) Application Insights stores its data in. */
  logAnalyticsWorkspaceId?: pulumi.Input<string>;
  /** The Entra tenant whose tokens callers present (validate-azure-ad-token). */
  tenantId: string;
  /** Retries of a throttled or failing call on the next backend of the pool (0-10). Default 2. */
  retries?: number;
  /** The load-balanced pools. */
  pools: GatewayPool[];
  /** Deployment name to pool. */
  routes: GatewayRoute[];
  /** The callers and their token limits. */
  consumers: GatewayConsumer[];
  /** The data-plane API version whose published inference spec the gateway's API is imported from (e.g. 2024-10-21). */
  apiVersion: string;
  /** The resource group of the service and of everything the gateway creates. */
  resourceGroupName: pulumi.Input<string>;
  /** Every account a pool names, by account name. */
  accounts: Record<string, GatewayBackendAccount>;
  /** Client ids of the consumers' identities the stack creates, by consumer name. */
  consumerClientIds?: Record<string, pulumi.Input<string>>;
  /** Tags of every resource the gateway creates. */
  tags?: Record<string, string>;
}

const API_ID = "azure-openai";
/** What an input that is only known at deployment (an output) is validated as; plain values are validated as given. */
const RESOLVED_LATER = "(known at deployment)";
const known = (value: pulumi.Input<string> | undefined): unknown =>
  pulumi.Output.isInstance(value) || value instanceof Promise ? RESOLVED_LATER : value;

export class AiGateway extends pulumi.ComponentResource {
  /** https://<name>.azure-api.net: what apps set as AZURE_OPENAI_ENDPOINT when the gateway is on. */
  readonly endpoint: pulumi.Output<string>;
  /** The API Management service's resource id. */
  readonly serviceId: pulumi.Output<string>;
  /** The object id of the gateway's system-assigned identity. */
  readonly principalId: pulumi.Output<string>;
  /** The Application Insights the token metrics go to (given or created). */
  readonly applicationInsightsId: pulumi.Output<string>;

  constructor(name: string, args: AiGatewayArgs, opts?: pulumi.ComponentResourceOptions) {
    super(componentType("AiGateway"), name, {}, opts);
    const {
      apiVersion,
      resourceGroupName,
      accounts,
      consumerClientIds = {},
      logAnalyticsWorkspaceId,
      virtualNetworkId,
      privateDnsZoneLinks = [],
      dnsZoneGroup = DnsZoneGroupMode.Stack,
      tags,
      ...config
    } = args;
    const spec: GatewaySpec = validateArgs(this, `AiGateway ${name}`, gatewaySpecSchema, {
      ...config,
      subnetId: known(config.subnetId),
      privateEndpointSubnetId: known(config.privateEndpointSubnetId),
      privateDnsZoneId: known(config.privateDnsZoneId),
      applicationInsights: config.applicationInsights && {
        resourceId: known(config.applicationInsights.resourceId),
        connectionString: known(config.applicationInsights.connectionString),
      },
    });
    const refuse = (message: string): never => {
      throw new pulumi.ResourceError(`AiGateway ${name}: ${message}`, this, true);
    };
    for (const issue of networkingIssues(spec.sku, spec.inbound, spec.outbound, "", spec)) {
      refuse(`${issue.path.join(".")}: ${issue.message}`);
    }
    if (spec.subnet !== undefined && virtualNetworkId === undefined) {
      refuse("subnet: give virtualNetworkId, the VNet the gateway creates its integration subnet in");
    }
    if (spec.inbound === "privateEndpoint" && config.privateEndpointSubnetId === undefined) {
      refuse(
        "inbound privateEndpoint needs privateEndpointSubnetId: the subnet of the gateway's private endpoint",
      );
    }
    if (config.applicationInsights === undefined && logAnalyticsWorkspaceId === undefined) {
      refuse(
        "the token metrics need Application Insights: give applicationInsights (an existing one) or logAnalyticsWorkspaceId (the gateway creates a workspace-based one)",
      );
    }
    if (!(Object.values(DnsZoneGroupMode) as string[]).includes(dnsZoneGroup)) {
      refuse(
        `dnsZoneGroup: ${JSON.stringify(dnsZoneGroup)}: allowed: ${Object.values(DnsZoneGroupMode).join(", ")}`,
      );
    }
    for (const pool of spec.pools) {
      for (const backend of pool.backends) {
        if (!accounts[backend.account]) {
          refuse(
            `pool "${pool.name}" names account "${backend.account}", which is not among the accounts given (${Object.keys(accounts).join(", ")})`,
          );
        }
      }
    }
    const clientIdOf = (consumer: GatewaySpec["consumers"][number]) =>
      consumerClientIds[consumer.name] ?? consumer.clientId;
    for (const consumer of spec.consumers) {
      if (consumer.identity !== undefined && clientIdOf(consumer) === undefined) {
        refuse(
          `consumer "${consumer.name}" calls with identity "${consumer.identity}" but no client id was given for it (consumerClientIds or clientId)`,
        );
      }
    }
    const child = { parent: this };
    const injected = spec.inbound === "vnetInjection";
    const subnetId = spec.subnet
      ? this.integrationSubnet(
          name,
          args.location,
          spec.subnet,
          virtualNetworkId ?? "",
          config.privateEndpointSubnetId,
          tags,
        )
      : config.subnetId;
    const service = new apimanagement.ApiManagementService(
      `${name}-service`,
      {
        serviceName: spec.name,
        resourceGroupName,
        location: args.location,
        sku: { name: spec.sku, capacity: spec.units },
        identity: { type: "SystemAssigned" },
        publisherEmail: spec.publisherEmail,
        publisherName: spec.publisherName,
        publicNetworkAccess: spec.publicNetworkAccess,
        apiVersionConstraint: { minApiVersion: APIM_MIN_API_VERSION },
        // v2 outbound integration keeps the gateway public (External); injection puts it at a private IP.
        virtualNetworkType: spec.outbound === "public" ? "None" : injected ? "Internal" : "External",
        ...(subnetId !== undefined && spec.outbound !== "public"
          ? { virtualNetworkConfiguration: { subnetResourceId: subnetId } }
          : {}),
        tags,
      },
      child,
    );
    const serviceArgs = { resourceGroupName, serviceName: service.name };
    this.serviceId = service.id;
    this.principalId = service.identity.apply((identity) => identity?.principalId ?? "");
    this.endpoint = pulumi.interpolate`https://${service.name}.azure-api.net`;

    const subscriptionId = authorization.getClientConfigOutput(child).subscriptionId;
    /** A role for the gateway's system identity on one scope. */
    const grant = (
      resourceName: string,
      scope: pulumi.Input<string>,
      roleGuid: string,
      description: string,
    ) =>
      assignRole(
        resourceName,
        {
          scope,
          principalId: this.principalId,
          principal: `the gateway "${spec.name}"`,
          principalType: "ServicePrincipal",
          roleGuid,
          subscriptionId,
          description,
        },
        child,
      );
    const openAiUser = builtInRole("Cognitive Services OpenAI User");
    const backendAccounts = [...new Set(spec.pools.flatMap((pool) => pool.backends.map((b) => b.account)))];
    const backends = new Map<string, apimanagement.Backend>();
    for (const accountName of backendAccounts) {
      const account = accounts[accountName] as GatewayBackendAccount;
      grant(
        `${name}-openai-user-${accountName}`,
        account.id,
        openAiUser.guid,
        `AI gateway ${spec.name} calls ${accountName} with its managed identity`,
      );
      backends.set(
        accountName,
        new apimanagement.Backend(
          `${name}-backend-${accountName}`,
          {
            ...serviceArgs,
            backendId: accountName,
            protocol: "http",
            url: pulumi.interpolate`${account.endpoint}${GATEWAY_API_PATH}`,
            circuitBreaker: {
              rules: [
                {
                  name: "throttled-or-failing",
                  acceptRetryAfter: true,
                  tripDuration: BACKEND_CIRCUIT_BREAKER.tripDuration,
                  failureCondition: {
                    count: BACKEND_CIRCUIT_BREAKER.count,
                    interval: BACKEND_CIRCUIT_BREAKER.interval,
                    statusCodeRanges: BACKEND_CIRCUIT_BREAKER.statusCodeRanges.map((range) => ({ ...range })),
                  },
                },
              ],
            },
          },
          child,
        ),
      );
    }
    const pools = spec.pools.map(
      (pool) =>
        new apimanagement.Backend(
          `${name}-pool-${pool.name}`,
          {
            ...serviceArgs,
            backendId: pool.name,
            type: "Pool",
            pool: {
              services: pool.backends.map((backend) => ({
                id: (backends.get(backend.account) as apimanagement.Backend).id,
                priority: backend.priority,
                weight: backend.weight,
              })),
            },
          },
          child,
        ),
    );
    const api = new apimanagement.Api(
      `${name}-api`,
      {
        ...serviceArgs,
        apiId: API_ID,
        displayName: "Azure OpenAI",
        path: GATEWAY_API_PATH,
        protocols: ["https"],
        format: "openapi+json-link",
        value: inferenceSpecUrl(apiVersion),
        subscriptionRequired: spec.consumers.some((consumer) => consumer.subscription),
      },
      child,
    );
    const policyXml = pulumi
      .all(
        spec.consumers.map((consumer) =>
          pulumi.output(clientIdOf(consumer)).apply(
            (clientId): PolicyConsumer => ({
              name: consumer.name,
              ...(clientId === undefined ? {} : { clientId }),
              subscription: consumer.subscription,
              tokensPerMinute: consumer.tokensPerMinute,
              tokenQuota: consumer.tokenQuota,
              tokenQuotaPeriod: consumer.tokenQuotaPeriod,
              deployments: consumer.deployments,
            }),
          ),
        ),
      )
      .apply((resolved) =>
        gatewayPolicyXml({
          tenantId: spec.tenantId,
          retries: spec.retries,
          routes: spec.routes,
          consumers: resolved,
        }),
      );
    new apimanagement.ApiPolicy(
      `${name}-policy`,
      { ...serviceArgs, apiId: api.name, policyId: "policy", format: "xml", value: policyXml },
      { parent: this, dependsOn: pools },
    );
    for (const consumer of spec.consumers.filter((c) => c.subscription)) {
      new apimanagement.Subscription(
        `${name}-subscription-${consumer.name}`,
        {
          ...serviceArgs,
          sid: consumer.name,
          displayName: consumer.name,
          scope: pulumi.interpolate`/apis/${api.name}`,
          state: "active",
        },
        child,
      );
    }

    const insights =
      config.applicationInsights ?? this.applicationInsights(name, spec, args, logAnalyticsWorkspaceId);
    this.applicationInsightsId = pulumi.output(insights.resourceId);
    grant(
      `${name}-metrics-publisher`,
      insights.resourceId,
      builtInRole("Monitoring Metrics Publisher").guid,
      `AI gateway ${spec.name} sends token metrics with its managed identity`,
    );
    const logger = new apimanagement.Logger(
      `${name}-logger`,
      {
        ...serviceArgs,
        loggerId: TOKEN_METRICS_LOGGER_ID,
        loggerType: "applicationInsights",
        resourceId: insights.resourceId,
        // Entra ID ingestion with the gateway's identity; the connection string only says where to send.
        credentials: pulumi.secret(
          pulumi
            .output(insights.connectionString)
            .apply((connectionString) => ({ connectionString, identityClientId: LOGGER_SYSTEM_IDENTITY })),
        ),
      },
      child,
    );
    new apimanagement.ApiDiagnostic(
      `${name}-diagnostic`,
      {
        ...serviceArgs,
        apiId: api.name,
        diagnosticId: TOKEN_METRICS_DIAGNOSTIC_ID,
        loggerId: logger.id,
        // Custom metrics (the token metrics with the Consumer dimension) need metrics on.
        metrics: true,
        alwaysLog: "allErrors",
        verbosity: "information",
        logClientIp: false,
        sampling: { samplingType: "fixed", percentage: 100 },
      },
      child,
    );

    if (spec.inbound === "privateEndpoint") {
      const endpoint = new network.PrivateEndpoint(
        `${name}-pe`,
        {
          privateEndpointName: `pe-${spec.name}`,
          customNetworkInterfaceName: `pe-${spec.name}-nic`,
          resourceGroupName,
          location: args.location,
          subnet: { id: config.privateEndpointSubnetId },
          privateLinkServiceConnections: [
            {
              name: `pe-${spec.name}`,
              privateLinkServiceId: service.id,
              groupIds: [GATEWAY_PRIVATE_LINK_GROUP],
            },
          ],
          tags,
        },
        child,
      );
      if (dnsZoneGroup === DnsZoneGroupMode.Stack) {
        const zoneId =
          config.privateDnsZoneId ?? this.privateDnsZone(name, resourceGroupName, privateDnsZoneLinks, tags);
        new network.PrivateDnsZoneGroup(
          `${name}-dns`,
          {
            privateDnsZoneGroupName: "default",
            privateEndpointName: endpoint.name,
            resourceGroupName,
            privateDnsZoneConfigs: [
              { name: GATEWAY_PRIVATE_DNS_ZONE.replaceAll(".", "-"), privateDnsZoneId: zoneId },
            ],
          },
          child,
        );
      }
    }
    this.registerOutputs({
      endpoint: this.endpoint,
      serviceId: this.serviceId,
      principalId: this.principalId,
      applicationInsightsId: this.applicationInsightsId,
    });
  }

  /** A workspace-based Application Insights that takes only Entra ID ingestion (local auth off). */
  private applicationInsights(
    name: string,
    spec: GatewaySpec,
    args: AiGatewayArgs,
    workspaceId: pulumi.Input<string> | undefined,
  ): GatewayApplicationInsights {
    const component = new applicationinsights.Component(
      `${name}-appinsights`,
      {
        resourceName: spec.applicationInsightsName ?? appInsightsName(spec.name),
        resourceGroupName: args.resourceGroupName,
        location: args.location,
        kind: "web",
        applicationType: "other",
        ingestionMode: "LogAnalytics",
        workspaceResourceId: workspaceId,
        disableLocalAuth: true,
        tags: args.tags,
      },
      { parent: this },
    );
    return { resourceId: component.id, connectionString: component.connectionString };
  }

  /**
   * The integration subnet, delegated as API Management v2 requires, with the NSG the docs ask for. It is
   * written after the VNet's endpoint subnet: ARM refuses two subnet writes in one VNet at a time.
   */
  private integrationSubnet(
    name: string,
    location: string,
    subnet: NonNullable<GatewaySpec["subnet"]>,
    virtualNetworkId: pulumi.Input<string>,
    after: pulumi.Input<string> | undefined,
    tags: Record<string, string> | undefined,
  ): pulumi.Output<string> {
    const vnet = pulumi.all([virtualNetworkId, after]).apply(([id]) => {
      const parsed = parseVirtualNetworkId(id);
      const group = /\/resourceGroups\/([^/]+)\//i.exec(id)?.[1];
      if (!parsed || group === undefined) {
        throw new pulumi.ResourceError(
          `AiGateway ${name}: virtualNetworkId ${id} is not a VNet resource id`,
          this,
        );
      }
      return { name: parsed.name, resourceGroup: group };
    });
    const nsg = new network.NetworkSecurityGroup(
      `${name}-subnet-nsg`,
      {
        networkSecurityGroupName: vnet.apply((v) => endpointNsgName(v.name, subnet.name)),
        resourceGroupName: vnet.resourceGroup,
        location,
        tags,
      },
      { parent: this },
    );
    const created = new network.Subnet(
      `${name}-subnet`,
      {
        subnetName: subnet.name,
        virtualNetworkName: vnet.name,
        resourceGroupName: vnet.resourceGroup,
        addressPrefix: subnet.addressPrefix,
        delegations: [
          { name: "apim-vnet-integration", serviceName: GATEWAY_SUBNET_DELEGATION.vnetIntegration },
        ],
        networkSecurityGroup: { id: nsg.id },
      },
      { parent: this },
    );
    return created.id;
  }

  /** The privatelink.azure-api.net zone and its VNet links. */
  private privateDnsZone(
    name: string,
    resourceGroupName: pulumi.Input<string>,
    links: readonly GatewayDnsZoneLink[],
    tags: Record<string, string> | undefined,
  ): pulumi.Output<string> {
    const zone = new privatedns.PrivateZone(
      `${name}-dns-zone`,
      { privateZoneName: GATEWAY_PRIVATE_DNS_ZONE, resourceGroupName, location: "global", tags },
      { parent: this },
    );
    for (const link of links) {
      new privatedns.VirtualNetworkLink(
        `${name}-dns-zone-${link.name}`,
        {
          virtualNetworkLinkName: link.name,
          privateZoneName: zone.name,
          resourceGroupName,
          location: "global",
          virtualNetwork: { id: link.virtualNetworkId },
          registrationEnabled: false,
          tags,
        },
        { parent: this },
      );
    }
    return zone.id;
  }
}
