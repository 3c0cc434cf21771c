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

/**
 * Resource log categories of Microsoft.ApiManagement/service, all in the `allLogs` category group.
 * Source: https://learn.microsoft.com/azure/azure-monitor/reference/supported-logs/microsoft-apimanagement-service-logs
 * (GatewayLlmLogs: token usage, prompts and completions of LLM APIs; GatewayMCPLogs: MCP servers).
 * The diagnostic setting selects the category group, as Azure Policy 567c93f7 (built-in-policies/
 * policyDefinitions/Monitoring/DS_LA_apimanagement-service_DINE.json in Azure/azure-policy) checks.
 */
export const APIM_LOG_CATEGORIES = [
  "GatewayLogs",
  "GatewayLlmLogs",
  "GatewayMCPLogs",
  "WebSocketConnectionLogs",
  "DeveloperPortalAuditLogs",
] as const;

/**
 * API Management writes its logs to resource-specific tables (ApiManagementGatewayLogs,
 * ApiManagementGatewayLlmLog, ...) only in this mode; otherwise everything lands in AzureDiagnostics.
 * Source: the same supported-logs page ("Log table") and the diagnosticSettings 2021-05-01-preview spec
 * (specification/monitor/resource-manager/Microsoft.Insights/preview/2021-05-01-preview/diagnosticsSettings_API.json,
 * DiagnosticSettings.logAnalyticsDestinationType).
 */
export const APIM_LOG_DESTINATION_TYPE = "Dedicated";

/** Metric namespace of API Management services (the AI gateway). */
export const APIM_METRIC_NAMESPACE = "Microsoft.ApiManagement/service";

/**
 * Metrics of Microsoft.ApiManagement/service the platform alerts on. Source:
 * https://learn.microsoft.com/azure/azure-monitor/reference/supported-metrics/microsoft-apimanagement-service-metrics
 * and https://learn.microsoft.com/azure/api-management/api-management-capacity (the v2 tiers report
 * CpuPercent_Gateway and MemoryPercent_Gateway; the classic `Capacity` metric is not theirs).
 */
export const APIM_METRICS = {
  /** Gateway requests; dimensions GatewayResponseCode(Category), BackendResponseCode(Category), ApiId, Location. */
  requests: "Requests",
  /** Duration of backend requests in milliseconds (Average, Maximum, Minimum). */
  backendDuration: "BackendDuration",
  /** CPU percentage of the gateway units of a v2 service (Average, Maximum). */
  gatewayCpu: "CpuPercent_Gateway",
} as const;

export const APIM_METRIC_DIMENSIONS = {
  responseCode: "GatewayResponseCode",
  responseCodeCategory: "GatewayResponseCodeCategory",
} as const;

/** What the gateway answers when every backend of a pool is throttled or a consumer's token limit is hit. */
export const APIM_THROTTLED_RESPONSE_CODES = ["429"] as const;
/** GatewayResponseCodeCategory of server-side failures (the metric groups codes as 1xx ... 5xx). */
export const APIM_SERVER_ERROR_CATEGORIES = ["5xx"] as const;

/** Alert severities: 0 critical, 1 error, 2 warning, 3 informational, 4 verbose. */
export const MIN_ALERT_SEVERITY = 0;
export const MAX_ALERT_SEVERITY = 4;

/**
 * Default severity per alert and environment (0 critical ... 4 verbose): prod pages on server errors,
 * dev only informs. Our choice; an alert's `severity` overrides it.
 */
export const DEFAULT_ALERT_SEVERITIES = {
  prod: {
    serverErrors: 1,
    throttling: 2,
    ptuUtilization: 2,
    gateway: { serverErrors: 1, throttling: 2, cpu: 2, backendDuration: 2 },
  },
  staging: {
    serverErrors: 2,
    throttling: 3,
    ptuUtilization: 3,
    gateway: { serverErrors: 2, throttling: 3, cpu: 3, backendDuration: 3 },
  },
  test: {
    serverErrors: 3,
    throttling: 3,
    ptuUtilization: 3,
    gateway: { serverErrors: 3, throttling: 3, cpu: 3, backendDuration: 3 },
  },
  dev: {
    serverErrors: 3,
    throttling: 3,
    ptuUtilization: 3,
    gateway: { serverErrors: 3, throttling: 3, cpu: 3, backendDuration: 3 },
  },
} as const;
export type SeverityEnvironment = keyof typeof DEFAULT_ALERT_SEVERITIES;
/** A component given no environment alerts as loudly as prod (secure by default: nobody misses a 5xx). */
export const DEFAULT_SEVERITY_ENVIRONMENT: SeverityEnvironment = "prod";
export const SEVERITY_ENVIRONMENTS = Object.keys(DEFAULT_ALERT_SEVERITIES) as [
  SeverityEnvironment,
  ...SeverityEnvironment[],
];

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
