/**
 * Turns what adopt read (model.ts) into a stack config describing it exactly, every resource
 * marked for import by its ARM id, and the snapshot of the values found (observed.ts). Pure.
 */
import {
  DEFAULT_FILTER_SETTINGS,
  HARM_CATEGORIES,
  HARM_CATEGORY_FILTER_NAME,
  MICROSOFT_DEFAULT_POLICY,
  PROMPT_SHIELD_FILTERS,
  type PromptShield,
} from "../../components/facts/contentFilters";
import { ACCOUNT_PRIVATE_LINK_GROUP_ID } from "../../components/facts/privateLink";
import type { Environment } from "../config/types";
import type {
  FoundAccount,
  FoundBlocklist,
  FoundDeployment,
  FoundPrivateEndpoint,
  FoundRaiPolicy,
  FoundResourceGroup,
} from "./model";
import type { NotAdopted, ObservedResource, ObservedState } from "./observed";

const ADOPTABLE_KINDS = new Set(["OpenAI", "AIServices"]);
const ACCOUNT_TYPE = "Microsoft.CognitiveServices/accounts";

type Values = Record<string, unknown>;

export interface AdoptedStack {
  /** The config under the project's namespace, keys without the namespace. */
  values: Values;
  observed: ObservedState;
}

const same = (a: string | undefined, b: string | undefined) =>
  a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();
const lastSegment = (id: string) => id.split("/").filter(Boolean).at(-1) ?? "";

class Collector {
  readonly resources: ObservedResource[] = [];
  readonly notAdopted: NotAdopted[] = [];
  observe(id: string, type: string, values: Values) {
    this.resources.push({ id, type, values });
  }
  skip(id: string, type: string, reason: string) {
    this.notAdopted.push({ id, type, reason });
  }
}

function describeDeployment(d: FoundDeployment, policyNames: Set<string>, out: Collector): Values {
  out.observe(d.id, `${ACCOUNT_TYPE}/deployments`, {
    "sku.name": d.sku,
    "sku.capacity": d.capacity,
    "properties.model.format": d.format,
    "properties.model.name": d.model,
    "properties.model.version": d.version,
    "properties.raiPolicyName": d.raiPolicyName ?? MICROSOFT_DEFAULT_POLICY,
    ...(d.versionUpgradeOption === undefined
      ? {}
      : { "properties.versionUpgradeOption": d.versionUpgradeOption }),
  });
  const filter = d.raiPolicyName;
  return {
    name: d.name,
    model: d.model,
    version: d.version,
    ...(d.format === "OpenAI" ? {} : { format: d.format }),
    sku: d.sku,
    capacity: d.capacity,
    ...(d.versionUpgradeOption === undefined ? {} : { versionUpgradeOption: d.versionUpgradeOption }),
    // A Microsoft.* policy other than the default cannot be named in config: keep it, validation says why.
    ...(filter === undefined || (filter === MICROSOFT_DEFAULT_POLICY && !policyNames.has(filter))
      ? {}
      : { contentFilter: filter }),
    import: d.id,
  };
}

function appliesTo(sources: Set<string>): "prompt" | "completion" | "both" {
  if (sources.has("Prompt") && sources.has("Completion")) return "both";
  return sources.has("Prompt") ? "prompt" : "completion";
}

/** A blocklist under a filter that uses it; filters sharing one declare it identically (one resource). */
function describeBlocklist(
  list: FoundBlocklist,
  sources: Set<string>,
  firstUse: boolean,
  out: Collector,
): Values {
  if (firstUse) {
    out.observe(list.id, `${ACCOUNT_TYPE}/raiBlocklists`, {
      "properties.description": list.description ?? null,
    });
    for (const item of list.items) {
      out.observe(item.id, `${ACCOUNT_TYPE}/raiBlocklists/raiBlocklistItems`, {
        "properties.pattern": item.pattern,
        "properties.isRegex": item.isRegex,
      });
    }
  }
  return {
    name: list.name,
    ...(list.description === undefined ? {} : { description: list.description }),
    terms: list.items.map((item) => ({ pattern: item.pattern, regex: item.isRegex, import: item.id })),
    appliesTo: appliesTo(sources),
    import: list.id,
  };
}

/** The policy as a content filter: Microsoft's default preset plus every setting that differs from it. */
function describePolicy(
  policy: FoundRaiPolicy,
  blocklists: readonly FoundBlocklist[],
  used: Set<string>,
  out: Collector,
): Values {
  out.observe(policy.id, `${ACCOUNT_TYPE}/raiPolicies`, {
    "properties.mode": policy.mode ?? "Default",
    "properties.basePolicyName": policy.basePolicyName ?? null,
  });
  const categories: Record<string, Record<string, string>> = {};
  for (const category of HARM_CATEGORIES) {
    for (const side of ["prompt", "completion"] as const) {
      const found = policy.contentFilters.find(
        (f) => same(f.name, HARM_CATEGORY_FILTER_NAME[category]) && same(f.source, side),
      );
      if (!found) continue;
      const threshold = found.enabled ? found.severityThreshold : "Off";
      if (threshold !== undefined && threshold !== DEFAULT_FILTER_SETTINGS.categories[category][side]) {
        categories[category] = { ...categories[category], [side]: threshold };
      }
    }
  }
  const shields: Partial<Record<PromptShield, boolean>> = {};
  for (const shield of Object.keys(PROMPT_SHIELD_FILTERS) as PromptShield[]) {
    const found = policy.contentFilters.find((f) => same(f.name, PROMPT_SHIELD_FILTERS[shield].name));
    if (found && found.enabled !== DEFAULT_FILTER_SETTINGS.shields[shield]) shields[shield] = found.enabled;
  }
  const sourcesByList = new Map<string, Set<string>>();
  for (const ref of policy.customBlocklists) {
    const sources = sourcesByList.get(ref.blocklistName) ?? new Set<string>();
    sources.add(ref.source);
    sourcesByList.set(ref.blocklistName, sources);
  }
  const lists = [...sourcesByList].flatMap(([name, sources]) => {
    const list = blocklists.find((b) => same(b.name, name));
    if (!list) return [];
    const firstUse = !used.has(list.name.toLowerCase());
    used.add(list.name.toLowerCase());
    return [describeBlocklist(list, sources, firstUse, out)];
  });
  return {
    name: policy.name,
    ...(policy.mode === undefined || policy.mode === "Default" ? {} : { mode: policy.mode }),
    ...(Object.keys(categories).length > 0 ? { categories } : {}),
    ...shields,
    ...(lists.length > 0 ? { blocklists: lists } : {}),
    import: policy.id,
  };
}

const isBuiltInPolicy = (p: FoundRaiPolicy) => p.type === "SystemManaged" || p.name.startsWith("Microsoft.");

function describeAccount(account: FoundAccount, stackLocation: string, out: Collector): Values {
  const restrict = account.restrictOutboundNetworkAccess ?? false;
  const acls = account.networkAcls;
  out.observe(account.id, ACCOUNT_TYPE, {
    kind: account.kind,
    location: account.location,
    "sku.name": account.sku,
    "identity.type": account.identityType,
    "properties.customSubDomainName": account.customSubDomain ?? null,
    "properties.disableLocalAuth": account.disableLocalAuth ?? false,
    "properties.publicNetworkAccess": account.publicNetworkAccess ?? "Enabled",
    "properties.networkAcls.defaultAction": acls?.defaultAction ?? "Allow",
    "properties.networkAcls.ipRules": (acls?.ipRules ?? []).map((value) => ({ value })),
    "properties.restrictOutboundNetworkAccess": restrict,
    tags: account.tags,
  });
  const userAssigned = account.identityType.includes("UserAssigned");
  const policies = account.raiPolicies.filter((p) => !isBuiltInPolicy(p));
  const used = new Set<string>();
  const contentFilters = policies.map((p) => describePolicy(p, account.blocklists, used, out));
  for (const list of account.blocklists) {
    if (!used.has(list.name.toLowerCase())) {
      out.skip(
        list.id,
        `${ACCOUNT_TYPE}/raiBlocklists`,
        "no content filter of the account uses it, and the stack keeps blocklists under the content filter that applies them; add it to a filter's blocklists to manage it",
      );
    }
  }
  for (const setting of account.diagnosticSettings) {
    out.skip(
      setting.id,
      "Microsoft.Insights/diagnosticSettings",
      `the stack manages diagnostic settings through monitoring, which also creates an action group and alerts; to keep sending logs${setting.workspaceId ? ` to ${setting.workspaceId}` : ""}, add monitoring with workspace.existingId and diagnostics.name: ${setting.name} (until then the setting stays as it is, outside the stack)`,
    );
  }
  const policyNames = new Set(policies.map((p) => p.name));
  const encryption = account.encryption;
  return {
    name: account.name,
    ...(account.location === stackLocation ? {} : { location: account.location }),
    ...(account.kind === "OpenAI" ? {} : { kind: account.kind }),
    ...(account.customSubDomain === undefined ? {} : { customSubDomain: account.customSubDomain }),
    publicNetworkAccess: account.publicNetworkAccess ?? "Enabled",
    networkAcls: {
      defaultAction: acls?.defaultAction ?? "Allow",
      ipRules: acls?.ipRules ?? [],
      ...(acls?.bypass === undefined ? {} : { bypass: acls.bypass }),
    },
    localAuthEnabled: !(account.disableLocalAuth ?? false),
    // Azure ignores the FQDN list while outbound access is unrestricted; so does the stack.
    outbound: restrict ? { restrict, allowedFqdns: account.allowedFqdns } : { restrict },
    ...(userAssigned
      ? { identity: { type: account.identityType, userAssignedIdentityIds: account.userAssignedIdentityIds } }
      : {}),
    ...(encryption?.keySource === "Microsoft.KeyVault"
      ? {
          customerManagedKey: {
            keyVaultUri: encryption.keyVaultUri,
            keyName: encryption.keyName,
            ...(encryption.keyVersion ? { keyVersion: encryption.keyVersion } : {}),
          },
        }
      : {}),
    ...(contentFilters.length > 0 ? { contentFilters } : {}),
    deployments: account.deployments.map((d) => describeDeployment(d, policyNames, out)),
    import: account.id,
  };
}

/** Endpoints to the adopted accounts become each account's privateEndpoint plus the region's subnet. */
function describeEndpoints(
  endpoints: readonly FoundPrivateEndpoint[],
  accounts: Map<string, Values>,
  out: Collector,
): Values | undefined {
  const regions: Record<string, { existingSubnetId: string }> = {};
  const zones: Record<string, string> = {};
  for (const pe of endpoints) {
    const connection = pe.connections.find((c) => c.groupIds.includes(ACCOUNT_PRIVATE_LINK_GROUP_ID));
    const account = connection && accounts.get(connection.privateLinkServiceId.toLowerCase());
    const region = regions[pe.location];
    const type = "Microsoft.Network/privateEndpoints";
    if (!account || !pe.subnetId) {
      out.skip(pe.id, type, "it does not connect an adopted account (group id account) through a subnet");
      continue;
    }
    if (account.privateEndpoint !== undefined) {
      out.skip(
        pe.id,
        type,
        `account ${String(account.name)} already has an adopted endpoint; the stack gives each account one`,
      );
      continue;
    }
    if (region && !same(region.existingSubnetId, pe.subnetId)) {
      out.skip(
        pe.id,
        type,
        `the stack uses one endpoint subnet per region, and ${pe.location} already has ${region.existingSubnetId}`,
      );
      continue;
    }
    regions[pe.location] = { existingSubnetId: pe.subnetId };
    const group = pe.dnsZoneGroups[0];
    for (const zone of group?.zones ?? []) zones[lastSegment(zone.privateDnsZoneId)] = zone.privateDnsZoneId;
    out.observe(pe.id, type, { "subnet.id": pe.subnetId });
    account.privateEndpoint = {
      name: pe.name,
      ...(pe.networkInterfaceName ? { networkInterfaceName: pe.networkInterfaceName } : {}),
      import: pe.id,
      ...(group ? { dnsZoneGroup: { name: group.name, import: group.id } } : {}),
    };
  }
  if (Object.keys(regions).length === 0) return undefined;
  return { regions, ...(Object.keys(zones).length > 0 ? { existingDnsZoneIds: zones } : {}) };
}

export function describeResourceGroup(found: FoundResourceGroup, environment: Environment): AdoptedStack {
  const out = new Collector();
  const adoptable = found.accounts.filter((a) => ADOPTABLE_KINDS.has(a.kind));
  for (const account of found.accounts) {
    if (!ADOPTABLE_KINDS.has(account.kind)) {
      out.skip(
        account.id,
        ACCOUNT_TYPE,
        `kind ${account.kind}: the stack manages OpenAI and AIServices accounts`,
      );
    }
  }
  const location = adoptable[0]?.location ?? "";
  // Several accounts need an explicit primaryAccount (whose endpoint apps get); the group's first is a
  // starting point the adopt report names, for the user to confirm.
  const primaryAccount = adoptable.length > 1 ? adoptable[0]?.name : undefined;
  const accounts = adoptable.map((a) => describeAccount(a, location, out));
  const byId = new Map(accounts.map((values) => [String(values.import).toLowerCase(), values]));
  const network = describeEndpoints(found.privateEndpoints, byId, out);
  return {
    values: {
      environment,
      location,
      // The group exists already; the stack references it and does not manage it.
      resourceGroup: { name: found.resourceGroup, existing: true },
      ...(primaryAccount ? { primaryAccount } : {}),
      accounts,
      ...(network ? { network } : {}),
    },
    observed: {
      subscriptionId: found.subscriptionId,
      resourceGroup: found.resourceGroup,
      resources: out.resources,
      notAdopted: out.notAdopted,
    },
  };
}
