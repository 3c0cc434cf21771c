/**
 * Planned capacity against the subscription's live quota, per region and quota (usage) name.
 * A usage's currentValue already includes the capacity of deployments that exist, so a deployment
 * of this stack that exists draws only what it grows by. Shrinking deployments are not credited:
 * Pulumi may grow one deployment before it shrinks another, and deletions run last.
 */
import { ptuSizeClassOf } from "../../../components/facts/models";
import {
  type CapacityUnit,
  capacityRule,
  DEPLOYMENT_SKUS,
  type DeploymentSku,
  isProvisionedSku,
} from "../../../components/facts/skus";
import type { StackConfig } from "../../config/schema";
import type { ResolvedAccount } from "../../config/types";
import type { CheckResult, LiveState, ModelOffer, QuotaUsage } from "../model";
import { type ModelRef, usageNameOf } from "./offers";
import { configKey } from "./targets";

interface QuotaDemand {
  region: string;
  usageName: string;
  sku: DeploymentSku;
  /** Undefined for provisioned SKUs: their quota is shared by all models. */
  model: string | undefined;
  unit: CapacityUnit;
  planned: number;
  /** What the stack needs beyond what its existing deployments already hold. */
  additional: number;
  capacityKeys: string[];
}

const isDeploymentSku = (sku: string): sku is DeploymentSku =>
  (DEPLOYMENT_SKUS as readonly string[]).includes(sku);
/** A live deployment's SKU is Azure's word, not necessarily one the config schema knows. */
const quotaIgnoresModel = (sku: string) => isDeploymentSku(sku) && isProvisionedSku(sku);

function heldCapacity(
  live: LiveState,
  account: ResolvedAccount,
  deploymentName: string,
  usageName: string,
  offers: readonly ModelOffer[],
): number {
  const existing = live.accounts.get(account.name)?.deployments.find((d) => d.name === deploymentName);
  if (existing === undefined) return 0;
  const ref: ModelRef = existing;
  const existingUsage = usageNameOf(offers, account.kind, ref, quotaIgnoresModel(existing.sku));
  return existingUsage.toLowerCase() === usageName.toLowerCase() ? existing.capacity : 0;
}

/** Sums the stack's demand per (region, usage name), in config order. */
function quotaDemands(config: StackConfig, live: LiveState): QuotaDemand[] {
  const demands = new Map<string, QuotaDemand>();
  config.accounts.forEach((account, a) => {
    const offers = live.regions.get(account.location)?.offers ?? [];
    account.deployments.forEach((deployment, d) => {
      const rule = capacityRule(deployment.sku, ptuSizeClassOf(deployment.format, deployment.model));
      const usageName = usageNameOf(offers, account.kind, deployment, rule.quotaIgnoresModel);
      const key = `${account.location}|${usageName.toLowerCase()}`;
      const demand = demands.get(key) ?? {
        region: account.location,
        usageName,
        sku: deployment.sku,
        model: rule.quotaIgnoresModel ? undefined : deployment.model,
        unit: rule.unit,
        planned: 0,
        additional: 0,
        capacityKeys: [],
      };
      const held = heldCapacity(live, account, deployment.name, usageName, offers);
      demand.planned += deployment.capacity;
      demand.additional += Math.max(0, deployment.capacity - held);
      demand.capacityKeys.push(configKey(["accounts", a, "deployments", d, "capacity"]));
      demands.set(key, demand);
    });
  });
  return [...demands.values()];
}

function findUsage(live: LiveState, demand: QuotaDemand): QuotaUsage | undefined {
  const name = demand.usageName.toLowerCase();
  return live.regions.get(demand.region)?.usages.find((u) => u.name.toLowerCase() === name);
}

function checkDemand(demand: QuotaDemand, usage: QuotaUsage | undefined): CheckResult {
  const { region, usageName, unit, planned, additional } = demand;
  const base = { check: "quota", target: region } as const;
  const held = planned - additional;
  const need = `plans ${planned} ${unit}${held > 0 ? `, ${held} already held by this stack's deployments, needs ${additional} more` : ""}`;
  if (additional === 0) return { ...base, status: "OK", detail: `${usageName}: ${need}` };
  if (usage === undefined) {
    return {
      ...base,
      status: "WARN",
      detail: `${usageName}: ${need}; the subscription lists no such quota in ${region}, so it cannot be checked`,
      fix: `look for the quota with: az cognitiveservices usage list --location ${region}`,
    };
  }
  const free = usage.limit - usage.currentValue;
  const numbers = `limit ${usage.limit}, in use ${usage.currentValue}, free ${free} ${unit}`;
  if (additional > free) {
    return {
      ...base,
      status: "FAIL",
      detail: `${usageName}: ${need}; ${numbers}`,
      fix: `request more ${usageName} quota in ${region} (Azure AI Foundry portal > Quota, https://aka.ms/oai/quotaincrease), free quota held by other deployments, or lower ${demand.capacityKeys.join(", ")}`,
    };
  }
  return { ...base, status: "OK", detail: `${usageName}: ${need}; ${numbers}` };
}

/** The stack's declared quota (aoai-platform:quota) should match the subscription's. */
function checkDeclared(config: StackConfig, demand: QuotaDemand, usage: QuotaUsage): CheckResult | undefined {
  const index = config.quota.findIndex(
    (q) => q.region === demand.region && q.sku === demand.sku && q.model === demand.model,
  );
  const declared = config.quota[index];
  if (declared === undefined) return undefined;
  const key = configKey(["quota", index, "limit"]);
  const base = { check: "declared-quota", target: demand.region } as const;
  if (declared.limit === usage.limit) {
    return { ...base, status: "OK", detail: `${key}: ${declared.limit} matches ${usage.name}` };
  }
  return {
    ...base,
    status: "WARN",
    detail: `${key}: declares ${declared.limit} ${demand.unit}; the subscription's ${usage.name} limit is ${usage.limit}`,
    fix: `set ${key} to ${usage.limit} so the offline plan checks against the real quota`,
  };
}

export function checkQuota(config: StackConfig, live: LiveState): CheckResult[] {
  return quotaDemands(config, live).flatMap((demand) => {
    const usage = findUsage(live, demand);
    const declared = usage === undefined ? undefined : checkDeclared(config, demand, usage);
    return declared === undefined ? [checkDemand(demand, usage)] : [checkDemand(demand, usage), declared];
  });
}
