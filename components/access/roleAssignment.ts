/** One Azure role assignment, named by the deterministic GUID of (scope, principal, role). */
import * as authorization from "@pulumi/azure-native/authorization";
import * as pulumi from "@pulumi/pulumi";
import { roleDefinitionId } from "../facts/roles";
import { CONDITION_VERSION } from "./delegation";
import { roleAssignmentName } from "./roleAssignmentName";
import type { PrincipalType } from "./spec";

export interface RoleAssignmentArgs {
  scope: pulumi.Input<string>;
  principalId: pulumi.Input<string>;
  /** Who the principal is, in words (`group "aoai-prod-operators"`), for the error when its id is missing. */
  principal: string;
  /** Always set: Azure then skips the directory lookup that fails while a new principal replicates. */
  principalType: PrincipalType;
  roleGuid: string;
  /** Used only for a scope outside any subscription; a scope's own subscription always wins. */
  subscriptionId: pulumi.Input<string>;
  description?: string;
  /** An ABAC condition (version 2.0). */
  condition?: string;
}

/**
 * The subscription an ARM scope lives in. A role definition id names a subscription, and Azure rewrites
 * one of another subscription to the scope's (a key vault in a central subscription), which Pulumi then
 * shows as drift on every run; so the id is built from the scope's own subscription.
 */
export function subscriptionOfScope(scope: string): string | undefined {
  return /^\/subscriptions\/([^/]+)/i.exec(scope)?.[1];
}

/** Checks a principal id as it resolves; a missing one is an error naming the principal, not a TypeError. */
export function requirePrincipalId(
  principal: string,
  assignment: string,
): (id: string | undefined) => string {
  return (id) => {
    if (typeof id !== "string" || id.trim() === "") {
      throw new pulumi.RunError(
        `${principal} has no object id, so its role assignment ${assignment} cannot be created; check that the principal exists in this tenant (an existing group: its display name, and that it is a security group)`,
      );
    }
    return id;
  };
}

export function assignRole(
  name: string,
  args: RoleAssignmentArgs,
  opts: pulumi.CustomResourceOptions,
): authorization.RoleAssignment {
  // A missing id (an Entra lookup without an object id) fails here, naming the principal.
  const principalId = pulumi.output(args.principalId).apply(requirePrincipalId(args.principal, name));
  return new authorization.RoleAssignment(
    name,
    {
      // Computed inside apply: the scope or principal may be known only after creation.
      roleAssignmentName: pulumi
        .all([args.scope, principalId])
        .apply(([scope, id]) => roleAssignmentName(scope, id, args.roleGuid)),
      scope: args.scope,
      principalId,
      principalType: args.principalType,
      roleDefinitionId: pulumi
        .all([args.scope, args.subscriptionId])
        .apply(([scope, sub]) => roleDefinitionId(subscriptionOfScope(scope) ?? sub, args.roleGuid)),
      description: args.description,
      condition: args.condition,
      conditionVersion: args.condition === undefined ? undefined : CONDITION_VERSION,
    },
    // The name is fixed by (scope, principal, role): a replacement that keeps them reuses the name,
    // so the old assignment must go first (create-first would hit RoleAssignmentExists).
    { ...opts, deleteBeforeReplace: true },
  );
}
