import { describe, expect, it } from "vitest";
import { monitoringSpecSchema } from "../components/monitoring/spec";
import { parseStackConfig } from "../src/config/load";
import { monitoringIssues } from "../src/config/monitoring";
import { OFFLINE_SECRET_PLACEHOLDER } from "../src/config/offlineSecret";
import { minimalConfig, problemsOf, shippedStackValues } from "./support/stackConfig";

const WORKSPACE_ID =
  "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-central/providers/Microsoft.OperationalInsights/workspaces/log-central";
const RULE_ID =
  "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-logs/providers/Microsoft.EventHub/namespaces/ehn-swc/authorizationRules/send";
const STORAGE_ID =
  "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-logs/providers/Microsoft.Storage/storageAccounts/stlogsswc";

function monitoring(overrides: Record<string, unknown> = {}) {
  return {
    workspace: { name: "log-aoai-test" },
    actionGroup: { name: "ag-aoai-test", shortName: "aoai-test", emails: ["oncall@contoso.com"] },
    ...overrides,
  };
}

function budget(overrides: Record<string, unknown> = {}) {
  return { name: "budget-aoai-test", amount: 1000, startDate: "2026-12-01", ...overrides };
}

const withKeys = (keys: Record<string, unknown>) => ({ ...minimalConfig(), ...keys });
const parsed = (keys: Record<string, unknown>, environment = "dev") =>
  parseStackConfig({ ...withKeys(keys), environment }, "test").config;

describe("monitoring config", () => {
  it("is optional: a stack without it parses and has none", () => {
    expect(parsed({}).monitoring).toBeUndefined();
    expect(parsed({}).budget).toBeUndefined();
  });

  it("defaults: allLogs, alert thresholds and windows, severities by environment", () => {
    const dev = parsed({ monitoring: monitoring() });
    expect(dev.monitoring?.diagnostics).toEqual({
      name: "aoai-platform",
      logs: "allLogs",
      storageAccounts: {},
      eventHubs: {},
    });
    expect(dev.monitoring?.alerts).toEqual({
      throttling: {
        enabled: true,
        threshold: 10,
        windowSize: "PT5M",
        evaluationFrequency: "PT1M",
        severity: 3,
      },
      serverErrors: {
        enabled: true,
        threshold: 5,
        windowSize: "PT5M",
        evaluationFrequency: "PT1M",
        severity: 3,
      },
      ptuUtilization: {
        enabled: true,
        threshold: 90,
        windowSize: "PT15M",
        evaluationFrequency: "PT5M",
        severity: 3,
      },
      gateway: {
        serverErrors: {
          enabled: true,
          threshold: 5,
          windowSize: "PT5M",
          evaluationFrequency: "PT1M",
          severity: 3,
        },
        throttling: {
          enabled: true,
          threshold: 10,
          windowSize: "PT5M",
          evaluationFrequency: "PT1M",
          severity: 3,
        },
        cpu: { enabled: true, threshold: 80, windowSize: "PT15M", evaluationFrequency: "PT5M", severity: 3 },
        backendDuration: {
          enabled: true,
          threshold: 30000,
          windowSize: "PT15M",
          evaluationFrequency: "PT5M",
          severity: 3,
        },
      },
    });
    const prod = parsed({ monitoring: monitoring() }, "prod");
    expect(prod.monitoring?.alerts.serverErrors.severity).toBe(1);
    expect(prod.monitoring?.alerts.throttling.severity).toBe(2);
    expect(prod.monitoring?.alerts.gateway.serverErrors.severity).toBe(1);
    expect(prod.monitoring?.alerts.gateway.cpu.severity).toBe(2);
    const explicit = parsed({ monitoring: monitoring({ alerts: { throttling: { severity: 0 } } }) }, "prod");
    expect(explicit.monitoring?.alerts.throttling.severity).toBe(0);
  });

  it("rejects out-of-range retention, thresholds and severities, naming the key", () => {
    expect(
      problemsOf(withKeys({ monitoring: monitoring({ workspace: { name: "log-x1", retentionInDays: 7 } }) })),
    ).toEqual([
      "aoai-platform:monitoring.workspace.retentionInDays: 7: a PerGB2018 workspace keeps data 30-730 days",
    ]);
    expect(
      problemsOf(
        withKeys({ monitoring: monitoring({ workspace: { name: "log-x1", retentionInDays: 731 } }) }),
      ),
    ).toEqual([
      "aoai-platform:monitoring.workspace.retentionInDays: 731: a PerGB2018 workspace keeps data 30-730 days",
    ]);
    const alerts = {
      throttling: { threshold: 0 },
      serverErrors: { severity: 5 },
      ptuUtilization: { threshold: 101 },
    };
    expect(problemsOf(withKeys({ monitoring: monitoring({ alerts }) }))).toEqual([
      "aoai-platform:monitoring.alerts.throttling.threshold: 0: must be a whole number of calls, at least 1",
      "aoai-platform:monitoring.alerts.serverErrors.severity: 5: must be 0 (critical) to 4 (verbose)",
      "aoai-platform:monitoring.alerts.ptuUtilization.threshold: 101: must be a percentage above 0 and at most 100",
    ]);
  });

  it("rejects a window shorter than the evaluation frequency and unknown ISO 8601 durations", () => {
    const alerts = {
      throttling: { windowSize: "PT1M", evaluationFrequency: "PT5M" },
      serverErrors: { windowSize: "PT2M" },
    };
    const problems = problemsOf(withKeys({ monitoring: monitoring({ alerts }) }));
    expect(problems[0]).toBe(
      'aoai-platform:monitoring.alerts.throttling.windowSize: "PT1M": the window (PT1M) must be at least the evaluation frequency (PT5M)',
    );
    expect(problems[1]).toMatch(
      /^aoai-platform:monitoring\.alerts\.serverErrors\.windowSize: "PT2M": .*PT5M/,
    );
    expect(problems).toHaveLength(2);
  });

  it("rejects bad and duplicate emails and a short name over 12 characters", () => {
    const actionGroup = {
      name: "ag-aoai-test",
      shortName: "aoai-platform-test",
      emails: ["oncall@contoso.com", "not-an-email", "ONCALL@contoso.com"],
    };
    expect(problemsOf(withKeys({ monitoring: monitoring({ actionGroup }) }))).toEqual([
      "aoai-platform:monitoring.actionGroup.shortName: \"aoai-platform-test\": must be 1-12 characters: letters, digits, '_' and '-'",
      'aoai-platform:monitoring.actionGroup.emails[1]: "not-an-email": must be an email address such as oncall@contoso.com',
      'aoai-platform:monitoring.actionGroup.emails[2]: "ONCALL@contoso.com": duplicate email "ONCALL@contoso.com" (also at index 0); emails must be unique (case-insensitive)',
    ]);
  });

  it("needs exactly one of workspace name and existingId; retention only for a created one", () => {
    expect(problemsOf(withKeys({ monitoring: monitoring({ workspace: {} }) }))).toEqual([
      "aoai-platform:monitoring.workspace: {}: set either name (create a workspace) or existingId (use an existing one), not both or neither",
    ]);
    const existing = { existingId: WORKSPACE_ID, retentionInDays: 90 };
    expect(problemsOf(withKeys({ monitoring: monitoring({ workspace: existing }) }))).toEqual([
      "aoai-platform:monitoring.workspace.retentionInDays: 90: retentionInDays only applies to a workspace this stack creates (name), not to existingId",
    ]);
    const notAWorkspace = { existingId: STORAGE_ID };
    expect(problemsOf(withKeys({ monitoring: monitoring({ workspace: notAWorkspace }) }))[0]).toMatch(
      /monitoring\.workspace\.existingId: .*must be the ARM id of a Microsoft\.OperationalInsights\/workspaces resource/,
    );
  });

  it("needs a storage destination in every account region, and none for regions without accounts", () => {
    const diagnostics = { storageAccounts: { westeurope: STORAGE_ID } };
    expect(problemsOf(withKeys({ monitoring: monitoring({ diagnostics }) }))).toEqual([
      expect.stringMatching(
        /^aoai-platform:monitoring\.diagnostics\.storageAccounts\.westeurope: .*: nothing monitored is in westeurope; accounts are in swedencentral$/,
      ),
      expect.stringMatching(
        /^aoai-platform:monitoring\.diagnostics\.storageAccounts: .*: accounts in swedencentral have no entry; a diagnostic setting's destination must be in the monitored resource's region, so add one for swedencentral$/,
      ),
    ]);
    const ok = parsed({
      monitoring: monitoring({ diagnostics: { storageAccounts: { swedencentral: STORAGE_ID } } }),
    });
    expect(ok.monitoring?.diagnostics.storageAccounts).toEqual({ swedencentral: STORAGE_ID });
  });

  it("needs the per-region destinations in the gateway's region too (its own, else the resource group's)", () => {
    const spec = monitoringSpecSchema.parse(
      monitoring({ diagnostics: { eventHubs: { swedencentral: { authorizationRuleId: RULE_ID } } } }),
    );
    const stack = { accounts: [{}], location: "swedencentral", monitoring: spec };
    expect(monitoringIssues({ ...stack, gateway: {} })).toEqual([]);
    expect(monitoringIssues({ ...stack, gateway: { location: "westeurope" } })).toEqual([
      {
        path: ["monitoring", "diagnostics", "eventHubs"],
        message:
          "the gateway in westeurope has no entry; a diagnostic setting's destination must be in the monitored resource's region, so add one for westeurope",
      },
    ]);
    expect(
      monitoringIssues({ ...stack, resourceGroup: { location: "francecentral" }, gateway: {} }).map(
        (i) => i.message,
      ),
    ).toEqual([expect.stringMatching(/^the gateway in francecentral has no entry/)]);
    const both = monitoringSpecSchema.parse(
      monitoring({ diagnostics: { storageAccounts: { westeurope: STORAGE_ID } } }),
    );
    expect(
      monitoringIssues({ ...stack, monitoring: both, gateway: { location: "swedencentral" } }).map(
        (i) => i.message,
      ),
    ).toEqual([
      "nothing monitored is in westeurope; accounts and the gateway are in swedencentral",
      expect.stringMatching(/^accounts and the gateway in swedencentral have no entry/),
    ]);
  });

  it("needs a receiver, and a webhook only with an action group over https", () => {
    const noReceiver = monitoring({ actionGroup: { name: "ag", shortName: "ag", emails: [] } });
    expect(problemsOf(withKeys({ monitoring: noReceiver }))).toEqual([
      "aoai-platform:monitoring.actionGroup.emails: []: the action group needs at least one receiver: list emails or set alertWebhookUrl",
    ]);
    expect(
      problemsOf(withKeys({ monitoring: noReceiver, alertWebhookUrl: "https://hooks.contoso.com/t/abc" })),
    ).toEqual([]);
    expect(problemsOf(withKeys({ alertWebhookUrl: "https://hooks.contoso.com/t/abc" }))).toEqual([
      // The webhook URL is a secret: the key and the rule are printed, never the URL.
      "aoai-platform:alertWebhookUrl: [secret]: a webhook needs monitoring.actionGroup to be declared",
    ]);
    expect(
      problemsOf(withKeys({ monitoring: monitoring(), alertWebhookUrl: "http://hooks.contoso.com/t" }))[0],
    ).toMatch(/^aoai-platform:alertWebhookUrl: \[secret\]: must be an https:\/\/ URL/);
    // Offline, a `secure:` value reads as the plan's placeholder: accepted, never decoded.
    expect(
      problemsOf(withKeys({ monitoring: monitoring(), alertWebhookUrl: OFFLINE_SECRET_PLACEHOLDER })),
    ).toEqual([]);
  });
});

describe("budget config", () => {
  it("defaults to notifications at 80% and 100% actual and 100% forecasted", () => {
    const config = parsed({ budget: budget({ contactEmails: ["finops@contoso.com"] }) });
    expect(config.budget?.notifications).toEqual([
      { threshold: 80, type: "Actual" },
      { threshold: 100, type: "Actual" },
      { threshold: 100, type: "Forecasted" },
    ]);
  });

  it("rejects thresholds outside 1-1000 %, a zero amount and a start date that is not the first of a month", () => {
    const bad = budget({
      amount: 0,
      startDate: "2026-12-15",
      contactEmails: ["finops@contoso.com"],
      notifications: [{ threshold: 0 }, { threshold: 1001, type: "Forecasted" }],
    });
    expect(problemsOf(withKeys({ budget: bad }))).toEqual([
      "aoai-platform:budget.amount: 0: must be more than 0 (the billing currency)",
      'aoai-platform:budget.startDate: "2026-12-15": must be the first of a month, 2017-06-01 or later (e.g. 2025-07-01)',
      "aoai-platform:budget.notifications[0].threshold: 0: must be 1-1000 percent of the amount",
      "aoai-platform:budget.notifications[1].threshold: 1001: must be 1-1000 percent of the amount",
    ]);
  });

  it("rejects more than five notifications, duplicates, a bad email and an end before the start", () => {
    const six = [50, 60, 70, 80, 90, 100].map((threshold) => ({ threshold }));
    expect(
      problemsOf(withKeys({ budget: budget({ contactEmails: ["a@b.io"], notifications: six }) })),
    ).toEqual([
      `aoai-platform:budget.notifications: ${JSON.stringify(six).slice(0, 77)}...: a budget holds at most 5 notifications`,
    ]);
    const bad = budget({
      endDate: "2026-11-01",
      contactEmails: ["finops"],
      notifications: [{ threshold: 80 }, { threshold: 80, type: "Actual" }],
    });
    expect(problemsOf(withKeys({ budget: bad }))).toEqual([
      'aoai-platform:budget.contactEmails[0]: "finops": must be an email address such as oncall@contoso.com',
      'aoai-platform:budget.endDate: "2026-11-01": must be after startDate 2026-12-01',
      'aoai-platform:budget.notifications[1]: {"threshold":80,"type":"Actual"}: duplicate notification "Actual 80%" (also at index 0); notifications must be unique (case-insensitive)',
    ]);
  });

  it("must notify someone: contact emails or the monitoring action group", () => {
    expect(problemsOf(withKeys({ budget: budget() }))).toEqual([
      "aoai-platform:budget.contactEmails: missing: nobody would be notified: list contactEmails or declare monitoring.actionGroup",
    ]);
    expect(problemsOf(withKeys({ budget: budget(), monitoring: monitoring() }))).toEqual([]);
  });
});

describe("shipped stacks", () => {
  it("prod keeps 90 days of logs, pages on 5xx at severity 1 and has a budget notifying finance", () => {
    const { config } = parseStackConfig(shippedStackValues("prod"), "prod");
    expect(config.monitoring?.workspace.retentionInDays).toBe(90);
    expect(config.monitoring?.diagnostics.logs).toBe("allLogs");
    expect(config.monitoring?.alerts.serverErrors.severity).toBe(1);
    expect(config.budget?.contactEmails).toContain("finops@contoso.com");
  });

  it("dev is cheaper: a daily ingestion cap, audit logs only, informational alerts", () => {
    const { config } = parseStackConfig(shippedStackValues("dev"), "dev");
    expect(config.monitoring?.workspace.dailyCapGb).toBeGreaterThan(0);
    expect(config.monitoring?.diagnostics.logs).toBe("audit");
    expect(config.monitoring?.alerts.serverErrors.severity).toBe(3);
  });
});
