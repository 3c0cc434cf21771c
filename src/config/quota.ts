/**
 * Quota arithmetic: planned capacity per (region, SKU, model) against the subscription's quota.
 * Quota is per subscription x region x model x deployment type; PTU quota ignores the model.
 */
import { ptuSizeClassOf } from "../../components/facts/models";
import { type CapacityUnit, capacityRule, type DeploymentSku } from "../../components/facts/skus";
import { nearMiss } from "../../components/nearMiss";
import type { ResolvedAccount } from "./types";

export interface QuotaDeclaration {
  region: string;
  sku: DeploymentSku;
  model?: string | undefined;
  limit: number;
}

export interface QuotaUsage {
  region: string;
  sku: DeploymentSku;
  /** Undefined for provisioned SKUs, whose quota is shared by all models. */
  model: string | undefined;
  unit: CapacityUnit;
  planned: number;
  /** Undefined when the stack declares no quota for this key. */
  limit: number | undefined;
  /** Config paths of the deployments that draw on this quota, in config order. */
  deploymentPaths: PropertyKey[][];
}

export interface QuotaIssue {
  path: PropertyKey[];
  message: string;
}

function quotaKey(region: string, sku: string, model: string | undefined): string {
  return `${region}|${sku}|${model ?? "*"}`;
}

/** Sums planned capacity per quota key, in config order. */
export function quotaUsage(
  quota: readonly QuotaDeclaration[],
  accounts: readonly ResolvedAccount[],
): QuotaUsage[] {
  const usage = new Map<string, QuotaUsage>();
  accounts.forEach((account, a) => {
    account.deployments.forEach((deployment, d) => {
      const rule = capacityRule(deployment.sku, ptuSizeClassOf(deployment.format, deployment.model));
      const model = rule.quotaIgnoresModel ? undefined : deployment.model;
      const key = quotaKey(account.location, deployment.sku, model);
      const entry = usage.get(key) ?? {
        region: account.location,
        sku: deployment.sku,
        model,
        unit: rule.unit,
        planned: 0,
        limit: quota.find((q) => quotaKey(q.region, q.sku, q.model) === key)?.limit,
        deploymentPaths: [],
      };
      entry.planned += deployment.capacity;
      entry.deploymentPaths.push(["accounts", a, "deployments", d]);
      usage.set(key, entry);
    });
  });
  return [...usage.values()];
}

export interface UnmatchedQuota {
  index: number;
  /** The planned usage the entry is a near miss of (a typo), if any. */
  nearMiss: QuotaUsage | undefined;
}

const usageLabel = (u: { region: string; sku: string; model?: string | undefined }) =>
  `${u.region} ${u.sku}${u.model === undefined ? "" : ` ${u.model}`}`;

/** `{ region, sku, model }` of a usage, as a quota entry would declare it. */
export function quotaEntryText(u: { region: string; sku: string; model?: string | undefined }): string {
  return `{ region: ${u.region}, sku: ${u.sku}${u.model === undefined ? "" : `, model: ${u.model}`} }`;
}

/** Well-formed quota entries that no deployment of the stack draws on. */
export function unmatchedQuota(
  quota: readonly QuotaDeclaration[],
  accounts: readonly ResolvedAccount[],
): UnmatchedQuota[] {
  const usage = quotaUsage(quota, accounts);
  const keys = new Set(usage.map((u) => quotaKey(u.region, u.sku, u.model)));
  const labels = usage.map(usageLabel);
  return quota.flatMap((entry, index) => {
    const ignoresModel = capacityRule(entry.sku, "large").quotaIgnoresModel;
    if (ignoresModel !== (entry.model === undefined)) return []; // malformed: reported by quotaIssues
    if (keys.has(quotaKey(entry.region, entry.sku, entry.model))) return [];
    const near = nearMiss(usageLabel(entry), labels);
    return [{ index, nearMiss: usage.find((u) => usageLabel(u) === near) }];
  });
}

/** Config errors: malformed quota declarations and capacity beyond a declared limit. */
export function quotaIssues(
  quota: readonly QuotaDeclaration[],
  accounts: readonly ResolvedAccount[],
): QuotaIssue[] {
  const issues: QuotaIssue[] = [];
  const seen = new Map<string, number>();
  quota.forEach((entry, i) => {
    const ignoresModel = capacityRule(entry.sku, "large").quotaIgnoresModel;
    if (ignoresModel && entry.model !== undefined) {
      issues.push({
        path: ["quota", i, "model"],
        message: `${entry.sku} quota is counted in PTUs per region for all models; remove model`,
      });
    }
    if (!ignoresModel && entry.model === undefined) {
      issues.push({
        path: ["quota", i, "model"],
        message: `${entry.sku} quota is per model; name the model`,
      });
    }
    const key = quotaKey(entry.region, entry.sku, ignoresModel ? undefined : entry.model);
    const first = seen.get(key);
    if (first !== undefined) {
      issues.push({ path: ["quota", i], message: `duplicate quota entry (also at index ${first})` });
    }
    seen.set(key, i);
  });
  for (const { index, nearMiss: near } of unmatchedQuota(quota, accounts)) {
    if (near === undefined) continue; // far from every deployment: a warning (configWarnings)
    issues.push({
      path: ["quota", index],
      message: `matches no deployment of this stack; did you mean ${quotaEntryText(near)}? (a typo leaves that quota unchecked)`,
    });
  }
  for (const usage of quotaUsage(quota, accounts)) {
    if (usage.limit !== undefined && usage.planned > usage.limit) {
      const what = usage.model === undefined ? usage.sku : `${usage.sku} ${usage.model}`;
      const last = usage.deploymentPaths[usage.deploymentPaths.length - 1] ?? [];
      issues.push({
        path: [...last, "capacity"],
        message: `${what} in ${usage.region}: ${usage.deploymentPaths.length} deployment(s) plan ${usage.planned} ${usage.unit} in total, over the declared quota of ${usage.limit} ${usage.unit} (raise the quota entry or lower capacity)`,
      });
    }
  }
  return issues;
}
