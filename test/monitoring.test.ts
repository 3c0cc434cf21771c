import { describe, expect, it } from "vitest";
import { ResourceGroupBudget } from "../components/budget/component";
import { budgetNotifications } from "../components/budget/notifications";
import { budgetSpecSchema } from "../components/budget/spec";
import { LEGACY_METRICS, OPENAI_METRICS } from "../components/facts/monitoring";
import { type AlertSettingsByKind, accountAlertRules } from "../components/monitoring/alerts";
import { type MonitoredAccount, PlatformMonitoring } from "../components/monitoring/component";
import { emailReceiverName } from "../components/monitoring/receivers";
import { monitoringSpecSchema } from "../components/monitoring/spec";
import { resolveMonitoring } from "../src/config/monitoring";
import { monitoringPlan } from "../src/plan/monitoring";
import { renderMonitoring } from "../src/plan/monitoringReport";
import { ofType, recordResources } from "./support/mockRun";

const RG = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg";
const accountId = (name: string) => `${RG}/providers/Microsoft.CognitiveServices/accounts/${name}`;

const settings = (overrides: Record<string, unknown> = {}, environment: "dev" | "prod" = "prod") =>
  resolveMonitoring(
    monitoringSpecSchema.parse({
      workspace: { name: "log-aoai-test", retentionInDays: 90 },
      actionGroup: { name: "ag-aoai", shortName: "aoai", emails: ["oncall@contoso.com"] },
      ...overrides,
    }),
    environment,
  );

const payPerToken: MonitoredAccount = {
  name: "aoai-swc",
  id: accountId("aoai-swc"),
  location: "swedencentral",
  deployments: [{ name: "chat", sku: "GlobalStandard" }],
};
const provisioned: MonitoredAccount = {
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
          settings: settings(),
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
          settings: settings({
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
        settings: settings({}, "dev"),
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
      },
      {
        resource: "log-aoai-test",
        name: "aoai-platform",
        logCategoryGroups: ["allLogs"],
        metricCategories: ["AllMetrics"],
        workspaceId: `${RG}/providers/Microsoft.OperationalInsights/workspaces/log-aoai-test`,
        storageAccountId: null,
        eventHubAuthorizationRuleId: null,
      },
    ]);
    expect(plan.alerts.find((a) => a.name === "aoai-ptu-ptu-utilization")).toEqual({
      name: "aoai-ptu-ptu-utilization",
      resource: "aoai-ptu",
      severity: 3,
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
