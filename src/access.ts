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
  /** What CI passes to azure/login (client-id, tenant-id, subscription-id); none is a secret. */
  ciDeployIdentity?: {
    clientId: pulumi.Output<string>;
    tenantId: pulumi.Output<string>;
    subscriptionId: pulumi.Output<string>;
  };
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
  const { identities, groups, ciDeployIdentity } = config.access;
  if (identities.length + groups.length + keyVaultGrants.length === 0 && !ciDeployIdentity) return {};
  const access = new PlatformAccess("access", {
    spec: config.access,
    resourceGroupName: group.name,
    resourceGroupId: group.id,
    location: config.resourceGroup.location ?? config.location,
    accountIds: Object.fromEntries([...accounts].map(([name, account]) => [name, account.accountId])),
    keyVaultGrants,
    tags,
  });
  const ci = access.ciDeployIdentity;
  return {
    managedIdentities: access.managedIdentities,
    entraGroups: access.groups,
    ...(ci && {
      ciDeployIdentity: {
        clientId: ci.clientId,
        tenantId: ci.tenantId,
        subscriptionId: access.subscriptionId,
      },
    }),
  };
}
