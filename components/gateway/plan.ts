/**
 * Pure decisions of the AI gateway: which combinations of tier and networking exist, which backend of a
 * pool lacks a routed deployment, the routing table in pool order with capacities, and the token limits
 * promised per deployment against the capacity behind them. The component only turns these into resources.
 */
import {
  GATEWAY_SKU_FEATURES,
  GATEWAY_SUBNET_DELEGATION,
  type GatewayInbound,
  type GatewayOutbound,
  type GatewaySku,
  INFERENCE_SPEC_VERSIONS,
  MINUTES_PER_PERIOD,
  TOKENS_PER_MINUTE_PER_CAPACITY_UNIT,
} from "../facts/gateway";
import { type DeploymentSku, isProvisionedSku } from "../facts/skus";
import type { GatewaySpec } from "./spec";

export interface GatewayIssue {
  /** Path under the stack config's `gateway` key. */
  path: PropertyKey[];
  message: string;
}

/** What the planner needs to know of an account (a subset of the resolved account spec). */
export interface GatewayAccountFacts {
  name: string;
  location: string;
  publicNetworkAccess: "Enabled" | "Disabled";
  deployments: readonly {
    name: string;
    model: string;
    version: string;
    sku: DeploymentSku;
    capacity: number;
  }[];
}

export interface GatewayContext {
  environment: string;
  /** The stack's data-plane API version: the inference spec the gateway's API is imported from. */
  apiVersion: string;
  accounts: readonly GatewayAccountFacts[];
  /** `access.identities`: existing principals (principalId given) need the consumer's clientId. */
  identities: readonly { name: string; existing: boolean }[];
}

export interface RoutedBackend {
  account: string;
  priority: number;
  weight: number;
  sku: DeploymentSku;
  capacity: number;
  /** Tokens per minute the deployment serves; undefined for provisioned (PTU) deployments. */
  tokensPerMinute: number | undefined;
}

export interface PlannedGatewayRoute {
  deployment: string;
  model: string;
  pool: string;
  /** In the order the pool tries them: priority ascending, then weight descending. */
  backends: RoutedBackend[];
  consumers: string[];
  /** Sum over the pay-per-token backends; PTU backends are listed in `ptuBackends`. */
  capacityTokensPerMinute: number;
  ptuBackends: string[];
  /** Sum of the tokens-per-minute limits of the consumers allowed this deployment. */
  promisedTokensPerMinute: number;
}

export interface GatewayWarning {
  /** gateway.limits-exceed-capacity or gateway.public-access-enabled */
  rule: string;
  message: string;
}

export interface GatewayPlan {
  routes: PlannedGatewayRoute[];
  warnings: GatewayWarning[];
}

/** Tier and networking combinations Azure offers, the subnet they need, and what prod requires. */
export function networkingIssues(
  sku: GatewaySku,
  inbound: GatewayInbound,
  outbound: GatewayOutbound,
  environment: string,
  spec: Pick<GatewaySpec, "subnetId" | "subnet">,
): GatewayIssue[] {
  const features = GATEWAY_SKU_FEATURES[sku];
  const issues: GatewayIssue[] = [];
  const tiers = (pick: (f: (typeof GATEWAY_SKU_FEATURES)[GatewaySku]) => boolean) =>
    Object.entries(GATEWAY_SKU_FEATURES)
      .filter(([, f]) => pick(f))
      .map(([name]) => name)
      .join(", ");
  if (inbound === "privateEndpoint" && !features.privateEndpointInbound) {
    issues.push({
      path: ["inbound"],
      message: `${sku} has no private endpoint for inbound connections; tiers that do: ${tiers((f) => f.privateEndpointInbound)}`,
    });
  }
  if ((inbound === "vnetInjection" || outbound === "vnetInjection") && !features.vnetInjection) {
    issues.push({
      path: [inbound === "vnetInjection" ? "inbound" : "outbound"],
      message: `${sku} cannot be injected into a virtual network; tiers that can: ${tiers((f) => f.vnetInjection)}`,
    });
  }
  if ((inbound === "vnetInjection") !== (outbound === "vnetInjection")) {
    issues.push({
      path: ["outbound"],
      message: `VNet injection carries inbound and outbound traffic together: set both inbound and outbound to vnetInjection (inbound is ${inbound}, outbound ${outbound})`,
    });
  }
  if (outbound === "vnetIntegration" && !features.vnetIntegrationOutbound) {
    issues.push({
      path: ["outbound"],
      message: `${sku} has no outbound virtual network integration; tiers that do: ${tiers((f) => f.vnetIntegrationOutbound)}`,
    });
  }
  if (outbound === "vnetInjection" && spec.subnet !== undefined) {
    issues.push({
      path: ["subnet"],
      message: `the platform creates only VNet integration subnets; give an injected gateway's subnet by subnetId (delegated to ${GATEWAY_SUBNET_DELEGATION.vnetInjection}, with API Management's NSG rules)`,
    });
  } else if (outbound === "public" && (spec.subnet !== undefined || spec.subnetId !== undefined)) {
    issues.push({
      path: [spec.subnet !== undefined ? "subnet" : "subnetId"],
      message:
        "outbound public uses no subnet: set outbound to vnetIntegration or vnetInjection, or remove it",
    });
  } else if (outbound !== "public" && spec.subnetId === undefined && spec.subnet === undefined) {
    issues.push({
      path: ["subnetId"],
      message:
        outbound === "vnetInjection"
          ? `outbound vnetInjection needs subnetId: the subnet the gateway is injected into (delegated to ${GATEWAY_SUBNET_DELEGATION.vnetInjection})`
          : `outbound vnetIntegration needs subnetId (a subnet you own, delegated to ${GATEWAY_SUBNET_DELEGATION.vnetIntegration}) or subnet (one the gateway creates)`,
    });
  }
  if (environment === "prod" && inbound === "public") {
    issues.push({
      path: ["inbound"],
      message: `prod gateways are reachable privately only: use privateEndpoint (${tiers((f) => f.privateEndpointInbound)}) or vnetInjection (${tiers((f) => f.vnetInjection)})`,
    });
  }
  return issues;
}

const LIMITS_RULE = "gateway.limits-exceed-capacity";

const backendOrder = (a: { priority: number; weight: number }, b: { priority: number; weight: number }) =>
  a.priority - b.priority || b.weight - a.weight;

/**
 * Checks the gateway config against the stack (accounts, deployments, identities) and builds the routing
 * table. Errors come back as issues (paths under `gateway`); warnings when promises exceed capacity.
 */
export function planGateway(
  spec: GatewaySpec,
  context: GatewayContext,
): { issues: GatewayIssue[]; plan: GatewayPlan } {
  const issues = networkingIssues(spec.sku, spec.inbound, spec.outbound, context.environment, spec);
  const warnings: GatewayWarning[] = [];
  if (!(INFERENCE_SPEC_VERSIONS as readonly string[]).includes(context.apiVersion)) {
    issues.push({
      path: [],
      message: `the gateway imports Azure's published stable inference spec of the stack's apiVersion ("${context.apiVersion}"); stable versions: ${INFERENCE_SPEC_VERSIONS.join(", ")}`,
    });
  }
  const accounts = new Map(context.accounts.map((a) => [a.name, a]));
  const accountNames = context.accounts.map((a) => a.name).join(", ");
  spec.pools.forEach((pool, p) => {
    pool.backends.forEach((backend, b) => {
      const account = accounts.get(backend.account);
      if (!account) {
        issues.push({
          path: ["pools", p, "backends", b, "account"],
          message: `unknown account "${backend.account}"; accounts: ${accountNames}`,
        });
      } else if (account.publicNetworkAccess === "Disabled" && spec.outbound === "public") {
        issues.push({
          path: ["outbound"],
          message: `account "${account.name}" has public network access disabled; the gateway reaches it only over its private endpoint: set outbound to vnetIntegration or vnetInjection`,
        });
      }
    });
  });
  if (spec.publicNetworkAccess === "Disabled" && spec.inbound !== "privateEndpoint") {
    issues.push({
      path: ["publicNetworkAccess"],
      message: `public network access can only be disabled behind a private endpoint (inbound is ${spec.inbound})${spec.inbound === "vnetInjection" ? "; an injected gateway is private already" : ""}`,
    });
  }
  if (
    context.environment === "prod" &&
    spec.inbound === "privateEndpoint" &&
    spec.publicNetworkAccess === "Enabled"
  ) {
    warnings.push({
      rule: "gateway.public-access-enabled",
      message:
        "gateway: publicNetworkAccess is Enabled beside the private endpoint; Azure disables it only once the endpoint exists: after the first deploy set gateway.publicNetworkAccess: Disabled",
    });
  }
  if (spec.units > GATEWAY_SKU_FEATURES[spec.sku].maxUnits) {
    issues.push({
      path: ["units"],
      message: `${spec.sku} has at most ${GATEWAY_SKU_FEATURES[spec.sku].maxUnits} units`,
    });
  }
  const identities = new Map(context.identities.map((identity) => [identity.name, identity]));
  spec.consumers.forEach((consumer, c) => {
    const identity = consumer.identity === undefined ? undefined : identities.get(consumer.identity);
    if (consumer.identity !== undefined && !identity) {
      issues.push({
        path: ["consumers", c, "identity"],
        message: `unknown identity "${consumer.identity}"; access.identities: ${[...identities.keys()].join(", ") || "(none)"}`,
      });
    }
    if (identity?.existing && consumer.clientId === undefined) {
      issues.push({
        path: ["consumers", c, "clientId"],
        message: `identity "${identity.name}" is an existing principal: validate-azure-ad-token matches the client (application) id in the token's appid/azp claim, not the object id (principalId): add clientId, the app registration's or managed identity's client id`,
      });
    }
    if (identity && !identity.existing && consumer.clientId !== undefined) {
      issues.push({
        path: ["consumers", c, "clientId"],
        message: `identity "${identity.name}" is a managed identity the stack creates; the gateway takes its client id from it: remove clientId`,
      });
    }
    if (
      context.environment === "prod" &&
      consumer.identity === undefined &&
      consumer.clientId === undefined
    ) {
      issues.push({
        path: ["consumers", c, "identity"],
        message:
          "prod callers authenticate with Entra ID: a subscription key alone is not enough; name the app identity or its clientId",
      });
    }
    const routed = new Set(spec.routes.map((r) => r.deployment));
    consumer.deployments?.forEach((name, d) => {
      if (!routed.has(name)) {
        issues.push({
          path: ["consumers", c, "deployments", d],
          message: `"${name}" is not routed; routed deployments: ${[...routed].join(", ")}`,
        });
      }
    });
  });

  const routes: PlannedGatewayRoute[] = [];
  const pools = new Map(spec.pools.map((pool) => [pool.name, pool]));
  spec.routes.forEach((route, r) => {
    const pool = pools.get(route.pool);
    if (!pool) {
      issues.push({
        path: ["routes", r, "pool"],
        message: `unknown pool "${route.pool}"; pools: ${spec.pools.map((p) => p.name).join(", ")}`,
      });
      return;
    }
    const backends: RoutedBackend[] = [];
    let model: string | undefined;
    let modelOf: string | undefined;
    // In pool order, so the model to match is the first backend's.
    for (const backend of [...pool.backends].sort(backendOrder)) {
      const account = accounts.get(backend.account);
      if (!account) continue;
      const deployment = account.deployments.find((d) => d.name === route.deployment);
      if (!deployment) {
        issues.push({
          path: ["routes", r, "deployment"],
          message: `backend "${backend.account}" of pool "${pool.name}" has no deployment "${route.deployment}"; every backend of the pool must serve every deployment routed to it`,
        });
        continue;
      }
      if (model === undefined) {
        model = deployment.model;
        modelOf = account.name;
      } else if (deployment.model !== model) {
        issues.push({
          path: ["routes", r, "deployment"],
          message: `"${route.deployment}" is ${deployment.model} on backend "${account.name}" but ${model} on "${modelOf}"; a pool must serve the same model on every backend`,
        });
      }
      const provisioned = isProvisionedSku(deployment.sku);
      backends.push({
        account: account.name,
        priority: backend.priority,
        weight: backend.weight,
        sku: deployment.sku,
        capacity: deployment.capacity,
        tokensPerMinute: provisioned ? undefined : deployment.capacity * TOKENS_PER_MINUTE_PER_CAPACITY_UNIT,
      });
    }
    const consumers = spec.consumers.filter(
      (c) => c.deployments === undefined || c.deployments.includes(route.deployment),
    );
    const capacityTokensPerMinute = backends.reduce((sum, b) => sum + (b.tokensPerMinute ?? 0), 0);
    const ptuBackends = backends.filter((b) => b.tokensPerMinute === undefined).map((b) => b.account);
    const promisedTokensPerMinute = consumers.reduce((sum, c) => sum + c.tokensPerMinute, 0);
    routes.push({
      deployment: route.deployment,
      model: model ?? "",
      pool: pool.name,
      backends,
      consumers: consumers.map((c) => c.name),
      capacityTokensPerMinute,
      ptuBackends,
      promisedTokensPerMinute,
    });
    // PTU throughput per model is not a fixed token rate, so only pools without PTU can be compared.
    if (ptuBackends.length === 0 && promisedTokensPerMinute > capacityTokensPerMinute) {
      warnings.push({
        rule: LIMITS_RULE,
        message: `gateway: consumers of "${route.deployment}" (${consumers.map((c) => c.name).join(", ")}) are promised ${promisedTokensPerMinute} tokens per minute, more than the ${capacityTokensPerMinute} of pool "${pool.name}"`,
      });
    }
    for (const consumer of consumers) {
      if (
        consumer.tokenQuota === undefined ||
        consumer.tokenQuotaPeriod === undefined ||
        ptuBackends.length > 0
      )
        continue;
      const ceiling = capacityTokensPerMinute * MINUTES_PER_PERIOD[consumer.tokenQuotaPeriod];
      if (consumer.tokenQuota > ceiling) {
        warnings.push({
          rule: LIMITS_RULE,
          message: `gateway: consumer "${consumer.name}" has a ${consumer.tokenQuotaPeriod} quota of ${consumer.tokenQuota} tokens, more than pool "${pool.name}" can serve in that period (${ceiling})`,
        });
      }
    }
  });
  return { issues, plan: { routes, warnings } };
}
