/** Wires the access component to the stack: which accounts, which key grants, which outputs. */
import type * as pulumi from "@pulumi/pulumi";
import {
  type KeyVaultGrant,
  type ManagedIdentityOutputs,
  PlatformAccess,
} from "../components/access/component";
import type { OpenAIAccount } from "../components/account/component";
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

/** The stack's access component, or none when the config asks for no identity, group or key grant. */
export function definePlatformAccess(
  config: StackConfig,
  group: PlatformResourceGroup,
  accounts: ReadonlyMap<string, OpenAIAccount>,
  tags: Record<string, string>,
): AccessOutputs {
  const keyVaultGrants: KeyVaultGrant[] = config.accounts.flatMap((spec) => {
    const keyVaultId = spec.customerManagedKey?.keyVaultId;
    const account = accounts.get(spec.name);
    return keyVaultId && account
      ? [{ account: spec.name, principalId: account.principalId, keyVaultId }]
      : [];
  });
  const { identities, groups, ciDeployIdentity, ciPreviewIdentity } = config.access;
  const nothing = identities.length + groups.length + keyVaultGrants.length === 0;
  if (nothing && !ciDeployIdentity && !ciPreviewIdentity) return {};
  const access = new PlatformAccess("access", {
    spec: config.access,
    resourceGroupName: group.name,
    resourceGroupId: group.id,
    location: config.resourceGroup.location ?? config.location,
    accountIds: Object.fromEntries([...accounts].map(([name, account]) => [name, account.accountId])),
    keyVaultGrants,
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
