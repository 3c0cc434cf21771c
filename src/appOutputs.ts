/**
 * The stack outputs an application reads, under the environment variable names the client libraries
 * use (components/facts/appSettings.ts). Pure: computed from the validated config, so the offline plan
 * and `pulumi up` export the same names.
 */
import type * as pulumi from "@pulumi/pulumi";
import { deploymentForUse } from "../components/deployments/uses";
import { APP_SETTING_NAMES, COGNITIVE_SERVICES_TOKEN_SCOPE } from "../components/facts/appSettings";
import type { ResolvedAccount } from "./config/types";

const N = APP_SETTING_NAMES;

/** The app-setting outputs of the primary account, keyed by environment variable name. */
export type AppSettingOutputs = Partial<Record<(typeof N)[keyof typeof N]["name"], pulumi.Input<string>>>;

/**
 * With the AI gateway on, AZURE_OPENAI_ENDPOINT is the gateway's, and the instance name (from which
 * LangChain.js builds the account's own URL, past the gateway) is left out.
 */
export function appSettingOutputs(
  primary: ResolvedAccount,
  endpoint: pulumi.Input<string>,
  apiVersion: string,
  gatewayEndpoint?: pulumi.Input<string>,
): AppSettingOutputs {
  const chat = deploymentForUse(primary.deployments, "chat");
  const embeddings = deploymentForUse(primary.deployments, "embeddings");
  return {
    [N.endpoint.name]: gatewayEndpoint ?? endpoint,
    [N.apiVersion.name]: apiVersion,
    [N.openaiApiVersion.name]: apiVersion,
    ...(gatewayEndpoint === undefined && { [N.instanceName.name]: primary.customSubDomain }),
    [N.tokenScope.name]: COGNITIVE_SERVICES_TOKEN_SCOPE,
    ...(chat !== undefined && { [N.chatDeployment.name]: chat, [N.langchainChatDeployment.name]: chat }),
    ...(embeddings !== undefined && {
      [N.embeddingDeployment.name]: embeddings,
      [N.langchainEmbeddingsDeployment.name]: embeddings,
    }),
  };
}
