/** Safe readers for loosely typed resource inputs. */

export type Inputs = Record<string, unknown>;

export function field(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== "object" || Array.isArray(current)) return undefined;
    current = (current as Inputs)[key];
  }
  return current;
}

export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export const AZURE = {
  account: "azure-native:cognitiveservices:Account",
  deployment: "azure-native:cognitiveservices:Deployment",
  raiPolicy: "azure-native:cognitiveservices:RaiPolicy",
  privateEndpoint: "azure-native:network:PrivateEndpoint",
  privateDnsZoneGroup: "azure-native:network:PrivateDnsZoneGroup",
  privateZone: "azure-native:privatedns:PrivateZone",
  diagnosticSetting: "azure-native:monitor:DiagnosticSetting",
  roleAssignment: "azure-native:authorization:RoleAssignment",
} as const;

export function ofType<T extends { type: string }>(resources: readonly T[], type: string): T[] {
  return resources.filter((r) => r.type === type);
}

/** Resources that `resource` depends on, directly or through others. */
export function dependsTransitively<T extends { urn: string; dependencies: string[] }>(
  resource: T,
  target: string,
  byUrn: ReadonlyMap<string, T>,
): boolean {
  const seen = new Set<string>();
  const stack = [...resource.dependencies];
  while (stack.length > 0) {
    const urn = stack.pop() as string;
    if (urn === target) return true;
    if (seen.has(urn)) continue;
    seen.add(urn);
    stack.push(...(byUrn.get(urn)?.dependencies ?? []));
  }
  return false;
}
