/** The ARM spec check: each kind of violation fails, against Azure's SDK mappers and the transcribed facts. */
import { describe, expect, it } from "vitest";
import { ARM_SPEC_RULE, armSpecFindings, resourceViolations } from "../src/plan/armSpec";
import { armSpecBinding } from "../src/plan/armSpec/facts";
import type { Mapper, Violation } from "../src/plan/armSpec/types";
import { validateBody } from "../src/plan/armSpec/validate";
import type { PlannedResource } from "../src/plan/resource";

const RG = "rg-test";
const ACCOUNT_ID = `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/${RG}/providers/Microsoft.CognitiveServices/accounts/aoai-test`;

const account = (overrides: Record<string, unknown> = {}, properties: Record<string, unknown> = {}) => ({
  accountName: "aoai-test",
  resourceGroupName: RG,
  kind: "OpenAI",
  location: "swedencentral",
  sku: { name: "S0" },
  identity: { type: "SystemAssigned" },
  properties: {
    customSubDomainName: "aoai-test",
    disableLocalAuth: true,
    publicNetworkAccess: "Disabled",
    ...properties,
  },
  ...overrides,
});

function violations(token: string, inputs: Record<string, unknown>): Violation[] {
  const binding = armSpecBinding(token);
  if (!binding) throw new Error(`no binding for ${token}`);
  return resourceViolations(binding, inputs);
}

const only = (found: Violation[]) =>
  found.map((v) => ({ kind: v.kind, path: v.path, definition: v.definition }));

describe("a valid request has no violation", () => {
  it("an account as the platform sends it", () => {
    expect(violations("azure-native:cognitiveservices:Account", account())).toEqual([]);
  });
});

describe("each kind of violation fails", () => {
  it("required: a missing sku name", () => {
    expect(only(violations("azure-native:cognitiveservices:Account", account({ sku: {} })))).toEqual([
      {
        kind: "required",
        path: "sku.name",
        definition: "Microsoft.CognitiveServices/accounts@2025-06-01 #/definitions/Sku",
      },
    ]);
  });

  it("required: a flattened property of a role assignment (properties.principalId)", () => {
    const found = violations("azure-native:authorization:RoleAssignment", {
      scope: ACCOUNT_ID,
      roleAssignmentName: "896cf132-5416-5ce6-bb89-28659ef969a2",
      roleDefinitionId:
        "/providers/Microsoft.Authorization/roleDefinitions/5e0bd9bd-7b93-4f28-af87-19fc36ad61bd",
    });
    expect(only(found)).toEqual([
      {
        kind: "required",
        path: "properties.principalId",
        definition:
          "Microsoft.Authorization/roleAssignments@2022-04-01 #/definitions/RoleAssignmentCreateParameters",
      },
    ]);
  });

  it("enum: an identity type the spec does not list", () => {
    const found = violations(
      "azure-native:cognitiveservices:Account",
      account({ identity: { type: "Managed" } }),
    );
    expect(only(found)).toEqual([
      {
        kind: "enum",
        path: "identity.type",
        definition: "Microsoft.CognitiveServices/accounts@2025-06-01 #/definitions/Identity",
      },
    ]);
    expect(found[0]?.message).toContain('"Managed" is not one of "None", "SystemAssigned"');
  });

  it("pattern: an event hub connection string that is not one", () => {
    const found = violations(
      "azure-native:cognitiveservices:Account",
      account({}, { apiProperties: { eventHubConnectionString: "not-a-connection-string" } }),
    );
    expect(only(found)).toEqual([
      {
        kind: "pattern",
        path: "properties.apiProperties.eventHubConnectionString",
        definition: "Microsoft.CognitiveServices/accounts@2025-06-01 #/definitions/ApiProperties",
      },
    ]);
  });

  it("max length: an action group short name of 13 characters", () => {
    const found = violations("azure-native:monitor:ActionGroup", {
      actionGroupName: "ag-test",
      resourceGroupName: RG,
      location: "global",
      enabled: true,
      groupShortName: "a".repeat(13),
    });
    expect(only(found)).toEqual([
      {
        kind: "length",
        path: "properties.groupShortName",
        definition: "Microsoft.Insights/actionGroups@2024-10-01-preview #/definitions/ActionGroupResource",
      },
    ]);
  });

  it("min length: an account name of one character (URL parameter)", () => {
    const found = violations("azure-native:cognitiveservices:Account", account({ accountName: "a" }));
    expect(found).toMatchObject([
      { kind: "path-parameter", path: "accountName", message: '"a" is shorter than 2 characters' },
    ]);
  });

  it("min value: a diagnostic retention of -1 days", () => {
    const found = violations("azure-native:monitor:DiagnosticSetting", {
      name: "diag",
      resourceUri: ACCOUNT_ID,
      workspaceId: "/subscriptions/x/resourceGroups/y/providers/Microsoft.OperationalInsights/workspaces/z",
      logs: [{ categoryGroup: "allLogs", enabled: true, retentionPolicy: { enabled: true, days: -1 } }],
    });
    expect(found).toMatchObject([
      { kind: "range", path: "properties.logs[0].retentionPolicy.days", message: "-1 is not >= 0" },
    ]);
  });

  it("max value and exclusive bounds (the validator, on a mapper with them)", () => {
    const mapper: Mapper = {
      type: {
        name: "Composite",
        className: "Limits",
        modelProperties: {
          ttl: { serializedName: "ttl", constraints: { InclusiveMaximum: 600 }, type: { name: "Number" } },
          ratio: { serializedName: "ratio", constraints: { ExclusiveMinimum: 0 }, type: { name: "Number" } },
        },
      },
    };
    const found = validateBody({ ttl: 601, ratio: 0 }, mapper, { classes: {}, discriminators: {} }, "X/y@1");
    expect(found.map((v) => [v.kind, v.path, v.message])).toEqual([
      ["range", "ttl", "601 is not <= 600"],
      ["range", "ratio", "0 is not > 0"],
    ]);
  });

  it("read-only: an endpoint set on an account", () => {
    const found = violations(
      "azure-native:cognitiveservices:Account",
      account({}, { endpoint: "https://x/" }),
    );
    expect(only(found)).toEqual([
      {
        kind: "read-only",
        path: "properties.endpoint",
        definition: "Microsoft.CognitiveServices/accounts@2025-06-01 #/definitions/AccountProperties",
      },
    ]);
  });

  it("unknown property: a misspelt subnet input (azure-native would drop it silently)", () => {
    const found = violations("azure-native:network:Subnet", {
      resourceGroupName: RG,
      virtualNetworkName: "vnet",
      subnetName: "snet",
      adressPrefix: "10.0.0.0/27",
    });
    expect(only(found)).toEqual([
      {
        kind: "unknown-property",
        path: "adressPrefix",
        definition: "Microsoft.Network/virtualNetworks/subnets@2024-05-01 #/definitions/Subnet",
      },
    ]);
  });

  it("path parameter: an account name that breaks the pattern, a workspace name too short, a missing one", () => {
    expect(
      only(violations("azure-native:cognitiveservices:Account", account({ accountName: "-aoai" }))),
    ).toEqual([
      {
        kind: "path-parameter",
        path: "accountName",
        definition: "Microsoft.CognitiveServices/accounts@2025-06-01 #/parameters/accountName",
      },
    ]);
    const workspace = violations("azure-native:operationalinsights:Workspace", {
      workspaceName: "log",
      location: "swedencentral",
      sku: { name: "PerGB2018" },
    });
    expect(workspace.map((v) => [v.kind, v.path, v.message])).toEqual([
      ["path-parameter", "resourceGroupName", 'the URL parameter "resourceGroupName" is required'],
      ["path-parameter", "workspaceName", '"log" is shorter than 4 characters'],
    ]);
  });

  it("type: a string where the spec wants a number", () => {
    const found = violations("azure-native:cognitiveservices:Deployment", {
      accountName: "aoai-test",
      resourceGroupName: RG,
      deploymentName: "chat",
      sku: { name: "GlobalStandard", capacity: "10" },
      properties: { model: { format: "OpenAI", name: "gpt-4.1", version: "2025-04-14" } },
    });
    expect(found).toMatchObject([
      { kind: "type", path: "sku.capacity", message: 'must be a number, got "10"' },
    ]);
  });

  it("unknown values and secrets are not judged", () => {
    expect(
      violations(
        "azure-native:cognitiveservices:Account",
        account({ kind: "[unknown]" }, { customSubDomainName: "[secret]" }),
      ),
    ).toEqual([]);
  });
});

describe("differences transcribed from the spec of azure-native's API version", () => {
  const diagnostic = (log: Record<string, unknown>) => ({
    name: "diag",
    resourceUri: ACCOUNT_ID,
    logs: [log],
  });

  it("diagnostic settings 2021-05-01-preview know categoryGroup (2017-05-01-preview did not)", () => {
    expect(
      violations(
        "azure-native:monitor:DiagnosticSetting",
        diagnostic({ categoryGroup: "allLogs", enabled: true }),
      ),
    ).toEqual([]);
    expect(
      only(
        violations(
          "azure-native:monitor:DiagnosticSetting",
          diagnostic({ categoryGroups: "allLogs", enabled: true }),
        ),
      ),
    ).toEqual([
      {
        kind: "unknown-property",
        path: "properties.logs[0].categoryGroups",
        definition: "Microsoft.Insights/diagnosticSettings@2021-05-01-preview #/definitions/LogSettings",
      },
    ]);
  });

  it("a budget holds at most five notifications and needs its amount", () => {
    const notification = {
      enabled: true,
      operator: "GreaterThan",
      threshold: 80,
      contactEmails: ["a@contoso.com"],
    };
    const found = violations("azure-native:consumption:Budget", {
      scope: "/subscriptions/x/resourceGroups/y",
      budgetName: "budget",
      category: "Cost",
      timeGrain: "Monthly",
      timePeriod: { startDate: "2026-12-01T00:00:00Z" },
      notifications: Object.fromEntries([1, 2, 3, 4, 5, 6].map((n) => [`n${n}`, notification])),
    });
    expect(found.map((v) => [v.kind, v.path])).toEqual([
      ["items", "properties.notifications"],
      ["required", "properties.amount"],
    ]);
  });

  it("a metric alert needs a description and criteria (the 2018-03-01 file as azure-native reads it)", () => {
    const found = violations("azure-native:monitor:MetricAlert", {
      resourceGroupName: RG,
      ruleName: "alert",
      location: "global",
      severity: 2,
      enabled: true,
      scopes: [ACCOUNT_ID],
      evaluationFrequency: "PT1M",
      windowSize: "PT5M",
    });
    expect(found.map((v) => [v.kind, v.path])).toEqual([
      ["required", "properties.description"],
      ["required", "properties.criteria"],
    ]);
  });

  it("metric alert criteria are checked by their odata.type subtype", () => {
    const found = violations("azure-native:monitor:MetricAlert", {
      resourceGroupName: RG,
      ruleName: "alert",
      location: "global",
      description: "d",
      severity: 2,
      enabled: true,
      scopes: [ACCOUNT_ID],
      evaluationFrequency: "PT1M",
      windowSize: "PT5M",
      criteria: {
        odataType: "Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria",
        allOf: [
          {
            criterionType: "StaticThresholdCriterion",
            name: "c",
            metricName: "m",
            operator: "GreaterThan",
            timeAggregation: "Total",
          },
        ],
      },
    });
    expect(found).toMatchObject([{ kind: "required", path: "properties.criteria.allOf[0].threshold" }]);
  });
});

describe("polymorphic definitions", () => {
  it("enum: a criteria odata.type that selects no subtype of MetricAlertCriteria", () => {
    const found = violations("azure-native:monitor:MetricAlert", {
      resourceGroupName: RG,
      ruleName: "alert",
      location: "global",
      description: "d",
      severity: 2,
      enabled: true,
      scopes: [ACCOUNT_ID],
      evaluationFrequency: "PT1M",
      windowSize: "PT5M",
      criteria: { odataType: "Microsoft.Azure.Monitor.SingleResourceCriteria", allOf: [] },
    });
    expect(only(found)).toEqual([
      {
        kind: "enum",
        path: 'properties.criteria["odata.type"]',
        definition: "Microsoft.Insights/metricAlerts@2018-03-01 #/definitions/MetricAlertCriteria",
      },
    ]);
  });
});

describe("findings in the plan", () => {
  const resource = (
    inputs: Record<string, unknown>,
    type = "azure-native:cognitiveservices:Account",
  ): PlannedResource => ({
    urn: `urn:pulumi:test::aoai-platform::${type}::x`,
    type,
    name: "x",
    custom: true,
    parent: null,
    dependsOn: [],
    dependencies: [],
    protect: false,
    retainOnDelete: false,
    import: null,
    inputs,
  });

  it("a violation is an error finding with the resource, the JSON path and the spec definition", () => {
    const [finding, ...rest] = armSpecFindings([resource(account({}, { endpoint: "https://x/" }))]);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      rule: ARM_SPEC_RULE,
      severity: "error",
      urn: "urn:pulumi:test::aoai-platform::azure-native:cognitiveservices:Account::x",
      path: "properties.endpoint",
      definition: "Microsoft.CognitiveServices/accounts@2025-06-01 #/definitions/AccountProperties",
    });
  });

  it("an azure-native type without a binding is a warning, never silence; Graph (azuread) objects are not ARM", () => {
    const findings = armSpecFindings([
      resource({}, "azure-native:storage:StorageAccount"),
      resource({}, "azuread:index/group:Group"),
    ]);
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([["arm-spec-unchecked", "warning"]]);
  });

  const generic = (overrides: Record<string, unknown> = {}) =>
    resource(
      {
        resourceGroupName: RG,
        resourceProviderNamespace: "Microsoft.CognitiveServices",
        parentResourcePath: "accounts/aoai-test",
        resourceType: "defenderForAISettings",
        resourceName: "Default",
        apiVersion: "2025-06-01",
        properties: { state: "Enabled" },
        ...overrides,
      },
      "azure-native:resources:Resource",
    );

  it("a generic resource of Defender for AI settings is checked against the DefenderForAISetting definition", () => {
    expect(armSpecFindings([generic()])).toEqual([]);
    const [finding, ...rest] = armSpecFindings([generic({ properties: { state: "On" } })]);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      rule: ARM_SPEC_RULE,
      severity: "error",
      path: "properties.state",
      definition:
        "Microsoft.CognitiveServices/accounts/defenderForAISettings@2025-06-01 #/definitions/DefenderForAISetting",
    });
    expect(armSpecFindings([generic({ properties: { state: "Enabled", extra: 1 } })])).toMatchObject([
      { rule: ARM_SPEC_RULE, path: "properties.extra" },
    ]);
    expect(armSpecFindings([generic({ resourceName: "-bad" })])).toMatchObject([
      { rule: ARM_SPEC_RULE, path: "resourceName" },
    ]);
  });

  it("a generic resource of an unbound type or API version is a warning", () => {
    for (const overrides of [
      { resourceType: "encryptionScopes" },
      { resourceProviderNamespace: "Microsoft.Storage" },
      { apiVersion: "2024-10-01" },
    ]) {
      expect(armSpecFindings([generic(overrides)]).map((f) => [f.rule, f.severity])).toEqual([
        ["arm-spec-unchecked", "warning"],
      ]);
    }
  });
});
