/** Rules that need the resource graph: what is attached to each account, and how deploys are ordered. */
import { ACCOUNT_PRIVATE_LINK_GROUP_ID, privateDnsZonesFor } from "../../components/facts/privateLink";
import { BUILT_IN_ROLES, builtInRole } from "../../components/facts/roles";
import { DNS_ZONE_GROUP_TAG, POLICY_MANAGED } from "../../components/network/dnsMode";
import { AZURE, dependsTransitively, field, list, ofType } from "./inputs";
import { ALWAYS_MANDATORY, PROD_MANDATORY, type ResourceView, type Rule, type Violation } from "./types";

const accountLabel = (account: ResourceView) => String(account.inputs.accountName ?? account.name);
const attachedTo = (resources: readonly ResourceView[], type: string, target: ResourceView) =>
  ofType(resources, type).filter((r) => r.dependencies.includes(target.urn));

/** The account's ARM id tail (`/resourcegroups/<rg>/providers/microsoft.cognitiveservices/accounts/<name>`), when known. */
function accountIdTail(account: ResourceView): string | undefined {
  const group = account.inputs.resourceGroupName;
  const name = account.inputs.accountName;
  if (typeof group !== "string" || typeof name !== "string") return undefined;
  return `/resourcegroups/${group}/providers/microsoft.cognitiveservices/accounts/${name}`.toLowerCase();
}

/**
 * Does this private link connection target the account: by `privateLinkServiceId` when it is
 * known (the plan, an existing account), else by the endpoint's dependency on the account (a
 * preview, where a new account's id is unknown).
 */
function targetsAccount(endpoint: ResourceView, connection: unknown, account: ResourceView): boolean {
  const id = field(connection, "privateLinkServiceId");
  const tail = accountIdTail(account);
  if (typeof id === "string" && id !== "[unknown]" && tail !== undefined)
    return id.toLowerCase().endsWith(tail);
  return endpoint.dependencies.includes(account.urn);
}

/**
 * Private endpoints whose automatic (auto-approved) connection targets this account's `account`
 * sub-resource. Manual connections (`manualPrivateLinkServiceConnections`) stay Pending until
 * someone approves them, so they do not count (Azure Policy d6759c02 requires an Approved connection).
 */
function accountEndpoints(resources: readonly ResourceView[], account: ResourceView): ResourceView[] {
  return ofType(resources, AZURE.privateEndpoint).filter((pe) =>
    list(pe.inputs.privateLinkServiceConnections).some(
      (c) =>
        targetsAccount(pe, c, account) && list(field(c, "groupIds")).includes(ACCOUNT_PRIVATE_LINK_GROUP_ID),
    ),
  );
}

/** Endpoints that reach the account only through a manual (pending) connection. */
function manualEndpoints(resources: readonly ResourceView[], account: ResourceView): ResourceView[] {
  return ofType(resources, AZURE.privateEndpoint).filter((pe) =>
    list(pe.inputs.manualPrivateLinkServiceConnections).some((c) => targetsAccount(pe, c, account)),
  );
}

export const privateLink: Rule = {
  id: "aoai-private-link",
  description:
    "Every account has a private endpoint whose automatically approved connection targets that account, group `account`",
  source: "Azure Policy d6759c02-b87f-42b7-892e-71b3f471d782",
  enforcement: PROD_MANDATORY,
  check: (resources) =>
    ofType(resources, AZURE.account)
      .filter((account) => accountEndpoints(resources, account).length === 0)
      .map((account) => {
        const manual = manualEndpoints(resources, account).map((pe) => pe.name);
        return {
          urn: account.urn,
          message:
            manual.length > 0
              ? `${accountLabel(account)}: private endpoint(s) ${manual.join(", ")} use a manual connection, which stays Pending until approved; use privateLinkServiceConnections (automatic approval)`
              : `${accountLabel(account)}: no private endpoint whose privateLinkServiceId is this account with group id "${ACCOUNT_PRIVATE_LINK_GROUP_ID}"; configure network`,
        };
      }),
};

/**
 * Where the stack puts an account behind a private endpoint, its public network access is
 * Disabled: otherwise Azure Policy 47ba1dd7 (Modify) rewrites it to Disabled behind Pulumi's back.
 */
export const publicAccessDisabledBehindEndpoint: Rule = {
  id: "aoai-public-access-disabled-with-private-link",
  description: "Accounts behind a private endpoint have publicNetworkAccess Disabled",
  source: "Azure Policy 47ba1dd7-28d9-4b07-a8d5-9813bed64e0c",
  enforcement: PROD_MANDATORY,
  check: (resources) =>
    ofType(resources, AZURE.account)
      .filter(
        (account) =>
          accountEndpoints(resources, account).length > 0 &&
          field(account.inputs, "properties", "publicNetworkAccess") !== "Disabled",
      )
      .map((account) => ({
        urn: account.urn,
        message: `${accountLabel(account)}: has a private endpoint but publicNetworkAccess is ${String(field(account.inputs, "properties", "publicNetworkAccess") ?? "Enabled (default)")}; set it Disabled (Azure Policy 47ba1dd7 would rewrite it: drift)`,
      })),
};

/**
 * Deployments use approved models only (policy.approvedModels: names, optionally versions and
 * SKUs). The Azure Policy side is aafe3651 (model asset ids), which has no SKU; this rule has both.
 */
export const approvedModels: Rule = {
  id: "aoai-approved-models",
  description: "Model deployments use the stack's approved models, versions and SKUs",
  source: "Azure Policy aafe3651-cb78-4f68-9f81-e7e41509110f",
  enforcement: ALWAYS_MANDATORY,
  check: (resources, context) => {
    const allowed = context.approvedModels;
    if (!allowed) return [];
    return ofType(resources, AZURE.deployment).flatMap((deployment): Violation[] => {
      const model = String(field(deployment.inputs, "properties", "model", "name") ?? "");
      const version = String(field(deployment.inputs, "properties", "model", "version") ?? "");
      const sku = String(field(deployment.inputs, "sku", "name") ?? "");
      const entry = allowed.find((m) => m.model === model);
      const problem = !entry
        ? `model ${model} is not approved (approved: ${allowed.map((m) => m.model).join(", ")})`
        : entry.versions && !entry.versions.includes(version)
          ? `${model} version ${version} is not approved (approved: ${entry.versions.join(", ")})`
          : entry.skus && !entry.skus.includes(sku)
            ? `${model} on SKU ${sku} is not approved (approved: ${entry.skus.join(", ")})`
            : undefined;
      return problem ? [{ urn: deployment.urn, message: `${deployment.name}: ${problem}` }] : [];
    });
  },
};

/** Zone names a zone group registers in: from zone ids where known, else from the zones it depends on. */
function zoneGroupZones(resources: readonly ResourceView[], group: ResourceView): Set<string> {
  const zones = new Set<string>();
  for (const config of list(group.inputs.privateDnsZoneConfigs)) {
    const id = field(config, "privateDnsZoneId");
    if (typeof id === "string" && id.includes("/privateDnsZones/"))
      zones.add(id.split("/").pop()?.toLowerCase() ?? "");
  }
  for (const zone of ofType(resources, AZURE.privateZone)) {
    if (group.dependencies.includes(zone.urn)) zones.add(String(zone.inputs.privateZoneName).toLowerCase());
  }
  return zones;
}

export const privateDnsComplete: Rule = {
  id: "aoai-private-dns-complete",
  description: "Each account's private endpoint registers in every private DNS zone its kind needs",
  source: "aoai-platform",
  enforcement: ALWAYS_MANDATORY,
  check: (resources) =>
    ofType(resources, AZURE.account).flatMap((account): Violation[] =>
      accountEndpoints(resources, account).flatMap((endpoint): Violation[] => {
        // network.dnsZoneGroup: policy-managed: the tenant's DeployIfNotExists policy adds the zone group.
        if (field(endpoint.inputs, "tags", DNS_ZONE_GROUP_TAG) === POLICY_MANAGED) return [];
        const groups = attachedTo(resources, AZURE.privateDnsZoneGroup, endpoint);
        const zones = new Set(groups.flatMap((g) => [...zoneGroupZones(resources, g)]));
        const kind = account.inputs.kind === "AIServices" ? "AIServices" : "OpenAI";
        const missing = privateDnsZonesFor([kind]).filter((z) => !zones.has(z));
        return missing.length === 0
          ? []
          : [
              {
                urn: endpoint.urn,
                message: `${accountLabel(account)}: private endpoint ${endpoint.name} is missing DNS zone(s) ${missing.join(", ")}; without them the endpoint name resolves to the public address`,
              },
            ];
      }),
    ),
};

export const diagnosticLogs: Rule = {
  id: "aoai-diagnostic-logs",
  description: "Every account sends its logs to a diagnostic destination",
  source: "Azure Policy 1b4d1c4e-934c-4703-944c-27c82c06bebb",
  enforcement: PROD_MANDATORY,
  check: (resources) =>
    ofType(resources, AZURE.account)
      .filter(
        (account) =>
          !attachedTo(resources, AZURE.diagnosticSetting, account).some((setting) =>
            list(setting.inputs.logs).some((log) => field(log, "enabled") !== false),
          ),
      )
      .map((account) => ({
        urn: account.urn,
        message: `${accountLabel(account)}: no diagnostic setting with logs; configure monitoring`,
      })),
};

export const deploymentsChained: Rule = {
  id: "aoai-deployments-chained",
  description:
    "Model deployments on one account are ordered one after another (Azure answers 409 to parallel ones)",
  source: "aoai-platform",
  enforcement: ALWAYS_MANDATORY,
  check: (resources) => {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    return ofType(resources, AZURE.account).flatMap((account): Violation[] => {
      const deployments = attachedTo(resources, AZURE.deployment, account);
      const violations: Violation[] = [];
      deployments.forEach((a, i) => {
        for (const b of deployments.slice(i + 1)) {
          if (!dependsTransitively(a, b.urn, byUrn) && !dependsTransitively(b, a.urn, byUrn)) {
            violations.push({
              urn: b.urn,
              message: `${accountLabel(account)}: deployments ${a.name} and ${b.name} may run in parallel; chain them with dependsOn`,
            });
          }
        }
      });
      return violations;
    });
  },
};

/** Roles that control access itself; no workload or pipeline of this platform needs them unconstrained. */
const PRIVILEGED_ROLES = new Map(
  [builtInRole("Owner"), builtInRole("User Access Administrator")].map((role) => [role.guid, role.name]),
);
/** Roles Azure honours only at subscription scope (Usages Reader). */
const SUBSCRIPTION_SCOPED_ROLES = new Set<string>(
  BUILT_IN_ROLES.filter((role) => "subscriptionOnly" in role && role.subscriptionOnly).map(
    (role) => role.guid,
  ),
);

export const roleScopesLeastPrivilege: Rule = {
  id: "aoai-role-scope-least-privilege",
  description: "Role assignments avoid Owner and User Access Administrator and stay below subscription scope",
  source: "aoai-platform",
  enforcement: PROD_MANDATORY,
  check: (resources) =>
    ofType(resources, AZURE.roleAssignment).flatMap((assignment): Violation[] => {
      const roleId = String(assignment.inputs.roleDefinitionId ?? "");
      const guid = roleId.split("/").pop()?.toLowerCase() ?? "";
      const scope = assignment.inputs.scope;
      const problems: string[] = [];
      const privileged = PRIVILEGED_ROLES.get(guid);
      if (privileged) problems.push(`assigns ${privileged}`);
      if (
        typeof scope === "string" &&
        /^\/subscriptions\/[^/]+\/?$|^\/providers\/Microsoft\.Management\//i.test(scope)
      ) {
        if (!SUBSCRIPTION_SCOPED_ROLES.has(guid)) problems.push(`is scoped to ${scope}`);
      }
      return problems.map((problem) => ({
        urn: assignment.urn,
        message: `role assignment ${assignment.name} ${problem}; grant the narrowest role on the account or resource group`,
      }));
    }),
};

/** Resource types that carry tags (others, like role assignments, cannot). */
const TAGGABLE = new Set([
  "azure-native:resources:ResourceGroup",
  AZURE.account,
  "azure-native:network:VirtualNetwork",
  AZURE.privateEndpoint,
  AZURE.privateZone,
  "azure-native:privatedns:VirtualNetworkLink",
  "azure-native:operationalinsights:Workspace",
  "azure-native:managedidentity:UserAssignedIdentity",
  "azure-native:monitor:ActionGroup",
  "azure-native:monitor:MetricAlert",
  "azure-native:apimanagement:ApiManagementService",
]);

export const requiredTags: Rule = {
  id: "aoai-required-tags",
  description: "Taggable resources carry the stack's required tags",
  source: "aoai-platform",
  enforcement: PROD_MANDATORY,
  check: (resources, context) =>
    resources
      .filter((r) => TAGGABLE.has(r.type))
      .flatMap((r): Violation[] => {
        const tags = (field(r.inputs, "tags") ?? {}) as Record<string, unknown>;
        const missing = context.requiredTags.filter(
          (tag) => typeof tags[tag] !== "string" || tags[tag] === "",
        );
        return missing.length === 0
          ? []
          : [{ urn: r.urn, message: `${r.name}: missing tag(s) ${missing.join(", ")}` }];
      }),
};

export const GRAPH_RULES: readonly Rule[] = [
  privateLink,
  publicAccessDisabledBehindEndpoint,
  approvedModels,
  privateDnsComplete,
  diagnosticLogs,
  deploymentsChained,
  roleScopesLeastPrivilege,
  requiredTags,
];
