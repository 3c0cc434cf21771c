/** Config shape of one model deployment, with Azure's capacity rules per SKU. */
import { z } from "zod";
import { findCatalogModel, ptuSizeClassOf } from "../facts/models";
import { DEPLOYMENT_NAME } from "../facts/names";
import { type CapacityRule, capacityRule, DeploymentSku } from "../facts/skus";
import { armIdOf, azureName, strictObject } from "../validation";

/** When Azure moves a deployment to a newer model version. */
export const VersionUpgradeOption = {
  OnceNewDefaultVersionAvailable: "OnceNewDefaultVersionAvailable",
  OnceCurrentVersionExpired: "OnceCurrentVersionExpired",
  NoAutoUpgrade: "NoAutoUpgrade",
} as const;
export type VersionUpgradeOption = (typeof VersionUpgradeOption)[keyof typeof VersionUpgradeOption];
export const VERSION_UPGRADE_OPTIONS: readonly VersionUpgradeOption[] = Object.values(VersionUpgradeOption);

export function describeCapacityRule(rule: CapacityRule): string {
  const max = rule.max === undefined ? "" : `, at most ${rule.max}`;
  const step = rule.step > 1 ? ` in steps of ${rule.step}` : "";
  return `a whole number of ${rule.unit} from ${rule.min}${step}${max}`;
}

export const deploymentSpecSchema = strictObject({
  name: azureName(DEPLOYMENT_NAME),
  model: z.string().min(1),
  /** Pinned model version: reproducible deploys, no surprise upgrades between environments. */
  version: z.string().min(1),
  format: z.string().min(1).default("OpenAI"),
  sku: z.enum(DeploymentSku),
  /** kTPM for pay-per-token SKUs (10 = 10,000 tokens per minute); PTUs for provisioned SKUs. */
  capacity: z.number(),
  versionUpgradeOption: z.enum(VersionUpgradeOption).default("OnceNewDefaultVersionAvailable"),
  /** Name of a content filter on the same account; omitted means Microsoft's default policy. */
  contentFilter: z.string().min(1).optional(),
  /** ARM id of an existing deployment to adopt (Pulumi `import`). */
  import: armIdOf("deployment").optional(),
  /** Provisioned only: the standard deployment on the same account that takes the overage (PTU spillover). */
  spilloverDeploymentName: z.string().min(1).optional(),
}).superRefine((deployment, ctx) => {
  if (deployment.sku === "DeveloperTier" && findCatalogModel(deployment.format, deployment.model)) {
    ctx.addIssue({
      code: "custom",
      path: ["sku"],
      message: `DeveloperTier is for fine-tuned models only; ${deployment.model} is a base model: use Standard, GlobalStandard or DataZoneStandard`,
    });
    return;
  }
  const rule = capacityRule(deployment.sku, ptuSizeClassOf(deployment.format, deployment.model));
  const { capacity } = deployment;
  const fits =
    Number.isInteger(capacity) &&
    capacity >= rule.min &&
    (rule.max === undefined || capacity <= rule.max) &&
    capacity % rule.step === 0;
  if (!fits) {
    ctx.addIssue({
      code: "custom",
      path: ["capacity"],
      message: `${deployment.sku} capacity for ${deployment.model} must be ${describeCapacityRule(rule)}`,
    });
  }
});

export type DeploymentSpec = z.output<typeof deploymentSpecSchema>;
