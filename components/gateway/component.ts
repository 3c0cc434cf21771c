/**
 * The AI gateway: API Management v2 with a system identity that holds Cognitive Services OpenAI User on
 * every backend account, one backend per account with a circuit breaker, one load-balanced pool per config
 * pool, the Azure OpenAI data-plane API imported from Azure's published spec, the generated policy, token
 * metrics to Application Insights, and private inbound/outbound networking per tier.
 */
import * as apimanagement from "@pulumi/azure-native/apimanagement";
import * as authorization from "@pulumi/azure-native/authorization";
import * as network from "@pulumi/azure-native/network";
import * as pulumi from "@pulumi/pulumi";
import { assignRole } from "../access/roleAssignment";
import { APIM_MIN_API_VERSION } from "../facts/apimSecurity";
import {
  BACKEND_CIRCUIT_BREAKER,
  GATEWAY_API_PATH,
  GATEWAY_PRIVATE_DNS_ZONE,
  GATEWAY_PRIVATE_LINK_GROUP,
  inferenceSpecUrl,
} from "../facts/gateway";
import { builtInRole } from "../facts/roles";
import { gatewayPolicyXml, type PolicyConsumer } from "./policy";
import type { GatewaySpec } from "./spec";

export interface GatewayBackendAccount {
  id: pulumi.Input<string>;
  /** https://<subdomain>.openai.azure.com/ */
  endpoint: pulumi.Input<string>;
}

export interface AiGatewayArgs {
  spec: GatewaySpec;
  /** The stack's data-plane API version (the inference spec imported). */
  apiVersion: string;
  resourceGroupName: pulumi.Input<string>;
  location: string;
  /** Every account a pool names, by account name. */
  accounts: Record<string, GatewayBackendAccount>;
  /** Entra client id (app id) of each consumer that calls with an identity, by consumer name. */
  consumerClientIds: Record<string, pulumi.Input<string>>;
  tags?: Record<string, string>;
}

const API_ID = "azure-openai";

export class AiGateway extends pulumi.ComponentResource {
  /** https://<name>.azure-api.net: what apps set as AZURE_OPENAI_ENDPOINT when the gateway is on. */
  readonly endpoint: pulumi.Output<string>;
  readonly serviceId: pulumi.Output<string>;
  readonly principalId: pulumi.Output<string>;

  constructor(name: string, args: AiGatewayArgs, opts?: pulumi.ComponentResourceOptions) {
    super("aoai-platform:index:AiGateway", name, {}, opts);
    const { spec } = args;
    for (const pool of spec.pools) {
      for (const backend of pool.backends) {
        if (!args.accounts[backend.account]) {
          throw new pulumi.ResourceError(
            `gateway pool "${pool.name}" names account "${backend.account}", which is not among the accounts given (${Object.keys(args.accounts).join(", ")})`,
            this,
          );
        }
      }
    }
    for (const consumer of spec.consumers) {
      if (consumer.identity !== undefined && args.consumerClientIds[consumer.name] === undefined) {
        throw new pulumi.ResourceError(
          `gateway consumer "${consumer.name}" calls with identity "${consumer.identity}" but no client id was given for it`,
          this,
        );
      }
    }
    const child = { parent: this };
    const injected = spec.inbound === "vnetInjection";
    const service = new apimanagement.ApiManagementService(
      `${name}-service`,
      {
        serviceName: spec.name,
        resourceGroupName: args.resourceGroupName,
        location: args.location,
        sku: { name: spec.sku, capacity: spec.units },
        identity: { type: "SystemAssigned" },
        publisherEmail: spec.publisherEmail,
        publisherName: spec.publisherName,
        publicNetworkAccess: spec.publicNetworkAccess,
        apiVersionConstraint: { minApiVersion: APIM_MIN_API_VERSION },
        // v2 outbound integration keeps the gateway public (External); injection puts it at a private IP.
        virtualNetworkType: spec.outbound === "public" ? "None" : injected ? "Internal" : "External",
        ...(spec.subnetId !== undefined && spec.outbound !== "public"
          ? { virtualNetworkConfiguration: { subnetResourceId: spec.subnetId } }
          : {}),
        tags: args.tags,
      },
      child,
    );
    const serviceArgs = { resourceGroupName: args.resourceGroupName, serviceName: service.name };
    this.serviceId = service.id;
    this.principalId = service.identity.apply((identity) => identity?.principalId ?? "");
    this.endpoint = pulumi.interpolate`https://${service.name}.azure-api.net`;

    const subscriptionId = authorization.getClientConfigOutput(child).subscriptionId;
    const role = builtInRole("Cognitive Services OpenAI User");
    const backendAccounts = [...new Set(spec.pools.flatMap((pool) => pool.backends.map((b) => b.account)))];
    const backends = new Map<string, apimanagement.Backend>();
    for (const accountName of backendAccounts) {
      const account = args.accounts[accountName] as GatewayBackendAccount;
      assignRole(
        `${name}-openai-user-${accountName}`,
        {
          scope: account.id,
          principalId: this.principalId,
          principal: `the gateway "${spec.name}"`,
          principalType: "ServicePrincipal",
          roleGuid: role.guid,
          subscriptionId,
          description: `AI gateway ${spec.name} calls ${accountName} with its managed identity`,
        },
        child,
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
        value: inferenceSpecUrl(args.apiVersion),
        subscriptionRequired: spec.consumers.some((consumer) => consumer.subscription),
      },
      child,
    );
    const consumers = pulumi
      .all(
        spec.consumers.map((consumer) =>
          pulumi.output(args.consumerClientIds[consumer.name]).apply(
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
      { ...serviceArgs, apiId: api.name, policyId: "policy", format: "xml", value: consumers },
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
    if (spec.applicationInsights) {
      const logger = new apimanagement.Logger(
        `${name}-logger`,
        {
          ...serviceArgs,
          loggerId: "applicationinsights",
          loggerType: "applicationInsights",
          resourceId: spec.applicationInsights.resourceId,
          // The connection string identifies where telemetry goes; it is kept secret all the same.
          credentials: pulumi.secret({ connectionString: spec.applicationInsights.connectionString }),
        },
        child,
      );
      new apimanagement.ApiDiagnostic(
        `${name}-diagnostic`,
        {
          ...serviceArgs,
          apiId: api.name,
          diagnosticId: "applicationinsights",
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
    }
    if (spec.inbound === "privateEndpoint" && spec.privateEndpointSubnetId !== undefined) {
      const endpoint = new network.PrivateEndpoint(
        `${name}-pe`,
        {
          privateEndpointName: `pe-${spec.name}`,
          customNetworkInterfaceName: `pe-${spec.name}-nic`,
          resourceGroupName: args.resourceGroupName,
          location: args.location,
          subnet: { id: spec.privateEndpointSubnetId },
          privateLinkServiceConnections: [
            {
              name: `pe-${spec.name}`,
              privateLinkServiceId: service.id,
              groupIds: [GATEWAY_PRIVATE_LINK_GROUP],
            },
          ],
          tags: args.tags,
        },
        child,
      );
      if (spec.privateDnsZoneId !== undefined) {
        new network.PrivateDnsZoneGroup(
          `${name}-dns`,
          {
            privateDnsZoneGroupName: "default",
            privateEndpointName: endpoint.name,
            resourceGroupName: args.resourceGroupName,
            privateDnsZoneConfigs: [
              {
                name: GATEWAY_PRIVATE_DNS_ZONE.replaceAll(".", "-"),
                privateDnsZoneId: spec.privateDnsZoneId,
              },
            ],
          },
          child,
        );
      }
    }
    this.registerOutputs({ endpoint: this.endpoint, serviceId: this.serviceId });
  }
}
