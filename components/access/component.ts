/**
 * Identity and access for one stack: user-assigned managed identities for apps, role assignments for
 * app identities and Entra groups, the customer-managed-key grant of each account, and the optional
 * CI deploy and pull-request preview identities.
 */
import * as authorization from "@pulumi/azure-native/authorization";
import * as managedidentity from "@pulumi/azure-native/managedidentity";
// Deep imports: the package root pulls in every Graph resource type, which slows ts-node start-up.
import { getGroupOutput } from "@pulumi/azuread/getGroup";
import { Group } from "@pulumi/azuread/group";
import * as pulumi from "@pulumi/pulumi";
import { builtInRole } from "../facts/roles";
import { componentType, withLegacyType } from "../tokens";
import { GithubDeployIdentity } from "./githubDeployIdentity";
import { GithubPreviewIdentity, PREVIEW_ROLES_IN_RESOURCE_GROUP } from "./githubPreviewIdentity";
import {
  type Grant,
  type GrantRequest,
  type GrantScope,
  plannedGrants,
  scopeKey,
  scopeLabel,
} from "./grants";
import { type PlannedName, uniqueNames } from "./names";
import { assignRole } from "./roleAssignment";
import type { AccessSpec, PrincipalType } from "./spec";

/** An account whose system-assigned identity must unwrap its customer-managed key. */
export interface KeyVaultGrant {
  account: string;
  principalId: pulumi.Input<string | undefined>;
  keyVaultId: string;
}

export interface PlatformAccessArgs {
  spec: AccessSpec;
  resourceGroupName: pulumi.Input<string>;
  resourceGroupId: pulumi.Input<string>;
  /** Region of created managed identities. */
  location: string;
  /** ARM id of each of the stack's accounts by config name (the default role scope). */
  accountIds: Record<string, pulumi.Input<string>>;
  keyVaultGrants?: readonly KeyVaultGrant[];
  tags?: Record<string, string>;
}

/** What an app needs to authenticate as its managed identity. */
export interface ManagedIdentityOutputs {
  id: pulumi.Output<string>;
  /** The app sets AZURE_CLIENT_ID to this; DefaultAzureCredential then picks this identity. */
  clientId: pulumi.Output<string>;
  principalId: pulumi.Output<string>;
}

/** A role assignment waiting for its name (names are planned over all of them at once). */
interface PendingAssignment {
  principalLabel: string;
  /** The principal's label in earlier names. */
  legacyLabel: string;
  /** The principal's exact config identity, for collision-free names. */
  principalKey: string;
  principal: Principal;
  grant: Grant;
}

interface Principal {
  id: pulumi.Input<string>;
  type: PrincipalType;
  /** The principal in words, for errors. */
  label: string;
}

const KEY_VAULT_CRYPTO_ROLE = builtInRole("Key Vault Crypto Service Encryption User");

/** Resource-name safe form of a config name (group display names may contain spaces). */
const label = (value: string) => value.replace(/[^A-Za-z0-9_.-]/g, "-");

/** `<role>-<value>`, unless the value already starts with the role (identity "id-chat-api", not "id-id-chat-api"). */
const prefixed = (role: string, value: string) => (value.startsWith(`${role}-`) ? value : `${role}-${value}`);

/** The scope label of earlier names ("rg"), kept only to alias them. */
const legacyScopeLabel = (scope: GrantScope) => (scope.kind === "resourceGroup" ? "rg" : scopeLabel(scope));

/** Aliases from every name a child had before (earlier spelling, or the shared name before a suffix). */
function previousNames(current: PlannedName, ...before: (PlannedName | undefined)[]): pulumi.Alias[] {
  const names = new Set<string>();
  for (const name of [current.alias, ...before.flatMap((b) => (b === undefined ? [] : [b.name, b.alias]))]) {
    if (name !== undefined && name !== current.name) names.add(name);
  }
  return [...names].map((name) => ({ name }));
}

export class PlatformAccess extends pulumi.ComponentResource {
  readonly managedIdentities: Record<string, ManagedIdentityOutputs> = {};
  /** Object id of each group by display name. */
  readonly groups: Record<string, pulumi.Output<string>> = {};
  readonly ciDeployIdentity?: GithubDeployIdentity;
  readonly ciPreviewIdentity?: GithubPreviewIdentity;
  /** The subscription the stack deploys into (the azure-native provider's). */
  readonly subscriptionId: pulumi.Output<string>;
  private readonly scopes: (grant: Grant) => pulumi.Input<string>;

  constructor(
    private readonly componentName: string,
    args: PlatformAccessArgs,
    opts?: pulumi.ComponentResourceOptions,
  ) {
    super(
      componentType("PlatformAccess"),
      componentName,
      {},
      withLegacyType("aoai-platform:access:PlatformAccess", opts),
    );
    const { spec } = args;
    const accountNames = Object.keys(args.accountIds);
    this.subscriptionId = authorization.getClientConfigOutput({ parent: this }).subscriptionId;
    this.scopes = ({ scope }) => {
      if (scope.kind === "resourceGroup") return args.resourceGroupId;
      if (scope.kind === "subscription") return pulumi.interpolate`/subscriptions/${this.subscriptionId}`;
      const accountId = args.accountIds[scope.account];
      // The stack schema checks account names; a direct caller gets a clear error.
      if (accountId === undefined) throw new Error(`no account named "${scope.account}" in this stack`);
      return accountId;
    };
    const managedRoles = new Set<string>();
    const assignments: PendingAssignment[] = [];
    const grant = (
      principalLabel: string,
      legacyLabel: string,
      principalKey: string,
      principal: Principal,
      request: GrantRequest,
    ) => {
      for (const planned of plannedGrants(request, accountNames)) {
        if (planned.scope.kind !== "subscription") managedRoles.add(planned.role.guid);
        assignments.push({ principalLabel, legacyLabel, principalKey, principal, grant: planned });
      }
    };

    for (const identity of spec.identities) {
      grant(
        prefixed("id", identity.name),
        `id-${identity.name}`,
        `identity|${identity.name}`,
        this.identityPrincipal(identity, args),
        identity,
      );
    }
    const created = spec.groups.filter((group) => !group.existing);
    const groupNames = uniqueNames(
      created.map((group) => ({
        base: `${componentName}-${prefixed("grp", label(group.displayName))}`,
        key: `group|${group.displayName}`,
      })),
    );
    const legacyGroupNames = uniqueNames(
      created.map((group) => ({
        base: `${componentName}-grp-${label(group.displayName)}`,
        key: `group|${group.displayName}`,
      })),
    );
    for (const group of spec.groups) {
      const groupName = groupNames[created.indexOf(group)];
      const objectId =
        group.existing || groupName === undefined
          ? getGroupOutput({ displayName: group.displayName, securityEnabled: true }, { parent: this })
              .objectId
          : new Group(
              groupName.name,
              {
                displayName: group.displayName,
                description: group.description,
                owners: group.owners,
                members: group.members,
                securityEnabled: true,
                mailEnabled: false,
                // Display names are not unique in Entra; refuse to create a look-alike.
                preventDuplicateNames: true,
              },
              { parent: this, aliases: previousNames(groupName, legacyGroupNames[created.indexOf(group)]) },
            ).objectId;
      this.groups[group.displayName] = objectId;
      const what = `${group.existing ? "existing " : ""}Entra group "${group.displayName}"`;
      const principal: Principal = { id: objectId, type: "Group", label: what };
      grant(
        prefixed("grp", label(group.displayName)),
        `grp-${label(group.displayName)}`,
        `group|${group.displayName}`,
        principal,
        group,
      );
    }
    const names = uniqueNames(
      assignments.map(({ principalLabel, principalKey, grant: planned }) => ({
        base: `${componentName}-${principalLabel}-${label(planned.role.name)}-${scopeLabel(planned.scope)}`,
        key: `${principalKey}|${planned.role.guid}|${scopeKey(planned.scope)}`,
      })),
    );
    const legacyNames = uniqueNames(
      assignments.map(({ legacyLabel, principalKey, grant: planned }) => ({
        base: `${componentName}-${legacyLabel}-${label(planned.role.name)}-${legacyScopeLabel(planned.scope)}`,
        key: `${principalKey}|${planned.role.guid}|${scopeKey(planned.scope)}`,
      })),
    );
    assignments.forEach((assignment, i) => {
      const name = names[i];
      if (name)
        this.assign(name, previousNames(name, legacyNames[i]), assignment.principal, assignment.grant);
    });
    for (const keyGrant of args.keyVaultGrants ?? []) {
      managedRoles.add(KEY_VAULT_CRYPTO_ROLE.guid);
      this.assignKeyVaultAccess(keyGrant);
    }
    if (spec.ciPreviewIdentity) {
      this.ciPreviewIdentity = new GithubPreviewIdentity(
        `${componentName}-ci-preview`,
        {
          spec: spec.ciPreviewIdentity,
          resourceGroupId: args.resourceGroupId,
          subscriptionId: this.subscriptionId,
        },
        { parent: this },
      );
      for (const role of PREVIEW_ROLES_IN_RESOURCE_GROUP) managedRoles.add(builtInRole(role).guid);
    }
    if (spec.ciDeployIdentity) {
      this.ciDeployIdentity = new GithubDeployIdentity(
        `${componentName}-ci`,
        {
          spec: spec.ciDeployIdentity,
          resourceGroupId: args.resourceGroupId,
          subscriptionId: this.subscriptionId,
          delegableRoleGuids: [...managedRoles],
        },
        { parent: this },
      );
    }
    this.registerOutputs({
      managedIdentities: this.managedIdentities,
      groups: this.groups,
      ciClientId: this.ciDeployIdentity?.clientId,
      ciPreviewClientId: this.ciPreviewIdentity?.clientId,
    });
  }

  /** A created user-assigned identity (recorded in the outputs) or an existing principal. */
  private identityPrincipal(identity: AccessSpec["identities"][number], args: PlatformAccessArgs): Principal {
    if (identity.principalId !== undefined && identity.principalType !== undefined) {
      return {
        id: identity.principalId,
        type: identity.principalType,
        label: `principal "${identity.name}"`,
      };
    }
    const legacyName = `${this.componentName}-id-${identity.name}`;
    const name = `${this.componentName}-${prefixed("id", identity.name)}`;
    const created = new managedidentity.UserAssignedIdentity(
      name,
      {
        resourceName: identity.name,
        resourceGroupName: args.resourceGroupName,
        location: args.location,
        tags: args.tags,
      },
      { parent: this, aliases: name === legacyName ? [] : [{ name: legacyName }] },
    );
    this.managedIdentities[identity.name] = {
      id: created.id,
      clientId: created.clientId,
      principalId: created.principalId,
    };
    return {
      id: created.principalId,
      type: "ServicePrincipal",
      label: `managed identity "${identity.name}"`,
    };
  }

  private assign(name: PlannedName, aliases: pulumi.Alias[], principal: Principal, grant: Grant): void {
    assignRole(
      name.name,
      {
        scope: this.scopes(grant),
        principalId: principal.id,
        principal: principal.label,
        principalType: principal.type,
        roleGuid: grant.role.guid,
        subscriptionId: this.subscriptionId,
      },
      { parent: this, aliases },
    );
  }

  private assignKeyVaultAccess({ account, principalId, keyVaultId }: KeyVaultGrant): void {
    assignRole(
      `${this.componentName}-cmk-${account}`,
      {
        scope: keyVaultId,
        principalId: pulumi.output(principalId).apply((id) => id ?? ""),
        principal: `the system-assigned identity of account ${account} (for its customer-managed key)`,
        principalType: "ServicePrincipal",
        roleGuid: KEY_VAULT_CRYPTO_ROLE.guid,
        subscriptionId: this.subscriptionId,
        description: `${account} wraps and unwraps its customer-managed key`,
      },
      { parent: this },
    );
  }
}
