/**
 * The stack outputs an application reads, under the environment variable names the client libraries
 * use (components/facts/appSettings.ts). Pure: computed from the validated config, so the offline plan
 * and `pulumi up` export the same names.
 */
import type * as pulumi from "@pulumi/pulumi";
import { deploymentForUse } from "../components/deployments/uses";
import { APP_SETTING_NAMES, COGNITIVE_SERVICES_TOKEN_SCOPE } from "../components/facts/appSettings";
import type { ResolvedAccount } from "./config/schema";

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
