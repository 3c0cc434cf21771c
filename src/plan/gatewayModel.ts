/** Types of the plan's gateway section (src/plan/gateway.ts builds it, model.ts carries it). */

export interface GatewayRoutingRow {
  consumer: string;
  deployment: string;
  pool: string;
  /** Backends in the order the pool tries them: `account (priority p, weight w, capacity)`. */
  backends: string[];
}

export interface GatewayLimitRow {
  deployment: string;
  pool: string;
  consumers: string[];
  promisedTokensPerMinute: number;
  capacityTokensPerMinute: number;
  /** Backends with provisioned (PTU) deployments, whose throughput is not a fixed token rate. */
  ptuBackends: string[];
  exceeds: boolean;
}

/** A networking or telemetry resource of the gateway: created by the stack, or given by id in config. */
export interface GatewayResourceRow {
  role: string;
  /** The Azure name (created) or the resource id (given). */
  name: string;
  origin: "created" | "given";
  detail: string;
}

export interface GatewayPlanSection {
  name: string;
  sku: string;
  endpoint: string;
  routing: GatewayRoutingRow[];
  limits: GatewayLimitRow[];
  /** The API policy as registered (null when none was). */
  policyXml: string | null;
  /** Subnets, endpoint, DNS zone and links, Application Insights, logger and diagnostic, in that order. */
  resources: GatewayResourceRow[];
  createMinutes: number;
  createNote: string;
}
