import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { ResourceGroupBudget } from "../components/budget/component";
import { budgetNotifications } from "../components/budget/notifications";
import { budgetSpecSchema } from "../components/budget/spec";
import { LEGACY_METRICS, OPENAI_METRICS } from "../components/facts/monitoring";
import {
  type AlertedDeployment,
  type AlertSettingsByKind,
  accountAlertRules,
  gatewayAlertRules,
} from "../components/monitoring/alerts";
import { PlatformMonitoring } from "../components/monitoring/component";
import { emailReceiverName } from "../components/monitoring/receivers";
import type { MonitoredAccount, MonitoredGateway } from "../components/monitoring/refs";
import { monitoringSpecSchema } from "../components/monitoring/spec";
import { resolveMonitoring } from "../src/config/monitoring";
import { monitoringPlan } from "../src/plan/monitoring";
import { renderMonitoring } from "../src/plan/monitoringReport";
import { ofType, recordResources } from "./support/mockRun";

const RG = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg";
const accountId = (name: string) => `${RG}/providers/Microsoft.CognitiveServices/accounts/${name}`;

/** The monitoring config as a consumer (or Pulumi.<stack>.yaml) writes it. */
const input = (overrides: Record<string, unknown> = {}) => ({
  workspace: { name: "log-aoai-test", retentionInDays: 90 },
  actionGroup: { name: "ag-aoai", shortName: "aoai", emails: ["oncall@contoso.com"] },
  ...overrides,
});
const settings = (overrides: Record<string, unknown> = {}, environment: "dev" | "prod" = "prod") =>
  resolveMonitoring(monitoringSpecSchema.parse(input(overrides)), environment);

type AlertedAccount = MonitoredAccount & { deployments: AlertedDeployment[] };

const payPerToken: AlertedAccount = {
  name: "aoai-swc",
  id: accountId("aoai-swc"),
  location: "swedencentral",
  deployments: [{ name: "chat", sku: "GlobalStandard" }],
};
const provisioned: AlertedAccount = {
  name: "aoai-ptu",
  id: accountId("aoai-ptu"),
  location: "francecentral",
  deployments: [
    { name: "chat-ptu", sku: "DataZoneProvisionedManaged" },
    { name: "embeddings", sku: "Standard" },
  ],
};

describe("accountAlertRules", () => {
  const alerts: AlertSettingsByKind = settings().alerts;

  it("alerts on 429 and on 5xx per deployment with AzureOpenAIRequests totals", () => {
    const [throttling, serverErrors, ...rest] = accountAlertRules("a", payPerToken.deployments, alerts);
    expect(rest).toEqual([]);
    expect(throttling).toMatchObject({
      kind: "throttling",
      metricName: "AzureOpenAIRequests",
      timeAggregation: "Total",
      operator: "GreaterThanOrEqual",
      threshold: 10,
      severity: 2,
      dimensions: [
        { name: "StatusCode", operator: "Include", values: ["429"] },
        { name: "ModelDeploymentName", operator: "Include", values: ["*"] },
      ],
    });
    expect(serverErrors).toMatchObject({
      kind: "serverErrors",
      metricName: "AzureOpenAIRequests",
      threshold: 5,
      severity: 1,
      dimensions: [
        { name: "StatusCode", operator: "Include", values: ["500", "502", "503", "504"] },
        { name: "ModelDeploymentName", operator: "Include", values: ["*"] },
      ],
    });
  });

  it("adds the PTU utilization alert only for the account's provisioned deployments", () => {
    const rules = accountAlertRules("a", provisioned.deployments, alerts);
    expect(rules.map((r) => r.kind)).toEqual(["throttling", "serverErrors", "ptuUtilization"]);
    expect(rules[2]).toMatchObject({
      metricName: "AzureOpenAIProvisionedManagedUtilizationV2",
      timeAggregation: "Average",
      operator: "GreaterThanOrEqual",
      threshold: 90,
      windowSize: "PT15M",
      dimensions: [{ name: "ModelDeploymentName", operator: "Include", values: ["chat-ptu"] }],
    });
    for (const sku of ["ProvisionedManaged", "GlobalProvisionedManaged"] as const) {
      const kinds = accountAlertRules("a", [{ name: "p", sku }], alerts).map((r) => r.kind);
      expect(kinds).toContain("ptuUtilization");
    }
  });

  it("leaves out disabled alerts", () => {
    const off = settings({
      alerts: { throttling: { enabled: false }, ptuUtilization: { enabled: false } },
    }).alerts;
    expect(accountAlertRules("a", provisioned.deployments, off).map((r) => r.kind)).toEqual(["serverErrors"]);
  });

  it("never uses the legacy metrics Azure marks 'do not use for Azure OpenAI'", () => {
    expect(LEGACY_METRICS).toEqual(["BlockedCalls", "ClientErrors", "Ratelimit", "TotalErrors"]);
    const used = accountAlertRules("a", provisioned.deployments, alerts).map((r) => r.metricName);
    expect(new Set(used)).toEqual(new Set(Object.values(OPENAI_METRICS)));
    for (const metric of used) expect(LEGACY_METRICS).not.toContain(metric);
  });
});

describe("gatewayAlertRules", () => {
  const { gateway } = settings().alerts;

  it("alerts on the gateway's 5xx and 429 answers, CPU and backend duration from API Management's metrics", () => {
    const rules = gatewayAlertRules("apim-x", gateway);
    expect(
      rules.map((r) => [r.kind, r.suffix, r.metricName, r.timeAggregation, r.threshold, r.severity]),
    ).toEqual([
      ["serverErrors", "server-errors", "Requests", "Total", 5, 1],
      ["throttling", "throttling", "Requests", "Total", 10, 2],
      ["cpu", "cpu", "CpuPercent_Gateway", "Average", 80, 2],
      ["backendDuration", "backend-duration", "BackendDuration", "Average", 30000, 2],
    ]);
    for (const rule of rules) expect(rule.metricNamespace).toBe("Microsoft.ApiManagement/service");
    expect(rules[0]?.dimensions).toEqual([
      { name: "GatewayResponseCodeCategory", operator: "Include", values: ["5xx"] },
    ]);
    expect(rules[1]?.dimensions).toEqual([
      { name: "GatewayResponseCode", operator: "Include", values: ["429"] },
    ]);
    expect(rules[2]?.description).toContain("apim-x");
  });

  it("takes thresholds, windows and severities from config, defaults per environment, and leaves out disabled ones", () => {
    const custom = settings(
      {
        alerts: {
          gateway: { cpu: { enabled: false }, backendDuration: { threshold: 60000, windowSize: "PT30M" } },
        },
      },
      "dev",
    ).alerts.gateway;
    const rules = gatewayAlertRules("apim-x", custom);
    expect(rules.map((r) => r.kind)).toEqual(["serverErrors", "throttling", "backendDuration"]);
    expect(rules.map((r) => r.severity)).toEqual([3, 3, 3]);
    expect(rules[2]).toMatchObject({ threshold: 60000, windowSize: "PT30M", evaluationFrequency: "PT5M" });
  });
});

describe("budgetNotifications", () => {
  it("one notification per threshold, >= the percentage, to the emails and the action group", () => {
    const notifications = budgetNotifications(
      [
        { threshold: 80, type: "Actual" },
        { threshold: 100, type: "Forecasted" },
        { threshold: 12.5, type: "Actual" },
      ],
      ["finops@contoso.com"],
      ["/ag/id"],
    );
    expect(notifications).toEqual({
      Actual_GreaterThanOrEqualTo_80_Percent: {
        enabled: true,
        operator: "GreaterThanOrEqualTo",
        threshold: 80,
        thresholdType: "Actual",
        contactEmails: ["finops@contoso.com"],
        contactGroups: ["/ag/id"],
      },
      Forecasted_GreaterThanOrEqualTo_100_Percent: expect.objectContaining({
        threshold: 100,
        thresholdType: "Forecasted",
      }),
      Actual_GreaterThanOrEqualTo_12_5_Percent: expect.objectContaining({ threshold: 12.5 }),
    });
  });
});

describe("PlatformMonitoring", () => {
  const recordBothAccounts = () =>
    recordResources(
      () =>
        new PlatformMonitoring("mon", {
          ...input(),
          resourceGroupName: "rg",
          location: "swedencentral",
          accounts: [payPerToken, provisioned],
        }),
    );

  it("sends every account's category-group logs and AllMetrics to the created workspace", async () => {
    const resources = await recordBothAccounts();
    const [workspace] = ofType(resources, "operationalinsights:Workspace");
    expect(workspace?.inputs).toMatchObject({
      workspaceName: "log-aoai-test",
      location: "swedencentral",
      sku: { name: "PerGB2018" },
      retentionInDays: 90,
    });
    const workspaceId = `${RG}/providers/Microsoft.OperationalInsights/workspaces/log-aoai-test`;
    const settingsByAccount = new Map(
      ofType(resources, "monitor:DiagnosticSetting").map((d) => [d.inputs.resourceUri, d.inputs]),
    );
    // The accounts and the workspace itself (Azure Policy 187242f4 covers workspaces).
    expect([...settingsByAccount.keys()].sort()).toEqual([
      accountId("aoai-ptu"),
      accountId("aoai-swc"),
      workspaceId,
    ]);
    for (const inputs of settingsByAccount.values()) {
      expect(inputs).toEqual({
        name: "aoai-platform",
        resourceUri: expect.any(String),
        workspaceId,
        // Both category groups, as Azure Policy 55d1f543's existence condition requires.
        logs: [
          { categoryGroup: "audit", enabled: false },
          { categoryGroup: "allLogs", enabled: true },
        ],
        metrics: [{ category: "AllMetrics", enabled: true }],
      });
    }
  });

  it("creates global alerts scoped to each account, notifying the action group; PTU only where provisioned", async () => {
    const resources = await recordBothAccounts();
    const [group] = ofType(resources, "monitor:ActionGroup");
    expect(group?.inputs).toMatchObject({
      location: "global",
      groupShortName: "aoai",
      enabled: true,
      emailReceivers: [
        {
          name: emailReceiverName("oncall@contoso.com"),
          emailAddress: "oncall@contoso.com",
          useCommonAlertSchema: true,
        },
      ],
      webhookReceivers: [],
    });
    const alerts = ofType(resources, "monitor:MetricAlert");
    expect(alerts.map((a) => a.inputs.ruleName).sort()).toEqual([
      "aoai-ptu-ptu-utilization",
      "aoai-ptu-server-errors",
      "aoai-ptu-throttling",
      "aoai-swc-server-errors",
      "aoai-swc-throttling",
    ]);
    const throttling = alerts.find((a) => a.inputs.ruleName === "aoai-swc-throttling");
    expect(throttling?.inputs).toMatchObject({
      location: "global",
      scopes: [accountId("aoai-swc")],
      severity: 2,
      windowSize: "PT5M",
      evaluationFrequency: "PT1M",
      enabled: true,
      autoMitigate: true,
      actions: [{ actionGroupId: `${RG}/providers/Microsoft.Insights/actionGroups/ag-aoai` }],
      criteria: {
        odataType: "Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria",
        allOf: [
          {
            criterionType: "StaticThresholdCriterion",
            metricNamespace: "Microsoft.CognitiveServices/accounts",
            metricName: "AzureOpenAIRequests",
            dimensions: [expect.objectContaining({ name: "StatusCode", values: ["429"] }), expect.anything()],
          },
        ],
      },
    });
  });

  it("uses an existing workspace, copies logs to the region's storage and event hub, keeps the webhook secret", async () => {
    const existing = `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/central/providers/Microsoft.OperationalInsights/workspaces/log-central`;
    const storage = `${RG}/providers/Microsoft.Storage/storageAccounts/stlogsswc`;
    const rule = `${RG}/providers/Microsoft.EventHub/namespaces/ehn-swc/authorizationRules/send`;
    const resources = await recordResources(
      () =>
        new PlatformMonitoring("mon", {
          ...input({
            workspace: { existingId: existing },
            diagnostics: {
              logs: "audit",
              storageAccounts: { swedencentral: storage },
              eventHubs: { swedencentral: { authorizationRuleId: rule, name: "aoai-logs" } },
            },
          }),
          resourceGroupName: "rg",
          location: "swedencentral",
          accounts: [payPerToken],
          webhookUrl: "https://hooks.contoso.com/alerts?token=s3cr3t",
        }),
    );
    expect(ofType(resources, "operationalinsights:Workspace")).toEqual([]);
    const [diagnostics] = ofType(resources, "monitor:DiagnosticSetting");
    expect(diagnostics?.inputs).toMatchObject({
      workspaceId: existing,
      logs: [
        { categoryGroup: "audit", enabled: true },
        { categoryGroup: "allLogs", enabled: false },
      ],
      storageAccountId: storage,
      eventHubAuthorizationRuleId: rule,
      eventHubName: "aoai-logs",
    });
    const [group] = ofType(resources, "monitor:ActionGroup");
    // Pulumi marks the whole receiver list secret once one URL in it is.
    expect(group?.inputs.webhookReceivers).toBe("[secret]");
    expect(monitoringPlan(resources).actionGroups[0]?.webhooks).toBe("[secret]");
    expect(JSON.stringify(resources)).not.toContain("s3cr3t");
  });
});

describe("PlatformMonitoring with a gateway", () => {
  const apimId = `${RG}/providers/Microsoft.ApiManagement/service/apim-x`;
  const gatewayRef: MonitoredGateway = { name: "apim-x", id: apimId, location: "swedencentral" };

  it("sends the gateway's category-group logs to resource-specific tables and AllMetrics, and alerts on it", async () => {
    const storage = `${RG}/providers/Microsoft.Storage/storageAccounts/stlogsswc`;
    const resources = await recordResources(
      () =>
        new PlatformMonitoring("mon", {
          ...input({ diagnostics: { storageAccounts: { swedencentral: storage } } }),
          resourceGroupName: "rg",
          location: "swedencentral",
          accounts: [payPerToken],
          gateways: [gatewayRef],
        }),
    );
    const diagnostics = ofType(resources, "monitor:DiagnosticSetting").find(
      (d) => d.inputs.resourceUri === apimId,
    );
    expect(diagnostics?.name).toBe("mon-apim-x-diagnostics");
    expect(diagnostics?.inputs).toMatchObject({
      name: "aoai-platform",
      workspaceId: `${RG}/providers/Microsoft.OperationalInsights/workspaces/log-aoai-test`,
      logAnalyticsDestinationType: "Dedicated",
      logs: [
        { categoryGroup: "audit", enabled: false },
        { categoryGroup: "allLogs", enabled: true },
      ],
      metrics: [{ category: "AllMetrics", enabled: true }],
      storageAccountId: storage,
    });
    // The accounts' settings stay as they were (AzureDiagnostics): no destination type.
    const account = ofType(resources, "monitor:DiagnosticSetting").find(
      (d) => d.inputs.resourceUri === accountId("aoai-swc"),
    );
    expect(account?.inputs.logAnalyticsDestinationType).toBeUndefined();
    const alerts = ofType(resources, "monitor:MetricAlert").filter((a) =>
      (a.inputs.scopes as string[]).includes(apimId),
    );
    expect(alerts.map((a) => a.inputs.ruleName).sort()).toEqual([
      "apim-x-backend-duration",
      "apim-x-cpu",
      "apim-x-server-errors",
      "apim-x-throttling",
    ]);
    for (const alert of alerts) {
      expect(alert.inputs.location).toBe("global");
      expect(alert.inputs.criteria).toMatchObject({
        allOf: [
          { metricNamespace: "Microsoft.ApiManagement/service", criterionType: "StaticThresholdCriterion" },
        ],
      });
    }
    const plan = monitoringPlan(resources);
    expect(plan.diagnosticSettings.find((d) => d.resource === "apim-x")).toMatchObject({
      logCategoryGroups: ["allLogs"],
      metricCategories: ["AllMetrics"],
      destinationType: "Dedicated",
    });
    expect(
      plan.alerts.filter((a) => a.resource === "apim-x").map((a) => `${a.namespace} ${a.metric}`),
    ).toEqual([
      "Microsoft.ApiManagement/service BackendDuration",
      "Microsoft.ApiManagement/service CpuPercent_Gateway",
      "Microsoft.ApiManagement/service Requests",
      "Microsoft.ApiManagement/service Requests",
    ]);
    for (const alert of plan.alerts) expect(alert.actionGroups).toEqual(["ag-aoai"]);
    const text = renderMonitoring(plan).join("\n");
    expect(text).toContain(
      "apim-x: logs:allLogs + AllMetrics -> workspace log-aoai-test, storage stlogsswc (resource-specific tables)",
    );
    expect(text).toMatch(/apim-x-server-errors +Total Requests >= 5 \(GatewayResponseCodeCategory in 5xx\)/);
  });
});

describe("PlatformMonitoring args", () => {
  it("default like the stack config: severities from the environment (prod unless told), alerts on by default", async () => {
    const alertsOf = async (environment?: string) =>
      ofType(
        await recordResources(
          () =>
            new PlatformMonitoring("mon", {
              ...input(),
              ...(environment === undefined ? {} : { environment }),
              resourceGroupName: "rg",
              location: "swedencentral",
              accounts: [payPerToken],
            }),
        ),
        "monitor:MetricAlert",
      ).map((a) => `${a.inputs.ruleName} ${a.inputs.severity}`);
    expect(await alertsOf()).toEqual(["aoai-swc-throttling 2", "aoai-swc-server-errors 1"]);
    expect(await alertsOf("dev")).toEqual(["aoai-swc-throttling 3", "aoai-swc-server-errors 3"]);
  });

  it("refuse bad input with a ResourceError naming the component, each key path, value and rule; nothing registered", async () => {
    let thrown: unknown;
    const resources = await recordResources(() => {
      try {
        new PlatformMonitoring("mon", {
          ...input({
            workspace: { name: "log-aoai-test", existingId: "/subscriptions/x" },
            alerts: { gateway: { cpu: { threshold: 150 } } },
          }),
          environment: "qa",
          resourceGroupName: "rg",
          location: "swedencentral",
          accounts: [{ ...payPerToken, deployments: [{ name: "chat", sku: "Turbo" }] }],
        });
      } catch (error) {
        thrown = error;
      }
    });
    expect(pulumi.ResourceError.isInstance(thrown)).toBe(true);
    const message = (thrown as Error).message;
    expect(message).toMatch(/^PlatformMonitoring mon: invalid args/);
    expect(message).toMatch(/environment: "qa": .*prod/);
    expect(message).toMatch(
      /alerts\.gateway\.cpu\.threshold: 150: must be a percentage above 0 and at most 100/,
    );
    expect(message).toMatch(/accounts\.0\.deployments\.0\.sku: "Turbo": /);
    expect(message).toMatch(/workspace: .*set either name .* or existingId/);
    expect(
      resources.filter((r) => r.type !== "pulumi:pulumi:Stack" && !r.type.endsWith("PlatformMonitoring")),
    ).toEqual([]);
  });

  it("refuse a gateway named like an account: their diagnostic settings and alerts would share names", async () => {
    let thrown: unknown;
    await recordResources(() => {
      try {
        new PlatformMonitoring("mon", {
          ...input(),
          resourceGroupName: "rg",
          location: "swedencentral",
          accounts: [payPerToken],
          gateways: [{ name: "AOAI-swc", id: "/x", location: "swedencentral" }],
        });
      } catch (error) {
        thrown = error;
      }
    });
    expect((thrown as Error).message).toMatch(
      /gateways\.0\.name: "AOAI-swc": an account is also named AOAI-swc/,
    );
  });
});

describe("ResourceGroupBudget", () => {
  it("a monthly Cost budget on the resource group from the first of the month, notifying emails and the action group", async () => {
    const spec = budgetSpecSchema.parse({
      name: "budget-aoai",
      amount: 2500,
      startDate: "2026-12-01",
      contactEmails: ["finops@contoso.com"],
    });
    const resources = await recordResources(
      () => new ResourceGroupBudget("budget", { ...spec, resourceGroupId: RG, actionGroupId: `${RG}/ag` }),
    );
    const [budget] = ofType(resources, "consumption:Budget");
    expect(budget?.inputs).toMatchObject({
      budgetName: "budget-aoai",
      scope: RG,
      category: "Cost",
      amount: 2500,
      timeGrain: "Monthly",
      timePeriod: { startDate: "2026-12-01T00:00:00Z" },
    });
    const notifications = Object.values(
      budget?.inputs.notifications as Record<string, Record<string, unknown>>,
    );
    expect(notifications).toHaveLength(3);
    for (const n of notifications) {
      expect(n).toMatchObject({
        enabled: true,
        operator: "GreaterThanOrEqualTo",
        contactEmails: ["finops@contoso.com"],
        contactGroups: [`${RG}/ag`],
      });
    }
    expect(notifications.map((n) => `${n.thresholdType} ${n.threshold}`).sort()).toEqual([
      "Actual 100",
      "Actual 80",
      "Forecasted 100",
    ]);
  });
});

describe("the plan's monitoring section", () => {
  it("reads what is logged where, the alerts and the budget from the recorded resources", async () => {
    const resources = await recordResources(() => {
      const monitoring = new PlatformMonitoring("mon", {
        ...input(),
        environment: "dev",
        resourceGroupName: "rg",
        location: "swedencentral",
        accounts: [provisioned],
      });
      new ResourceGroupBudget("budget", {
        ...budgetSpecSchema.parse({ name: "b", amount: 100, startDate: "2026-12-01" }),
        resourceGroupId: RG,
        actionGroupId: monitoring.actionGroupId,
      });
    });
    const plan = monitoringPlan(resources);
    expect(plan.diagnosticSettings).toEqual([
      {
        resource: "aoai-ptu",
        name: "aoai-platform",
        logCategoryGroups: ["allLogs"],
        metricCategories: ["AllMetrics"],
        workspaceId: `${RG}/providers/Microsoft.OperationalInsights/workspaces/log-aoai-test`,
        storageAccountId: null,
        eventHubAuthorizationRuleId: null,
        destinationType: null,
      },
      {
        resource: "log-aoai-test",
        name: "aoai-platform",
        logCategoryGroups: ["allLogs"],
        metricCategories: ["AllMetrics"],
        workspaceId: `${RG}/providers/Microsoft.OperationalInsights/workspaces/log-aoai-test`,
        storageAccountId: null,
        eventHubAuthorizationRuleId: null,
        destinationType: null,
      },
    ]);
    expect(plan.alerts.find((a) => a.name === "aoai-ptu-ptu-utilization")).toEqual({
      name: "aoai-ptu-ptu-utilization",
      resource: "aoai-ptu",
      severity: 3,
      namespace: "Microsoft.CognitiveServices/accounts",
      metric: "AzureOpenAIProvisionedManagedUtilizationV2",
      aggregation: "Average",
      operator: "GreaterThanOrEqual",
      threshold: 90,
      dimensions: { ModelDeploymentName: ["chat-ptu"] },
      windowSize: "PT15M",
      evaluationFrequency: "PT5M",
      actionGroups: ["ag-aoai"],
    });
    expect(plan.budgets[0]?.notifications.map((n) => [n.type, n.threshold, n.contactGroups.length])).toEqual([
      ["Actual", 80, 1],
      ["Actual", 100, 1],
      ["Forecasted", 100, 1],
    ]);
    const text = renderMonitoring(plan).join("\n");
    expect(text).toContain("aoai-ptu: logs:allLogs + AllMetrics -> workspace log-aoai-test");
    expect(text).toMatch(
      /aoai-ptu-throttling +Total AzureOpenAIRequests >= 10 \(StatusCode in 429, per ModelDeploymentName\)/,
    );
    expect(text).toContain("Budget b: 100 per month on rg from 2026-12-01; notifies at Actual >= 80%");
  });

  it("says so when the stack has no monitoring", () => {
    expect(renderMonitoring(monitoringPlan([]))).toEqual([
      "  none (no monitoring or budget in the stack config)",
    ]);
  });
});
