/**
 * Generated stacks for the benchmark: N accounts spread over several EU regions, each with a content
 * filter and the same mix of model deployments (one of them provisioned), private networking per
 * region, monitoring, a budget and identities: the components prod uses, at any size.
 */
import { stringify } from "yaml";
import { CONFIG_NAMESPACE } from "../src/config/load";
import type { QuotaEntry, StackConfigInput } from "../src/config/schema";

/** EU data-zone regions; accounts are dealt round-robin so no region nears the 30-accounts limit. */
const REGIONS = ["swedencentral", "francecentral", "germanywestcentral", "italynorth", "polandcentral"];

type DeploymentInput = StackConfigInput["accounts"][number]["deployments"];

/** The deployment mix every account repeats; a pay-per-token model per slot, one PTU deployment. */
const DEPLOYMENT_MIX: NonNullable<DeploymentInput> = [
  {
    name: "chat-ptu",
    model: "gpt-4.1",
    version: "2025-04-14",
    sku: "DataZoneProvisionedManaged",
    capacity: 15,
  },
  { name: "chat", model: "gpt-4.1", version: "2025-04-14", sku: "DataZoneStandard", capacity: 50 },
  { name: "chat-mini", model: "gpt-4.1-mini", version: "2025-04-14", sku: "DataZoneStandard", capacity: 50 },
  { name: "chat-nano", model: "gpt-4.1-nano", version: "2025-04-14", sku: "DataZoneStandard", capacity: 50 },
  { name: "reasoning", model: "o4-mini", version: "2025-04-16", sku: "DataZoneStandard", capacity: 20 },
  { name: "gpt5", model: "gpt-5", version: "2025-08-07", sku: "DataZoneStandard", capacity: 20 },
  { name: "gpt5-mini", model: "gpt-5-mini", version: "2025-08-07", sku: "DataZoneStandard", capacity: 20 },
  { name: "gpt4o", model: "gpt-4o", version: "2024-11-20", sku: "DataZoneStandard", capacity: 20 },
  {
    name: "embed-large",
    model: "text-embedding-3-large",
    version: "1",
    sku: "DataZoneStandard",
    capacity: 100,
  },
  {
    name: "embed-small",
    model: "text-embedding-3-small",
    version: "1",
    sku: "DataZoneStandard",
    capacity: 100,
  },
];

const accountName = (i: number) => `aoai-bench-${String(i).padStart(3, "0")}`;
const regionOf = (i: number) => REGIONS[i % REGIONS.length] as string;

/** Quota entries that hold exactly what the accounts plan, per region, SKU and model (PTU: per SKU). */
function quotaFor(accounts: number, deployments: NonNullable<DeploymentInput>): QuotaEntry[] {
  const planned = new Map<string, QuotaEntry>();
  for (let a = 0; a < accounts; a++) {
    for (const d of deployments) {
      const model = d.sku.includes("Provisioned") ? undefined : d.model;
      const key = `${regionOf(a)}|${d.sku}|${model ?? "*"}`;
      const entry = planned.get(key) ?? {
        region: regionOf(a),
        sku: d.sku,
        limit: 0,
        ...(model ? { model } : {}),
      };
      entry.limit += d.capacity;
      planned.set(key, entry);
    }
  }
  return [...planned.values()];
}

/** A valid prod-shaped stack config of `accounts` accounts with `deploymentsPerAccount` deployments each. */
export function generatedStackConfig(accounts: number, deploymentsPerAccount: number): StackConfigInput {
  if (deploymentsPerAccount > DEPLOYMENT_MIX.length) {
    throw new Error(
      `at most ${DEPLOYMENT_MIX.length} deployments per account (the mix has that many models)`,
    );
  }
  const deployments = DEPLOYMENT_MIX.slice(0, deploymentsPerAccount).map((d) => ({
    ...d,
    contentFilter: "strict",
  }));
  const regions = REGIONS.slice(0, Math.min(accounts, REGIONS.length));
  return {
    environment: "prod",
    location: "swedencentral",
    tags: { costCenter: "4711", owner: "platform-team@contoso.com", dataClassification: "confidential" },
    resourceGroup: { name: "rg-aoai-bench" },
    primaryAccount: accountName(0),
    accounts: Array.from({ length: accounts }, (_, i) => ({
      name: accountName(i),
      location: regionOf(i),
      outbound: { allowedFqdns: ["srch-contoso-bench.search.windows.net"] },
      contentFilters: [
        {
          name: "strict",
          preset: "strict",
          blocklists: [{ name: "codenames", terms: ["Project Bluebird"] }],
        },
      ],
      deployments,
    })),
    network: {
      regions: Object.fromEntries(
        regions.map((region, r) => [
          region,
          {
            vnet: {
              addressSpace: [`10.${40 + r}.0.0/24`],
              privateEndpointSubnet: { addressPrefix: `10.${40 + r}.0.0/25` },
            },
          },
        ]),
      ),
    },
    quota: quotaFor(accounts, deployments),
    monitoring: {
      workspace: { name: "log-aoai-bench", retentionInDays: 90 },
      actionGroup: { name: "ag-aoai-bench", shortName: "aoai-bench", emails: ["oncall@contoso.com"] },
    },
    budget: { name: "budget-aoai-bench", amount: 100000, startDate: "2026-12-01" },
    access: {
      identities: [
        { name: "id-chat-api", roles: ["Cognitive Services OpenAI User"] },
        { name: "id-indexer", roles: ["Cognitive Services OpenAI User"], accounts: [accountName(0)] },
      ],
    },
  };
}

/** The stack as Pulumi.<stack>.yaml text: every key under the project's config namespace. */
export function stackFileText(config: StackConfigInput): string {
  const namespaced = Object.fromEntries(
    Object.entries(config).map(([key, value]) => [`${CONFIG_NAMESPACE}:${key}`, value]),
  );
  return stringify({ config: { "azure-native:location": config.location, ...namespaced } });
}
