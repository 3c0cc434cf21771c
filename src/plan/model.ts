/** The offline plan's result: the JSON contract documented in docs and read by CI. */
import type { CapacityUnit } from "../../components/facts/skus";
import type { CriticalPath } from "./criticalPath";
import type { ExemptedFinding, Finding } from "./finding";
import type { GatewayPlanSection } from "./gatewayModel";
import type { MonitoringPlan } from "./monitoring";
import type { AzurePolicyReport } from "./policy";
import type { PlannedResource } from "./resource";

/** One input an adopted resource will change from what Azure has, in plain words. */
export interface AdoptionChange {
  path: string;
  /** What adopt found in Azure (null: none). */
  from: unknown;
  /** What the program sends (null: nothing). */
  to: unknown;
  message: string;
}

export interface AdoptedResource {
  urn: string;
  type: string;
  /** The ARM id imported. */
  id: string;
  /** False when no adopt snapshot describes it, so its changes are unknown. */
  observed: boolean;
  changes: AdoptionChange[];
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

export interface PlanResult {
  stack: string;
  resources: PlannedResource[];
  deployments: PlannedDeployment[];
  quota: QuotaRow[];
  findings: Finding[];
  exempted: ExemptedFinding[];
  /** Which Azure Policy assignments judged the plan (synced or baseline) and each one's result. */
  azurePolicy: AzurePolicyReport;
  outputs: Record<string, unknown>;
  /** What is logged where, the metric alerts and the budget, read from the resources. */
  monitoring: MonitoringPlan;
  /** The longest chain of dependent create operations, with estimated minutes. */
  criticalPath: CriticalPath;
  /** Resources the deploy adopts by id, with what the stack changes on them. */
  adopted: AdoptedResource[];
  /** The AI gateway: routing table, limits against capacity, policy XML (only with `gateway`). */
  gateway?: GatewayPlanSection;
}
