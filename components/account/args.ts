/**
 * The public args of `OpenAIAccount`: the account as a consumer writes it, in any Pulumi language.
 * The shape is the stack config's `accounts[]` entry (components/account/spec.ts), written as
 * interfaces Pulumi's schema inference accepts (objects, arrays, maps, strings, numbers, booleans,
 * string enums); the component validates and defaults them with that same zod schema, so a consumer
 * gets the stack config's defaults and errors. Doc comments become every language's docs.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { BlocklistAppliesTo, ContentFilterMode, ContentFilterPreset } from "../content-filter/spec";
import type { VersionUpgradeOption } from "../deployments/spec";
import type { SeverityThreshold } from "../facts/contentFilters";
import type { DeploymentSku } from "../facts/skus";
import type {
  AccountIdentityType,
  AccountKind,
  AccountLock,
  AccountPublicNetworkAccess,
  NetworkAclBypass,
  NetworkAclDefaultAction,
} from "./spec";

/** Network ACLs on the account's public endpoint (only with publicNetworkAccess Enabled). */
export interface AccountNetworkAcls {
  /** What happens to traffic no rule matches; default Deny. Allow opens the account to the internet. */
  defaultAction?: NetworkAclDefaultAction;
  /** Public IPv4 addresses or CIDR ranges allowed in (at most 100; no private or reserved ranges). */
  ipRules?: string[];
  /** `AzureServices` lets trusted Azure services (e.g. AI Search with managed identity) through; default None. */
  bypass?: NetworkAclBypass;
}

/** Outbound (data exfiltration) control of the account. */
export interface AccountOutbound {
  /** Restrict outbound calls to `allowedFqdns`; default true. */
  restrict?: boolean;
  /** The FQDNs the account may call while `restrict` is true. */
  allowedFqdns?: string[];
}

/** The account's managed identity. */
export interface AccountIdentity {
  /** Default SystemAssigned. A customer-managed key needs the system-assigned identity. */
  type?: AccountIdentityType;
  /** ARM ids of user-assigned identities; required with a UserAssigned type, refused without one. */
  userAssignedIdentityIds?: string[];
}

/** Encryption with a customer-managed key in Key Vault. */
export interface CustomerManagedKey {
  /** The vault's URI, e.g. https://kv-contoso.vault.azure.net/. */
  keyVaultUri: string;
  /** The key's name in the vault. */
  keyName: string;
  /** Omit to follow the key's latest version (auto-rotation). */
  keyVersion?: string;
  /** ARM id of the vault (must be the vault of keyVaultUri); the stack grants the account's identity use of the key there. */
  keyVaultId?: string;
  /**
   * Encrypt with the key; default true. A new account's system identity only exists once the account
   * does, so deploy first with false (identity and key grant), then true.
   */
  encrypt?: boolean;
}

/** One model deployment on the account; deployments are created one after another, in this order. */
export interface ModelDeployment {
  /** Deployment name (what apps pass as `model`): 1-64 letters, digits, `_` and `-`. */
  name: string;
  /** Model name, e.g. gpt-4.1-mini. */
  model: string;
  /** Pinned model version, e.g. 2025-04-14: reproducible deploys, no surprise upgrades between environments. */
  version: string;
  /** Model format; default OpenAI. */
  format?: string;
  /** Deployment SKU; capacity is checked against the SKU's rules. */
  sku: DeploymentSku;
  /** kTPM for pay-per-token SKUs (10 = 10,000 tokens per minute); PTUs for provisioned SKUs. */
  capacity: number;
  /** When Azure moves the deployment to a newer model version; default OnceNewDefaultVersionAvailable. */
  versionUpgradeOption?: VersionUpgradeOption;
  /** Name of a content filter of this account (or Microsoft.DefaultV2); omitted: Microsoft's default policy. */
  contentFilter?: string;
  /** Provisioned only: the standard deployment on this account that takes the overage (PTU spillover). */
  spilloverDeploymentName?: string;
  /** ARM id of an existing deployment to adopt (Pulumi `import`). */
  import?: string;
}

/** Severity thresholds of one harm category; a lower threshold blocks more. */
export interface CategorySeverityThresholds {
  /** Threshold on prompts; omitted: the preset's. */
  prompt?: SeverityThreshold;
  /** Threshold on completions; omitted: the preset's. */
  completion?: SeverityThreshold;
}

/** Overrides of the preset's thresholds per harm category. */
export interface ContentFilterCategories {
  /** Hate and fairness. */
  hate?: CategorySeverityThresholds;
  /** Sexual content. */
  sexual?: CategorySeverityThresholds;
  /** Violence. */
  violence?: CategorySeverityThresholds;
  /** Self-harm. */
  selfHarm?: CategorySeverityThresholds;
}

/** One term of a blocklist. */
export interface BlocklistItem {
  /** The exact term, or a regular expression with `regex: true` (at most 1000 characters). */
  pattern: string;
  /** Match `pattern` as a regular expression; default false. */
  regex?: boolean;
  /** ARM id of an existing blocklist item to adopt; the item keeps its Azure name. */
  import?: string;
}

/** A blocklist of the account, used by a content filter. Filters sharing a name share the list. */
export interface Blocklist {
  /** Blocklist name: 2-64 letters, digits, `_`, `.` and `-`, starting with a letter or digit. */
  name: string;
  /** Description in Azure (at most 512 characters). */
  description?: string;
  /** The terms (1 to 10,000); each becomes a blocklist item named by its content. */
  terms: BlocklistItem[];
  /** Which side of the conversation the blocklist applies to; default both. */
  appliesTo?: BlocklistAppliesTo;
  /** ARM id of an existing blocklist to adopt (Pulumi `import`). */
  import?: string;
}

/** A content filter (RAI policy) of the account. */
export interface ContentFilter {
  /** Filter name, what deployments name in `contentFilter`: 2-64 letters, digits, `_`, `.` and `-`, starting with a letter or digit. */
  name: string;
  /** Starting point: Microsoft's default thresholds (default), or the stricter preset. */
  preset?: ContentFilterPreset;
  /** Default filters synchronously; Asynchronous_filter streams first and filters after. */
  mode?: ContentFilterMode;
  /** Threshold overrides per harm category. */
  categories?: ContentFilterCategories;
  /** Prompt Shields for jailbreak attempts; omitted: the preset's. */
  jailbreak?: boolean;
  /** Prompt Shields for indirect attacks (in documents); omitted: the preset's. */
  indirectAttack?: boolean;
  /** Spotlighting of documents for indirect attack detection; omitted: the preset's. */
  indirectAttackSpotlighting?: boolean;
  /** Profanity filter; omitted: the preset's. */
  profanity?: boolean;
  /** Protected material (text) detection on completions; omitted: the preset's. */
  protectedMaterialText?: boolean;
  /** Protected material (code) detection on completions; omitted: the preset's. */
  protectedMaterialCode?: boolean;
  /** Blocklists the filter applies. */
  blocklists?: Blocklist[];
  /** ARM id of an existing RAI policy to adopt (Pulumi `import`). */
  import?: string;
}

/**
 * An Azure OpenAI account with its content filters and model deployments, validated and defaulted as
 * the stack config's `accounts[]` entry: Entra ID only, public network access Disabled, network ACLs
 * Deny, outbound restricted, system-assigned identity, unless set otherwise.
 */
export interface OpenAIAccountArgs {
  /** Account name in Azure: 2-64 letters, digits, `_`, `.` and `-`, starting with a letter or digit. */
  name: string;
  /** The resource group the account lives in. */
  resourceGroupName: pulumi.Input<string>;
  /** Region; omitted: the resource group's region (azure-native fills it in). */
  location?: string;
  /** Becomes <customSubDomain>.openai.azure.com; omitted: the account name in lower case. Immutable. */
  customSubDomain?: string;
  /** Default OpenAI. */
  kind?: AccountKind;
  /** Default Disabled: callers reach the account through a private endpoint. */
  publicNetworkAccess?: AccountPublicNetworkAccess;
  /** Network ACLs of the public endpoint; default deny everything. */
  networkAcls?: AccountNetworkAcls;
  /** API-key auth; default false: callers must use Entra ID tokens. */
  localAuthEnabled?: boolean;
  /** Outbound control; default restricted to nothing. */
  outbound?: AccountOutbound;
  /** Managed identity; default system-assigned. */
  identity?: AccountIdentity;
  /** Encryption with a customer-managed key (needs the system-assigned identity). */
  customerManagedKey?: CustomerManagedKey;
  /** Recover a soft-deleted account of this name (ARM properties.restore) instead of creating one. */
  restore?: boolean;
  /** ARM id of an existing account to adopt (Pulumi `import`) instead of creating one. */
  import?: string;
  /** Content filters (RAI policies) and their blocklists. */
  contentFilters?: ContentFilter[];
  /** Model deployments, created one after another in this order (Azure serialises account operations). */
  deployments?: ModelDeployment[];
  /**
   * Azure management lock: CanNotDelete stops anyone deleting the account or its deployments, also
   * outside Pulumi (updates still work); default None. The platform's prod stacks set CanNotDelete.
   */
  lock?: AccountLock;
  /** Defender for AI on the account (defenderForAISettings/Default, state Enabled); default false. */
  defenderForAI?: boolean;
  /** Pulumi `protect` on the account resource (deleting an account soft-deletes it for 48 h); default false. */
  protect?: boolean;
  /** Pulumi `retainOnDelete` on the account resource; default false. */
  retainOnDelete?: boolean;
  /** Tags on the account and every resource under it. */
  tags?: Record<string, string>;
}

/** What an app needs to call one deployment. */
export interface DeploymentInfo {
  /** Model name. */
  model: string;
  /** Model version. */
  version: string;
  /** Deployment SKU. */
  sku: DeploymentSku;
  /** Capacity in the SKU's unit. */
  capacity: number;
}
