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
  /** Always set: Azure then skips the directory lookup that fails while a new principal replicates. */
  principalType: PrincipalType;
  roleGuid: string;
  subscriptionId: pulumi.Input<string>;
  description?: string;
  /** An ABAC condition (version 2.0). */
  condition?: string;
}

export function assignRole(
  name: string,
  args: RoleAssignmentArgs,
  opts: pulumi.CustomResourceOptions,
): authorization.RoleAssignment {
  return new authorization.RoleAssignment(
    name,
    {
      // Computed inside apply: the scope or principal may be known only after creation.
      roleAssignmentName: pulumi
        .all([args.scope, args.principalId])
        .apply(([scope, principalId]) => roleAssignmentName(scope, principalId, args.roleGuid)),
      scope: args.scope,
      principalId: args.principalId,
      principalType: args.principalType,
      roleDefinitionId: pulumi
        .output(args.subscriptionId)
        .apply((sub) => roleDefinitionId(sub, args.roleGuid)),
      description: args.description,
      condition: args.condition,
      conditionVersion: args.condition === undefined ? undefined : CONDITION_VERSION,
    },
    // The name is fixed by (scope, principal, role): a replacement that keeps them reuses the name,
    // so the old assignment must go first (create-first would hit RoleAssignmentExists).
    { ...opts, deleteBeforeReplace: true },
  );
}
