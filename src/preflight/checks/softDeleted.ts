/**
 * A deleted account is kept 48 hours. Until it is purged it blocks creating an account of the same
 * name in its resource group, and it keeps its subdomain.
 */
import type { StackConfig } from "../../config/schema";
import type { ResolvedAccount } from "../../config/types";
import type { CheckResult, DeletedAccount, LiveState } from "../model";
import { accountTarget } from "./targets";

const same = (a: string | undefined, b: string) => a !== undefined && a.toLowerCase() === b.toLowerCase();

function conflictOf(
  deleted: DeletedAccount,
  account: ResolvedAccount,
  resourceGroup: string,
): string | undefined {
  if (same(deleted.name, account.name) && same(deleted.resourceGroup, resourceGroup)) {
    return `the name ${account.name} in resource group ${resourceGroup}`;
  }
  if (same(deleted.customSubDomain, account.customSubDomain))
    return `the subdomain ${account.customSubDomain}`;
  return undefined;
}

function describe(deleted: DeletedAccount, holds: string): CheckResult["detail"] {
  const purge = deleted.scheduledPurgeDate ? `, purged automatically at ${deleted.scheduledPurgeDate}` : "";
  return `soft-deleted account ${deleted.name} (resource group ${deleted.resourceGroup}, ${deleted.location}${purge}) holds ${holds}`;
}

function fixFor(deleted: DeletedAccount): string {
  const where = `--location ${deleted.location} --resource-group ${deleted.resourceGroup} --name ${deleted.name}`;
  return `purge it (its deployments and data are gone for good): az cognitiveservices account purge ${where}; or keep it: az cognitiveservices account recover ${where}, then adopt ${deleted.accountId} into the stack with pulumi import`;
}

export function checkSoftDeleted(config: StackConfig, live: LiveState): CheckResult[] {
  const resourceGroup = config.resourceGroup.name;
  return config.accounts.flatMap((account): CheckResult[] => {
    const target = accountTarget(account);
    const conflicts = live.deletedAccounts.flatMap((deleted) => {
      const holds = conflictOf(deleted, account, resourceGroup);
      return holds === undefined ? [] : [{ deleted, holds }];
    });
    if (conflicts.length === 0) {
      return [
        {
          check: "soft-delete",
          target,
          status: "OK",
          detail: "no soft-deleted account holds the name or subdomain",
        },
      ];
    }
    return conflicts.map(({ deleted, holds }) => ({
      check: "soft-delete",
      target,
      status: "FAIL",
      detail: describe(deleted, holds),
      fix: fixFor(deleted),
    }));
  });
}
