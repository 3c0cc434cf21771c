/**
 * An Entra application and service principal that GitHub Actions jobs log in as through OIDC
 * federation: no client secret or certificate exists. The base of the deploy and preview identities,
 * which add their roles.
 */
import { Application } from "@pulumi/azuread/application";
import { ApplicationFederatedIdentityCredential } from "@pulumi/azuread/applicationFederatedIdentityCredential";
import { getClientConfigOutput } from "@pulumi/azuread/getClientConfig";
import { ServicePrincipal } from "@pulumi/azuread/servicePrincipal";
import * as pulumi from "@pulumi/pulumi";
import { AZURE_AD_TOKEN_EXCHANGE_AUDIENCE, type FederatedSubject, GITHUB_OIDC_ISSUER } from "./github";

export interface GithubOidcIdentitySpec {
  displayName: string;
  owners: readonly string[];
  github: { repository: string };
}

export abstract class GithubOidcIdentity extends pulumi.ComponentResource {
  /** What the job passes to azure/login as client-id (not a secret). */
  readonly clientId: pulumi.Output<string>;
  readonly tenantId: pulumi.Output<string>;
  /** The service principal's object id: what the roles are assigned to. */
  readonly principalId: pulumi.Output<string>;

  /** Registers `${name}-app`, `${name}-sp` and `${name}-<credential>` for each subject. */
  protected constructor(
    type: string,
    name: string,
    spec: GithubOidcIdentitySpec,
    subjects: readonly FederatedSubject[],
    opts?: pulumi.ComponentResourceOptions,
  ) {
    super(type, name, {}, opts);
    const owners = [...spec.owners];
    const application = new Application(
      `${name}-app`,
      { displayName: spec.displayName, owners, signInAudience: "AzureADMyOrg" },
      { parent: this },
    );
    const principal = new ServicePrincipal(
      `${name}-sp`,
      { clientId: application.clientId, owners },
      { parent: this },
    );
    for (const credential of subjects) {
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
    this.clientId = application.clientId;
    this.principalId = principal.objectId;
    this.tenantId = getClientConfigOutput({ parent: this }).tenantId;
  }

  /** Call at the end of the subclass constructor, after its roles. */
  protected registerLoginOutputs(): void {
    this.registerOutputs({ clientId: this.clientId, tenantId: this.tenantId, principalId: this.principalId });
  }
}
