/**
 * What each deployment of an account is for: the deployments of each model, and the one deployment an
 * app uses for chat or embeddings. Pure, so the account's outputs and the stack's app settings agree.
 */
import { findCatalogModel, type ModelPurpose } from "../facts/models";
import { isBatchSku } from "../facts/skus";
import type { DeploymentSpec } from "./spec";

type Deployment = Pick<DeploymentSpec, "name" | "model" | "format" | "sku">;

/**
 * Model name → every deployment of that model on the account, in config order. A list, because a model
 * may be deployed more than once (e.g. GlobalStandard for the API and GlobalBatch for nightly jobs):
 * a single name per model would hide the others.
 */
export function deploymentsByModel(deployments: readonly Deployment[]): Record<string, string[]> {
  const byModel: Record<string, string[]> = {};
  for (const { model, name } of deployments) byModel[model] = [...(byModel[model] ?? []), name];
  return byModel;
}

/**
 * The deployment an app uses for chat or embeddings: the only real-time (non-batch) deployment of a
 * catalog model of that purpose. None when there are zero or several: an app then picks one from
 * `modelDeployments`, instead of the platform guessing for it.
 */
export function deploymentForUse(
  deployments: readonly Deployment[],
  purpose: ModelPurpose,
): string | undefined {
  const candidates = deployments.filter(
    (d) => !isBatchSku(d.sku) && findCatalogModel(d.format, d.model)?.purpose === purpose,
  );
  return candidates.length === 1 ? candidates[0]?.name : undefined;
}
