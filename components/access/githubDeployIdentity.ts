/**
 * The CI deploy identity: an Entra application and service principal that GitHub Actions jobs log in
 * as through OIDC federation (no client secret exists), with least-privilege roles on the stack's
 * resource group. Only jobs in the deploy environments are trusted (their reviewers guard every
 * deploy); pull requests log in as the preview identity (githubPreviewIdentity.ts).
 */

import type * as pulumi from "@pulumi/pulumi";
import { builtInRole } from "../facts/roles";
import { constrainedRolesCondition } from "./delegation";
import { deploySubjects } from "./github";
import { GithubOidcIdentity } from "./githubOidcIdentity";
import { assignRole } from "./roleAssignment";
import type { CiDeployIdentitySpec } from "./spec";

export interface GithubDeployIdentityArgs {
  spec: CiDeployIdentitySpec;
  resourceGroupId: pulumi.Input<string>;
  subscriptionId: pulumi.Input<string>;
  /**
   * Roles the stack assigns inside the resource group. When there are any, the identity also gets
   * Role Based Access Control Administrator, constrained to exactly these roles.
   */
  delegableRoleGuids: readonly string[];
}

export class GithubDeployIdentity extends GithubOidcIdentity {
  constructor(name: string, args: GithubDeployIdentityArgs, opts?: pulumi.ComponentResourceOptions) {
    super(
      "aoai-platform:access:GithubDeployIdentity",
      name,
      args.spec,
      deploySubjects(args.spec.github),
      opts,
    );
    const onResourceGroup = (role: "Contributor" | "Role Based Access Control Administrator") => ({
      scope: args.resourceGroupId,
      principalId: this.principalId,
      principal: `CI deploy identity "${args.spec.displayName}"`,
      principalType: "ServicePrincipal" as const,
      roleGuid: builtInRole(role).guid,
      subscriptionId: args.subscriptionId,
    });
    assignRole(
      `${name}-contributor-rg`,
      { ...onResourceGroup("Contributor"), description: "CI deploys the platform's resources" },
      { parent: this },
    );
    if (args.delegableRoleGuids.length > 0) {
      assignRole(
        `${name}-rbac-administrator-rg`,
        {
          ...onResourceGroup("Role Based Access Control Administrator"),
          description: "CI manages the stack's role assignments, limited to the roles it declares",
          condition: constrainedRolesCondition(args.delegableRoleGuids),
        },
        { parent: this },
      );
    }
    this.registerLoginOutputs();
  }
}
