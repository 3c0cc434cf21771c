/**
 * Stack-wide check of `policy.approvedModels` (Azure Policy aafe3651 "approved registry models",
 * plus SKUs): every deployment's model, version and SKU must be on the list, so a stack that
 * would be refused or audited in the tenant fails before anything is registered.
 */
import type { AccountSpec } from "../../components/account/spec";
import type { ApprovedModel } from "../../policy/rules/settings";

export interface PolicyIssue {
  path: PropertyKey[];
  message: string;
}

export function approvedModelIssues(
  approved: readonly ApprovedModel[] | undefined,
  accounts: readonly AccountSpec[],
): PolicyIssue[] {
  if (!approved) return [];
  const issues: PolicyIssue[] = [];
  accounts.forEach((account, i) => {
    account.deployments.forEach((deployment, j) => {
      const path = ["accounts", i, "deployments", j];
      const entry = approved.find((m) => m.model === deployment.model);
      if (!entry) {
        issues.push({
          path: [...path, "model"],
          message: `${deployment.model}: not in policy.approvedModels (${approved.map((m) => m.model).join(", ")})`,
        });
      } else if (entry.versions && !entry.versions.includes(deployment.version)) {
        issues.push({
          path: [...path, "version"],
          message: `${deployment.version}: approved versions of ${deployment.model} are ${entry.versions.join(", ")}`,
        });
      } else if (entry.skus && !entry.skus.includes(deployment.sku)) {
        issues.push({
          path: [...path, "sku"],
          message: `${deployment.sku}: approved SKUs of ${deployment.model} are ${entry.skus.join(", ")}`,
        });
      }
    });
  });
  return issues;
}
