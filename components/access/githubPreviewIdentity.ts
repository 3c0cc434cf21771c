/**
 * The CI preview identity: what pull-request jobs log in as (subject `repo:<owner>/<repo>:pull_request`).
 * Any branch can open a pull request, so it can read and nothing more: Reader on the resource group,
 * Storage Blob Data Reader on the Pulumi state container (a DIY-backend preview takes no lock and
 * writes no history), Key Vault Crypto User on the secrets-provider key (to decrypt the stack's
 * secrets). It holds no role that changes a resource or grants access.
 */
import type * as pulumi from "@pulumi/pulumi";
import { type BuiltInRoleName, builtInRole } from "../facts/roles";
import { componentType } from "../tokens";
import { pullRequestSubject } from "./github";
import { GithubOidcIdentity } from "./githubOidcIdentity";
import { assignRole } from "./roleAssignment";
import type { CiPreviewIdentitySpec } from "./spec";

export interface GithubPreviewIdentityArgs {
  spec: CiPreviewIdentitySpec;
  resourceGroupId: pulumi.Input<string>;
  subscriptionId: pulumi.Input<string>;
}

/** Roles the preview identity holds inside the resource group (the deploy identity may re-grant them). */
export const PREVIEW_ROLES_IN_RESOURCE_GROUP: readonly BuiltInRoleName[] = ["Reader"];

export class GithubPreviewIdentity extends GithubOidcIdentity {
  constructor(name: string, args: GithubPreviewIdentityArgs, opts?: pulumi.ComponentResourceOptions) {
    const { spec } = args;
    super(
      componentType("GithubPreviewIdentity"),
      name,
      spec,
      [pullRequestSubject(spec.github.repository)],
      opts,
    );
    const grant = (label: string, role: BuiltInRoleName, scope: pulumi.Input<string>, description: string) =>
      assignRole(
        `${name}-${label}`,
        {
          scope,
          principalId: this.principalId,
          principal: `CI preview identity "${spec.displayName}"`,
          principalType: "ServicePrincipal",
          roleGuid: builtInRole(role).guid,
          subscriptionId: args.subscriptionId,
          description,
        },
        { parent: this },
      );
    grant(
      "Reader-resource-group",
      "Reader",
      args.resourceGroupId,
      "pull request previews read the platform's resources",
    );
    if (spec.stateContainerId !== undefined) {
      grant(
        "state-reader",
        "Storage Blob Data Reader",
        spec.stateContainerId,
        "pull request previews read the Pulumi state",
      );
    }
    if (spec.secretsKeyId !== undefined) {
      grant(
        "secrets-crypto-user",
        "Key Vault Crypto User",
        spec.secretsKeyId,
        "pull request previews decrypt the stack's secrets",
      );
    }
    this.registerLoginOutputs();
  }
}
