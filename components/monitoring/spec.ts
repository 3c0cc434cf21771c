/** Config shape of the platform's observability: Log Analytics, diagnostic settings, alerts, action group. */
import { z } from "zod";
import {
  ACTION_GROUP_NAME,
  ACTION_GROUP_SHORT_NAME,
  DEFAULT_SEVERITY_ENVIRONMENT,
  EVALUATION_FREQUENCIES,
  LOG_CATEGORY_GROUPS,
  MAX_ALERT_SEVERITY,
  MAX_WORKSPACE_RETENTION_DAYS,
  MIN_ALERT_SEVERITY,
  MIN_WORKSPACE_RETENTION_DAYS,
  SEVERITY_ENVIRONMENTS,
  WINDOW_SIZES,
  WORKSPACE_NAME,
} from "../facts/monitoring";
import { DEPLOYMENT_SKUS } from "../facts/skus";
import { addDuplicateIssues, armResourceId, azureName, azureRegion, strictObject } from "../validation";

/** An ARM id of a given resource type, e.g. Microsoft.OperationalInsights/workspaces. */
function armIdOfType(type: string) {
  return armResourceId.refine((id) => id.toLowerCase().includes(`/providers/${type.toLowerCase()}/`), {
    error: `must be the ARM id of a ${type} resource`,
  });
}

export const emailAddress = z.email({ error: "must be an email address such as oncall@contoso.com" });

const workspaceSchema = strictObject({
  /** Create a workspace with this name in the platform's resource group... */
  name: azureName(WORKSPACE_NAME).optional(),
  /** ...or send to an existing workspace (e.g. the landing zone's central one). */
  existingId: armIdOfType("Microsoft.OperationalInsights/workspaces").optional(),
  /** Region of a created workspace; defaults to the resource group's region. */
  location: azureRegion.optional(),
  /** Interactive (analytics) retention of a created workspace; 31 days are included in the ingestion price. */
  retentionInDays: z
    .number()
    .int()
    .min(MIN_WORKSPACE_RETENTION_DAYS, {
      error: `a PerGB2018 workspace keeps data ${MIN_WORKSPACE_RETENTION_DAYS}-${MAX_WORKSPACE_RETENTION_DAYS} days`,
    })
    .max(MAX_WORKSPACE_RETENTION_DAYS, {
      error: `a PerGB2018 workspace keeps data ${MIN_WORKSPACE_RETENTION_DAYS}-${MAX_WORKSPACE_RETENTION_DAYS} days`,
    })
    .optional(),
  /** Daily ingestion cap in GB (a cost guardrail for non-prod); ingestion stops for the day when reached. */
  dailyCapGb: z.number().positive({ error: "must be more than 0 GB" }).optional(),
}).superRefine((workspace, ctx) => {
  if ((workspace.name === undefined) === (workspace.existingId === undefined)) {
    ctx.addIssue({
      code: "custom",
      path: [],
      message:
        "set either name (create a workspace) or existingId (use an existing one), not both or neither",
    });
  }
  if (workspace.existingId !== undefined) {
    for (const key of ["location", "retentionInDays", "dailyCapGb"] as const) {
      if (workspace[key] !== undefined) {
        ctx.addIssue({
          code: "custom",
          path: [key],
          message: `${key} only applies to a workspace this stack creates (name), not to existingId`,
        });
      }
    }
  }
});

const eventHubSchema = strictObject({
  authorizationRuleId: armIdOfType("Microsoft.EventHub/namespaces").refine(
    (id) => /\/authorizationRules\/[^/]+$/i.test(id),
    { error: "must be an event hub namespace authorization rule id (.../authorizationRules/<rule>)" },
  ),
  /** Event hub in the namespace; omitted, Azure creates one per log category. */
  name: z.string().min(1).optional(),
});

const diagnosticsSchema = strictObject({
  /** Name of the diagnostic setting on each account. */
  name: z
    .string()
    .regex(/^[^<>*%&:\\?+/]{1,260}$/, { error: "1-260 characters without < > * % & : \\ ? + /" })
    .default("aoai-platform"),
  /** Log category group: allLogs (requests, traces, audit) or audit only. Never named categories. */
  logs: z.enum(LOG_CATEGORY_GROUPS).default("allLogs"),
  /** Archive copy per region: diagnostic settings need the storage account in the account's region. */
  storageAccounts: z.record(azureRegion, armIdOfType("Microsoft.Storage/storageAccounts")).default({}),
  /** Stream per region (SIEM): the event hub namespace must be in the account's region. */
  eventHubs: z.record(azureRegion, eventHubSchema).default({}),
});

const severity = z
  .number()
  .int()
  .min(MIN_ALERT_SEVERITY)
  .max(MAX_ALERT_SEVERITY, {
    error: `must be ${MIN_ALERT_SEVERITY} (critical) to ${MAX_ALERT_SEVERITY} (verbose)`,
  });
const evaluationFrequency = z.enum(
  Object.keys(EVALUATION_FREQUENCIES) as [keyof typeof EVALUATION_FREQUENCIES],
);
const windowSize = z.enum(Object.keys(WINDOW_SIZES) as [keyof typeof WINDOW_SIZES]);

/** One metric alert; severity defaults per environment (see the stack config). */
function alertRuleSchema(
  threshold: z.ZodDefault<z.ZodNumber>,
  window: keyof typeof WINDOW_SIZES,
  frequency: keyof typeof EVALUATION_FREQUENCIES,
) {
  return strictObject({
    enabled: z.boolean().default(true),
    threshold,
    windowSize: windowSize.default(window),
    evaluationFrequency: evaluationFrequency.default(frequency),
    severity: severity.optional(),
  }).superRefine((rule, ctx) => {
    if (WINDOW_SIZES[rule.windowSize] < EVALUATION_FREQUENCIES[rule.evaluationFrequency]) {
      ctx.addIssue({
        code: "custom",
        path: ["windowSize"],
        message: `the window (${rule.windowSize}) must be at least the evaluation frequency (${rule.evaluationFrequency})`,
      });
    }
  });
}

const callCount = z.number().int().min(1, { error: "must be a whole number of calls, at least 1" });
const percent = z
  .number()
  .gt(0, { error: "must be a percentage above 0 and at most 100" })
  .max(100, { error: "must be a percentage above 0 and at most 100" });

const milliseconds = z.number().int().min(1, { error: "must be a whole number of milliseconds, at least 1" });

/** Alerts on an AI gateway (API Management v2): what its callers see, whatever the backends do. */
const gatewayAlertsSchema = strictObject({
  /** Requests the gateway answered 5xx (every backend of a pool failing, policy errors), within the window. */
  serverErrors: alertRuleSchema(callCount.default(5), "PT5M", "PT1M").prefault({}),
  /** Requests the gateway answered 429 (a pool exhausted, or a consumer over its token limit), within the window. */
  throttling: alertRuleSchema(callCount.default(10), "PT5M", "PT1M").prefault({}),
  /** Average CPU percentage of the gateway's units, sustained: add units before requests slow down. */
  cpu: alertRuleSchema(percent.default(80), "PT15M", "PT5M").prefault({}),
  /** Average duration of backend calls in milliseconds, sustained (completions take seconds; 30 s is slow). */
  backendDuration: alertRuleSchema(milliseconds.default(30_000), "PT15M", "PT5M").prefault({}),
});

const alertsSchema = strictObject({
  /** Calls answered 429 (rate limit or PTU capacity exceeded), per deployment, within the window. */
  throttling: alertRuleSchema(callCount.default(10), "PT5M", "PT1M").prefault({}),
  /** Calls answered 5xx, per status code and deployment, within the window. */
  serverErrors: alertRuleSchema(callCount.default(5), "PT5M", "PT1M").prefault({}),
  /** Average PTU utilization per provisioned deployment, sustained; only on accounts with one. */
  ptuUtilization: alertRuleSchema(percent.default(90), "PT15M", "PT5M").prefault({}),
  /** Alerts on the AI gateway; only when the stack (or the component) has one. */
  gateway: gatewayAlertsSchema.prefault({}),
});

const actionGroupSchema = strictObject({
  name: azureName(ACTION_GROUP_NAME),
  /** Shown in SMS and email subjects. */
  shortName: azureName(ACTION_GROUP_SHORT_NAME),
  emails: z.array(emailAddress).default([]),
}).superRefine((group, ctx) => {
  addDuplicateIssues(ctx, group.emails, (i) => ["emails", i], "email");
});

const monitoringSpecShape = {
  workspace: workspaceSchema,
  diagnostics: diagnosticsSchema.prefault({}),
  actionGroup: actionGroupSchema,
  alerts: alertsSchema.prefault({}),
};

export const monitoringSpecSchema = strictObject(monitoringSpecShape);

/** A monitored account as the component needs it (its id is passed beside, as a Pulumi input). */
const monitoredAccountSchema = strictObject({
  name: z.string().min(1),
  location: azureRegion,
  deployments: z.array(strictObject({ name: z.string().min(1), sku: z.enum(DEPLOYMENT_SKUS) })).default([]),
});

/** A monitored AI gateway (API Management service); its id is passed beside. */
const monitoredGatewaySchema = strictObject({
  name: z.string().min(1),
  location: azureRegion,
});

/**
 * What PlatformMonitoring validates: the stack config's `monitoring` as a consumer writes it, the
 * environment its severities default from, and what it monitors (names, regions, deployments).
 */
export const monitoringArgsSchema = strictObject({
  ...monitoringSpecShape,
  environment: z.enum(SEVERITY_ENVIRONMENTS).default(DEFAULT_SEVERITY_ENVIRONMENT),
  location: azureRegion,
  accounts: z.array(monitoredAccountSchema).default([]),
  gateways: z.array(monitoredGatewaySchema).default([]),
}).superRefine((args, ctx) => {
  addDuplicateIssues(
    ctx,
    args.accounts.map((a) => a.name),
    (i) => ["accounts", i, "name"],
    "account",
  );
  addDuplicateIssues(
    ctx,
    args.gateways.map((g) => g.name),
    (i) => ["gateways", i, "name"],
    "gateway",
  );
  const accountNames = new Set(args.accounts.map((a) => a.name.toLowerCase()));
  args.gateways.forEach((gateway, i) => {
    if (accountNames.has(gateway.name.toLowerCase())) {
      ctx.addIssue({
        code: "custom",
        path: ["gateways", i, "name"],
        message: `an account is also named ${gateway.name}; their diagnostic settings and alerts would share names`,
      });
    }
  });
});

export type MonitoringSpec = z.output<typeof monitoringSpecSchema>;
export type MonitoringArgsSpec = z.output<typeof monitoringArgsSchema>;
export type AlertsSpec = MonitoringSpec["alerts"];
export type AlertKind = Exclude<keyof AlertsSpec, "gateway">;
export type GatewayAlertKind = keyof AlertsSpec["gateway"];
