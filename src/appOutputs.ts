/**
 * The stack outputs an application reads, under the environment variable names the client libraries
 * use (components/facts/appSettings.ts). Pure: computed from the validated config, so the offline plan
 * and `pulumi up` export the same names.
 */
import type * as pulumi from "@pulumi/pulumi";
import { APP_SETTING_NAMES, COGNITIVE_SERVICES_TOKEN_SCOPE } from "../components/facts/appSettings";
import { findCatalogModel, type ModelPurpose } from "../components/facts/models";
import { isBatchSku } from "../components/facts/skus";
import type { ResolvedAccount } from "./config/schema";

type Deployment = ResolvedAccount["deployments"][number];

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

const N = APP_SETTING_NAMES;

/** The app-setting outputs of the primary account, keyed by environment variable name. */
export type AppSettingOutputs = Partial<Record<(typeof N)[keyof typeof N]["name"], pulumi.Input<string>>>;

export function appSettingOutputs(
  primary: ResolvedAccount,
  endpoint: pulumi.Input<string>,
  apiVersion: string,
): AppSettingOutputs {
  const chat = deploymentForUse(primary.deployments, "chat");
  const embeddings = deploymentForUse(primary.deployments, "embeddings");
  return {
    [N.endpoint.name]: endpoint,
    [N.apiVersion.name]: apiVersion,
    [N.openaiApiVersion.name]: apiVersion,
    [N.instanceName.name]: primary.customSubDomain,
    [N.tokenScope.name]: COGNITIVE_SERVICES_TOKEN_SCOPE,
    ...(chat !== undefined && { [N.chatDeployment.name]: chat, [N.langchainChatDeployment.name]: chat }),
    ...(embeddings !== undefined && {
      [N.embeddingDeployment.name]: embeddings,
      [N.langchainEmbeddingsDeployment.name]: embeddings,
    }),
  };
}
