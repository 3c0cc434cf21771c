/** Rules that need the resource graph: what is attached to each account, and how deploys are ordered. */
import { ACCOUNT_PRIVATE_LINK_GROUP_ID, privateDnsZonesFor } from "../../components/facts/privateLink";
import { BUILT_IN_ROLES, builtInRole } from "../../components/facts/roles";
import { AZURE, dependsTransitively, field, list, ofType } from "./inputs";
import { ALWAYS_MANDATORY, PROD_MANDATORY, type ResourceView, type Rule, type Violation } from "./types";

const accountLabel = (account: ResourceView) => String(account.inputs.accountName ?? account.name);
const attachedTo = (resources: readonly ResourceView[], type: string, target: ResourceView) =>
  ofType(resources, type).filter((r) => r.dependencies.includes(target.urn));

/** Private endpoints whose private link service is this account, on the `account` sub-resource. */
function accountEndpoints(resources: readonly ResourceView[], account: ResourceView): ResourceView[] {
  return attachedTo(resources, AZURE.privateEndpoint, account).filter((pe) =>
    list(pe.inputs.privateLinkServiceConnections).some((c) =>
      list(field(c, "groupIds")).includes(ACCOUNT_PRIVATE_LINK_GROUP_ID),
    ),
  );
}

export const privateLink: Rule = {
  id: "aoai-private-link",
  description: "Every account has a private endpoint on its `account` sub-resource",
  source: "Azure Policy d6759c02-b87f-42b7-892e-71b3f471d782",
  enforcement: PROD_MANDATORY,
  check: (resources) =>
    ofType(resources, AZURE.account)
      .filter((account) => accountEndpoints(resources, account).length === 0)
      .map((account) => ({
        urn: account.urn,
        message: `${accountLabel(account)}: no private endpoint with group id "${ACCOUNT_PRIVATE_LINK_GROUP_ID}"; configure network`,
      })),
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
  privateDnsComplete,
  diagnosticLogs,
  deploymentsChained,
  roleScopesLeastPrivilege,
  requiredTags,
];
