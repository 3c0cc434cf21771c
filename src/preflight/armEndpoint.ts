/**
 * Which Azure Resource Manager endpoint preflight talks to: the public cloud by default, a
 * sovereign cloud's, or a local test server. Tokens only travel over https, except to a server on
 * this machine's loopback interface (tests): that exception is decided here and nowhere else.
 */

const PUBLIC_ARM_ENDPOINT = "https://management.azure.com";
/** Environment variable naming another ARM endpoint; `--arm-endpoint` wins over it. */
const ARM_ENDPOINT_ENV = "AZURE_ARM_ENDPOINT";

export interface ArmEndpoint {
  /** Origin without a trailing slash, e.g. https://management.usgovcloudapi.net */
  url: string;
  /** Plain http to 127.0.0.1 / localhost / [::1]: allowed for local test servers only. */
  insecureLoopback: boolean;
}

export class ArmEndpointError extends Error {
  override name = "ArmEndpointError";
}

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

export function resolveArmEndpoint(
  flag: string | undefined,
  env: Record<string, string | undefined>,
): ArmEndpoint {
  const raw = flag ?? env[ARM_ENDPOINT_ENV] ?? PUBLIC_ARM_ENDPOINT;
  const source = flag !== undefined ? "--arm-endpoint" : ARM_ENDPOINT_ENV;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ArmEndpointError(`${source}: "${raw}" is not a URL; use e.g. ${PUBLIC_ARM_ENDPOINT}`);
  }
  if (url.pathname !== "/" || url.search !== "" || url.hash !== "" || url.username !== "") {
    throw new ArmEndpointError(
      `${source}: "${raw}" must be an endpoint origin without path or query, e.g. https://management.usgovcloudapi.net`,
    );
  }
  if (url.protocol === "https:") return { url: url.origin, insecureLoopback: false };
  if (url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname)) {
    return { url: url.origin, insecureLoopback: true };
  }
  throw new ArmEndpointError(
    `${source}: "${raw}" must use https (plain http is allowed only for a local test server on 127.0.0.1 or localhost)`,
  );
}
