/**
 * The API policy generated from the gateway config: Entra ID callers, one token limit per consumer, the
 * deployments each may call, routing by deployment name to its pool, token metrics with the consumer as a
 * dimension, the gateway's managed identity towards the accounts, and retries on the next backend.
 */
import { COGNITIVE_SERVICES_RESOURCE } from "../facts/gateway";
import { type PolicyNode, renderPolicy } from "./policyXml";
import type { GatewaySpec } from "./spec";

/** The consumer's Entra client id (app id) when it calls with an identity; known at deploy time. */
export interface PolicyConsumer {
  name: string;
  clientId?: string;
  subscription: boolean;
  tokensPerMinute: number;
  tokenQuota?: number | undefined;
  tokenQuotaPeriod?: string | undefined;
  deployments?: readonly string[] | undefined;
}

export interface PolicyInput {
  tenantId: string;
  retries: number;
  routes: GatewaySpec["routes"];
  consumers: readonly PolicyConsumer[];
}

/** The metric namespace of the token metrics in Application Insights. */
export const TOKEN_METRIC_NAMESPACE = "aoai-platform";
const JWT_VARIABLE = "caller-token";
const CONSUMER_VARIABLE = "consumer";
/** The Azure OpenAI data-plane path parameter of /openai/deployments/{deployment-id}/… */
const DEPLOYMENT = 'context.Request.MatchedParameters.GetValueOrDefault("deployment-id", "")';
/**
 * The caller's client (application) id: the claim validate-azure-ad-token's client-application-ids match.
 * v1.0 access tokens carry it as `appid`, v2.0 tokens as `azp`
 * (https://learn.microsoft.com/entra/identity-platform/access-token-claims-reference).
 */
const CLAIMS = `((Jwt)context.Variables["${JWT_VARIABLE}"]).Claims`;
const APP_ID = `${CLAIMS}.GetValueOrDefault("appid", ${CLAIMS}.GetValueOrDefault("azp", ""))`;

/** A C# string literal (the value is XML-escaped when serialised). */
const csString = (text: string) => `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;

const status = (code: number, reason: string): PolicyNode => ({
  name: "return-response",
  children: [{ name: "set-status", attributes: { code: String(code), reason } }],
});

function callerCondition(consumer: PolicyConsumer): string {
  const parts: string[] = [];
  if (consumer.clientId !== undefined) parts.push(`${APP_ID} == ${csString(consumer.clientId)}`);
  if (consumer.subscription)
    parts.push(`context.Subscription != null && context.Subscription.Id == ${csString(consumer.name)}`);
  return `@(${parts.join(" && ")})`;
}

function consumerBlock(consumer: PolicyConsumer): PolicyNode {
  const limit: Record<string, string> = {
    "counter-key": consumer.name,
    "tokens-per-minute": String(consumer.tokensPerMinute),
    "estimate-prompt-tokens": "false",
  };
  if (consumer.tokenQuota !== undefined && consumer.tokenQuotaPeriod !== undefined) {
    limit["token-quota"] = String(consumer.tokenQuota);
    limit["token-quota-period"] = consumer.tokenQuotaPeriod;
  }
  const children: PolicyNode[] = [
    { name: "set-variable", attributes: { name: CONSUMER_VARIABLE, value: consumer.name } },
  ];
  if (consumer.deployments !== undefined) {
    const allowed = consumer.deployments.map(csString).join(", ");
    children.push({
      name: "choose",
      children: [
        {
          name: "when",
          attributes: { condition: `@(!new [] { ${allowed} }.Contains(${DEPLOYMENT}))` },
          children: [status(403, "Deployment not allowed for this consumer")],
        },
      ],
    });
  }
  children.push({ name: "azure-openai-token-limit", attributes: limit });
  return { name: "when", attributes: { condition: callerCondition(consumer) }, children };
}

const forward: PolicyNode = { name: "forward-request", attributes: { "buffer-request-body": "true" } };

/** The policy tree; `gatewayPolicyXml` renders and checks it. */
export function gatewayPolicy(input: PolicyInput): PolicyNode {
  const identityConsumers = input.consumers.filter((c) => c.clientId !== undefined);
  const keyOnly = input.consumers.filter((c) => c.clientId === undefined).map((c) => csString(c.name));
  const validate: PolicyNode = {
    name: "validate-azure-ad-token",
    attributes: {
      "tenant-id": input.tenantId,
      "header-name": "Authorization",
      "failed-validation-httpcode": "401",
      "failed-validation-error-message": "Unauthorized: an Entra ID token of an allowed app is required",
      "output-token-variable-name": JWT_VARIABLE,
    },
    children: [
      {
        name: "client-application-ids",
        children: identityConsumers.map((c) => ({ name: "application-id", text: c.clientId ?? "" })),
      },
      { name: "audiences", children: [{ name: "audience", text: COGNITIVE_SERVICES_RESOURCE }] },
    ],
  };
  // Subscription-only consumers (refused in prod by the planner) skip token validation; everyone else needs it.
  const authentication: PolicyNode[] =
    identityConsumers.length === 0
      ? []
      : keyOnly.length === 0
        ? [validate]
        : [
            {
              name: "choose",
              children: [
                {
                  name: "when",
                  attributes: {
                    condition: `@(context.Subscription == null || !new [] { ${keyOnly.join(", ")} }.Contains(context.Subscription.Id))`,
                  },
                  children: [validate],
                },
              ],
            },
          ];
  const routing: PolicyNode = {
    name: "choose",
    children: [
      ...input.routes.map(
        (route): PolicyNode => ({
          name: "when",
          attributes: { condition: `@(${DEPLOYMENT} == ${csString(route.deployment)})` },
          children: [{ name: "set-backend-service", attributes: { "backend-id": route.pool } }],
        }),
      ),
      { name: "otherwise", children: [status(404, "Deployment not routed by the gateway")] },
    ],
  };
  return {
    name: "policies",
    children: [
      {
        name: "inbound",
        children: [
          { name: "base" },
          ...authentication,
          {
            name: "choose",
            children: [
              ...input.consumers.map(consumerBlock),
              { name: "otherwise", children: [status(403, "Caller is not a gateway consumer")] },
            ],
          },
          {
            name: "azure-openai-emit-token-metric",
            attributes: { namespace: TOKEN_METRIC_NAMESPACE },
            children: [
              {
                name: "dimension",
                attributes: {
                  name: "Consumer",
                  value: `@((string)context.Variables["${CONSUMER_VARIABLE}"])`,
                },
              },
              { name: "dimension", attributes: { name: "Deployment", value: `@(${DEPLOYMENT})` } },
            ],
          },
          { name: "authentication-managed-identity", attributes: { resource: COGNITIVE_SERVICES_RESOURCE } },
          routing,
        ],
      },
      {
        name: "backend",
        children: [
          input.retries === 0
            ? forward
            : {
                // A throttled or failing backend trips its circuit breaker; the retry goes to the pool's next one.
                name: "retry",
                attributes: {
                  condition: "@(context.Response.StatusCode == 429 || context.Response.StatusCode >= 500)",
                  count: String(input.retries),
                  interval: "1",
                  "first-fast-retry": "true",
                },
                children: [forward],
              },
        ],
      },
      { name: "outbound", children: [{ name: "base" }] },
      { name: "on-error", children: [{ name: "base" }] },
    ],
  };
}

/** The checked policy XML (throws PolicyXmlError listing every problem). */
export const gatewayPolicyXml = (input: PolicyInput): string => renderPolicy(gatewayPolicy(input));
