/**
 * Pulumi mocks that answer like Azure Resource Manager: ARM resource ids, the resource's name as
 * ARM reports it, and the computed properties the program reads (endpoint, identity principal).
 */
import { createHash } from "node:crypto";
import type * as pulumi from "@pulumi/pulumi";

/** The subscription id the offline plan pretends to deploy into. */
export const OFFLINE_SUBSCRIPTION_ID = "00000000-0000-0000-0000-000000000000";
export const OFFLINE_TENANT_ID = "11111111-1111-1111-1111-111111111111";

type Inputs = Record<string, unknown>;

/** The principal the offline plan pretends to deploy as (what getClientConfig answers). */
const OFFLINE_DEPLOYER = {
  clientId: "22222222-2222-2222-2222-222222222222",
  objectId: "33333333-3333-3333-3333-333333333333",
  tenantId: OFFLINE_TENANT_ID,
};

/** A stable GUID derived from its parts, so mocked principal ids are the same on every run. */
export function stableGuid(...parts: string[]): string {
  const hex = createHash("sha256").update(parts.join("\u0000")).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const str = (inputs: Inputs, key: string): string => String(inputs[key] ?? "");
const groupId = (inputs: Inputs) =>
  `/subscriptions/${OFFLINE_SUBSCRIPTION_ID}/resourceGroups/${str(inputs, "resourceGroupName")}`;
const networkId = (inputs: Inputs, type: string, name: string) =>
  `${groupId(inputs)}/providers/Microsoft.Network/${type}/${name}`;
const apimId = (inputs: Inputs) =>
  `${groupId(inputs)}/providers/Microsoft.ApiManagement/service/${str(inputs, "serviceName")}`;
const apimChild = (collection: string, nameInput: string): ArmShape => ({
  nameInput,
  id: (inputs, name) => `${apimId(inputs)}/${collection}/${name}`,
});
const accountId = (inputs: Inputs) =>
  `${groupId(inputs)}/providers/Microsoft.CognitiveServices/accounts/${str(inputs, "accountName")}`;

interface ArmShape {
  /** The input that holds the resource's ARM name. */
  nameInput: string;
  id: (inputs: Inputs, name: string) => string;
  /** Properties Azure computes on creation. */
  computed?: (inputs: Inputs, name: string) => Inputs;
}

const ARM_SHAPES: Record<string, ArmShape> = {
  "azure-native:resources:ResourceGroup": {
    nameInput: "resourceGroupName",
    id: (_inputs, name) => `/subscriptions/${OFFLINE_SUBSCRIPTION_ID}/resourceGroups/${name}`,
  },
  "azure-native:cognitiveservices:Account": {
    nameInput: "accountName",
    id: (inputs) => accountId(inputs),
    computed: (inputs, name) => {
      const properties = (inputs.properties ?? {}) as Inputs;
      const subDomain = str(properties, "customSubDomainName") || name.toLowerCase();
      const identity = (inputs.identity ?? {}) as Inputs;
      return {
        properties: {
          ...properties,
          provisioningState: "Succeeded",
          endpoint:
            inputs.kind === "OpenAI"
              ? `https://${subDomain}.openai.azure.com/`
              : `https://${subDomain}.cognitiveservices.azure.com/`,
          endpoints: { "OpenAI Language Model Instance API": `https://${subDomain}.openai.azure.com/` },
        },
        identity: String(identity.type ?? "").includes("SystemAssigned")
          ? { ...identity, principalId: stableGuid("principal", name), tenantId: OFFLINE_TENANT_ID }
          : identity,
      };
    },
  },
  "azure-native:cognitiveservices:Deployment": {
    nameInput: "deploymentName",
    id: (inputs, name) => `${accountId(inputs)}/deployments/${name}`,
  },
  "azure-native:cognitiveservices:RaiPolicy": {
    nameInput: "raiPolicyName",
    id: (inputs, name) => `${accountId(inputs)}/raiPolicies/${name}`,
  },
  "azure-native:cognitiveservices:RaiBlocklist": {
    nameInput: "raiBlocklistName",
    id: (inputs, name) => `${accountId(inputs)}/raiBlocklists/${name}`,
  },
  "azure-native:managedidentity:UserAssignedIdentity": {
    nameInput: "resourceName",
    id: (inputs, name) =>
      `${groupId(inputs)}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${name}`,
    computed: (inputs, name) => ({
      principalId: stableGuid("principal", groupId(inputs), name),
      clientId: stableGuid("client", groupId(inputs), name),
      tenantId: OFFLINE_TENANT_ID,
    }),
  },
  "azure-native:authorization:RoleAssignment": {
    nameInput: "roleAssignmentName",
    id: (inputs, name) => `${str(inputs, "scope")}/providers/Microsoft.Authorization/roleAssignments/${name}`,
  },
  // Microsoft Graph objects (azuread): object ids and client ids are GUIDs, stable per display name.
  "azuread:index/group:Group": {
    nameInput: "displayName",
    id: (_inputs, name) => stableGuid("group", name),
    computed: (_inputs, name) => ({ objectId: stableGuid("group", name) }),
  },
  "azuread:index/application:Application": {
    nameInput: "displayName",
    id: (_inputs, name) => `/applications/${stableGuid("application", name)}`,
    computed: (_inputs, name) => ({
      objectId: stableGuid("application", name),
      clientId: stableGuid("client", name),
    }),
  },
  "azuread:index/servicePrincipal:ServicePrincipal": {
    nameInput: "clientId",
    id: (_inputs, clientId) => `/servicePrincipals/${stableGuid("service-principal", clientId)}`,
    computed: (_inputs, clientId) => ({
      objectId: stableGuid("service-principal", clientId),
      applicationTenantId: OFFLINE_TENANT_ID,
    }),
  },
  "azuread:index/applicationFederatedIdentityCredential:ApplicationFederatedIdentityCredential": {
    nameInput: "displayName",
    id: (inputs, name) =>
      `${str(inputs, "applicationId")}/federatedIdentityCredential/${stableGuid("credential", str(inputs, "applicationId"), name)}`,
  },
  "azure-native:cognitiveservices:RaiBlocklistItem": {
    nameInput: "raiBlocklistItemName",
    id: (inputs, name) =>
      `${accountId(inputs)}/raiBlocklists/${str(inputs, "raiBlocklistName")}/raiBlocklistItems/${name}`,
  },
  "azure-native:operationalinsights:Workspace": {
    nameInput: "workspaceName",
    id: (inputs, name) => `${groupId(inputs)}/providers/Microsoft.OperationalInsights/workspaces/${name}`,
    computed: (_inputs, name) => ({
      customerId: stableGuid("workspace", name),
      provisioningState: "Succeeded",
    }),
  },
  "azure-native:monitor:DiagnosticSetting": {
    nameInput: "name",
    id: (inputs, name) =>
      `${str(inputs, "resourceUri")}/providers/Microsoft.Insights/diagnosticSettings/${name}`,
  },
  "azure-native:monitor:ActionGroup": {
    nameInput: "actionGroupName",
    id: (inputs, name) => `${groupId(inputs)}/providers/Microsoft.Insights/actionGroups/${name}`,
  },
  "azure-native:monitor:MetricAlert": {
    nameInput: "ruleName",
    id: (inputs, name) => `${groupId(inputs)}/providers/Microsoft.Insights/metricAlerts/${name}`,
  },
  "azure-native:consumption:Budget": {
    nameInput: "budgetName",
    id: (inputs, name) => `${str(inputs, "scope")}/providers/Microsoft.Consumption/budgets/${name}`,
  },
  "azure-native:apimanagement:ApiManagementService": {
    nameInput: "serviceName",
    id: (inputs) => apimId(inputs),
    computed: (inputs, name) => ({
      gatewayUrl: `https://${name}.azure-api.net`,
      identity: {
        ...((inputs.identity ?? {}) as Inputs),
        principalId: stableGuid("principal", name),
        tenantId: OFFLINE_TENANT_ID,
      },
    }),
  },
  "azure-native:apimanagement:Backend": apimChild("backends", "backendId"),
  "azure-native:apimanagement:Api": apimChild("apis", "apiId"),
  "azure-native:apimanagement:Logger": apimChild("loggers", "loggerId"),
  "azure-native:apimanagement:Subscription": apimChild("subscriptions", "sid"),
  "azure-native:apimanagement:ApiPolicy": {
    nameInput: "policyId",
    id: (inputs, name) => `${apimId(inputs)}/apis/${str(inputs, "apiId")}/policies/${name}`,
  },
  "azure-native:apimanagement:ApiDiagnostic": {
    nameInput: "diagnosticId",
    id: (inputs, name) => `${apimId(inputs)}/apis/${str(inputs, "apiId")}/diagnostics/${name}`,
  },
  "azure-native:network:VirtualNetwork": {
    nameInput: "virtualNetworkName",
    id: (inputs, name) => networkId(inputs, "virtualNetworks", name),
  },
  "azure-native:network:Subnet": {
    nameInput: "subnetName",
    id: (inputs, name) =>
      `${networkId(inputs, "virtualNetworks", str(inputs, "virtualNetworkName"))}/subnets/${name}`,
  },
  "azure-native:network:NetworkSecurityGroup": {
    nameInput: "networkSecurityGroupName",
    id: (inputs, name) => networkId(inputs, "networkSecurityGroups", name),
  },
  "azure-native:authorization:ManagementLockByScope": {
    nameInput: "lockName",
    id: (inputs, name) => `${str(inputs, "scope")}/providers/Microsoft.Authorization/locks/${name}`,
  },
  "azure-native:network:PrivateEndpoint": {
    nameInput: "privateEndpointName",
    id: (inputs, name) => networkId(inputs, "privateEndpoints", name),
  },
  "azure-native:network:PrivateDnsZoneGroup": {
    nameInput: "privateDnsZoneGroupName",
    id: (inputs, name) =>
      `${networkId(inputs, "privateEndpoints", str(inputs, "privateEndpointName"))}/privateDnsZoneGroups/${name}`,
  },
  "azure-native:privatedns:PrivateZone": {
    nameInput: "privateZoneName",
    id: (inputs, name) => networkId(inputs, "privateDnsZones", name),
  },
  "azure-native:privatedns:VirtualNetworkLink": {
    nameInput: "virtualNetworkLinkName",
    id: (inputs, name) =>
      `${networkId(inputs, "privateDnsZones", str(inputs, "privateZoneName"))}/virtualNetworkLinks/${name}`,
  },
};

/** Mocked id and state of a resource; unknown types get a plausible id from their token. */
export function mockResource(args: pulumi.runtime.MockResourceArgs): { id: string; state: Inputs } {
  const inputs = args.inputs as Inputs;
  const shape = ARM_SHAPES[args.type];
  if (!shape) {
    return { id: `${args.name}-id`, state: { ...inputs, name: args.name } };
  }
  const name = str(inputs, shape.nameInput) || args.name;
  return { id: shape.id(inputs, name), state: { ...inputs, name, ...shape.computed?.(inputs, name) } };
}

/** Mocked provider functions (invokes). */
export function mockCall(args: pulumi.runtime.MockCallArgs, defaultLocation: string): Inputs {
  const inputs = args.inputs as Inputs;
  switch (args.token) {
    case "azure-native:resources:getResourceGroup": {
      const name = str(inputs, "resourceGroupName");
      return {
        id: `/subscriptions/${OFFLINE_SUBSCRIPTION_ID}/resourceGroups/${name}`,
        name,
        location: defaultLocation,
      };
    }
    case "azure-native:authorization:getClientConfig":
      return { ...OFFLINE_DEPLOYER, subscriptionId: OFFLINE_SUBSCRIPTION_ID };
    case "azuread:index/getClientConfig:getClientConfig":
      return { ...OFFLINE_DEPLOYER, id: OFFLINE_DEPLOYER.clientId };
    case "azuread:index/getGroup:getGroup": {
      const objectId = stableGuid("group", str(inputs, "displayName"));
      return { ...inputs, id: objectId, objectId, mailEnabled: false, securityEnabled: true, members: [] };
    }
    default:
      throw new Error(`the offline plan has no mock for the provider function ${args.token}`);
  }
}

export function azureMocks(defaultLocation: string): pulumi.runtime.Mocks {
  return {
    newResource: (args) => mockResource(args),
    call: (args) => mockCall(args, defaultLocation),
  };
}
