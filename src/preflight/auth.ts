/** Recognises "no usable Azure credential" and says how to get one. */

/** Error names @azure/identity uses when no credential in the chain produced a token. */
const CREDENTIAL_ERRORS = new Set([
  "CredentialUnavailableError",
  "AggregateAuthenticationError",
  "AuthenticationRequiredError",
  "AuthenticationError",
]);

export function isCredentialError(error: unknown): error is Error {
  return error instanceof Error && CREDENTIAL_ERRORS.has(error.name);
}

export const LOGIN_HELP = [
  "No Azure credential is available: preflight signs in with DefaultAzureCredential.",
  "  Locally: az login (then az account set --subscription <id>).",
  "  In CI: set AZURE_CLIENT_ID, AZURE_TENANT_ID and AZURE_FEDERATED_TOKEN_FILE (workload identity / OIDC),",
  "  or run on a host with a managed identity.",
].join("\n");
