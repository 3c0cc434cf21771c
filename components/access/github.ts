/**
 * GitHub Actions OIDC federation: the token GitHub issues to a workflow job is exchanged for an
 * Entra token when its issuer, audience and subject match a federated credential exactly.
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

/** One subject for pull requests (preview), one for the deploy branch, one per deploy environment. */
export function githubSubjects(github: CiDeployIdentitySpec["github"]): FederatedSubject[] {
  const repo = `repo:${github.repository}`;
  return [
    { name: "github-pull-request", subject: `${repo}:pull_request`, description: "pull request previews" },
    {
      name: `github-branch-${github.branch.replace(/[^A-Za-z0-9_-]/g, "-")}`,
      subject: `${repo}:ref:refs/heads/${github.branch}`,
      description: `pushes to ${github.branch}`,
    },
    ...github.environments.map((environment) => ({
      name: `github-env-${environment}`,
      subject: `${repo}:environment:${environment}`,
      description: `jobs in the ${environment} environment`,
    })),
  ];
}
