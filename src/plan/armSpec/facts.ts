/**
 * Which Azure REST API spec each azure-native resource type the program creates is checked against, and
 * where its constraints come from: the serializer mappers of an Azure SDK for JavaScript management
 * package (`@azure/arm-*`, one API version per release) whose API version is the one `@pulumi/azure-native`
 * 3.28 uses for that type ("Uses Azure REST API version …" in node_modules/@pulumi/azure-native/<module>/<type>.d.ts).
 * Where no release matches, the closest release's mappers are used and every difference from the spec of
 * azure-native's version is transcribed below with its spec path (Azure/azure-rest-api-specs, at the commit
 * given), compared definition by definition and property by property.
 *
 * The API version of each SDK release was read from the release itself (the client's default `apiVersion`
 * and `models/parameters.js`). Packages that are TypeSpec "modular" releases (engines node >= 22, no
 * mappers: @azure/arm-monitor 8, @azure/arm-privatedns 4, @azure/arm-operationalinsights 11) carry no
 * constraints and are not used.
 */
import type { Mapper } from "./types";

/** An installed `@azure/arm-*` release (package.json name, possibly an npm alias) and its mapper modules. */
export interface SdkRelease {
  /** The name it is installed under (an npm alias when another version of the package is installed too). */
  install: string;
  /** The package on npm and its exact version (checked when loading). */
  package: string;
  version: string;
  /** The API version of the operations used (the release's `apiVersion` parameter default). */
  apiVersion: string;
  /** Module paths inside the package: the mappers, and the parameters when loadable (CommonJS builds). */
  mappers: string;
  parameters?: string;
}

const cognitiveservices2025_06_01: SdkRelease = {
  install: "arm-cognitiveservices-2025-06-01",
  package: "@azure/arm-cognitiveservices",
  version: "7.7.0",
  apiVersion: "2025-06-01",
  mappers: "dist/commonjs/models/mappers.js",
  parameters: "dist/commonjs/models/parameters.js",
};
const locks2020_05_01: SdkRelease = {
  install: "@azure/arm-locks",
  package: "@azure/arm-locks",
  version: "2.1.0",
  apiVersion: "2020-05-01",
  mappers: "dist-esm/src/models/mappers.js",
};
const network2024_05_01: SdkRelease = {
  install: "@azure/arm-network",
  package: "@azure/arm-network",
  version: "33.5.0",
  apiVersion: "2024-05-01",
  mappers: "dist-esm/src/models/mappers.js",
};
const privatedns2020_06_01: SdkRelease = {
  install: "@azure/arm-privatedns",
  package: "@azure/arm-privatedns",
  version: "3.2.0",
  apiVersion: "2020-06-01",
  mappers: "dist-esm/src/models/mappers.js",
};
const msi2023_01_31: SdkRelease = {
  install: "@azure/arm-msi",
  package: "@azure/arm-msi",
  version: "2.1.0",
  apiVersion: "2023-01-31",
  mappers: "dist-esm/src/models/mappers.js",
};
const authorization2022_04_01: SdkRelease = {
  install: "@azure/arm-authorization",
  package: "@azure/arm-authorization",
  version: "9.0.0",
  apiVersion: "2022-04-01",
  mappers: "dist-esm/src/models/mappers.js",
};
/** Multi-API: metricAlerts 2018-03-01, diagnosticSettings 2017-05-01-preview, actionGroups 2021-09-01. */
const monitor7: SdkRelease = {
  install: "@azure/arm-monitor",
  package: "@azure/arm-monitor",
  version: "7.0.0",
  apiVersion: "2018-03-01",
  mappers: "dist-esm/src/models/mappers.js",
};
const operationalinsights2022_10_01: SdkRelease = {
  install: "@azure/arm-operationalinsights",
  package: "@azure/arm-operationalinsights",
  version: "9.0.0",
  apiVersion: "2022-10-01",
  mappers: "dist-esm/src/models/mappers.js",
};
const consumption2021_10_01: SdkRelease = {
  install: "@azure/arm-consumption",
  package: "@azure/arm-consumption",
  version: "9.2.0",
  apiVersion: "2021-10-01",
  mappers: "dist-esm/src/models/mappers.js",
};
const resources2024_11_01: SdkRelease = {
  install: "@azure/arm-resources",
  package: "@azure/arm-resources",
  version: "6.0.0",
  apiVersion: "2024-11-01",
  mappers: "dist/commonjs/models/mappers.js",
  parameters: "dist/commonjs/models/parameters.js",
};

/** The only release whose components operations are 2020-02-02 (4.0.0's are 2015-05-01). */
const appinsights2020_02_02: SdkRelease = {
  install: "@azure/arm-appinsights",
  package: "@azure/arm-appinsights",
  version: "5.0.0-beta.8",
  apiVersion: "2020-02-02",
  mappers: "dist/commonjs/models/mappers.js",
  parameters: "dist/commonjs/models/parameters.js",
};

const apimanagement2024_05_01: SdkRelease = {
  install: "@azure/arm-apimanagement",
  package: "@azure/arm-apimanagement",
  version: "10.0.0",
  apiVersion: "2024-05-01",
  mappers: "dist/commonjs/models/mappers.js",
  parameters: "dist/commonjs/models/parameters.js",
};

/** A URL path parameter: checked by the SDK's parameter mapper, or by constraints transcribed from the spec. */
export interface PathParameter {
  /** The azure-native input (= the spec's parameter name). */
  name: string;
  /** The export of the SDK release's `models/parameters.js` that describes it. */
  sdkParameter?: string;
  /** Constraints transcribed from the spec, when the SDK's parameters cannot be loaded (ES module builds). */
  spec?: { pattern?: string; minLength?: number; maxLength?: number; source: string };
}

/** One transcribed difference between the SDK release's mappers and the spec of azure-native's version. */
export interface SpecDifference {
  /** The mapper class (spec definition) and the property (the SDK's client name) it changes or adds. */
  definition: string;
  property: string;
  /** The property as the spec of azure-native's API version defines it (merged into the SDK's, or added). */
  mapper: Partial<Mapper>;
  /** What the spec says, in words. */
  fact: string;
}

export interface ArmSpecBinding {
  /** The azure-native type token. */
  token: string;
  armType: string;
  /** The API version @pulumi/azure-native 3.28 uses for this type (for a generic resource: the one its inputs name). */
  apiVersion: string;
  /** The spec file in Azure/azure-rest-api-specs and the commit compared. */
  spec: { path: string; commit: string };
  /** The body definition: a class of the SDK's mappers. */
  body: string;
  sdk: SdkRelease;
  pathParameters: readonly PathParameter[];
  /** Empty when the SDK release is of the same API version and its mappers match the spec. */
  differences: readonly SpecDifference[];
  /**
   * For the generic `azure-native:resources:Resource`: the provider namespace and resource type (and
   * `apiVersion` above) its inputs must name for this binding to apply.
   */
  generic?: { resourceProviderNamespace: string; resourceType: string };
}

const COGNITIVE_SPEC = {
  path: "specification/cognitiveservices/resource-manager/Microsoft.CognitiveServices/stable/2025-06-01/cognitiveservices.json",
  commit: "19b0bf17b2ede1a7ce4aca201cd5c567c93e4ccf",
};
const NETWORK_SPEC = {
  path: "specification/network/resource-manager/Microsoft.Network/stable/2024-05-01/virtualNetwork.json",
  commit: "4e8108cc8dd608db81c7d08502613e5917032ab7",
};
const LOCKS_SPEC = {
  path: "specification/resources/resource-manager/Microsoft.Authorization/stable/2020-05-01/locks.json",
  commit: "186661d0fab465b7c146635af004b720ab5c70fd",
};
const NSG_SPEC = {
  path: "specification/network/resource-manager/Microsoft.Network/stable/2024-05-01/networkSecurityGroup.json",
  commit: "c93887028b4d26ea3c19a1c5be394b4f69e636c3",
};
const PRIVATE_ENDPOINT_SPEC = {
  path: "specification/network/resource-manager/Microsoft.Network/stable/2024-05-01/privateEndpoint.json",
  commit: "3cab51ba6ff8243bba2a305420128f9db9047f98",
};
const PRIVATEDNS_SPEC = {
  path: "specification/privatedns/resource-manager/Microsoft.Network/stable/2024-06-01/privatedns.json",
  commit: "0ebdc78c9d2bf020990c4182f395a3cc99c3ead1",
};
const MSI_SPEC = {
  path: "specification/msi/resource-manager/Microsoft.ManagedIdentity/stable/2023-01-31/ManagedIdentity.json",
  commit: "16c9ca7681ac3c81b41c6159d60e8bfabb32bc65",
};
const METRIC_ALERT_SPEC = {
  path: "specification/monitor/resource-manager/Microsoft.Insights/stable/2018-03-01/metricAlert_API.json",
  commit: "02dc1ea98f3df67b7ec9b16136fcf9a3161206e7",
};
const DIAGNOSTIC_SETTINGS_SPEC = {
  path: "specification/monitor/resource-manager/Microsoft.Insights/preview/2021-05-01-preview/diagnosticsSettings_API.json",
  commit: "029741f2a57be0df0c346983e76f08dc7a69058a",
};
const ACTION_GROUPS_SPEC = {
  path: "specification/monitor/resource-manager/Microsoft.Insights/preview/2024-10-01-preview/actionGroups_API.json",
  commit: "025aae4067b2b209daf98526e9c66be56faf1855",
};
const WORKSPACES_SPEC = {
  path: "specification/operationalinsights/resource-manager/Microsoft.OperationalInsights/stable/2023-09-01/Workspaces.json",
  commit: "0dcfa37f9e6838328ebfae44ceb216b6ee066949",
};
const APP_INSIGHTS_SPEC = {
  path: "specification/applicationinsights/resource-manager/Microsoft.Insights/stable/2020-02-02/components_API.json",
  commit: "1d62310f76fe82c5bb093503d688ba3205c42753",
};
const BUDGETS_SPEC = {
  path: "specification/consumption/resource-manager/Microsoft.Consumption/stable/2024-08-01/consumption.json",
  commit: "357446b144be4f45402032b55bc349baffdccb97",
};
const ROLE_ASSIGNMENTS_SPEC = {
  path: "specification/authorization/resource-manager/Microsoft.Authorization/stable/2022-04-01/authorization-RoleAssignmentsCalls.json",
  commit: "007a51db374076edb902fd44eb8299eea6336335",
};
const RESOURCE_GROUPS_SPEC = {
  path: "specification/resources/resource-manager/Microsoft.Resources/stable/2024-03-01/resources.json",
  commit: "1eb311c3f6f22913eab7d5ad755aa474ae15d67f",
};

const APIM_SPEC_DIR =
  "specification/apimanagement/resource-manager/Microsoft.ApiManagement/stable/2024-05-01";
/** The commit of each spec file read (Azure/azure-rest-api-specs). */
const APIM_SPEC_COMMITS: Record<string, string> = {
  "apimanagement.json": "f3559c024b435b73f3a2548c3b091f72c8352143",
  "apimapis.json": "f3559c024b435b73f3a2548c3b091f72c8352143",
  "apimbackends.json": "a8ef22eb222a8369f2d8ff09fde3ae7b3d773a02",
  "apimloggers.json": "b7699cd039cd82c8b6fbc8e67fa6c97d6c68de0c",
  "apimsubscriptions.json": "ea83a2a3e90ca3f0420e9d0ef55a811523541aba",
};
const apimSpec = (file: string) => ({
  path: `${APIM_SPEC_DIR}/${file}`,
  commit: APIM_SPEC_COMMITS[file] ?? "",
});
const apimParameters = (...names: string[]): PathParameter[] => [
  { name: "resourceGroupName", sdkParameter: "resourceGroupName" },
  { name: "serviceName", sdkParameter: "serviceName" },
  ...names.map((name) => ({ name, sdkParameter: name })),
];
/** API Management resources: @azure/arm-apimanagement 10.0.0 is generated from the 2024-05-01 specs azure-native 3.28 uses. */
const APIM_BINDINGS: readonly ArmSpecBinding[] = [
  ["ApiManagementService", "service", "apimanagement.json", "ApiManagementServiceResource", []],
  ["Backend", "service/backends", "apimbackends.json", "BackendContract", ["backendId"]],
  ["Api", "service/apis", "apimapis.json", "ApiCreateOrUpdateParameter", ["apiId"]],
  ["ApiPolicy", "service/apis/policies", "apimapis.json", "PolicyContract", ["apiId", "policyId"]],
  ["Logger", "service/loggers", "apimloggers.json", "LoggerContract", ["loggerId"]],
  [
    "ApiDiagnostic",
    "service/apis/diagnostics",
    "apimapis.json",
    "DiagnosticContract",
    ["apiId", "diagnosticId"],
  ],
  [
    "Subscription",
    "service/subscriptions",
    "apimsubscriptions.json",
    "SubscriptionCreateParameters",
    ["sid"],
  ],
].map(
  ([type, armType, file, body, parameters]): ArmSpecBinding => ({
    token: `azure-native:apimanagement:${type as string}`,
    armType: `Microsoft.ApiManagement/${armType as string}`,
    apiVersion: "2024-05-01",
    spec: apimSpec(file as string),
    body: body as string,
    sdk: apimanagement2024_05_01,
    pathParameters: apimParameters(...(parameters as string[])),
    differences: [],
  }),
);

/** common-types v2 ResourceGroupNameParameter, which the cognitiveservices, workspace and action group specs use. */
const COMMON_RESOURCE_GROUP = {
  pattern: "^[-\\w\\._\\(\\)]+$",
  minLength: 1,
  maxLength: 90,
  source:
    "specification/common-types/resource-management/v2/types.json#/parameters/ResourceGroupNameParameter (commit 01efba9ffbbfb58c9e9d69859153127379cb00d9)",
};
const plain = (...names: string[]): PathParameter[] => names.map((name) => ({ name }));
const cognitiveParameters = (...names: string[]): PathParameter[] => [
  { name: "resourceGroupName", sdkParameter: "resourceGroupName" },
  ...names.map((name) => ({ name, sdkParameter: name })),
];

export const ARM_SPEC_BINDINGS: readonly ArmSpecBinding[] = [
  {
    token: "azure-native:cognitiveservices:Account",
    armType: "Microsoft.CognitiveServices/accounts",
    apiVersion: "2025-06-01",
    spec: COGNITIVE_SPEC,
    body: "Account",
    sdk: cognitiveservices2025_06_01,
    pathParameters: cognitiveParameters("accountName"),
    differences: [],
  },
  {
    token: "azure-native:cognitiveservices:Deployment",
    armType: "Microsoft.CognitiveServices/accounts/deployments",
    apiVersion: "2025-06-01",
    spec: COGNITIVE_SPEC,
    body: "Deployment",
    sdk: cognitiveservices2025_06_01,
    pathParameters: cognitiveParameters("accountName", "deploymentName"),
    differences: [],
  },
  {
    token: "azure-native:cognitiveservices:RaiPolicy",
    armType: "Microsoft.CognitiveServices/accounts/raiPolicies",
    apiVersion: "2025-06-01",
    spec: COGNITIVE_SPEC,
    body: "RaiPolicy",
    sdk: cognitiveservices2025_06_01,
    pathParameters: cognitiveParameters("accountName", "raiPolicyName"),
    differences: [],
  },
  {
    token: "azure-native:cognitiveservices:RaiBlocklist",
    armType: "Microsoft.CognitiveServices/accounts/raiBlocklists",
    apiVersion: "2025-06-01",
    spec: COGNITIVE_SPEC,
    body: "RaiBlocklist",
    sdk: cognitiveservices2025_06_01,
    pathParameters: cognitiveParameters("accountName", "raiBlocklistName"),
    differences: [],
  },
  {
    token: "azure-native:cognitiveservices:RaiBlocklistItem",
    armType: "Microsoft.CognitiveServices/accounts/raiBlocklists/raiBlocklistItems",
    apiVersion: "2025-06-01",
    spec: COGNITIVE_SPEC,
    body: "RaiBlocklistItem",
    sdk: cognitiveservices2025_06_01,
    pathParameters: cognitiveParameters("accountName", "raiBlocklistName", "raiBlocklistItemName"),
    differences: [],
  },
  // azure-native 3.28 has no typed resource for it: the account component sends it as a generic resource,
  // whose inputs other than these path parameters are the body as ARM takes it.
  {
    token: "azure-native:resources:Resource",
    armType: "Microsoft.CognitiveServices/accounts/defenderForAISettings",
    apiVersion: "2025-06-01",
    spec: COGNITIVE_SPEC,
    body: "DefenderForAISetting",
    sdk: cognitiveservices2025_06_01,
    pathParameters: [
      { name: "resourceGroupName", sdkParameter: "resourceGroupName" },
      ...plain("resourceProviderNamespace", "parentResourcePath", "resourceType", "apiVersion"),
      { name: "resourceName", sdkParameter: "defenderForAISettingName" },
    ],
    differences: [
      {
        definition: "DefenderForAISetting",
        property: "state",
        mapper: { type: { name: "Enum", allowedValues: ["Enabled", "Disabled"] } },
        fact: "DefenderForAISettingProperties.properties.state: DefenderForAISettingState, Enabled or Disabled (the SDK types the extensible enum as a string)",
      },
    ],
    generic: {
      resourceProviderNamespace: "Microsoft.CognitiveServices",
      resourceType: "defenderForAISettings",
    },
  },
  {
    token: "azure-native:network:VirtualNetwork",
    armType: "Microsoft.Network/virtualNetworks",
    apiVersion: "2024-05-01",
    spec: NETWORK_SPEC,
    body: "VirtualNetwork",
    sdk: network2024_05_01,
    pathParameters: plain("resourceGroupName", "virtualNetworkName"),
    differences: [],
  },
  {
    token: "azure-native:network:Subnet",
    armType: "Microsoft.Network/virtualNetworks/subnets",
    apiVersion: "2024-05-01",
    spec: NETWORK_SPEC,
    body: "Subnet",
    sdk: network2024_05_01,
    pathParameters: plain("resourceGroupName", "virtualNetworkName", "subnetName"),
    differences: [],
  },
  {
    token: "azure-native:network:NetworkSecurityGroup",
    armType: "Microsoft.Network/networkSecurityGroups",
    apiVersion: "2024-05-01",
    spec: NSG_SPEC,
    body: "NetworkSecurityGroup",
    sdk: network2024_05_01,
    pathParameters: plain("resourceGroupName", "networkSecurityGroupName"),
    differences: [],
  },
  {
    token: "azure-native:network:PrivateEndpoint",
    armType: "Microsoft.Network/privateEndpoints",
    apiVersion: "2024-05-01",
    spec: PRIVATE_ENDPOINT_SPEC,
    body: "PrivateEndpoint",
    sdk: network2024_05_01,
    pathParameters: plain("resourceGroupName", "privateEndpointName"),
    differences: [],
  },
  {
    token: "azure-native:network:PrivateDnsZoneGroup",
    armType: "Microsoft.Network/privateEndpoints/privateDnsZoneGroups",
    apiVersion: "2024-05-01",
    spec: PRIVATE_ENDPOINT_SPEC,
    body: "PrivateDnsZoneGroup",
    sdk: network2024_05_01,
    pathParameters: plain("resourceGroupName", "privateEndpointName", "privateDnsZoneGroupName"),
    differences: [],
  },
  // privatedns: no 2024-06-01 release with mappers; 2020-06-01's PrivateZone and VirtualNetworkLink (with
  // their properties, TrackedResource, SubResource) equal the 2024-06-01 definitions property by property.
  {
    token: "azure-native:privatedns:PrivateZone",
    armType: "Microsoft.Network/privateDnsZones",
    apiVersion: "2024-06-01",
    spec: PRIVATEDNS_SPEC,
    body: "PrivateZone",
    sdk: privatedns2020_06_01,
    pathParameters: plain("resourceGroupName", "privateZoneName"),
    differences: [],
  },
  {
    token: "azure-native:privatedns:VirtualNetworkLink",
    armType: "Microsoft.Network/privateDnsZones/virtualNetworkLinks",
    apiVersion: "2024-06-01",
    spec: PRIVATEDNS_SPEC,
    body: "VirtualNetworkLink",
    sdk: privatedns2020_06_01,
    pathParameters: plain("resourceGroupName", "privateZoneName", "virtualNetworkLinkName"),
    differences: [],
  },
  {
    token: "azure-native:managedidentity:UserAssignedIdentity",
    armType: "Microsoft.ManagedIdentity/userAssignedIdentities",
    apiVersion: "2023-01-31",
    spec: MSI_SPEC,
    body: "Identity",
    sdk: msi2023_01_31,
    pathParameters: plain("resourceGroupName", "resourceName"),
    differences: [],
  },
  {
    token: "azure-native:managedidentity:FederatedIdentityCredential",
    armType: "Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials",
    apiVersion: "2023-01-31",
    spec: MSI_SPEC,
    body: "FederatedIdentityCredential",
    sdk: msi2023_01_31,
    pathParameters: [
      ...plain("resourceGroupName", "resourceName"),
      {
        name: "federatedIdentityCredentialResourceName",
        spec: {
          pattern: "^[a-zA-Z0-9]{1}[a-zA-Z0-9-_]{2,119}$",
          source: `${MSI_SPEC.path}#/parameters/FederatedIdentityCredentialResourceNameParameter`,
        },
      },
    ],
    differences: [],
  },
  {
    token: "azure-native:authorization:ManagementLockByScope",
    armType: "Microsoft.Authorization/locks",
    apiVersion: "2020-05-01",
    spec: LOCKS_SPEC,
    body: "ManagementLockObject",
    sdk: locks2020_05_01,
    pathParameters: plain("scope", "lockName"),
    differences: [],
  },
  {
    token: "azure-native:authorization:RoleAssignment",
    armType: "Microsoft.Authorization/roleAssignments",
    apiVersion: "2022-04-01",
    spec: ROLE_ASSIGNMENTS_SPEC,
    body: "RoleAssignmentCreateParameters",
    sdk: authorization2022_04_01,
    pathParameters: plain("scope", "roleAssignmentName"),
    differences: [],
  },
  {
    token: "azure-native:applicationinsights:Component",
    armType: "Microsoft.Insights/components",
    apiVersion: "2020-02-02",
    spec: APP_INSIGHTS_SPEC,
    body: "ApplicationInsightsComponent",
    sdk: appinsights2020_02_02,
    pathParameters: [
      { name: "resourceGroupName", sdkParameter: "resourceGroupName" },
      { name: "resourceName", sdkParameter: "resourceName" },
    ],
    differences: [],
  },
  {
    token: "azure-native:monitor:MetricAlert",
    armType: "Microsoft.Insights/metricAlerts",
    apiVersion: "2018-03-01",
    spec: METRIC_ALERT_SPEC,
    body: "MetricAlertResource",
    sdk: monitor7,
    pathParameters: plain("resourceGroupName", "ruleName"),
    // @azure/arm-monitor 7.0.0 was generated from an earlier commit of the same 2018-03-01 file.
    differences: [
      {
        definition: "MetricAlertResource",
        property: "description",
        mapper: { required: true },
        fact: "MetricAlertProperties.required includes description",
      },
      {
        definition: "MetricAlertResource",
        property: "criteria",
        mapper: { required: true },
        fact: "MetricAlertProperties.required includes criteria",
      },
      {
        definition: "MetricAlertResource",
        property: "scopes",
        mapper: { required: false },
        fact: "MetricAlertProperties.required does not include scopes",
      },
    ],
  },
  {
    token: "azure-native:monitor:DiagnosticSetting",
    armType: "Microsoft.Insights/diagnosticSettings",
    apiVersion: "2021-05-01-preview",
    spec: DIAGNOSTIC_SETTINGS_SPEC,
    body: "DiagnosticSettingsResource",
    // @azure/arm-monitor 7.0.0's diagnosticSettings are 2017-05-01-preview.
    sdk: monitor7,
    pathParameters: plain("resourceUri", "name"),
    differences: [
      {
        definition: "LogSettings",
        property: "categoryGroup",
        mapper: { serializedName: "categoryGroup", type: { name: "String" } },
        fact: "LogSettings.properties.categoryGroup: string (a category group such as allLogs or audit)",
      },
      {
        definition: "DiagnosticSettingsResource",
        property: "marketplacePartnerId",
        mapper: { serializedName: "properties.marketplacePartnerId", type: { name: "String" } },
        fact: "DiagnosticSettings.properties.marketplacePartnerId: string",
      },
      {
        definition: "DiagnosticSettingsResource",
        property: "systemData",
        mapper: { serializedName: "systemData", readOnly: true, type: { name: "Object" } },
        fact: "DiagnosticSettingsResource.properties.systemData: read-only",
      },
    ],
  },
  {
    token: "azure-native:monitor:ActionGroup",
    armType: "Microsoft.Insights/actionGroups",
    apiVersion: "2024-10-01-preview",
    spec: ACTION_GROUPS_SPEC,
    body: "ActionGroupResource",
    // @azure/arm-monitor 7.0.0's actionGroups are 2021-09-01.
    sdk: monitor7,
    pathParameters: [{ name: "resourceGroupName", spec: COMMON_RESOURCE_GROUP }, ...plain("actionGroupName")],
    differences: [
      {
        definition: "ActionGroupResource",
        property: "groupShortName",
        mapper: { required: true },
        fact: "ActionGroup.required includes groupShortName (maxLength 12)",
      },
      {
        definition: "ActionGroupResource",
        property: "enabled",
        mapper: { required: true },
        fact: "ActionGroup.required includes enabled",
      },
      {
        definition: "ActionGroupResource",
        property: "identity",
        mapper: { readOnly: false, type: { name: "Object" } },
        fact: "ActionGroupResource.properties.identity: a managed service identity the caller may set",
      },
      {
        definition: "ActionGroupResource",
        property: "incidentReceivers",
        mapper: {
          serializedName: "properties.incidentReceivers",
          type: { name: "Sequence", element: { type: { name: "Object" } } },
        },
        fact: "ActionGroup.properties.incidentReceivers: array of IncidentReceiver (not used by the platform; its items are not checked)",
      },
      {
        definition: "WebhookReceiver",
        property: "managedIdentity",
        mapper: { serializedName: "managedIdentity", type: { name: "String" } },
        fact: "WebhookReceiver.properties.managedIdentity: string",
      },
    ],
  },
  {
    token: "azure-native:operationalinsights:Workspace",
    armType: "Microsoft.OperationalInsights/workspaces",
    apiVersion: "2023-09-01",
    spec: WORKSPACES_SPEC,
    body: "Workspace",
    // @azure/arm-operationalinsights 9.0.0's workspaces are 2022-10-01.
    sdk: operationalinsights2022_10_01,
    pathParameters: [
      { name: "resourceGroupName", spec: COMMON_RESOURCE_GROUP },
      {
        name: "workspaceName",
        spec: {
          pattern: "^[A-Za-z0-9][A-Za-z0-9-]+[A-Za-z0-9]$",
          minLength: 4,
          maxLength: 63,
          source:
            "specification/operationalinsights/resource-manager/common/v1/types.json#/parameters/WorkspaceNameParameter (commit 186661d0fab465b7c146635af004b720ab5c70fd)",
        },
      },
    ],
    differences: [
      {
        definition: "WorkspaceSku",
        property: "capacityReservationLevel",
        mapper: {
          type: {
            name: "Enum",
            allowedValues: [100, 200, 300, 400, 500, 1000, 2000, 5000, 10000, 25000, 50000],
          },
        },
        fact: "WorkspaceSku.properties.capacityReservationLevel: enum 100 … 5000, 10000, 25000, 50000",
      },
      {
        definition: "WorkspaceFeatures",
        property: "unifiedSentinelBillingOnly",
        mapper: { serializedName: "unifiedSentinelBillingOnly", readOnly: true, type: { name: "Boolean" } },
        fact: "WorkspaceFeatures.properties.unifiedSentinelBillingOnly: read-only boolean",
      },
      {
        definition: "Identity",
        property: "type",
        mapper: { type: { name: "Enum", allowedValues: ["SystemAssigned", "UserAssigned", "None"] } },
        fact: "Identity.properties.type: enum SystemAssigned, UserAssigned, None",
      },
    ],
  },
  {
    token: "azure-native:consumption:Budget",
    armType: "Microsoft.Consumption/budgets",
    apiVersion: "2024-08-01",
    spec: BUDGETS_SPEC,
    body: "Budget",
    // @azure/arm-consumption 9.2.0 is 2021-10-01.
    sdk: consumption2021_10_01,
    pathParameters: plain("scope", "budgetName"),
    differences: [
      ...["category", "amount", "timeGrain", "timePeriod"].map(
        (property): SpecDifference => ({
          definition: "Budget",
          property,
          mapper: { required: true },
          fact: `BudgetProperties.required includes ${property}`,
        }),
      ),
      ...["currentSpend", "forecastSpend"].map(
        (property): SpecDifference => ({
          definition: "Budget",
          property,
          mapper: { readOnly: true },
          fact: `BudgetProperties.properties.${property}: read-only`,
        }),
      ),
      {
        definition: "Budget",
        property: "notifications",
        mapper: { constraints: { MaxItems: 5 } },
        fact: "BudgetProperties.properties.notifications: maxItems 5 (a budget has at most five notifications)",
      },
    ],
  },
  {
    token: "azure-native:resources:ResourceGroup",
    armType: "Microsoft.Resources/resourceGroups",
    apiVersion: "2024-03-01",
    spec: RESOURCE_GROUPS_SPEC,
    body: "ResourceGroup",
    // No 2024-03-01 release in reach; 2024-11-01's ResourceGroup (id, name, type read-only; location required;
    // managedBy; tags; properties.provisioningState read-only) is the long-stable shape 2024-03-01 has too.
    sdk: resources2024_11_01,
    pathParameters: [{ name: "resourceGroupName", sdkParameter: "resourceGroupName" }],
    differences: [],
  },
  ...APIM_BINDINGS,
];

/** The binding of a typed azure-native resource, by its type token. */
export const armSpecBinding = (token: string): ArmSpecBinding | undefined =>
  ARM_SPEC_BINDINGS.find((binding) => binding.token === token && !binding.generic);

/**
 * The binding of a planned resource: by token, or for the generic `azure-native:resources:Resource` by
 * the provider namespace, resource type and API version its inputs name (case-insensitive, like ARM).
 */
export function armSpecBindingOf(token: string, inputs: Record<string, unknown>): ArmSpecBinding | undefined {
  const same = (value: unknown, expected: string) =>
    typeof value === "string" && value.toLowerCase() === expected.toLowerCase();
  return ARM_SPEC_BINDINGS.find(
    (binding) =>
      binding.token === token &&
      (!binding.generic ||
        (same(inputs.resourceProviderNamespace, binding.generic.resourceProviderNamespace) &&
          same(inputs.resourceType, binding.generic.resourceType) &&
          inputs.apiVersion === binding.apiVersion)),
  );
}
