/**
 * Deployment SKUs and what `sku.capacity` counts for each.
 * Sources: https://learn.microsoft.com/azure/ai-services/openai/how-to/deployment-types and
 * https://learn.microsoft.com/azure/ai-services/openai/concepts/provisioned-throughput.
 */

/**
 * Deployment SKUs. An `as const` object (not an array) so Pulumi's schema inference turns the
 * type into an enum for other languages.
 */
export const DeploymentSku = {
  Standard: "Standard",
  GlobalStandard: "GlobalStandard",
  DataZoneStandard: "DataZoneStandard",
  ProvisionedManaged: "ProvisionedManaged",
  GlobalProvisionedManaged: "GlobalProvisionedManaged",
  DataZoneProvisionedManaged: "DataZoneProvisionedManaged",
  GlobalBatch: "GlobalBatch",
  DataZoneBatch: "DataZoneBatch",
  DeveloperTier: "DeveloperTier",
} as const;
export type DeploymentSku = (typeof DeploymentSku)[keyof typeof DeploymentSku];

export const DEPLOYMENT_SKUS: readonly DeploymentSku[] = Object.values(DeploymentSku);

/** The unit a SKU's capacity is counted in, as printed by the plan. */
export type CapacityUnit = "kTPM" | "PTU" | "batch" | "none";

/** Largest capacity one provisioned deployment may hold. */
export const MAX_PTU_PER_DEPLOYMENT = 100_000;

/** Size class of a model for regional provisioned (ProvisionedManaged) minimums. */
export type PtuSizeClass = "large" | "small";

export interface CapacityRule {
  unit: CapacityUnit;
  /** Smallest allowed capacity. */
  min: number;
  /** Capacity must be a multiple of this step. */
  step: number;
  max?: number;
  /** Quota for this SKU is per region and SKU, not per model (true for PTU SKUs). */
  quotaIgnoresModel: boolean;
  /** The unit is not documented by Azure; the plan warns instead of trusting it. */
  undocumented?: boolean;
}

const PAY_PER_TOKEN: CapacityRule = { unit: "kTPM", min: 1, step: 1, quotaIgnoresModel: false };
const GLOBAL_PROVISIONED: CapacityRule = {
  unit: "PTU",
  min: 15,
  step: 5,
  max: MAX_PTU_PER_DEPLOYMENT,
  quotaIgnoresModel: true,
};

/** Capacity rule for a SKU; regional provisioned depends on the model's size class. */
export function capacityRule(sku: DeploymentSku, sizeClass: PtuSizeClass): CapacityRule {
  switch (sku) {
    case "Standard":
    case "GlobalStandard":
    case "DataZoneStandard":
      return PAY_PER_TOKEN;
    case "ProvisionedManaged":
      return sizeClass === "small"
        ? { unit: "PTU", min: 25, step: 25, max: MAX_PTU_PER_DEPLOYMENT, quotaIgnoresModel: true }
        : { unit: "PTU", min: 50, step: 50, max: MAX_PTU_PER_DEPLOYMENT, quotaIgnoresModel: true };
    case "GlobalProvisionedManaged":
    case "DataZoneProvisionedManaged":
      return GLOBAL_PROVISIONED;
    case "GlobalBatch":
    case "DataZoneBatch":
      return { unit: "batch", min: 1, step: 1, quotaIgnoresModel: false, undocumented: true };
    case "DeveloperTier":
      return { unit: "none", min: 1, step: 1, quotaIgnoresModel: false, undocumented: true };
  }
}

export function isProvisionedSku(sku: DeploymentSku): boolean {
  return (
    sku === "ProvisionedManaged" || sku === "GlobalProvisionedManaged" || sku === "DataZoneProvisionedManaged"
  );
}

/**
 * Batch deployments only serve the Batch API (jobs from uploaded files, 24 h window); chat or
 * embeddings calls to them are refused, so they are never an app's real-time deployment.
 * Source: https://learn.microsoft.com/azure/ai-services/openai/how-to/batch
 */
export function isBatchSku(sku: DeploymentSku): boolean {
  return sku === "GlobalBatch" || sku === "DataZoneBatch";
}
