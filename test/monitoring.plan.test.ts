import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { LEGACY_METRICS } from "../components/facts/monitoring";
import { planJson, writeStackFile } from "./support/planCli";

describe("npm run plan -- --stack prod --json: monitoring", () => {
  it("every account has a diagnostic setting to the workspace and alerts on 429 and 5xx; an action group and a budget", async () => {
    const plan = await planJson("--stack", "prod");
    const accounts = plan.resources
      .filter((r) => r.type === "azure-native:cognitiveservices:Account")
      .map((r) => String(r.inputs.accountName))
      .sort();
    expect(accounts).toEqual(["aoai-contoso-prod-frc", "aoai-contoso-prod-swc"]);
    const { monitoring } = plan;
    expect(monitoring.workspaces).toEqual([
      {
        name: "log-aoai-prod",
        location: "swedencentral",
        sku: "PerGB2018",
        retentionInDays: 90,
        dailyCapGb: null,
      },
    ]);
    const workspaceId =
      "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aoai-prod/providers/Microsoft.OperationalInsights/workspaces/log-aoai-prod";
    for (const account of accounts) {
      expect(monitoring.diagnosticSettings.filter((d) => d.resource === account)).toEqual([
        expect.objectContaining({
          logCategoryGroups: ["allLogs"],
          metricCategories: ["AllMetrics"],
          workspaceId,
        }),
      ]);
      const alerts = monitoring.alerts.filter((a) => a.resource === account);
      expect(alerts.map((a) => a.dimensions.StatusCode)).toEqual(
        expect.arrayContaining([["429"], ["500", "502", "503", "504"]]),
      );
      // prod has no provisioned deployment, so no PTU alert.
      expect(alerts.map((a) => a.metric)).toEqual(["AzureOpenAIRequests", "AzureOpenAIRequests"]);
      for (const alert of alerts) expect(alert.actionGroups).toEqual(["ag-aoai-prod"]);
    }
    const alertResources = plan.resources.filter((r) => r.type === "azure-native:monitor:MetricAlert");
    expect(alertResources).toHaveLength(monitoring.alerts.length);
    for (const alert of alertResources) expect(alert.inputs.location).toBe("global");
    for (const alert of monitoring.alerts) expect(LEGACY_METRICS).not.toContain(alert.metric);
    expect(monitoring.actionGroups).toEqual([
      {
        name: "ag-aoai-prod",
        shortName: "aoai-prod",
        emails: ["aoai-oncall@contoso.com", "platform-team@contoso.com"],
        webhooks: 0,
      },
    ]);
    expect(monitoring.budgets).toEqual([
      expect.objectContaining({
        name: "budget-aoai-prod",
        scope: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aoai-prod",
        timeGrain: "Monthly",
        amount: 25000,
      }),
    ]);
    expect(monitoring.budgets[0]?.notifications.map((n) => `${n.type} ${n.threshold}`)).toEqual([
      "Actual 50",
      "Actual 80",
      "Actual 100",
      "Forecasted 100",
    ]);
  });

  it("a secure alertWebhookUrl is planned as a secret receiver and never printed", async () => {
    const file = writeStackFile(
      `${readFileSync("Pulumi.dev.yaml", "utf8")}  aoai-platform:alertWebhookUrl:\n    secure: v1:d2ViaG9vaw==\n`,
    );
    const plan = await planJson("--stack", "dev", "--config-file", file);
    expect(JSON.stringify(plan)).not.toContain("v1:d2ViaG9vaw==");
    expect(JSON.stringify(plan)).not.toContain("offline-plan-secret-placeholder");
    expect(plan.monitoring.actionGroups[0]?.webhooks).toBe("[secret]");
  });
});
