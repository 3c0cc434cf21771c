/** Wires the access component to the stack: which accounts, which key grants, which outputs. */
import type * as pulumi from "@pulumi/pulumi";
import type { ManagedIdentityOutputs } from "../components/access/component";
import { PlatformAccess } from "../components/access/component";
import type { AccessSpec } from "../components/access/spec";
import type { OpenAIAccount } from "../components/account/component";
import type { ResolvedRole } from "../components/facts/roles";
import type { PlatformResourceGroup } from "../components/resource-group/component";
import type { StackConfig } from "./config/schema";

export interface AccessOutputs {
  /** Per created managed identity: apps set AZURE_CLIENT_ID to its clientId. */
  managedIdentities?: Record<string, ManagedIdentityOutputs>;
  /** Object id of each Entra group by display name. */
  entraGroups?: Record<string, pulumi.Output<string>>;
  /** What deploy jobs pass to azure/login (client-id, tenant-id, subscription-id); none is a secret. */
  ciDeployIdentity?: AzureLogin;
  /** What the pull-request preview job passes to azure/login; none is a secret. */
  ciPreviewIdentity?: AzureLogin;
}

export interface AzureLogin {
  clientId: pulumi.Output<string>;
  tenantId: pulumi.Output<string>;
  subscriptionId: pulumi.Output<string>;
}

/** A resolved role as the args take it: its role definition id, which resolves to the same role. */
const roleReference = (role: ResolvedRole) =>
  `/providers/Microsoft.Authorization/roleDefinitions/${role.guid}`;

/** The stack's `access` config as the component's args (roles back to references; the rest as parsed). */
function accessArgs(access: AccessSpec) {
  return {
    identities: access.identities.map((identity) => ({
      ...identity,
      roles: identity.roles.map(roleReference),
    })),
    groups: access.groups.map((group) => ({ ...group, roles: group.roles.map(roleReference) })),
    ciDeployIdentity: access.ciDeployIdentity,
    ciPreviewIdentity: access.ciPreviewIdentity,
  };
}

/** The stack's access component, or none when the config asks for no identity, group or key grant. */
export function definePlatformAccess(
  config: StackConfig,
  group: PlatformResourceGroup,
  accounts: ReadonlyMap<string, OpenAIAccount>,
  tags: Record<string, string>,
): AccessOutputs {
  const keyVaultGrants = config.accounts.flatMap((spec) => {
    const keyVaultId = spec.customerManagedKey?.keyVaultId;
    return keyVaultId ? [{ account: spec.name, keyVaultId }] : [];
  });
  const { identities, groups, ciDeployIdentity, ciPreviewIdentity } = config.access;
  const nothing = identities.length + groups.length + keyVaultGrants.length === 0;
  if (nothing && !ciDeployIdentity && !ciPreviewIdentity) return {};
  const access = new PlatformAccess("access", {
    ...accessArgs(config.access),
    accounts: [...accounts].map(([name, account]) => ({
      name,
      id: account.accountId,
      // An account without a system-assigned identity has none; its key grant then fails naming it.
      principalId: account.principalId.apply((id) => id ?? ""),
    })),
    keyVaultGrants,
    resourceGroupName: group.name,
    resourceGroupId: group.id,
    location: config.resourceGroup.location ?? config.location,
    tags,
  });
  const login = (identity: { clientId: pulumi.Output<string>; tenantId: pulumi.Output<string> }) => ({
    clientId: identity.clientId,
    tenantId: identity.tenantId,
    subscriptionId: access.subscriptionId,
  });
  return {
    managedIdentities: access.managedIdentities,
    entraGroups: access.groups,
    ...(access.ciDeployIdentity && { ciDeployIdentity: login(access.ciDeployIdentity) }),
    ...(access.ciPreviewIdentity && { ciPreviewIdentity: login(access.ciPreviewIdentity) }),
  };
}
