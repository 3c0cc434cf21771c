/**
 * GitHub Actions OIDC federation: the token GitHub issues to a workflow job is exchanged for an
 * Entra token when its issuer, audience and subject match a federated credential exactly. A job that
 * names an `environment` gets the subject `repo:<owner>/<repo>:environment:<name>`; a pull-request job
 * without one gets `repo:<owner>/<repo>:pull_request`.
 * Source: https://docs.github.com/actions/deployment/security-hardening-your-deployments/about-security-hardening-with-openid-connect
 */
import type { CiDeployIdentitySpec } from "./spec";

export const GITHUB_OIDC_ISSUER = "https://token.actions.githubusercontent.com";
/** The audience azure/login requests, and Entra's recommended value. */
export const AZURE_AD_TOKEN_EXCHANGE_AUDIENCE = "api://AzureADTokenExchange";

export interface FederatedSubject {
  /** Credential name: unique per application, letters, digits, '-' and '_'. */
  name: string;
  subject: string;
  description: string;
}

/** The deploy identity: one subject per deploy environment, and the branch only when asked. */
export function deploySubjects(github: CiDeployIdentitySpec["github"]): FederatedSubject[] {
  const repo = `repo:${github.repository}`;
  return [
    ...github.environments.map((environment) => ({
      name: `github-env-${environment}`,
      subject: `${repo}:environment:${environment}`,
      description: `jobs in the ${environment} environment`,
    })),
    ...(github.branch === undefined
      ? []
      : [
          {
            name: `github-branch-${github.branch.replace(/[^A-Za-z0-9_-]/g, "-")}`,
            subject: `${repo}:ref:refs/heads/${github.branch}`,
            description: `jobs on ${github.branch} outside any environment`,
          },
        ]),
  ];
}

/** The preview identity: pull-request jobs of the repository (no environment). */
export function pullRequestSubject(repository: string): FederatedSubject {
  return {
    name: "github-pull-request",
    subject: `repo:${repository}:pull_request`,
    description: "pull request previews",
  };
}
