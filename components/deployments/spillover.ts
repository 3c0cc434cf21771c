/** Checks each deployment's spillover target against the account's other deployments (facts/spillover.ts). */
import { SPILLOVER_TARGET_SKU } from "../facts/spillover";
import type { DeploymentSpec } from "./spec";

export interface SpilloverIssue {
  /** Index of the deployment in the account's `deployments`. */
  index: number;
  message: string;
}

export function spilloverIssues(deployments: readonly DeploymentSpec[]): SpilloverIssue[] {
  const issues: SpilloverIssue[] = [];
  deployments.forEach((deployment, index) => {
    const targetName = deployment.spilloverDeploymentName;
    if (targetName === undefined) return;
    const allowed = SPILLOVER_TARGET_SKU[deployment.sku];
    if (allowed === undefined) {
      const skus = Object.keys(SPILLOVER_TARGET_SKU).join(", ");
      issues.push({
        index,
        message: `${deployment.sku} deployments cannot spill over; spillover is for ${skus}`,
      });
      return;
    }
    const targetIndex = deployments.findIndex((d) => d.name === targetName);
    const target = deployments[targetIndex];
    if (!target) {
      const names = deployments.map((d) => d.name).join(", ");
      issues.push({
        index,
        message: `no deployment "${targetName}" on this account (deployments: ${names}); the spillover target must be on the same account`,
      });
      return;
    }
    if (target.sku !== allowed) {
      issues.push({
        index,
        message: `"${targetName}" is ${target.sku}; a ${deployment.sku} deployment spills over to a ${allowed} deployment (the same data processing level)`,
      });
    }
    if (target.model !== deployment.model || target.version !== deployment.version) {
      issues.push({
        index,
        message: `"${targetName}" serves ${target.model}@${target.version}; spillover needs the same model and version (${deployment.model}@${deployment.version})`,
      });
    }
    if (targetIndex > index) {
      issues.push({
        index,
        message: `declare "${targetName}" before "${deployment.name}": deployments are created in order, and the spillover target must exist first`,
      });
    }
  });
  return issues;
}
