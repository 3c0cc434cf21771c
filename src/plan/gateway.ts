/**
 * The gateway section of the plan: the routing table (consumer → deployment → pool → backends in order,
 * with capacities), the token limits promised per deployment against the capacity behind them, the policy
 * XML the program registered, and how long creating API Management takes.
 */
import { CLASSIC_TIER_CREATE_MINUTES, GATEWAY_CREATE_SECONDS } from "../../components/facts/gateway";
import { type GatewayRoute, planGateway } from "../../components/gateway/plan";
import type { StackConfig } from "../config/schema";
import type { Finding } from "./finding";
import type { GatewayLimitRow, GatewayPlanSection, GatewayRoutingRow } from "./gatewayModel";
import type { PlannedResource } from "./resource";

const backendText = (b: GatewayRoute["backends"][number]) =>
  `${b.account} (priority ${b.priority}, weight ${b.weight}, ${b.tokensPerMinute === undefined ? `${b.capacity} PTU` : `${b.tokensPerMinute} TPM`})`;

/** The gateway section and its warnings as findings; undefined without a gateway. */
export function gatewayPlanSection(
  config: StackConfig,
  resources: readonly PlannedResource[],
): { section: GatewayPlanSection; findings: Finding[] } | undefined {
  const spec = config.gateway;
  if (!spec) return undefined;
  const { plan } = planGateway(spec, {
    environment: config.environment,
    apiVersion: config.apiVersion,
    accounts: config.accounts,
    identities: config.access.identities.map((i) => ({
      name: i.name,
      existing: i.principalId !== undefined,
    })),
  });
  const policy = resources.find((r) => r.type === "azure-native:apimanagement:ApiPolicy");
  const routing = plan.routes.flatMap((route) =>
    route.consumers.map(
      (consumer): GatewayRoutingRow => ({
        consumer,
        deployment: route.deployment,
        pool: route.pool,
        backends: route.backends.map(backendText),
      }),
    ),
  );
  const limits = plan.routes.map(
    (route): GatewayLimitRow => ({
      deployment: route.deployment,
      pool: route.pool,
      consumers: route.consumers,
      promisedTokensPerMinute: route.promisedTokensPerMinute,
      capacityTokensPerMinute: route.capacityTokensPerMinute,
      ptuBackends: route.ptuBackends,
      exceeds:
        route.ptuBackends.length === 0 && route.promisedTokensPerMinute > route.capacityTokensPerMinute,
    }),
  );
  const createMinutes = GATEWAY_CREATE_SECONDS[spec.sku] / 60;
  return {
    section: {
      name: spec.name,
      sku: spec.sku,
      endpoint: `https://${spec.name}.azure-api.net`,
      routing,
      limits,
      policyXml: typeof policy?.inputs.value === "string" ? policy.inputs.value : null,
      createMinutes,
      createNote: `${spec.sku} creates in minutes (up to ~${createMinutes} assumed); classic tiers take ${CLASSIC_TIER_CREATE_MINUTES.min}-${CLASSIC_TIER_CREATE_MINUTES.max} minutes, which is why only v2 tiers are offered`,
    },
    findings: plan.warnings.map(
      ({ rule, message }): Finding => ({ rule, severity: "warning", urn: null, message }),
    ),
  };
}
