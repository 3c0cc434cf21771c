/**
 * The shape of the ARM resource ids the stack can adopt (`import:` keys), from the resource paths
 * of the REST specs in Azure/azure-rest-api-specs:
 * - specification/cognitiveservices/resource-manager/Microsoft.CognitiveServices/stable/2025-06-01/cognitiveservices.json
 *   (`.../accounts/{accountName}`, `/deployments/{deploymentName}`, `/raiPolicies/{raiPolicyName}`,
 *   `/raiBlocklists/{raiBlocklistName}`, `/raiBlocklistItems/{raiBlocklistItemName}`)
 * - specification/network/resource-manager/Microsoft.Network/stable/2024-07-01/privateEndpoint.json
 *   (`.../providers/Microsoft.Network/privateEndpoints/{privateEndpointName}`,
 *   `/privateDnsZoneGroups/{privateDnsZoneGroupName}`)
 * ARM compares resource types and names case-insensitively.
 */

export interface ArmIdShape {
  /** Resource provider namespace, e.g. Microsoft.CognitiveServices. */
  namespace: string;
  /** Type segments from the top-level type down, e.g. ["accounts", "deployments"]. */
  types: readonly string[];
  /** How the id looks, for error messages. */
  example: string;
}

const ACCOUNT =
  "/subscriptions/<subscription>/resourceGroups/<rg>/providers/Microsoft.CognitiveServices/accounts/<account>";
const ENDPOINT =
  "/subscriptions/<subscription>/resourceGroups/<rg>/providers/Microsoft.Network/privateEndpoints/<endpoint>";

export const ARM_ID_SHAPES = {
  account: { namespace: "Microsoft.CognitiveServices", types: ["accounts"], example: ACCOUNT },
  deployment: {
    namespace: "Microsoft.CognitiveServices",
    types: ["accounts", "deployments"],
    example: `${ACCOUNT}/deployments/<deployment>`,
  },
  raiPolicy: {
    namespace: "Microsoft.CognitiveServices",
    types: ["accounts", "raiPolicies"],
    example: `${ACCOUNT}/raiPolicies/<policy>`,
  },
  raiBlocklist: {
    namespace: "Microsoft.CognitiveServices",
    types: ["accounts", "raiBlocklists"],
    example: `${ACCOUNT}/raiBlocklists/<blocklist>`,
  },
  raiBlocklistItem: {
    namespace: "Microsoft.CognitiveServices",
    types: ["accounts", "raiBlocklists", "raiBlocklistItems"],
    example: `${ACCOUNT}/raiBlocklists/<blocklist>/raiBlocklistItems/<item>`,
  },
  privateEndpoint: { namespace: "Microsoft.Network", types: ["privateEndpoints"], example: ENDPOINT },
  privateDnsZoneGroup: {
    namespace: "Microsoft.Network",
    types: ["privateEndpoints", "privateDnsZoneGroups"],
    example: `${ENDPOINT}/privateDnsZoneGroups/<group>`,
  },
} as const satisfies Record<string, ArmIdShape>;

export type ArmIdKind = keyof typeof ARM_ID_SHAPES;

export interface ParsedArmId {
  subscriptionId: string;
  resourceGroup: string;
  /** Resource names from the top-level resource down, one per type segment. */
  names: string[];
}

const SUBSCRIPTION_GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Parses an id of the given kind; undefined when it has another shape. */
export function parseArmId(kind: ArmIdKind, id: string): ParsedArmId | undefined {
  const shape: ArmIdShape = ARM_ID_SHAPES[kind];
  const parts = id.split("/");
  // "", "subscriptions", s, "resourceGroups", g, "providers", namespace, (type, name)+
  const expected = 7 + 2 * shape.types.length;
  if (parts.length !== expected || parts[0] !== "") return undefined;
  const [, subs = "", subscriptionId = "", groups = "", resourceGroup = "", providers = "", namespace = ""] =
    parts;
  if (!same(subs, "subscriptions") || !SUBSCRIPTION_GUID.test(subscriptionId)) return undefined;
  if (!same(groups, "resourceGroups") || resourceGroup === "" || !same(providers, "providers"))
    return undefined;
  if (!same(namespace, shape.namespace)) return undefined;
  const names: string[] = [];
  for (const [i, type] of shape.types.entries()) {
    const segment = parts[7 + 2 * i] ?? "";
    const name = parts[8 + 2 * i] ?? "";
    if (!same(segment, type) || name === "") return undefined;
    names.push(name);
  }
  return { subscriptionId, resourceGroup, names };
}
