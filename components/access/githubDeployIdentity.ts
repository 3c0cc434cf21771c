/**
 * The CI deploy identity: an Entra application and service principal that GitHub Actions jobs log in
 * as through OIDC federation (no client secret exists), with least-privilege roles on the stack's
 * resource group.
 */

import { Application } from "@pulumi/azuread/application";
import { ApplicationFederatedIdentityCredential } from "@pulumi/azuread/applicationFederatedIdentityCredential";
import { getClientConfigOutput } from "@pulumi/azuread/getClientConfig";
import { ServicePrincipal } from "@pulumi/azuread/servicePrincipal";
import * as pulumi from "@pulumi/pulumi";
import { builtInRole } from "../facts/roles";
import { componentType, withLegacyType } from "../tokens";
import { constrainedRolesCondition } from "./delegation";
import { AZURE_AD_TOKEN_EXCHANGE_AUDIENCE, GITHUB_OIDC_ISSUER, githubSubjects } from "./github";
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

export class GithubDeployIdentity extends pulumi.ComponentResource {
  /** What CI passes to azure/login as client-id (not a secret). */
  readonly clientId: pulumi.Output<string>;
  readonly tenantId: pulumi.Output<string>;
  /** The service principal's object id. */
  readonly principalId: pulumi.Output<string>;

  constructor(name: string, args: GithubDeployIdentityArgs, opts?: pulumi.ComponentResourceOptions) {
    super(
      componentType("GithubDeployIdentity"),
      name,
      {},
      withLegacyType("aoai-platform:access:GithubDeployIdentity", opts),
    );
    const { spec } = args;
    const application = new Application(
      `${name}-app`,
      { displayName: spec.displayName, owners: spec.owners, signInAudience: "AzureADMyOrg" },
      { parent: this },
    );
    const principal = new ServicePrincipal(
      `${name}-sp`,
      { clientId: application.clientId, owners: spec.owners },
      { parent: this },
    );
    for (const credential of githubSubjects(spec.github)) {
      new ApplicationFederatedIdentityCredential(
        `${name}-${credential.name}`,
        {
          applicationId: application.id,
          displayName: credential.name,
          description: `GitHub Actions ${spec.github.repository}: ${credential.description}`,
          issuer: GITHUB_OIDC_ISSUER,
          audiences: [AZURE_AD_TOKEN_EXCHANGE_AUDIENCE],
          subject: credential.subject,
        },
        { parent: this },
      );
    }
    const onResourceGroup = (role: "Contributor" | "Role Based Access Control Administrator") => ({
      scope: args.resourceGroupId,
      principalId: principal.objectId,
      principal: `CI deploy identity "${spec.displayName}"`,
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
    this.clientId = application.clientId;
    this.principalId = principal.objectId;
    this.tenantId = getClientConfigOutput({ parent: this }).tenantId;
    this.registerOutputs({ clientId: this.clientId, tenantId: this.tenantId, principalId: this.principalId });
  }
}
