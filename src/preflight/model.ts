/**
 * What preflight reads from Azure Resource Manager, reduced to the fields the checks need, and what
 * the checks report. Plain data: the checks are pure functions from (config, LiveState) to results.
 */

/** One model offer of a region (GET .../locations/{location}/models). */
export interface ModelOffer {
  /** Account kind the offer is for (`OpenAI`, `AIServices`). */
  kind: string;
  format: string;
  name: string;
  version: string;
  skus: readonly OfferedSku[];
}

export interface OfferedSku {
  name: string;
  /** The quota this SKU draws on, e.g. `OpenAI.GlobalStandard.gpt-4.1`. */
  usageName: string | undefined;
}

/** One quota of a region (GET .../locations/{location}/usages), in the deployment capacity unit. */
export interface QuotaUsage {
  name: string;
  currentValue: number;
  limit: number;
}

export interface LiveDeployment {
  name: string;
  format: string;
  model: string;
  version: string;
  sku: string;
  capacity: number;
}

export interface LiveAccount {
  kind: string;
  customSubDomain: string | undefined;
  deployments: readonly LiveDeployment[];
}

export interface SubdomainAvailability {
  available: boolean;
  reason: string | undefined;
}

/** A soft-deleted account of the subscription (GET .../deletedAccounts). */
export interface DeletedAccount {
  /** The id the account has again once it is recovered. */
  accountId: string;
  name: string;
  location: string;
  resourceGroup: string;
  customSubDomain: string | undefined;
  scheduledPurgeDate: string | undefined;
}

export interface RegionState {
  offers: readonly ModelOffer[];
  usages: readonly QuotaUsage[];
}

export interface LiveState {
  /** By region (ARM form, lower case). */
  regions: ReadonlyMap<string, RegionState>;
  /** By account name; undefined when the account does not exist yet. */
  accounts: ReadonlyMap<string, LiveAccount | undefined>;
  /** By account name, for accounts that do not exist yet. */
  subdomains: ReadonlyMap<string, SubdomainAvailability>;
  deletedAccounts: readonly DeletedAccount[];
}

export type CheckName = "model" | "quota" | "declared-quota" | "subdomain" | "soft-delete";

/** FAIL: `pulumi up` would fail. WARN: worth a look, not blocking. */
export type CheckStatus = "OK" | "WARN" | "FAIL";

export interface CheckResult {
  check: CheckName;
  /** `account (region)` or a region for quota rows. */
  target: string;
  status: CheckStatus;
  detail: string;
  /** What to do about a FAIL or WARN. */
  fix?: string;
}
