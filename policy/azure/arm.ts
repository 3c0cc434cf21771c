/**
 * Planned resources in their ARM shape (what Azure Policy evaluates): `{ id, type, name, kind,
 * location, sku, identity, tags, properties }`, converted from the Pulumi inputs of each
 * azure-native type. azure-native keeps `properties` nested for Cognitive Services accounts,
 * deployments and RAI policies and flattens it for the other types (their inputs are the
 * properties), so each type says which inputs are names, which stay top level, and which nested
 * objects carry their own `properties` in the REST shape.
 *
 * Related resources Azure derives are added too: an account's `privateEndpointConnections` come
 * from the planned private endpoints that target it (automatic connections are approved on
 * creation, manual ones wait: https://learn.microsoft.com/azure/private-link/private-endpoint-overview#access-to-a-private-link-resource-using-approval-workflow),
 * and each model deployment gets the data-plane view the `Microsoft.CognitiveServices.Data` policy
 * mode evaluates (model publisher and registry asset id, its content filter's settings).
 */
import { raiPolicyProperties } from "../../components/content-filter/settings";
import { contentFilterSpecSchema } from "../../components/content-filter/spec";
import { MICROSOFT_DEFAULT_POLICY } from "../../components/facts/contentFilters";
import type { ResourceView } from "../rules/types";

export interface ArmResource {
  /** The Pulumi resource it came from. */
  urn: string;
  id: string;
  type: string;
  name: string;
  /** `parent/child` for child resources. */
  fullName: string;
  kind?: unknown;
  location?: unknown;
  sku?: unknown;
  identity?: unknown;
  tags?: unknown;
  properties: Record<string, unknown>;
  /** For extension resources (diagnostic settings, locks): the resource they extend. */
  scope?: string;
  resourceGroup?: string;
  /**
   * URNs a name or scope input points at when its value is unknown (a preview): the extended
   * resource or the parent, taken from the input's dependency edges.
   */
  refs: string[];
}

type Inputs = Record<string, unknown>;

interface Shape {
  type: string;
  /** Inputs naming the parents (outermost first), then the resource itself. */
  names: string[];
  /** Extension resources: the input holding the extended resource's id. */
  scopeInput?: string;
  /** azure-native keeps `properties` nested (else: every other input is a property). */
  nested?: boolean;
  /** Array inputs whose members carry `{ name, properties: {...} }` in the REST shape. */
  wrapMembers?: string[];
}

const SHAPES: Readonly<Record<string, Shape>> = {
  "azure-native:resources:ResourceGroup": { type: "Microsoft.Resources/resourceGroups", names: [] },
  "azure-native:cognitiveservices:Account": {
    type: "Microsoft.CognitiveServices/accounts",
    names: ["accountName"],
    nested: true,
  },
  "azure-native:cognitiveservices:Deployment": {
    type: "Microsoft.CognitiveServices/accounts/deployments",
    names: ["accountName", "deploymentName"],
    nested: true,
  },
  "azure-native:cognitiveservices:RaiPolicy": {
    type: "Microsoft.CognitiveServices/accounts/raiPolicies",
    names: ["accountName", "raiPolicyName"],
    nested: true,
  },
  "azure-native:cognitiveservices:RaiBlocklist": {
    type: "Microsoft.CognitiveServices/accounts/raiBlocklists",
    names: ["accountName", "raiBlocklistName"],
    nested: true,
  },
  "azure-native:monitor:DiagnosticSetting": {
    type: "Microsoft.Insights/diagnosticSettings",
    names: ["name"],
    scopeInput: "resourceUri",
  },
  "azure-native:authorization:ManagementLockByScope": {
    type: "Microsoft.Authorization/locks",
    names: ["lockName"],
    scopeInput: "scope",
  },
  "azure-native:network:PrivateEndpoint": {
    type: "Microsoft.Network/privateEndpoints",
    names: ["privateEndpointName"],
    wrapMembers: ["privateLinkServiceConnections", "manualPrivateLinkServiceConnections"],
  },
  "azure-native:network:PrivateDnsZoneGroup": {
    type: "Microsoft.Network/privateEndpoints/privateDnsZoneGroups",
    names: ["privateEndpointName", "privateDnsZoneGroupName"],
    wrapMembers: ["privateDnsZoneConfigs"],
  },
  "azure-native:network:VirtualNetwork": {
    type: "Microsoft.Network/virtualNetworks",
    names: ["virtualNetworkName"],
    wrapMembers: ["subnets"],
  },
  "azure-native:network:Subnet": {
    type: "Microsoft.Network/virtualNetworks/subnets",
    names: ["virtualNetworkName", "subnetName"],
  },
  "azure-native:network:NetworkSecurityGroup": {
    type: "Microsoft.Network/networkSecurityGroups",
    names: ["networkSecurityGroupName"],
    wrapMembers: ["securityRules"],
  },
  "azure-native:privatedns:PrivateZone": {
    type: "Microsoft.Network/privateDnsZones",
    names: ["privateZoneName"],
  },
  "azure-native:privatedns:VirtualNetworkLink": {
    type: "Microsoft.Network/privateDnsZones/virtualNetworkLinks",
    names: ["privateZoneName", "virtualNetworkLinkName"],
  },
  "azure-native:operationalinsights:Workspace": {
    type: "Microsoft.OperationalInsights/workspaces",
    names: ["workspaceName"],
  },
  "azure-native:managedidentity:UserAssignedIdentity": {
    type: "Microsoft.ManagedIdentity/userAssignedIdentities",
    names: ["resourceName"],
  },
  "azure-native:monitor:ActionGroup": { type: "Microsoft.Insights/actionGroups", names: ["actionGroupName"] },
  "azure-native:monitor:MetricAlert": { type: "Microsoft.Insights/metricAlerts", names: ["ruleName"] },
  // API Management (the AI gateway): azure-native flattens `properties` for the service and its children.
  "azure-native:apimanagement:ApiManagementService": {
    type: "Microsoft.ApiManagement/service",
    names: ["serviceName"],
  },
  "azure-native:apimanagement:Api": {
    type: "Microsoft.ApiManagement/service/apis",
    names: ["serviceName", "apiId"],
  },
  "azure-native:apimanagement:ApiPolicy": {
    type: "Microsoft.ApiManagement/service/apis/policies",
    names: ["serviceName", "apiId", "policyId"],
  },
  "azure-native:apimanagement:ApiOperationPolicy": {
    type: "Microsoft.ApiManagement/service/apis/operations/policies",
    names: ["serviceName", "apiId", "operationId", "policyId"],
  },
  "azure-native:apimanagement:Policy": {
    type: "Microsoft.ApiManagement/service/policies",
    names: ["serviceName", "policyId"],
  },
  "azure-native:apimanagement:Backend": {
    type: "Microsoft.ApiManagement/service/backends",
    names: ["serviceName", "backendId"],
  },
  "azure-native:apimanagement:NamedValue": {
    type: "Microsoft.ApiManagement/service/namedValues",
    names: ["serviceName", "namedValueId"],
  },
  "azure-native:apimanagement:Subscription": {
    type: "Microsoft.ApiManagement/service/subscriptions",
    names: ["serviceName", "sid"],
  },
  "azure-native:authorization:RoleAssignment": {
    type: "Microsoft.Authorization/roleAssignments",
    names: ["roleAssignmentName"],
    scopeInput: "scope",
  },
};

const TOP_LEVEL = ["kind", "location", "sku", "identity", "tags"] as const;
const NOT_PROPERTIES = new Set<string>(["resourceGroupName", "properties", ...TOP_LEVEL]);

/** The subscription ids are built with when a value does not say (the offline plan's). */
export const PLACEHOLDER_SUBSCRIPTION = "00000000-0000-0000-0000-000000000000";

const known = (value: unknown): value is string =>
  typeof value === "string" && value !== "" && value !== "[unknown]";

function armId(shape: Shape, inputs: Inputs, names: string[], subscription: string): string {
  const scope = shape.scopeInput ? inputs[shape.scopeInput] : undefined;
  const [namespace, ...types] = shape.type.split("/");
  if (shape.scopeInput) {
    return `${known(scope) ? scope : "[unknown]"}/providers/${shape.type}/${names.at(-1) ?? ""}`;
  }
  const group = `/subscriptions/${subscription}/resourceGroups/${String(inputs.resourceGroupName ?? "")}`;
  if (types[0] === "resourceGroups") return group;
  const path = types.map((t, i) => `${t}/${names[i] ?? ""}`).join("/");
  return `${group}/providers/${namespace}/${path}`;
}

function wrap(member: unknown): unknown {
  if (member === null || typeof member !== "object" || Array.isArray(member)) return member;
  const { name, id, ...rest } = member as Inputs;
  return { ...(name === undefined ? {} : { name }), ...(id === undefined ? {} : { id }), properties: rest };
}

/** One planned resource in its ARM shape; undefined for what Azure Policy never sees (components, Entra). */
export function toArm(view: ResourceView, subscription = PLACEHOLDER_SUBSCRIPTION): ArmResource | undefined {
  const shape = SHAPES[view.type];
  if (!shape) return undefined;
  const inputs = view.inputs;
  const names = shape.names.map((n) => String(inputs[n] ?? view.name));
  const name = names.at(-1) ?? String(inputs.resourceGroupName ?? view.name);
  let properties: Inputs;
  if (shape.nested) properties = { ...((inputs.properties ?? {}) as Inputs) };
  else {
    properties = {};
    for (const [key, value] of Object.entries(inputs)) {
      if (NOT_PROPERTIES.has(key) || shape.names.includes(key) || key === shape.scopeInput) continue;
      properties[key] = shape.wrapMembers?.includes(key) && Array.isArray(value) ? value.map(wrap) : value;
    }
  }
  const refInputs = [...shape.names.slice(0, -1), ...(shape.scopeInput ? [shape.scopeInput] : [])];
  const refs = refInputs
    .filter((input) => !known(inputs[input]))
    .flatMap((input) => view.propertyDependencies?.[input] ?? view.dependencies);
  const resource: ArmResource = {
    urn: view.urn,
    refs,
    id: armId(shape, inputs, names, subscription),
    type: shape.type,
    name,
    fullName: names.join("/") || name,
    properties,
    resourceGroup: typeof inputs.resourceGroupName === "string" ? inputs.resourceGroupName : undefined,
  };
  if (shape.type === "Microsoft.Resources/resourceGroups") resource.name = resource.fullName = name;
  for (const key of TOP_LEVEL) if (inputs[key] !== undefined) resource[key] = inputs[key];
  if (shape.scopeInput && known(inputs[shape.scopeInput]))
    resource.scope = inputs[shape.scopeInput] as string;
  return resource;
}

/** Ids equal from the resource group on (case-insensitive): the plan and a preview differ in subscription. */
export function sameResourceId(a: string, b: string): boolean {
  const tail = (id: string) => {
    const lower = id.toLowerCase();
    const at = lower.indexOf("/resourcegroups/");
    return at < 0 ? lower : lower.slice(at);
  };
  return tail(a) === tail(b);
}

/** Does `view`'s input `input` point at `target`: by id when known, else by the dependency edge. */
export function refersTo(view: ResourceView, value: unknown, target: ArmResource, input: string): boolean {
  if (known(value)) return sameResourceId(value, target.id);
  const edges = view.propertyDependencies?.[input] ?? view.dependencies;
  return edges.includes(target.urn);
}

function connectionsTo(
  endpoint: ResourceView,
  account: ArmResource,
  key: "privateLinkServiceConnections" | "manualPrivateLinkServiceConnections",
) {
  const connections = endpoint.inputs[key];
  if (!Array.isArray(connections)) return [];
  return connections.filter(
    (c): c is Inputs =>
      c !== null &&
      typeof c === "object" &&
      refersTo(endpoint, (c as Inputs).privateLinkServiceId, account, key),
  );
}

/** The connection objects Azure lists on an account for the planned endpoints that target it. */
function endpointConnections(account: ArmResource, views: readonly ResourceView[], subscription: string) {
  const result: ArmResource[] = [];
  for (const view of views) {
    if (view.type !== "azure-native:network:PrivateEndpoint") continue;
    const endpoint = toArm(view, subscription);
    if (!endpoint) continue;
    for (const [key, status] of [
      ["privateLinkServiceConnections", "Approved"],
      ["manualPrivateLinkServiceConnections", "Pending"],
    ] as const) {
      for (const connection of connectionsTo(view, account, key)) {
        const name = `${endpoint.name}.${String(connection.name ?? key)}`;
        result.push({
          urn: view.urn,
          id: `${account.id}/privateEndpointConnections/${name}`,
          type: "Microsoft.CognitiveServices/accounts/privateEndpointConnections",
          name,
          fullName: `${account.name}/${name}`,
          refs: [account.urn],
          resourceGroup: account.resourceGroup,
          properties: {
            privateEndpoint: { id: endpoint.id },
            groupIds: connection.groupIds,
            privateLinkServiceConnectionState: { status },
          },
        });
      }
    }
  }
  return result;
}

/** Publisher and registry asset id of Azure OpenAI models in the model catalog (azureml registry `azure-openai`). */
export const OPENAI_MODEL_PUBLISHER = "OpenAI";
export const openAiAssetId = (model: string, version: string) =>
  `azureml://registries/azure-openai/models/${model}/versions/${version}`;

/** Microsoft's default content filter as RAI content filter entries (what a deployment without one gets). */
const defaultFilters = () =>
  raiPolicyProperties(contentFilterSpecSchema.parse({ name: "default" })).contentFilters;

/** The data-plane view of a model deployment: model publisher / asset id and its effective RAI policy. */
function dataDeployment(deployment: ArmResource, policies: readonly ArmResource[]): ArmResource {
  const model = (deployment.properties.model ?? {}) as Inputs;
  const policyName = String(deployment.properties.raiPolicyName ?? MICROSOFT_DEFAULT_POLICY);
  const account = deployment.fullName.split("/")[0];
  const policy = policies.find(
    (p) => p.fullName.split("/")[0] === account && p.name.toLowerCase() === policyName.toLowerCase(),
  );
  const raiPolicy = policy
    ? {
        name: policy.name,
        mode: policy.properties.mode ?? "Default",
        contentFilters: policy.properties.contentFilters ?? [],
      }
    : { name: policyName, mode: "Default", contentFilters: defaultFilters() };
  return {
    ...deployment,
    type: "Microsoft.CognitiveServices.Data/accounts/deployments",
    properties: {
      model: {
        ...model,
        publisher: model.format === "OpenAI" ? OPENAI_MODEL_PUBLISHER : model.publisher,
        assetId:
          model.format === "OpenAI" && typeof model.name === "string" && typeof model.version === "string"
            ? openAiAssetId(model.name, model.version)
            : undefined,
      },
      raiPolicy,
    },
  };
}

/** Every planned Azure resource in ARM shape, plus the connections and data-plane views Azure derives. */
export function armResources(
  views: readonly ResourceView[],
  subscription = PLACEHOLDER_SUBSCRIPTION,
): ArmResource[] {
  const resources = views.flatMap((v) => toArm(v, subscription) ?? []);
  const derived: ArmResource[] = [];
  const policies = resources.filter((r) => r.type === "Microsoft.CognitiveServices/accounts/raiPolicies");
  for (const resource of resources) {
    if (resource.type === "Microsoft.CognitiveServices/accounts") {
      const connections = endpointConnections(resource, views, subscription);
      resource.properties.privateEndpointConnections = connections.map((c) => ({
        id: c.id,
        name: c.name,
        properties: c.properties,
      }));
      derived.push(...connections);
    }
    if (resource.type === "Microsoft.CognitiveServices/accounts/deployments")
      derived.push(dataDeployment(resource, policies));
  }
  return [...resources, ...derived];
}
