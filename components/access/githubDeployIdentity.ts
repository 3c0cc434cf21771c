/**
 * The CI deploy identity: an Entra application and service principal that GitHub Actions jobs log in
 * as through OIDC federation (no client secret exists), with least-privilege roles on the stack's
 * resource group. Only jobs in the deploy environments are trusted (their reviewers guard every
 * deploy); pull requests log in as the preview identity (githubPreviewIdentity.ts).
 */

import type * as pulumi from "@pulumi/pulumi";
import { builtInRole } from "../facts/roles";
import { componentType, withLegacyType } from "../tokens";
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
      componentType("GithubDeployIdentity"),
      name,
      args.spec,
      deploySubjects(args.spec.github),
      withLegacyType("aoai-platform:access:GithubDeployIdentity", opts),
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
      `${name}-Contributor-resource-group`,
      { ...onResourceGroup("Contributor"), description: "CI deploys the platform's resources" },
      { parent: this, aliases: [{ name: `${name}-contributor-rg` }] },
    );
    if (args.delegableRoleGuids.length > 0) {
      assignRole(
        `${name}-Role-Based-Access-Control-Administrator-resource-group`,
        {
          ...onResourceGroup("Role Based Access Control Administrator"),
          description: "CI manages the stack's role assignments, limited to the roles it declares",
          condition: constrainedRolesCondition(args.delegableRoleGuids),
        },
        { parent: this, aliases: [{ name: `${name}-rbac-administrator-rg` }] },
      );
    }
    this.registerLoginOutputs();
  }
}
