/**
 * The monitoring view of a plan, read from the recorded resources (so it shows what the program
 * creates, not what the config meant): what is logged where, which alerts fire on what, the budget.
 */
import type { PlannedResource } from "./resource";

export const MONITORING_TYPES = {
  workspace: "azure-native:operationalinsights:Workspace",
  diagnosticSetting: "azure-native:monitor:DiagnosticSetting",
  actionGroup: "azure-native:monitor:ActionGroup",
  metricAlert: "azure-native:monitor:MetricAlert",
  budget: "azure-native:consumption:Budget",
} as const;

export interface PlannedWorkspace {
  name: string;
  location: string;
  sku: string;
  retentionInDays: number;
  dailyCapGb: number | null;
}

export interface PlannedDiagnosticSetting {
  /** The monitored resource's name (last segment of resourceUri). */
  resource: string;
  name: string;
  logCategoryGroups: string[];
  metricCategories: string[];
  /** Destination resource ids; null when not sent there. */
  workspaceId: string | null;
  storageAccountId: string | null;
  eventHubAuthorizationRuleId: string | null;
  /** "Dedicated": logs land in the resource's own tables (API Management); null: AzureDiagnostics. */
  destinationType: string | null;
}

export interface PlannedActionGroup {
  name: string;
  shortName: string;
  emails: string[];
  /** Number of webhook receivers; "[secret]" when the list holds a secret URL (Pulumi hides the whole list). */
  webhooks: number | "[secret]";
}

export interface PlannedAlert {
  name: string;
  resource: string;
  severity: number;
  /** Metric namespace: the monitored resource type (an account or the AI gateway). */
  namespace: string;
  metric: string;
  aggregation: string;
  operator: string;
  threshold: number;
  /** Dimension name to included values ("*" = each value on its own). */
  dimensions: Record<string, string[]>;
  windowSize: string;
  evaluationFrequency: string;
  /** Names of the action groups notified. */
  actionGroups: string[];
}

export interface PlannedBudget {
  name: string;
  scope: string;
  amount: number;
  timeGrain: string;
  startDate: string;
  notifications: { threshold: number; type: string; contactEmails: string[]; contactGroups: string[] }[];
}

export interface MonitoringPlan {
  workspaces: PlannedWorkspace[];
  diagnosticSettings: PlannedDiagnosticSetting[];
  actionGroups: PlannedActionGroup[];
  alerts: PlannedAlert[];
  budgets: PlannedBudget[];
}

type Inputs = Record<string, unknown>;
/** How the recorder prints a secret value. */
const SECRET = "[secret]";
const record = (value: unknown): Inputs =>
  value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Inputs) : {};
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const text = (value: unknown): string => (value === undefined || value === null ? "" : String(value));
const optionalText = (value: unknown): string | null => (typeof value === "string" ? value : null);
/** The name at the end of an ARM id. */
const lastSegment = (id: unknown): string => text(id).split("/").pop() ?? "";

function byName(resources: readonly PlannedResource[], type: string): PlannedResource[] {
  return resources.filter((r) => r.type === type).sort((a, b) => a.name.localeCompare(b.name));
}

export function monitoringPlan(resources: readonly PlannedResource[]): MonitoringPlan {
  return {
    workspaces: byName(resources, MONITORING_TYPES.workspace).map(({ inputs }) => ({
      name: text(inputs.workspaceName),
      location: text(inputs.location),
      sku: text(record(inputs.sku).name),
      retentionInDays: Number(inputs.retentionInDays),
      dailyCapGb:
        inputs.workspaceCapping === undefined ? null : Number(record(inputs.workspaceCapping).dailyQuotaGb),
    })),
    diagnosticSettings: byName(resources, MONITORING_TYPES.diagnosticSetting).map(({ inputs }) => ({
      resource: lastSegment(inputs.resourceUri),
      name: text(inputs.name),
      logCategoryGroups: list(inputs.logs)
        .map(record)
        .filter((log) => log.enabled === true)
        .map((log) => text(log.categoryGroup ?? log.category)),
      metricCategories: list(inputs.metrics)
        .map(record)
        .filter((metric) => metric.enabled === true)
        .map((metric) => text(metric.category)),
      workspaceId: optionalText(inputs.workspaceId),
      storageAccountId: optionalText(inputs.storageAccountId),
      eventHubAuthorizationRuleId: optionalText(inputs.eventHubAuthorizationRuleId),
      destinationType: optionalText(inputs.logAnalyticsDestinationType),
    })),
    actionGroups: byName(resources, MONITORING_TYPES.actionGroup).map(({ inputs }) => ({
      name: text(inputs.actionGroupName),
      shortName: text(inputs.groupShortName),
      emails: list(inputs.emailReceivers).map((receiver) => text(record(receiver).emailAddress)),
      webhooks: inputs.webhookReceivers === SECRET ? SECRET : list(inputs.webhookReceivers).length,
    })),
    alerts: byName(resources, MONITORING_TYPES.metricAlert).flatMap(({ inputs }) =>
      list(record(inputs.criteria).allOf).map((criterion) => {
        const c = record(criterion);
        return {
          name: text(inputs.ruleName),
          resource: lastSegment(list(inputs.scopes)[0]),
          severity: Number(inputs.severity),
          namespace: text(c.metricNamespace),
          metric: text(c.metricName),
          aggregation: text(c.timeAggregation),
          operator: text(c.operator),
          threshold: Number(c.threshold),
          dimensions: Object.fromEntries(
            list(c.dimensions).map((d) => [text(record(d).name), list(record(d).values).map(text)]),
          ),
          windowSize: text(inputs.windowSize),
          evaluationFrequency: text(inputs.evaluationFrequency),
          actionGroups: list(inputs.actions).map((action) => lastSegment(record(action).actionGroupId)),
        };
      }),
    ),
    budgets: byName(resources, MONITORING_TYPES.budget).map(({ inputs }) => ({
      name: text(inputs.budgetName),
      scope: text(inputs.scope),
      amount: Number(inputs.amount),
      timeGrain: text(inputs.timeGrain),
      startDate: text(record(inputs.timePeriod).startDate),
      notifications: Object.values(record(inputs.notifications))
        .map(record)
        .map((n) => ({
          threshold: Number(n.threshold),
          type: text(n.thresholdType),
          contactEmails: list(n.contactEmails).map(text),
          contactGroups: list(n.contactGroups).map(text),
        }))
        .sort((a, b) => a.type.localeCompare(b.type) || a.threshold - b.threshold),
    })),
  };
}
