/** The capacity view of a plan: deployments as registered, and quota used / left per key. */
import { ptuSizeClassOf } from "../../components/facts/models";
import { capacityRule, type DeploymentSku } from "../../components/facts/skus";
import { quotaUsage } from "../config/quota";
import type { StackConfig } from "../config/schema";
import type { PlannedDeployment, QuotaRow } from "./model";
import type { PlannedResource } from "./resource";

const ACCOUNT = "azure-native:cognitiveservices:Account";
const DEPLOYMENT = "azure-native:cognitiveservices:Deployment";

type Inputs = Record<string, unknown>;
const field = (value: unknown, key: string): unknown =>
  value !== null && typeof value === "object" ? (value as Inputs)[key] : undefined;

/**
 * Deployments read from the registered resources, so the table shows what the program creates;
 * listed in config order (registration order is asynchronous).
 */
export function plannedDeployments(
  resources: readonly PlannedResource[],
  config: StackConfig,
): PlannedDeployment[] {
  const order = new Map(
    config.accounts.flatMap((account, a) =>
      account.deployments.map(
        (deployment, d) => [`${account.name}/${deployment.name}`, a * 1000 + d] as const,
      ),
    ),
  );
  const position = (d: PlannedDeployment) => order.get(`${d.account}/${d.name}`) ?? Number.MAX_SAFE_INTEGER;
  const locations = new Map<string, string>();
  for (const r of resources) {
    if (r.type === ACCOUNT) locations.set(String(r.inputs.accountName), String(r.inputs.location));
  }
  return resources
    .filter((r) => r.type === DEPLOYMENT)
    .map((r) => {
      const model = field(r.inputs.properties, "model");
      const sku = String(field(r.inputs.sku, "name")) as DeploymentSku;
      const modelName = String(field(model, "name"));
      const account = String(r.inputs.accountName);
      return {
        account,
        location: locations.get(account) ?? "unknown",
        name: String(r.inputs.deploymentName),
        model: modelName,
        version: String(field(model, "version")),
        sku,
        capacity: Number(field(r.inputs.sku, "capacity")),
        unit: capacityRule(sku, ptuSizeClassOf(String(field(model, "format")), modelName)).unit,
      };
    })
    .sort((a, b) => position(a) - position(b));
}

export function quotaRows(config: StackConfig): QuotaRow[] {
  return quotaUsage(config.quota, config.accounts).map((usage) => ({
    region: usage.region,
    sku: usage.sku,
    model: usage.model ?? null,
    unit: usage.unit,
    planned: usage.planned,
    limit: usage.limit ?? null,
    left: usage.limit === undefined ? null : usage.limit - usage.planned,
  }));
}
