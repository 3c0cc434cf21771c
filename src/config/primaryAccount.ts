/**
 * `primaryAccount`: the account whose endpoint and deployments are the stack's app settings
 * (AZURE_OPENAI_ENDPOINT, the per-use deployment names). Named explicitly, so reordering `accounts`
 * in the file never points apps at another region.
 */
import { nearMiss } from "../../components/nearMiss";

export interface PrimaryAccountIssue {
  path: (string | number)[];
  message: string;
}

/** Required with more than one account; must name one of them. */
export function primaryAccountIssues(
  primaryAccount: string | undefined,
  accountNames: readonly string[],
): PrimaryAccountIssue[] {
  const allowed = accountNames.map((n) => `"${n}"`).join(", ");
  if (primaryAccount === undefined) {
    return accountNames.length > 1
      ? [
          {
            path: ["primaryAccount"],
            message: `required with more than one account: the account apps reach through AZURE_OPENAI_ENDPOINT; one of ${allowed}`,
          },
        ]
      : [];
  }
  if (accountNames.includes(primaryAccount)) return [];
  const near = nearMiss(primaryAccount, accountNames);
  return [
    {
      path: ["primaryAccount"],
      message: `no account named "${primaryAccount}"${near ? ` (did you mean "${near}"?)` : ""}; use one of ${allowed}`,
    },
  ];
}

/** The primary account's name: the one named, or the only account (the schema checked both). */
export function resolvePrimaryAccount(
  primaryAccount: string | undefined,
  accountNames: readonly string[],
): string {
  return primaryAccount ?? (accountNames[0] as string);
}
