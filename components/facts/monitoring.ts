/**
 * Azure Monitor, Log Analytics and Cost Management facts for Azure OpenAI accounts.
 * Sources: Azure OpenAI monitoring data reference (metrics, dimensions, log categories), Azure Monitor
 * "Manage data retention in a Log Analytics workspace", Microsoft.Insights metricAlerts / actionGroups
 * and Microsoft.Consumption budgets REST specs (azure-native 3.x docs):
 * https://learn.microsoft.com/azure/ai-services/openai/monitor-openai-reference and
 * https://learn.microsoft.com/azure/azure-monitor/logs/data-retention-configure.
 */
import type { NameRule } from "./names";

/** Diagnostic log category groups of Microsoft.CognitiveServices/accounts (Azure Policy recognises groups). */
export const LOG_CATEGORY_GROUPS = ["allLogs", "audit"] as const;
export type LogCategoryGroup = (typeof LOG_CATEGORY_GROUPS)[number];

/** The one metrics category a diagnostic setting exports. */
export const METRICS_CATEGORY = "AllMetrics";

/** Metric namespace of Azure OpenAI (and AIServices) accounts. */
export const OPENAI_METRIC_NAMESPACE = "Microsoft.CognitiveServices/accounts";

/** Metrics the platform alerts on; both are the Azure OpenAI-specific metrics Microsoft recommends. */
export const OPENAI_METRICS = {
  /** Count of calls to the Azure OpenAI API; dimensions StatusCode and ModelDeploymentName. */
  requests: "AzureOpenAIRequests",
  /** Provisioned (PTU) utilization in percent; at 100% and above calls are throttled with 429. */
  provisionedUtilization: "AzureOpenAIProvisionedManagedUtilizationV2",
} as const;

export const METRIC_DIMENSIONS = {
  statusCode: "StatusCode",
  deployment: "ModelDeploymentName",
} as const;

/** Legacy Cognitive Services metrics Microsoft marks "do not use for Azure OpenAI". */
export const LEGACY_METRICS = ["BlockedCalls", "ClientErrors", "Ratelimit", "TotalErrors"] as const;

/** Status code of a throttled call (rate or PTU capacity exceeded). */
export const THROTTLED_STATUS_CODES = ["429"] as const;
/**
 * Server-side failures Azure OpenAI returns. Metric alert dimensions only take Include/Exclude with
 * exact values (no prefix match), so 5xx is spelled out.
 */
export const SERVER_ERROR_STATUS_CODES = ["500", "502", "503", "504"] as const;

/** Dimension value that means every current and future value (one time series per value). */
export const ALL_DIMENSION_VALUES = "*";

/** Metric alert evaluation frequencies (ISO 8601) with their length in minutes. */
export const EVALUATION_FREQUENCIES = { PT1M: 1, PT5M: 5, PT15M: 15, PT30M: 30, PT1H: 60 } as const;
/** Metric alert look-back windows (ISO 8601) with their length in minutes. */
export const WINDOW_SIZES = {
  PT1M: 1,
  PT5M: 5,
  PT15M: 15,
  PT30M: 30,
  PT1H: 60,
  PT6H: 360,
  PT12H: 720,
  P1D: 1440,
} as const;
export type EvaluationFrequency = keyof typeof EVALUATION_FREQUENCIES;
export type WindowSize = keyof typeof WINDOW_SIZES;

/** Alert severities: 0 critical, 1 error, 2 warning, 3 informational, 4 verbose. */
export const MIN_ALERT_SEVERITY = 0;
export const MAX_ALERT_SEVERITY = 4;

/** Metric alerts and action groups are global resources. */
export const GLOBAL_LOCATION = "global";

/** Workspace-level (default analytics) retention of a PerGB2018 workspace. */
export const WORKSPACE_SKU = "PerGB2018";
export const MIN_WORKSPACE_RETENTION_DAYS = 30;
export const MAX_WORKSPACE_RETENTION_DAYS = 730;

export const WORKSPACE_NAME: NameRule = {
  pattern: /^[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?$/,
  minLength: 4,
  maxLength: 63,
  allowed: "4-63 characters: letters, digits and '-', starting and ending with a letter or digit",
};

export const ACTION_GROUP_NAME: NameRule = {
  pattern: /^[a-zA-Z0-9_.()-]+$/,
  minLength: 1,
  maxLength: 260,
  allowed: "1-260 characters: letters, digits, '_', '.', '-', '(', ')'",
};

/** The short name appears in SMS and email subjects. */
export const ACTION_GROUP_SHORT_NAME: NameRule = {
  pattern: /^[a-zA-Z0-9_-]+$/,
  minLength: 1,
  maxLength: 12,
  allowed: "1-12 characters: letters, digits, '_' and '-'",
};

export const BUDGET_NAME: NameRule = {
  pattern: /^[a-zA-Z0-9_-]+$/,
  minLength: 1,
  maxLength: 63,
  allowed: "1-63 characters: letters, digits, '_' and '-'",
};

/** Budget notification thresholds are percent of the amount; the API allows up to 1000%. */
export const MIN_BUDGET_THRESHOLD_PERCENT = 1;
export const MAX_BUDGET_THRESHOLD_PERCENT = 1000;
export const MAX_BUDGET_NOTIFICATIONS = 5;
/**
 * Budget start dates. Source: Microsoft.Consumption budgets spec (Azure/azure-rest-api-specs
 * specification/consumption/resource-manager/Microsoft.Consumption/stable/2024-08-01/consumption.json,
 * BudgetProperties.timePeriod): "The start date must be first of the month ... Budget start date must be
 * on or after June 1, 2017. Future start date should not be more than twelve months. Past start date
 * should be selected within the timegrain period."
 */
export const EARLIEST_BUDGET_START = "2017-06-01";
export const MAX_BUDGET_START_MONTHS_AHEAD = 12;
export const BUDGET_THRESHOLD_TYPES = ["Actual", "Forecasted"] as const;
export type BudgetThresholdType = (typeof BUDGET_THRESHOLD_TYPES)[number];
