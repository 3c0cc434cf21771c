/**
 * Azure built-in role definitions the platform assigns or refuses to assign.
 * Sources: https://learn.microsoft.com/azure/ai-services/openai/how-to/role-based-access-control and
 * https://learn.microsoft.com/azure/role-based-access-control/built-in-roles; Owner, User Access
 * Administrator, Role Based Access Control Administrator, Key Vault Crypto Service Encryption User,
 * Reader, Storage Blob Data Reader, Key Vault Crypto User and Monitoring Metrics Publisher checked against Microsoft's built-in roles
 * list (the GUIDs are the same in every tenant).
 */

export interface BuiltInRole {
  /** The role's name as Azure shows it. */
  name: string;
  /** A short config spelling. */
  alias: string;
  guid: string;
  use: string;
  /** Azure only honours the role at subscription scope. */
  subscriptionOnly?: boolean;
  /** Why app identities and groups may not hold the role, and what to use instead. */
  refusal?: string;
}

const INFERENCE_INSTEAD =
  'use "Cognitive Services OpenAI User" to call models or "Cognitive Services OpenAI Contributor" to manage deployments';

export const BUILT_IN_ROLES = [
  {
    name: "Cognitive Services OpenAI User",
    alias: "openai-user",
    guid: "5e0bd9bd-7b93-4f28-af87-19fc36ad61bd",
    use: "apps calling inference with Entra ID",
  },
  {
    name: "Cognitive Services OpenAI Contributor",
    alias: "openai-contributor",
    guid: "a001fd3d-188f-4b5d-821b-7da978bf7442",
    use: "automation managing deployments",
  },
  {
    name: "Cognitive Services Contributor",
    alias: "cognitive-services-contributor",
    guid: "25fbc0a9-bd7c-42a3-aa1a-3b75d497ee68",
    use: "account admin; can read keys; no Entra inference",
  },
  {
    name: "Cognitive Services User",
    alias: "cognitive-services-user",
    guid: "a97b65f3-24c7-4388-baec-2e87135dc908",
    use: "can list keys",
  },
  {
    name: "Cognitive Services Usages Reader",
    alias: "usages-reader",
    guid: "bba48692-92b0-4667-a9ad-c31c7b334ac2",
    use: "read quota",
    subscriptionOnly: true,
  },
  {
    name: "Monitoring Metrics Publisher",
    alias: "monitoring-metrics-publisher",
    guid: "3913510d-42f4-4e42-8a64-420c390055eb",
    use: "the AI gateway's identity sending token metrics to Application Insights with Entra ID",
  },
  {
    name: "Monitoring Reader",
    alias: "monitoring-reader",
    guid: "43d0d8ad-25c7-4714-9337-8ba259a9fe05",
    use: "dashboards",
  },
  {
    name: "Key Vault Crypto Service Encryption User",
    alias: "key-vault-crypto-service-encryption-user",
    guid: "e147488a-f6f5-4113-8e2d-b22465e65bf6",
    use: "a service's identity wrapping and unwrapping its customer-managed key",
  },
  {
    name: "Reader",
    alias: "reader",
    guid: "acdd72a7-3385-48ef-bd42-f606fba81ae7",
    use: "the CI preview identity on the resource group (resource properties, no data, no keys)",
  },
  {
    name: "Storage Blob Data Reader",
    alias: "storage-blob-data-reader",
    guid: "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1",
    use: "the CI preview identity on the Pulumi state container (a preview takes no lock)",
  },
  {
    name: "Key Vault Crypto User",
    alias: "key-vault-crypto-user",
    guid: "12338af0-0e69-4776-bea7-57ae8d297424",
    use: "the CI identities on the Pulumi secrets-provider key (encrypt and decrypt)",
  },
  {
    name: "Contributor",
    alias: "contributor",
    guid: "b24988ac-6180-42a0-ab88-20f7382dd24c",
    use: "the CI deploy identity on the resource group",
    refusal: `it manages every resource in scope and cannot even call models with Entra ID; ${INFERENCE_INSTEAD}`,
  },
  {
    name: "Owner",
    alias: "owner",
    guid: "8e3af657-a8ff-443c-a75c-2fe8c4bcb635",
    use: "none here",
    refusal: `it controls every resource and who can access it; ${INFERENCE_INSTEAD}`,
  },
  {
    name: "User Access Administrator",
    alias: "user-access-administrator",
    guid: "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9",
    use: "none here",
    refusal: `it can grant any role, itself included; this stack manages role assignments, so grant the role the principal needs directly (${INFERENCE_INSTEAD})`,
  },
  {
    name: "Role Based Access Control Administrator",
    alias: "rbac-administrator",
    guid: "f58310d9-a9f6-439a-9e8d-f62e7b41a168",
    use: "the CI deploy identity, constrained to the roles the stack assigns",
    refusal: `it can grant roles to others; this stack manages role assignments, so grant the role the principal needs directly (${INFERENCE_INSTEAD})`,
  },
] as const satisfies readonly BuiltInRole[];

export type BuiltInRoleName = (typeof BUILT_IN_ROLES)[number]["name"];

/** The catalog entry of a built-in role by its exact name. */
export function builtInRole(name: BuiltInRoleName): BuiltInRole {
  // The name type only admits catalog names.
  return BUILT_IN_ROLES.find((role) => role.name === name) as BuiltInRole;
}

/** A role as config names it, resolved to its definition GUID. */
export interface ResolvedRole {
  guid: string;
  /** The catalog name, or `custom role <guid>` for a role definition id outside the catalog. */
  name: string;
  subscriptionOnly: boolean;
}

const GUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
const ROLE_DEFINITION_ID = new RegExp(
  `^(?:/subscriptions/${GUID})?/providers/Microsoft\\.Authorization/roleDefinitions/(${GUID})$`,
  "i",
);

/** Full role definition id of a role in a subscription: what RoleAssignment.roleDefinitionId takes. */
export function roleDefinitionId(subscriptionId: string, roleGuid: string): string {
  return `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${roleGuid}`;
}

function fromCatalog(role: BuiltInRole): ResolvedRole {
  return { guid: role.guid, name: role.name, subscriptionOnly: role.subscriptionOnly === true };
}

/**
 * Resolves a config role reference (catalog name or alias, case-insensitive, or a full role
 * definition id) for an app identity or group. Returns the reason when it is unknown or refused;
 * a role definition id of a refused built-in role is refused too.
 */
export function resolveAppRole(reference: string): ResolvedRole | { error: string } {
  const wanted = reference.trim().toLowerCase();
  const idMatch = ROLE_DEFINITION_ID.exec(reference.trim());
  const guid = idMatch?.[1]?.toLowerCase();
  const role = BUILT_IN_ROLES.find((r) =>
    guid === undefined ? r.name.toLowerCase() === wanted || r.alias === wanted : r.guid === guid,
  );
  if (role && "refusal" in role) {
    return { error: `${role.name} is not allowed for app identities and groups: ${role.refusal}` };
  }
  if (role) return fromCatalog(role);
  if (guid !== undefined) return { guid, name: `custom role ${guid}`, subscriptionOnly: false };
  const known = BUILT_IN_ROLES.filter((r) => !("refusal" in r))
    .map((r) => `"${r.name}" (${r.alias})`)
    .join(", ");
  return {
    error: `unknown role; use one of ${known}, or a role definition id /subscriptions/<sub>/providers/Microsoft.Authorization/roleDefinitions/<guid>`,
  };
}
