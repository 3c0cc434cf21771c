/** Builds the Cognitive Services management client for an ARM endpoint and a credential. */
import { CognitiveServicesManagementClient } from "@azure/arm-cognitiveservices";
import { bearerTokenAuthenticationPolicyName, type PipelinePolicy } from "@azure/core-rest-pipeline";
import type { TokenCredential } from "@azure/identity";
import { type ArmEndpoint, isLoopbackUrl } from "./armEndpoint";

export const LOOPBACK_BEARER_POLICY = "loopbackBearerTokenPolicy";

/** ARM tokens are issued for the endpoint itself (`https://management.azure.com/.default`). */
const armScope = (endpoint: ArmEndpoint) => `${endpoint.url}/.default`;

/**
 * Azure's bearer policy refuses plain http outright. For a local test server we sign requests with
 * this policy instead, and it refuses any request that would leave the loopback interface.
 */
export function loopbackBearerPolicy(credential: TokenCredential, scope: string): PipelinePolicy {
  return {
    name: LOOPBACK_BEARER_POLICY,
    async sendRequest(request, next) {
      if (!isLoopbackUrl(request.url)) {
        throw new Error(`refusing to send a token over plain http to ${new URL(request.url).host}`);
      }
      const token = await credential.getToken(scope, { abortSignal: request.abortSignal });
      if (token === null) throw new Error("the credential returned no token");
      request.headers.set("Authorization", `Bearer ${token.token}`);
      return next(request);
    },
  };
}

export function createArmClient(
  credential: TokenCredential,
  subscriptionId: string,
  endpoint: ArmEndpoint,
): CognitiveServicesManagementClient {
  const client = new CognitiveServicesManagementClient(credential, subscriptionId, {
    endpoint: endpoint.url,
    $host: endpoint.url,
    credentialScopes: [armScope(endpoint)],
    allowInsecureConnection: endpoint.insecureLoopback,
  });
  if (endpoint.insecureLoopback) {
    client.pipeline.removePolicy({ name: bearerTokenAuthenticationPolicyName });
    client.pipeline.addPolicy(loopbackBearerPolicy(credential, armScope(endpoint)), { phase: "Sign" });
  }
  return client;
}
