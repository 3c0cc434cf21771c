/**
 * A deleted account is kept 48 hours. Until it is purged it blocks creating an account of the same
 * name in its resource group, and it keeps its subdomain.
 */
import type { StackConfig } from "../../config/schema";
import type { ResolvedAccount } from "../../config/types";
import type { CheckResult, DeletedAccount, LiveState } from "../model";
import { accountTarget, configKey } from "./targets";

const same = (a: string | undefined, b: string) => a !== undefined && a.toLowerCase() === b.toLowerCase();

/** The deleted account `restore: true` on this entry would recover: same name, same resource group. */
function isSameAccount(deleted: DeletedAccount, account: ResolvedAccount, resourceGroup: string): boolean {
  return same(deleted.name, account.name) && same(deleted.resourceGroup, resourceGroup);
}

function conflictOf(
  deleted: DeletedAccount,
  account: ResolvedAccount,
  resourceGroup: string,
): string | undefined {
  if (isSameAccount(deleted, account, resourceGroup)) {
    return `the name ${account.name} in resource group ${resourceGroup}`;
  }
  if (same(deleted.customSubDomain, account.customSubDomain))
    return `the subdomain ${account.customSubDomain}`;
  return undefined;
}

function described(deleted: DeletedAccount): string {
  const purge = deleted.scheduledPurgeDate ? `, purged automatically at ${deleted.scheduledPurgeDate}` : "";
  return `soft-deleted account ${deleted.name} (resource group ${deleted.resourceGroup}, ${deleted.location}${purge})`;
}

const whereOf = (deleted: DeletedAccount) =>
  `--location ${deleted.location} --resource-group ${deleted.resourceGroup} --name ${deleted.name}`;

const purgeFix = (deleted: DeletedAccount) =>
  `purge it (its deployments and data are gone for good): az cognitiveservices account purge ${whereOf(deleted)}`;

/** Another account's deleted one holding the subdomain: restore on this entry cannot bring it back. */
function otherAccountFix(deleted: DeletedAccount): string {
  return `${purgeFix(deleted)}; or keep it: az cognitiveservices account recover ${whereOf(deleted)}, then adopt ${deleted.accountId} into the stack with pulumi import`;
}

/** The same account: `restore: true` recovers it, in the region it was deleted in. */
function restoreFix(deleted: DeletedAccount, account: ResolvedAccount, index: number): string {
  const moved = same(deleted.location, account.location)
    ? ""
    : `${configKey(["accounts", index, "location"])}: ${deleted.location} (restore recovers it in the region it was deleted in)`;
  const settings = [
    ...(account.restore ? [] : [`${configKey(["accounts", index, "restore"])}: true`]),
    ...(moved ? [moved] : []),
  ];
  return `recover it with its deployments and data: set ${settings.join(" and ")} and pulumi up recovers it instead of creating the account; or ${purgeFix(deleted)}`;
}

export function checkSoftDeleted(config: StackConfig, live: LiveState): CheckResult[] {
  const resourceGroup = config.resourceGroup.name;
  return config.accounts.flatMap((account, index): CheckResult[] => {
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
    return conflicts.map(({ deleted, holds }): CheckResult => {
      const sameAccount = isSameAccount(deleted, account, resourceGroup);
      if (sameAccount && account.restore && same(deleted.location, account.location)) {
        return {
          check: "soft-delete",
          target,
          status: "OK",
          detail: `${described(deleted)} will be recovered: ${configKey(["accounts", index, "restore"])} is true`,
        };
      }
      return {
        check: "soft-delete",
        target,
        status: "FAIL",
        detail: `${described(deleted)} holds ${holds}`,
        fix: sameAccount ? restoreFix(deleted, account, index) : otherAccountFix(deleted),
      };
    });
  });
}
