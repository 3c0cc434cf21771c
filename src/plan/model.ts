/** The offline plan's result: the JSON contract documented in docs and read by CI. */
import type { CapacityUnit } from "../../components/facts/skus";
import type { CriticalPath } from "./criticalPath";
import type { GatewayPlanSection } from "./gatewayModel";
import type { MonitoringPlan } from "./monitoring";

export interface PlannedResource {
  urn: string;
  type: string;
  name: string;
  /** Component resources (our type tokens) are false; Azure resources are true. */
  custom: boolean;
  parent: string | null;
  /**
   * Explicit `dependsOn` edges. The engine receives explicit and input-derived dependencies as one
   * list, so an explicit edge that an input also implies shows only in `dependencies`.
   */
  dependsOn: string[];
  /** Every direct dependency: explicit ones and those that flow from inputs. */
  dependencies: string[];
  protect: boolean;
  retainOnDelete: boolean;
  /** Inputs as registered; secrets appear as "[secret]". */
  inputs: Record<string, unknown>;
}

export interface PlannedDeployment {
  account: string;
  location: string;
  name: string;
  model: string;
  version: string;
  sku: string;
  capacity: number;
  unit: CapacityUnit;
}

export interface QuotaRow {
  region: string;
  sku: string;
  /** null for provisioned SKUs, whose PTU quota is shared by all models. */
  model: string | null;
  unit: CapacityUnit;
  planned: number;
  /** null when the stack declares no quota for this key. */
  limit: number | null;
  left: number | null;
}

export type Severity = "error" | "warning";

export interface Finding {
  rule: string;
  severity: Severity;
  urn: string | null;
  message: string;
}

/** A rule violation the stack accepted in config, with the reason. */
export interface ExemptedFinding {
  rule: string;
  urn: string | null;
  message: string;
  reason: string;
}

export interface PlanResult {
  stack: string;
  resources: PlannedResource[];
  deployments: PlannedDeployment[];
  quota: QuotaRow[];
  findings: Finding[];
  exempted: ExemptedFinding[];
  outputs: Record<string, unknown>;
  /** What is logged where, the metric alerts and the budget, read from the resources. */
  monitoring: MonitoringPlan;
  /** The longest chain of dependent create operations, with estimated minutes. */
  criticalPath: CriticalPath;
  /** The AI gateway: routing table, limits against capacity, policy XML (only with `gateway`). */
  gateway?: GatewayPlanSection;
}
