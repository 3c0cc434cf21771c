/** What adopt reads from a resource group, reduced to plain data (wire shapes stay in src/adopt/read.ts). */

export interface FoundDeployment {
  id: string;
  name: string;
  format: string;
  model: string;
  version: string;
  sku: string;
  capacity: number;
  versionUpgradeOption?: string;
  raiPolicyName?: string;
}

export interface FoundContentFilter {
  name: string;
  source: string;
  enabled: boolean;
  blocking: boolean;
  severityThreshold?: string;
}

export interface FoundRaiPolicy {
  id: string;
  name: string;
  /** `SystemManaged` for Microsoft's built-in policies, `UserManaged` for the account's own. */
  type?: string;
  mode?: string;
  basePolicyName?: string;
  contentFilters: FoundContentFilter[];
  customBlocklists: { blocklistName: string; source: string; blocking: boolean }[];
}

export interface FoundBlocklistItem {
  id: string;
  name: string;
  pattern: string;
  isRegex: boolean;
}

export interface FoundBlocklist {
  id: string;
  name: string;
  description?: string;
  items: FoundBlocklistItem[];
}

export interface FoundDiagnosticSetting {
  id: string;
  name: string;
  workspaceId?: string;
}

export interface FoundAccount {
  id: string;
  name: string;
  location: string;
  kind: string;
  sku: string;
  tags: Record<string, string>;
  identityType: string;
  userAssignedIdentityIds: string[];
  customSubDomain?: string;
  disableLocalAuth?: boolean;
  publicNetworkAccess?: string;
  networkAcls?: { defaultAction?: string; bypass?: string; ipRules: string[] };
  restrictOutboundNetworkAccess?: boolean;
  allowedFqdns: string[];
  encryption?: { keySource?: string; keyVaultUri?: string; keyName?: string; keyVersion?: string };
  deployments: FoundDeployment[];
  raiPolicies: FoundRaiPolicy[];
  blocklists: FoundBlocklist[];
  diagnosticSettings: FoundDiagnosticSetting[];
}

export interface FoundDnsZoneGroup {
  id: string;
  name: string;
  zones: { privateDnsZoneId: string }[];
}

export interface FoundPrivateEndpoint {
  id: string;
  name: string;
  location: string;
  subnetId?: string;
  /** The custom network interface name it was created with (none: Azure named the interface). */
  networkInterfaceName?: string;
  /** The resources it connects to (private link service ids) and their group ids. */
  connections: { privateLinkServiceId: string; groupIds: string[] }[];
  dnsZoneGroups: FoundDnsZoneGroup[];
}

export interface FoundResourceGroup {
  subscriptionId: string;
  resourceGroup: string;
  accounts: FoundAccount[];
  privateEndpoints: FoundPrivateEndpoint[];
}
