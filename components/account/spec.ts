/** Config shape of one Azure OpenAI account, with secure defaults. */
import { z } from "zod";
import { blocklistConflicts } from "../content-filter/plan";
import { contentFilterSpecSchema } from "../content-filter/spec";
import { deploymentSpecSchema } from "../deployments/spec";
import { spilloverIssues } from "../deployments/spillover";
import { MAX_NETWORK_ACL_IP_RULES, type NamedRange, NON_PUBLIC_RANGES } from "../facts/addresses";
import { MICROSOFT_DEFAULT_POLICY } from "../facts/contentFilters";
import {
  ACCOUNT_NAME,
  CUSTOM_SUBDOMAIN,
  MAX_DEPLOYMENTS_PER_ACCOUNT,
  PRIVATE_ENDPOINT_NAME,
  satisfiesNameRule,
} from "../facts/names";
import { cidrsOverlap, parseCidr, readCidr } from "../network/cidr";
import {
  addDuplicateIssues,
  armIdOf,
  armResourceId,
  azureName,
  azureRegion,
  fqdn,
  ipv4OrCidr,
  strictObject,
} from "../validation";

// Enumerations are `as const` objects (not arrays) so Pulumi's schema inference turns them into
// enums for other languages; the arrays are derived from them.

/** `OpenAI` (Azure OpenAI) or `AIServices` (Azure AI Foundry, which also serves the OpenAI API). */
export const AccountKind = { OpenAI: "OpenAI", AIServices: "AIServices" } as const;
export type AccountKind = (typeof AccountKind)[keyof typeof AccountKind];
export const ACCOUNT_KINDS: readonly AccountKind[] = Object.values(AccountKind);

/** The account's managed identity: system-assigned, user-assigned, or both. */
export const AccountIdentityType = {
  SystemAssigned: "SystemAssigned",
  UserAssigned: "UserAssigned",
  SystemAssignedUserAssigned: "SystemAssigned, UserAssigned",
} as const;
export type AccountIdentityType = (typeof AccountIdentityType)[keyof typeof AccountIdentityType];
export const IDENTITY_TYPES: readonly AccountIdentityType[] = Object.values(AccountIdentityType);

/** Whether the account answers on its public endpoint at all. */
export const AccountPublicNetworkAccess = { Disabled: "Disabled", Enabled: "Enabled" } as const;
export type AccountPublicNetworkAccess =
  (typeof AccountPublicNetworkAccess)[keyof typeof AccountPublicNetworkAccess];

/** What happens to traffic no network ACL rule matches. */
export const NetworkAclDefaultAction = { Deny: "Deny", Allow: "Allow" } as const;
export type NetworkAclDefaultAction = (typeof NetworkAclDefaultAction)[keyof typeof NetworkAclDefaultAction];

/** `AzureServices` lets trusted Azure services through the network ACLs. */
export const NetworkAclBypass = { None: "None", AzureServices: "AzureServices" } as const;
export type NetworkAclBypass = (typeof NetworkAclBypass)[keyof typeof NetworkAclBypass];

/** Azure management lock on the account: `CanNotDelete`, or `None` for no lock. */
export const AccountLock = { CanNotDelete: "CanNotDelete", None: "None" } as const;
export type AccountLock = (typeof AccountLock)[keyof typeof AccountLock];

/** The custom subdomain an account gets: the one set, else the account name in lower case. */
export function accountSubDomain(account: { name: string; customSubDomain?: string | undefined }): string {
  return account.customSubDomain ?? account.name.toLowerCase();
}

/** The non-public range an ip rule falls in or covers, if any (a bare address is its /32). */
function nonPublicRangeOf(rule: string): NamedRange | undefined {
  const reading = readCidr(rule.includes("/") ? rule : `${rule}/32`);
  if (!reading.ok) return undefined;
  return NON_PUBLIC_RANGES.find((range) => cidrsOverlap(parseCidr(range.cidr), reading.cidr));
}

const ipRule = ipv4OrCidr.superRefine((rule, ctx) => {
  const range = nonPublicRangeOf(rule);
  if (range) {
    ctx.addIssue({
      code: "custom",
      message: `overlaps ${range.cidr}, ${range.what}: network ACL ip rules take public internet addresses only (reach private networks through a private endpoint)`,
    });
  }
});

const networkAclsSchema = strictObject({
  /** What happens to traffic no rule matches. Deny is the baseline; Allow opens the account to the internet. */
  defaultAction: z.enum(NetworkAclDefaultAction).default("Deny"),
  ipRules: z
    .array(ipRule)
    .max(MAX_NETWORK_ACL_IP_RULES, {
      error: `an account holds at most ${MAX_NETWORK_ACL_IP_RULES} ip rules; combine ranges into wider CIDRs`,
    })
    .default([]),
  /** `AzureServices` lets trusted Azure services (e.g. AI Search with managed identity) through. */
  bypass: z.enum(NetworkAclBypass).default("None"),
});

const outboundSchema = strictObject({
  /** Restrict data exfiltration: the account may only call the listed FQDNs. */
  restrict: z.boolean().default(true),
  allowedFqdns: z.array(fqdn).default([]),
});

const identitySchema = strictObject({
  type: z.enum(AccountIdentityType).default("SystemAssigned"),
  userAssignedIdentityIds: z.array(armResourceId).default([]),
});

const customerManagedKeySchema = strictObject({
  keyVaultUri: z.string().regex(/^https:\/\/[a-zA-Z0-9-]{3,24}\.vault\.azure\.net\/?$/, {
    error: "must be a Key Vault URI such as https://kv-contoso.vault.azure.net/",
  }),
  keyName: z.string().min(1),
  /** Omit to follow the key's latest version (auto-rotation). */
  keyVersion: z.string().optional(),
  /** ARM id of the vault; when set, the account's system identity is granted use of the key there. */
  keyVaultId: armResourceId.optional(),
  /**
   * Encrypt with the key. A new account's system identity only exists once the account does, so
   * Azure cannot encrypt at creation: deploy first with `false` (identity and key grant), then `true`.
   */
  encrypt: z.boolean().default(true),
});

/** The account's private endpoint when it keeps names it already has in Azure (adopted). */
const privateEndpointSchema = strictObject({
  /** Defaults to pe-<account>. */
  name: azureName(PRIVATE_ENDPOINT_NAME),
  /** The custom network interface name it was created with; omitted: the one Azure generated. */
  networkInterfaceName: azureName(PRIVATE_ENDPOINT_NAME).optional(),
  /** ARM id of the existing endpoint to adopt. */
  import: armIdOf("privateEndpoint").optional(),
  /** The endpoint's private DNS zone group (default name "default"). */
  dnsZoneGroup: strictObject({
    name: z.string().min(1),
    import: armIdOf("privateDnsZoneGroup").optional(),
  }).optional(),
});

export const accountSpecSchema = strictObject({
  name: azureName(ACCOUNT_NAME),
  /** Region; defaults to the stack's location. */
  location: azureRegion.optional(),
  kind: z.enum(AccountKind).default("OpenAI"),
  /** Becomes <subDomain>.openai.azure.com; defaults to the account name in lower case. Immutable. */
  customSubDomain: z.string().optional(),
  publicNetworkAccess: z.enum(AccountPublicNetworkAccess).default("Disabled"),
  networkAcls: networkAclsSchema.prefault({}),
  /** API-key auth. Off: callers must use Entra ID tokens. */
  localAuthEnabled: z.boolean().default(false),
  outbound: outboundSchema.prefault({}),
  identity: identitySchema.prefault({}),
  customerManagedKey: customerManagedKeySchema.optional(),
  /** Pulumi `protect`; defaults to true in the prod environment. */
  protect: z.boolean().optional(),
  /**
   * Azure management lock on the account: `CanNotDelete` (default in prod) stops anyone deleting it
   * or its deployments, also outside Pulumi; updates still work. `None`: no lock.
   */
  lock: z.enum(AccountLock).optional(),
  /**
   * Defender for AI on the account (`defenderForAISettings/Default`, state Enabled); defaults to true
   * in the prod environment. The subscription's Defender plan is out of the stack's scope.
   */
  defenderForAI: z.boolean().optional(),
  contentFilters: z.array(contentFilterSpecSchema).default([]),
  deployments: z.array(deploymentSpecSchema).default([]),
  /** ARM id of an existing account to adopt (Pulumi `import`) instead of creating one. */
  import: armIdOf("account").optional(),
  /** Names (and import ids) of the account's private endpoint; only with `network`. */
  privateEndpoint: privateEndpointSchema.optional(),
  /** Recover a soft-deleted account of this name (ARM `properties.restore`) instead of creating it. */
  restore: z.boolean().default(false),
}).superRefine((account, ctx) => {
  if (
    account.customSubDomain !== undefined &&
    !satisfiesNameRule(CUSTOM_SUBDOMAIN, account.customSubDomain)
  ) {
    ctx.addIssue({
      code: "custom",
      path: ["customSubDomain"],
      message: `must be ${CUSTOM_SUBDOMAIN.allowed}`,
    });
  }
  if (
    account.customSubDomain === undefined &&
    !satisfiesNameRule(CUSTOM_SUBDOMAIN, accountSubDomain(account))
  ) {
    ctx.addIssue({
      code: "custom",
      path: ["customSubDomain"],
      message: `the default subdomain "${accountSubDomain(account)}" (the account name) is not valid; set customSubDomain: ${CUSTOM_SUBDOMAIN.allowed}`,
    });
  }
  if (account.restore && account.import !== undefined) {
    ctx.addIssue({
      code: "custom",
      path: ["restore"],
      message:
        "restore recovers a soft-deleted account and import adopts an existing one; an account is one or the other",
    });
  }
  if (account.deployments.length > MAX_DEPLOYMENTS_PER_ACCOUNT) {
    ctx.addIssue({
      code: "custom",
      path: ["deployments"],
      message: `${account.deployments.length} deployments; an account holds at most ${MAX_DEPLOYMENTS_PER_ACCOUNT} standard deployments`,
    });
  }
  addDuplicateIssues(
    ctx,
    account.deployments.map((d) => d.name),
    (i) => ["deployments", i, "name"],
    "deployment name",
  );
  addDuplicateIssues(
    ctx,
    account.contentFilters.map((f) => f.name),
    (i) => ["contentFilters", i, "name"],
    "content filter name",
  );
  for (const conflict of blocklistConflicts(account.contentFilters)) {
    const first = account.contentFilters[conflict.firstFilter]?.name;
    ctx.addIssue({
      code: "custom",
      path: ["contentFilters", conflict.filter, "blocklists", conflict.blocklist, "name"],
      message: `content filter "${first}" (contentFilters[${conflict.firstFilter}]) already declares blocklist "${conflict.name}" with other terms or description; a blocklist belongs to the account (accounts/{account}/raiBlocklists/{name}), so one name is one list: declare it identically in both filters to share it, or rename one`,
    });
  }
  for (const issue of spilloverIssues(account.deployments)) {
    ctx.addIssue({
      code: "custom",
      path: ["deployments", issue.index, "spilloverDeploymentName"],
      message: issue.message,
    });
  }
  const filterNames = new Set(account.contentFilters.map((f) => f.name));
  account.deployments.forEach((deployment, i) => {
    const filter = deployment.contentFilter;
    if (filter !== undefined && filter !== MICROSOFT_DEFAULT_POLICY && !filterNames.has(filter)) {
      const known = [...filterNames, MICROSOFT_DEFAULT_POLICY].map((n) => `"${n}"`).join(", ");
      ctx.addIssue({
        code: "custom",
        path: ["deployments", i, "contentFilter"],
        message: `no content filter named "${filter}" on this account; use one of ${known}`,
      });
    }
  });
  if (account.publicNetworkAccess === "Disabled" && account.networkAcls.ipRules.length > 0) {
    ctx.addIssue({
      code: "custom",
      path: ["networkAcls", "ipRules"],
      message: "ip rules have no effect while publicNetworkAccess is Disabled; remove them or set Enabled",
    });
  }
  if (!account.outbound.restrict && account.outbound.allowedFqdns.length > 0) {
    ctx.addIssue({
      code: "custom",
      path: ["outbound", "allowedFqdns"],
      message: "allowedFqdns only apply when outbound.restrict is true",
    });
  }
  const { type, userAssignedIdentityIds } = account.identity;
  if (type.includes("UserAssigned") && userAssignedIdentityIds.length === 0) {
    ctx.addIssue({
      code: "custom",
      path: ["identity", "userAssignedIdentityIds"],
      message: `identity type "${type}" needs at least one user-assigned identity id`,
    });
  }
  if (type === "SystemAssigned" && userAssignedIdentityIds.length > 0) {
    ctx.addIssue({
      code: "custom",
      path: ["identity", "type"],
      message: 'user-assigned identity ids are listed; use "UserAssigned" or "SystemAssigned, UserAssigned"',
    });
  }
  if (account.customerManagedKey && !type.startsWith("SystemAssigned")) {
    ctx.addIssue({
      code: "custom",
      path: ["identity", "type"],
      message:
        'a customer-managed key on Azure OpenAI is used through the system-assigned identity; use "SystemAssigned" or "SystemAssigned, UserAssigned"',
    });
  }
  const keyVaultIssue = account.customerManagedKey && keyVaultIdIssue(account.customerManagedKey);
  if (keyVaultIssue) {
    ctx.addIssue({ code: "custom", path: ["customerManagedKey", "keyVaultId"], message: keyVaultIssue });
  }
});

export type AccountSpec = z.output<typeof accountSpecSchema>;

/** The vault id must name the vault of keyVaultUri, or the grant would land on another vault. */
function keyVaultIdIssue(key: z.output<typeof customerManagedKeySchema>): string | undefined {
  if (key.keyVaultId === undefined) return undefined;
  const match = /\/providers\/Microsoft\.KeyVault\/vaults\/([^/]+)$/i.exec(key.keyVaultId);
  const uriVault = new URL(key.keyVaultUri).hostname.split(".")[0] ?? "";
  if (!match) return "must be the id of a Key Vault: .../providers/Microsoft.KeyVault/vaults/<name>";
  if (match[1]?.toLowerCase() !== uriVault.toLowerCase()) {
    return `names vault "${match[1]}" but keyVaultUri is vault "${uriVault}"`;
  }
  return undefined;
}
