/**
 * Identity and access for one stack: user-assigned managed identities for apps, role assignments for
 * app identities and Entra groups, the customer-managed-key grant of each account, and the optional
 * CI deploy and pull-request preview identities (internal children: their roles derive from this
 * component's grants). Args (access/args.ts) are validated with `platformAccessSpecSchema`.
 */
import * as authorization from "@pulumi/azure-native/authorization";
import * as managedidentity from "@pulumi/azure-native/managedidentity";
// Deep imports: the package root pulls in every Graph resource type, which slows ts-node start-up.
import { getGroupOutput } from "@pulumi/azuread/getGroup";
import { Group } from "@pulumi/azuread/group";
import * as pulumi from "@pulumi/pulumi";
import { validateArgs } from "../args";
import { builtInRole } from "../facts/roles";
import { componentType, withLegacyType } from "../tokens";
import type { PlatformAccessArgs } from "./args";
import { GithubDeployIdentity } from "./githubDeployIdentity";
import type { GithubOidcIdentity } from "./githubOidcIdentity";
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
import { type AppIdentitySpec, type PrincipalType, platformAccessSpecSchema } from "./spec";

/** What an app needs to authenticate as its managed identity. */
export interface ManagedIdentityOutputs {
  /** The identity's ARM resource id. */
  id: pulumi.Output<string>;
  /** The app sets AZURE_CLIENT_ID to this; DefaultAzureCredential then picks this identity. */
  clientId: pulumi.Output<string>;
  /** The identity's service principal object id. */
  principalId: pulumi.Output<string>;
}

/** What a CI job passes to azure/login (none of it is a secret). */
export interface CiIdentityOutputs {
  /** azure/login client-id: the Entra application's client id. */
  clientId: pulumi.Output<string>;
  /** azure/login tenant-id. */
  tenantId: pulumi.Output<string>;
  /** The service principal's object id (what its roles are assigned to). */
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
  /** Per created managed identity (by name): what an app needs to authenticate as it. */
  readonly managedIdentities: Record<string, ManagedIdentityOutputs> = {};
  /** Object id of each group by display name. */
  readonly groups: Record<string, pulumi.Output<string>> = {};
  /** The CI deploy identity's login, when asked for. */
  readonly ciDeployIdentity?: CiIdentityOutputs;
  /** The CI pull-request preview identity's login, when asked for. */
  readonly ciPreviewIdentity?: CiIdentityOutputs;
  /** The subscription the stack deploys into (the azure-native provider's). */
  readonly subscriptionId: pulumi.Output<string>;

  constructor(name: string, args: PlatformAccessArgs, opts?: pulumi.ComponentResourceOptions) {
    super(
      componentType("PlatformAccess"),
      name,
      {},
      withLegacyType("aoai-platform:access:PlatformAccess", opts),
    );
    const { resourceGroupName, resourceGroupId, location, tags, ...accessArgs } = args;
    const spec = validateArgs(this, `PlatformAccess ${name}`, platformAccessSpecSchema, accessArgs);
    const accounts = new Map((args.accounts ?? []).map((account) => [account.name, account]));
    const accountNames = [...accounts.keys()];
    this.subscriptionId = authorization.getClientConfigOutput({ parent: this }).subscriptionId;
    const subscriptionId = this.subscriptionId;
    const scopeOf = ({ scope }: Grant): pulumi.Input<string> => {
      if (scope.kind === "resourceGroup") return resourceGroupId;
      if (scope.kind === "subscription") return pulumi.interpolate`/subscriptions/${subscriptionId}`;
      const account = accounts.get(scope.account);
      // The schema checked that every subset names one of the accounts.
      if (account === undefined) throw new Error(`no account named "${scope.account}"`);
      return account.id;
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
        this.identityPrincipal(name, identity, { resourceGroupName, location, tags }),
        identity,
      );
    }
    const created = spec.groups.filter((group) => !group.existing);
    const groupNames = uniqueNames(
      created.map((group) => ({
        base: `${name}-${prefixed("grp", label(group.displayName))}`,
        key: `group|${group.displayName}`,
      })),
    );
    const legacyGroupNames = uniqueNames(
      created.map((group) => ({
        base: `${name}-grp-${label(group.displayName)}`,
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
        base: `${name}-${principalLabel}-${label(planned.role.name)}-${scopeLabel(planned.scope)}`,
        key: `${principalKey}|${planned.role.guid}|${scopeKey(planned.scope)}`,
      })),
    );
    const legacyNames = uniqueNames(
      assignments.map(({ legacyLabel, principalKey, grant: planned }) => ({
        base: `${name}-${legacyLabel}-${label(planned.role.name)}-${legacyScopeLabel(planned.scope)}`,
        key: `${principalKey}|${planned.role.guid}|${scopeKey(planned.scope)}`,
      })),
    );
    assignments.forEach(({ principal, grant: planned }, i) => {
      const assignmentName = names[i];
      if (!assignmentName) return;
      assignRole(
        assignmentName.name,
        {
          scope: scopeOf(planned),
          principalId: principal.id,
          principal: principal.label,
          principalType: principal.type,
          roleGuid: planned.role.guid,
          subscriptionId,
        },
        { parent: this, aliases: previousNames(assignmentName, legacyNames[i]) },
      );
    });
    for (const { account, keyVaultId } of spec.keyVaultGrants) {
      managedRoles.add(KEY_VAULT_CRYPTO_ROLE.guid);
      assignRole(
        `${name}-cmk-${account}`,
        {
          scope: keyVaultId,
          principalId: pulumi.output(accounts.get(account)?.principalId ?? ""),
          principal: `the system-assigned identity of account ${account} (for its customer-managed key)`,
          principalType: "ServicePrincipal",
          roleGuid: KEY_VAULT_CRYPTO_ROLE.guid,
          subscriptionId,
          description: `${account} wraps and unwraps its customer-managed key`,
        },
        { parent: this },
      );
    }
    if (spec.ciPreviewIdentity) {
      const preview = new GithubPreviewIdentity(
        `${name}-ci-preview`,
        { spec: spec.ciPreviewIdentity, resourceGroupId, subscriptionId },
        { parent: this },
      );
      this.ciPreviewIdentity = loginOf(preview);
      for (const role of PREVIEW_ROLES_IN_RESOURCE_GROUP) managedRoles.add(builtInRole(role).guid);
    }
    if (spec.ciDeployIdentity) {
      const deploy = new GithubDeployIdentity(
        `${name}-ci`,
        {
          spec: spec.ciDeployIdentity,
          resourceGroupId,
          subscriptionId,
          delegableRoleGuids: [...managedRoles],
        },
        { parent: this },
      );
      this.ciDeployIdentity = loginOf(deploy);
    }
    this.registerOutputs({
      managedIdentities: this.managedIdentities,
      groups: this.groups,
      ciClientId: this.ciDeployIdentity?.clientId,
      ciPreviewClientId: this.ciPreviewIdentity?.clientId,
    });
  }

  /** A created user-assigned identity (recorded in the outputs) or an existing principal. */
  private identityPrincipal(
    componentName: string,
    identity: AppIdentitySpec,
    where: Pick<PlatformAccessArgs, "resourceGroupName" | "location" | "tags">,
  ): Principal {
    if (identity.principalId !== undefined && identity.principalType !== undefined) {
      return {
        id: identity.principalId,
        type: identity.principalType,
        label: `principal "${identity.name}"`,
      };
    }
    const legacyName = `${componentName}-id-${identity.name}`;
    const name = `${componentName}-${prefixed("id", identity.name)}`;
    const created = new managedidentity.UserAssignedIdentity(
      name,
      {
        resourceName: identity.name,
        resourceGroupName: where.resourceGroupName,
        location: where.location,
        tags: where.tags,
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
}

const loginOf = (identity: GithubOidcIdentity): CiIdentityOutputs => ({
  clientId: identity.clientId,
  tenantId: identity.tenantId,
  principalId: identity.principalId,
});
