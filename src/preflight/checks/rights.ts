/**
 * The signed-in identity's rights for what the stack will write, read from the permissions API
 * (GET {scope}/providers/Microsoft.Authorization/permissions) at each scope the stack writes to:
 * its resource group, and existing subnets, VNets, DNS zones and key vaults it joins or grants on.
 * An action is allowed when some permission entry's `actions` match it and that entry's
 * `notActions` do not (wildcards `*`, case-insensitive). Deny assignments are not in this API.
 */
import type { StackConfig } from "../../config/schema";
import { ACTIONS } from "../facts";
import type { CheckResult, LiveState, Permission } from "../model";

export interface RightsScope {
  /** ARM id of the scope. */
  scope: string;
  /** What the stack does there, e.g. `resource group rg-pf`. */
  label: string;
  actions: string[];
}

const unique = (items: readonly string[]) => [...new Set(items)];
const vnetOf = (subnetId: string) => subnetId.replace(/\/subnets\/[^/]+$/i, "");

export function resourceGroupId(subscriptionId: string, config: StackConfig): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${config.resourceGroup.name}`;
}

/** Actions the stack needs inside its own resource group. */
function resourceGroupActions(config: StackConfig): string[] {
  const actions: string[] = [ACTIONS.accountWrite];
  const accounts = config.accounts;
  if (accounts.some((a) => a.deployments.length > 0)) actions.push(ACTIONS.deploymentWrite);
  if (accounts.some((a) => a.contentFilters.length > 0)) actions.push(ACTIONS.raiPolicyWrite);
  if (accounts.some((a) => a.contentFilters.some((f) => f.blocklists.length > 0))) {
    actions.push(ACTIONS.raiBlocklistWrite);
  }
  const regions = Object.values(config.network?.regions ?? {});
  const createsVnet = regions.some((r) => r.vnet !== undefined);
  if (createsVnet) actions.push(ACTIONS.vnetWrite, ACTIONS.subnetWrite, ACTIONS.subnetJoin);
  if (regions.length > 0) {
    actions.push(ACTIONS.privateEndpointWrite, ACTIONS.zoneGroupWrite);
    if (config.network?.existingDnsZoneIds === undefined) {
      actions.push(ACTIONS.privateZoneWrite, ACTIONS.privateZoneJoin, ACTIONS.vnetLinkWrite);
      if (createsVnet) actions.push(ACTIONS.vnetJoin);
    }
  }
  const monitoring = config.monitoring;
  if (monitoring) {
    if (monitoring.workspace.name !== undefined) actions.push(ACTIONS.workspaceWrite);
    actions.push(ACTIONS.diagnosticSettingWrite, ACTIONS.actionGroupWrite, ACTIONS.metricAlertWrite);
  }
  if (config.budget) actions.push(ACTIONS.budgetWrite);
  const { identities, groups } = config.access;
  if (identities.some((i) => i.principalId === undefined)) actions.push(ACTIONS.identityWrite);
  const grants = [...identities, ...groups].filter((g) => g.roles.length > 0 && g.scope !== "subscription");
  if (grants.length > 0) actions.push(ACTIONS.roleAssignmentWrite);
  return unique(actions);
}

/** Every scope whose permissions preflight reads, with the actions the stack needs there. */
export function requiredRights(config: StackConfig, subscriptionId: string): RightsScope[] {
  const scopes: RightsScope[] = [
    {
      scope: resourceGroupId(subscriptionId, config),
      label: `resource group ${config.resourceGroup.name}`,
      actions: resourceGroupActions(config),
    },
  ];
  const network = config.network;
  const createsZones = network?.existingDnsZoneIds === undefined;
  for (const spec of Object.values(network?.regions ?? {})) {
    if (spec.existingSubnetId === undefined) continue;
    scopes.push({ scope: spec.existingSubnetId, label: "existing subnet", actions: [ACTIONS.subnetJoin] });
    if (createsZones) {
      scopes.push({
        scope: vnetOf(spec.existingSubnetId),
        label: "existing VNet",
        actions: [ACTIONS.vnetJoin],
      });
    }
  }
  for (const id of Object.values(network?.existingDnsZoneIds ?? {})) {
    if (id !== undefined) {
      scopes.push({ scope: id, label: "existing DNS zone", actions: [ACTIONS.privateZoneJoin] });
    }
  }
  for (const account of config.accounts) {
    const vault = account.customerManagedKey?.keyVaultId;
    if (vault !== undefined) {
      scopes.push({ scope: vault, label: "key vault", actions: [ACTIONS.roleAssignmentWrite] });
    }
  }
  // One row per scope: merge scopes named twice (e.g. one VNet for two regions).
  const merged = new Map<string, RightsScope>();
  for (const s of scopes) {
    const known = merged.get(s.scope.toLowerCase());
    if (known) known.actions = unique([...known.actions, ...s.actions]);
    else merged.set(s.scope.toLowerCase(), { ...s, actions: [...s.actions] });
  }
  return [...merged.values()];
}

const patternOf = (pattern: string) =>
  new RegExp(
    `^${pattern
      .split("*")
      .map((part) => part.replace(/[.+?^${}()|[\]\\/]/g, "\\$&"))
      .join(".*")}$`,
    "i",
  );

const matchesAny = (patterns: readonly string[], action: string) =>
  patterns.some((pattern) => patternOf(pattern).test(action));

/** Whether the permissions allow an action: some entry grants it and does not exclude it. */
export function allows(permissions: readonly Permission[], action: string): boolean {
  return permissions.some((p) => matchesAny(p.actions, action) && !matchesAny(p.notActions, action));
}

const ROLE_HINT =
  "assign the signed-in identity a role that grants them at that scope (Contributor covers resource writes; role assignments need Role Based Access Control Administrator, User Access Administrator or Owner)";

export function checkRights(config: StackConfig, live: LiveState, subscriptionId: string): CheckResult[] {
  const rows = requiredRights(config, subscriptionId).map((scope): CheckResult => {
    const base = { check: "rights", target: scope.label } as const;
    const permissions = live.existing.permissions.get(scope.scope.toLowerCase());
    if (permissions === undefined) {
      return {
        ...base,
        status: "WARN",
        detail: `${scope.scope} does not exist yet, so its permissions cannot be read; the stack needs ${scope.actions.join(", ")} there`,
        fix:
          scope.label.startsWith("resource group") && !config.resourceGroup.existing
            ? `the stack creates it: the identity needs ${ACTIONS.resourceGroupWrite} on the subscription and the actions above (az role assignment list --assignee <identity> --all)`
            : "create it first, or correct the id in the config",
      };
    }
    const missing = scope.actions.filter((action) => !allows(permissions, action));
    if (missing.length === 0) {
      return {
        ...base,
        status: "OK",
        detail: `allowed: ${scope.actions.length} action(s) the stack needs at ${scope.scope}`,
      };
    }
    return {
      ...base,
      status: "FAIL",
      detail: `the signed-in identity may not ${missing.join(", ")} at ${scope.scope}; pulumi up would stop half-way there`,
      fix: ROLE_HINT,
    };
  });
  const subscriptionGrants = [...config.access.identities, ...config.access.groups].filter(
    (g) => g.roles.length > 0 && g.scope === "subscription",
  );
  if (subscriptionGrants.length > 0) {
    rows.push({
      check: "rights",
      target: "subscription",
      status: "WARN",
      detail: `${subscriptionGrants.length} grant(s) at subscription scope need ${ACTIONS.roleAssignmentWrite} on /subscriptions/${subscriptionId}; the permissions API answers for resource groups and resources only`,
      fix: "check the identity's roles on the subscription: az role assignment list --assignee <identity> --scope /subscriptions/<id>",
    });
  }
  return rows;
}
