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
  /** `GenerallyAvailable`, `Preview`, `Deprecating`, `Deprecated` (retired), ... */
  lifecycleStatus: string | undefined;
  /** The version new deployments get when they name none; auto-upgrades move to it. */
  isDefaultVersion: boolean;
  /** When inference on this version ends (ISO date), as `deprecation.inference` says. */
  inferenceRetiresAt: string | undefined;
  /** When fine-tuning this version ends (`deprecation.fineTune`). */
  fineTuneRetiresAt: string | undefined;
}

export interface OfferedSku {
  name: string;
  /** The quota this SKU draws on, e.g. `OpenAI.GlobalStandard.gpt-4.1`. */
  usageName: string | undefined;
  /** When this SKU of the version stops being offered. */
  deprecationDate?: string | undefined;
}

/** One account SKU offer of the subscription (GET .../providers/Microsoft.CognitiveServices/skus). */
export interface AccountSkuOffer {
  kind: string;
  name: string;
  /** Region names as Azure lists them (upper case in the examples). */
  locations: readonly string[];
  restrictions: readonly { type: string; values: readonly string[]; reasonCode: string | undefined }[];
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

export interface LiveResourceGroup {
  location: string;
}

/** An existing subnet (GET .../virtualNetworks/{vnet}/subnets/{subnet}) with its VNet's region. */
export interface LiveSubnet {
  addressPrefixes: readonly string[];
  /** `Disabled` (default), `Enabled`, `NetworkSecurityGroupEnabled`, `RouteTableEnabled`. */
  privateEndpointNetworkPolicies: string | undefined;
  /** Addresses taken: ip configurations of the subnet. */
  usedAddresses: number;
  /** Names of the private endpoints in the subnet. */
  privateEndpointNames: readonly string[];
  /** Undefined when the VNet could not be read. */
  vnetLocation: string | undefined;
}

export interface LiveWorkspace {
  location: string;
  provisioningState: string | undefined;
}

export interface LiveKeyVault {
  location: string;
  enableSoftDelete: boolean | undefined;
  enablePurgeProtection: boolean | undefined;
}

export interface LiveKey {
  kty: string | undefined;
  keySize: number | undefined;
  enabled: boolean | undefined;
}

/** One entry of the caller's permissions at a scope (Microsoft.Authorization/permissions). */
export interface Permission {
  actions: readonly string[];
  notActions: readonly string[];
}

/** Resources the config names as existing, by ARM id in lower case; undefined: not found (404). */
export interface ExistingResources {
  resourceGroup: LiveResourceGroup | undefined;
  subnets: ReadonlyMap<string, LiveSubnet | undefined>;
  dnsZones: ReadonlyMap<string, boolean>;
  workspaces: ReadonlyMap<string, LiveWorkspace | undefined>;
  keyVaults: ReadonlyMap<string, LiveKeyVault | undefined>;
  /** By `<vault id>/keys/<name>`, lower case. */
  keys: ReadonlyMap<string, LiveKey | undefined>;
  /** The caller's permissions by scope id (lower case); undefined: the scope does not exist. */
  permissions: ReadonlyMap<string, readonly Permission[] | undefined>;
}

export interface LiveState {
  /** By region (ARM form, lower case). */
  regions: ReadonlyMap<string, RegionState>;
  /** By account name; undefined when the account does not exist yet. */
  accounts: ReadonlyMap<string, LiveAccount | undefined>;
  /** By account name, for accounts that do not exist yet. */
  subdomains: ReadonlyMap<string, SubdomainAvailability>;
  deletedAccounts: readonly DeletedAccount[];
  /** The subscription's account SKU offers (resourceType `accounts`). */
  accountSkus: readonly AccountSkuOffer[];
  existing: ExistingResources;
}

export type CheckName =
  | "model"
  | "model-retirement"
  | "model-upgrade"
  | "account-sku"
  | "account-count"
  | "quota"
  | "declared-quota"
  | "subdomain"
  | "soft-delete"
  | "resource-group"
  | "subnet"
  | "dns-zone"
  | "workspace"
  | "key-vault"
  | "cmk-key"
  | "rights";

/** FAIL: `pulumi up` would fail. WARN: worth a look, not blocking. */
export type CheckStatus = "OK" | "WARN" | "FAIL";

export interface CheckResult {
  check: CheckName;
  /** `account (region)`, a region for quota rows, or the resource / scope the row is about. */
  target: string;
  status: CheckStatus;
  detail: string;
  /** What to do about a FAIL or WARN. */
  fix?: string;
}
