/**
 * Adopting existing resources with Pulumi's `import` resource option.
 *
 * Pulumi refuses to import a resource whose inputs differ from what the provider reads back:
 * preview warns "inputs to import do not match the existing resource; importing this resource will
 * fail" and `pulumi up` fails (pulumi/pulumi pkg/resource/deploy/step.go, ImportStep.Apply; the
 * import step's diff honours `ignoreChanges`). An adopted resource is therefore imported as found:
 * while `import` is set, the inputs below keep the values Azure has, and the deploy after the
 * `import` keys are removed applies the stack's settings to them.
 * Source: https://www.pulumi.com/docs/iac/concepts/options/import/
 */
export const LEFT_AS_FOUND_WHILE_IMPORTING = {
  account: ["sku", "identity", "properties", "tags"],
  deployment: ["sku", "properties", "tags"],
  raiPolicy: ["properties", "tags"],
  raiBlocklist: ["properties", "tags"],
  raiBlocklistItem: ["properties", "tags"],
  privateEndpoint: [
    "customNetworkInterfaceName",
    "privateLinkServiceConnections",
    "manualPrivateLinkServiceConnections",
    "ipConfigurations",
    "applicationSecurityGroups",
    "tags",
  ],
  privateDnsZoneGroup: ["privateDnsZoneConfigs"],
} as const;

export type AdoptableKind = keyof typeof LEFT_AS_FOUND_WHILE_IMPORTING;

/** Resource options of an adopted resource; none for a resource the stack creates. */
export function importOptions(
  kind: AdoptableKind,
  importId: string | undefined,
): { import?: string; ignoreChanges?: string[] } {
  return importId === undefined
    ? {}
    : { import: importId, ignoreChanges: [...LEFT_AS_FOUND_WHILE_IMPORTING[kind]] };
}
