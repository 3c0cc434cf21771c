/** How azure-native turns inputs into the ARM request, per type the program creates, and the facts' bindings. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ARM_SPEC_BINDINGS, armSpecBindingOf } from "../src/plan/armSpec/facts";
import { armRequest } from "../src/plan/armSpec/requestBody";
import { loadSpec } from "../src/plan/armSpec/sdkMappers";
import type { Mapper } from "../src/plan/armSpec/types";

function request(token: string, inputs: Record<string, unknown>) {
  const binding = armSpecBindingOf(token, inputs);
  if (!binding) throw new Error(`no binding for ${token}`);
  const spec = loadSpec(binding);
  return armRequest(
    inputs,
    binding.pathParameters.map((p) => p.name),
    spec.body,
    spec.registry,
  );
}

const RG = { resourceGroupName: "rg" };
const TAGS = { tags: { environment: "prod" } };
const ID = "/subscriptions/s/resourceGroups/rg/providers/X/y/z";
const APIM = { resourceGroupName: "rg", serviceName: "gw" };

/** [token, inputs, path parameters, body] — inputs as the components register them. */
const CASES: [string, Record<string, unknown>, Record<string, unknown>, Record<string, unknown>][] = [
  [
    "azure-native:resources:ResourceGroup",
    { ...RG, location: "swedencentral", ...TAGS },
    RG,
    { location: "swedencentral", ...TAGS },
  ],
  [
    "azure-native:cognitiveservices:Account",
    {
      ...RG,
      accountName: "a",
      kind: "OpenAI",
      sku: { name: "S0" },
      identity: { type: "UserAssigned", userAssignedIdentities: [ID] },
      properties: { disableLocalAuth: true },
    },
    { ...RG, accountName: "a" },
    {
      kind: "OpenAI",
      sku: { name: "S0" },
      identity: { type: "UserAssigned", userAssignedIdentities: { [ID]: {} } },
      properties: { disableLocalAuth: true },
    },
  ],
  [
    "azure-native:cognitiveservices:Deployment",
    {
      ...RG,
      accountName: "a",
      deploymentName: "chat",
      sku: { name: "GlobalStandard", capacity: 10 },
      properties: { model: { name: "gpt-4.1" } },
    },
    { ...RG, accountName: "a", deploymentName: "chat" },
    { sku: { name: "GlobalStandard", capacity: 10 }, properties: { model: { name: "gpt-4.1" } } },
  ],
  [
    "azure-native:cognitiveservices:RaiPolicy",
    { ...RG, accountName: "a", raiPolicyName: "p", properties: { mode: "Default" }, ...TAGS },
    { ...RG, accountName: "a", raiPolicyName: "p" },
    { properties: { mode: "Default" }, ...TAGS },
  ],
  [
    "azure-native:cognitiveservices:RaiBlocklist",
    { ...RG, accountName: "a", raiBlocklistName: "b", properties: { description: "d" } },
    { ...RG, accountName: "a", raiBlocklistName: "b" },
    { properties: { description: "d" } },
  ],
  [
    "azure-native:cognitiveservices:RaiBlocklistItem",
    {
      ...RG,
      accountName: "a",
      raiBlocklistName: "b",
      raiBlocklistItemName: "i",
      properties: { pattern: "x", isRegex: false },
    },
    { ...RG, accountName: "a", raiBlocklistName: "b", raiBlocklistItemName: "i" },
    { properties: { pattern: "x", isRegex: false } },
  ],
  [
    "azure-native:network:VirtualNetwork",
    {
      ...RG,
      virtualNetworkName: "v",
      location: "l",
      addressSpace: { addressPrefixes: ["10.0.0.0/24"] },
      enableDdosProtection: false,
    },
    { ...RG, virtualNetworkName: "v" },
    {
      location: "l",
      properties: { addressSpace: { addressPrefixes: ["10.0.0.0/24"] }, enableDdosProtection: false },
    },
  ],
  [
    "azure-native:network:Subnet",
    {
      ...RG,
      virtualNetworkName: "v",
      subnetName: "s",
      addressPrefix: "10.0.0.0/27",
      defaultOutboundAccess: false,
    },
    { ...RG, virtualNetworkName: "v", subnetName: "s" },
    { properties: { addressPrefix: "10.0.0.0/27", defaultOutboundAccess: false } },
  ],
  [
    "azure-native:network:PrivateEndpoint",
    {
      ...RG,
      privateEndpointName: "pe",
      location: "l",
      subnet: { id: ID, privateEndpointNetworkPolicies: "Disabled" },
      privateLinkServiceConnections: [{ name: "c", groupIds: ["account"], privateLinkServiceId: ID }],
      customNetworkInterfaceName: "pe-nic",
    },
    { ...RG, privateEndpointName: "pe" },
    {
      location: "l",
      properties: {
        subnet: { id: ID, properties: { privateEndpointNetworkPolicies: "Disabled" } },
        privateLinkServiceConnections: [
          { name: "c", properties: { groupIds: ["account"], privateLinkServiceId: ID } },
        ],
        customNetworkInterfaceName: "pe-nic",
      },
    },
  ],
  [
    "azure-native:network:PrivateDnsZoneGroup",
    {
      ...RG,
      privateEndpointName: "pe",
      privateDnsZoneGroupName: "default",
      privateDnsZoneConfigs: [{ name: "z", privateDnsZoneId: ID }],
    },
    { ...RG, privateEndpointName: "pe", privateDnsZoneGroupName: "default" },
    { properties: { privateDnsZoneConfigs: [{ name: "z", properties: { privateDnsZoneId: ID } }] } },
  ],
  [
    "azure-native:privatedns:PrivateZone",
    { ...RG, privateZoneName: "privatelink.openai.azure.com", location: "global" },
    { ...RG, privateZoneName: "privatelink.openai.azure.com" },
    { location: "global" },
  ],
  [
    "azure-native:privatedns:VirtualNetworkLink",
    {
      ...RG,
      privateZoneName: "z",
      virtualNetworkLinkName: "l",
      location: "global",
      registrationEnabled: false,
      virtualNetwork: { id: ID },
    },
    { ...RG, privateZoneName: "z", virtualNetworkLinkName: "l" },
    { location: "global", properties: { registrationEnabled: false, virtualNetwork: { id: ID } } },
  ],
  [
    "azure-native:managedidentity:UserAssignedIdentity",
    { ...RG, resourceName: "id-app", location: "l" },
    { ...RG, resourceName: "id-app" },
    { location: "l" },
  ],
  [
    "azure-native:managedidentity:FederatedIdentityCredential",
    {
      ...RG,
      resourceName: "id-app",
      federatedIdentityCredentialResourceName: "gh",
      issuer: "https://i",
      subject: "s",
      audiences: ["api://AzureADTokenExchange"],
    },
    { ...RG, resourceName: "id-app", federatedIdentityCredentialResourceName: "gh" },
    { properties: { issuer: "https://i", subject: "s", audiences: ["api://AzureADTokenExchange"] } },
  ],
  [
    "azure-native:authorization:RoleAssignment",
    { scope: ID, roleAssignmentName: "g", principalId: "p", principalType: "Group", roleDefinitionId: "r" },
    { scope: ID, roleAssignmentName: "g" },
    { properties: { principalId: "p", principalType: "Group", roleDefinitionId: "r" } },
  ],
  [
    "azure-native:authorization:ManagementLockByScope",
    { scope: ID, lockName: "l", level: "CanNotDelete", notes: "n" },
    { scope: ID, lockName: "l" },
    { properties: { level: "CanNotDelete", notes: "n" } },
  ],
  [
    "azure-native:network:NetworkSecurityGroup",
    {
      ...RG,
      networkSecurityGroupName: "n",
      location: "l",
      securityRules: [{ name: "r", priority: 100, direction: "Inbound", access: "Allow", protocol: "Tcp" }],
    },
    { ...RG, networkSecurityGroupName: "n" },
    {
      location: "l",
      properties: {
        securityRules: [
          {
            name: "r",
            properties: { priority: 100, direction: "Inbound", access: "Allow", protocol: "Tcp" },
          },
        ],
      },
    },
  ],
  [
    "azure-native:monitor:DiagnosticSetting",
    { resourceUri: ID, name: "d", workspaceId: ID, logs: [{ categoryGroup: "allLogs", enabled: true }] },
    { resourceUri: ID, name: "d" },
    { properties: { workspaceId: ID, logs: [{ categoryGroup: "allLogs", enabled: true }] } },
  ],
  [
    "azure-native:monitor:MetricAlert",
    {
      ...RG,
      ruleName: "r",
      location: "global",
      severity: 2,
      criteria: { odataType: "Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria", allOf: [] },
    },
    { ...RG, ruleName: "r" },
    {
      location: "global",
      properties: {
        severity: 2,
        criteria: { "odata.type": "Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria", allOf: [] },
      },
    },
  ],
  [
    "azure-native:monitor:ActionGroup",
    {
      ...RG,
      actionGroupName: "ag",
      location: "global",
      groupShortName: "ag",
      enabled: true,
      emailReceivers: [{ name: "e", emailAddress: "a@b.c" }],
    },
    { ...RG, actionGroupName: "ag" },
    {
      location: "global",
      properties: {
        groupShortName: "ag",
        enabled: true,
        emailReceivers: [{ name: "e", emailAddress: "a@b.c" }],
      },
    },
  ],
  [
    "azure-native:operationalinsights:Workspace",
    {
      ...RG,
      workspaceName: "log-x",
      location: "l",
      sku: { name: "PerGB2018" },
      retentionInDays: 30,
      workspaceCapping: { dailyQuotaGb: 5 },
    },
    { ...RG, workspaceName: "log-x" },
    {
      location: "l",
      properties: { sku: { name: "PerGB2018" }, retentionInDays: 30, workspaceCapping: { dailyQuotaGb: 5 } },
    },
  ],
  [
    "azure-native:consumption:Budget",
    {
      scope: ID,
      budgetName: "b",
      amount: 10,
      category: "Cost",
      timeGrain: "Monthly",
      notifications: { n: { threshold: 80 } },
    },
    { scope: ID, budgetName: "b" },
    {
      properties: {
        amount: 10,
        category: "Cost",
        timeGrain: "Monthly",
        notifications: { n: { threshold: 80 } },
      },
    },
  ],
  [
    // The generic resource: every input but the path parameters is already the body ARM takes.
    "azure-native:resources:Resource",
    {
      ...RG,
      resourceProviderNamespace: "Microsoft.CognitiveServices",
      parentResourcePath: "accounts/a",
      resourceType: "defenderForAISettings",
      resourceName: "Default",
      apiVersion: "2025-06-01",
      properties: { state: "Enabled" },
    },
    {
      ...RG,
      resourceProviderNamespace: "Microsoft.CognitiveServices",
      parentResourcePath: "accounts/a",
      resourceType: "defenderForAISettings",
      resourceName: "Default",
      apiVersion: "2025-06-01",
    },
    { properties: { state: "Enabled" } },
  ],
  // API Management (the AI gateway): flattened `properties`, and a pool's properties.type, not the read-only resource type.
  [
    "azure-native:apimanagement:ApiManagementService",
    {
      ...APIM,
      location: "swedencentral",
      sku: { name: "StandardV2", capacity: 1 },
      identity: { type: "SystemAssigned" },
      publisherEmail: "platform@example.com",
      publisherName: "Platform",
      virtualNetworkType: "External",
      virtualNetworkConfiguration: { subnetResourceId: ID },
    },
    APIM,
    {
      location: "swedencentral",
      sku: { name: "StandardV2", capacity: 1 },
      identity: { type: "SystemAssigned" },
      properties: {
        publisherEmail: "platform@example.com",
        publisherName: "Platform",
        virtualNetworkType: "External",
        virtualNetworkConfiguration: { subnetResourceId: ID },
      },
    },
  ],
  [
    "azure-native:apimanagement:Backend",
    { ...APIM, backendId: "pool", type: "Pool", pool: { services: [{ id: ID, priority: 1, weight: 2 }] } },
    { ...APIM, backendId: "pool" },
    { properties: { type: "Pool", pool: { services: [{ id: ID, priority: 1, weight: 2 }] } } },
  ],
  [
    "azure-native:apimanagement:Api",
    {
      ...APIM,
      apiId: "azure-openai",
      path: "openai",
      format: "openapi+json-link",
      value: "https://x/inference.json",
    },
    { ...APIM, apiId: "azure-openai" },
    { properties: { path: "openai", format: "openapi+json-link", value: "https://x/inference.json" } },
  ],
  [
    "azure-native:apimanagement:ApiPolicy",
    { ...APIM, apiId: "azure-openai", policyId: "policy", format: "xml", value: "<policies />" },
    { ...APIM, apiId: "azure-openai", policyId: "policy" },
    { properties: { format: "xml", value: "<policies />" } },
  ],
  [
    "azure-native:apimanagement:Logger",
    {
      ...APIM,
      loggerId: "ai",
      loggerType: "applicationInsights",
      resourceId: ID,
      credentials: { connectionString: "c" },
    },
    { ...APIM, loggerId: "ai" },
    {
      properties: {
        loggerType: "applicationInsights",
        resourceId: ID,
        credentials: { connectionString: "c" },
      },
    },
  ],
  [
    "azure-native:applicationinsights:Component",
    {
      ...RG,
      resourceName: "appi-gw",
      location: "swedencentral",
      kind: "web",
      applicationType: "other",
      ingestionMode: "LogAnalytics",
      workspaceResourceId: ID,
      disableLocalAuth: true,
      ...TAGS,
    },
    { ...RG, resourceName: "appi-gw" },
    {
      location: "swedencentral",
      kind: "web",
      ...TAGS,
      properties: {
        Application_Type: "other",
        IngestionMode: "LogAnalytics",
        WorkspaceResourceId: ID,
        DisableLocalAuth: true,
      },
    },
  ],
  [
    "azure-native:apimanagement:ApiDiagnostic",
    { ...APIM, apiId: "azure-openai", diagnosticId: "applicationinsights", loggerId: ID, metrics: true },
    { ...APIM, apiId: "azure-openai", diagnosticId: "applicationinsights" },
    { properties: { loggerId: ID, metrics: true } },
  ],
  [
    "azure-native:apimanagement:Subscription",
    { ...APIM, sid: "partner", displayName: "partner", scope: "/apis/azure-openai", state: "active" },
    { ...APIM, sid: "partner" },
    { properties: { displayName: "partner", scope: "/apis/azure-openai", state: "active" } },
  ],
];

describe("azure-native inputs → ARM request", () => {
  it.each(CASES)("%s", (token, inputs, pathParameters, body) => {
    expect(request(token, inputs)).toEqual({ pathParameters, body });
  });

  it("covers every bound type", () => {
    expect(CASES.map(([token]) => token).sort()).toEqual(ARM_SPEC_BINDINGS.map((b) => b.token).sort());
  });

  it("turns a list into a map only for maps of objects (identities), never for tags", () => {
    const found = request("azure-native:resources:ResourceGroup", { ...RG, location: "l", tags: ["a"] });
    expect(found.body).toEqual({ location: "l", tags: ["a"] });
  });

  it("gives an input to one property only when a flattened property has the same wire name", () => {
    const mapper: Mapper = {
      type: {
        name: "Composite",
        className: "Thing",
        modelProperties: {
          name: { serializedName: "name", type: { name: "String" } },
          innerName: { serializedName: "properties.name", type: { name: "String" } },
        },
      },
    };
    expect(armRequest({ name: "n" }, [], mapper, { classes: {}, discriminators: {} }).body).toEqual({
      name: "n",
    });
  });

  it("keeps an input the spec does not know where it stands, so it is reported", () => {
    expect(request("azure-native:network:Subnet", { subnetName: "s", foo: 1 }).body).toEqual({ foo: 1 });
  });
});

describe("facts: the bindings", () => {
  it.each(ARM_SPEC_BINDINGS.map((b) => [b.token, b] as const))(
    "%s uses the API version of @pulumi/azure-native and loads its SDK release",
    (token, binding) => {
      const [, module, type] = token.split(":") as [string, string, string];
      const typings = readFileSync(
        `node_modules/@pulumi/azure-native/${module}/${type.charAt(0).toLowerCase()}${type.slice(1)}.d.ts`,
        "utf8",
      );
      // The generic resource sends the API version its inputs name (the binding's, from the SDK release).
      if (binding.generic) expect(binding.sdk.apiVersion).toBe(binding.apiVersion);
      else expect(typings).toContain(`Uses Azure REST API version ${binding.apiVersion}.`);
      const spec = loadSpec(binding);
      expect(spec.body.type.className).toBe(binding.body);
      for (const parameter of binding.pathParameters) {
        if (parameter.sdkParameter) expect(spec.parameters[parameter.sdkParameter]).toBeDefined();
      }
    },
  );
});
