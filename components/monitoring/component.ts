/**
 * Observability of the platform's accounts and AI gateway: a Log Analytics workspace (or an existing
 * one), a diagnostic setting per account and gateway, an action group, and metric alerts on each.
 * The config-shaped args are validated and defaulted with the stack config's `monitoring` schema.
 */
import * as monitor from "@pulumi/azure-native/monitor";
import * as operationalinsights from "@pulumi/azure-native/operationalinsights";
import * as pulumi from "@pulumi/pulumi";
import { validateArgs } from "../args";
import {
  APIM_LOG_DESTINATION_TYPE,
  GLOBAL_LOCATION,
  METRICS_CATEGORY,
  WORKSPACE_SKU,
} from "../facts/monitoring";
import { componentType, withLegacyType } from "../tokens";
import { accountAlertRules, gatewayAlertRules, type MetricAlertRule, resolveAlertSeverities } from "./alerts";
import { categoryGroupLogs } from "./logs";
import { emailReceivers } from "./receivers";
import type { MonitoredAccount, MonitoredGateway } from "./refs";
import { monitoringArgsSchema } from "./spec";

/** The Log Analytics workspace: create one (name) or use an existing one (existingId), not both. */
export interface MonitoringWorkspace {
  /** Create a workspace with this name in the resource group (4-63 letters, digits and '-'). */
  name?: string;
  /** Or send everything to an existing workspace (e.g. the landing zone's central one): its ARM id. */
  existingId?: string;
  /** Region of a created workspace; defaults to `location`. */
  location?: string;
  /** Interactive retention of a created workspace, 30-730 days; defaults to 30. */
  retentionInDays?: number;
  /** Daily ingestion cap of a created workspace in GB (a cost guardrail for non-prod); none by default. */
  dailyCapGb?: number;
}

/** An event hub to stream diagnostics to (a SIEM). */
export interface MonitoringEventHub {
  /** ARM id of the event hub namespace's authorization rule (.../authorizationRules/<rule>). */
  authorizationRuleId: string;
  /** The event hub in the namespace; omitted, Azure creates one per log category. */
  name?: string;
}

/** What the diagnostic settings send, and where besides the workspace. */
export interface MonitoringDiagnostics {
  /** Name of the diagnostic setting on each monitored resource; defaults to "aoai-platform". */
  name?: string;
  /** Log category group: "allLogs" (the default: requests, traces, audit) or "audit". */
  logs?: string;
  /** Archive storage account id per region (a diagnostic setting needs one in the resource's region). */
  storageAccounts?: Record<string, string>;
  /** Event hub per region (the namespace must be in the resource's region). */
  eventHubs?: Record<string, MonitoringEventHub>;
}

/** The action group every alert notifies. */
export interface MonitoringActionGroup {
  /** The action group's name (1-260 letters, digits, '_', '.', '-', '(', ')'). */
  name: string;
  /** Short name shown in SMS and email subjects (1-12 letters, digits, '_', '-'). */
  shortName: string;
  /** Email receivers. */
  emails?: string[];
}

/** One metric alert; every field has a default. */
export interface MetricAlert {
  /** Create the alert (default true). */
  enabled?: boolean;
  /** The threshold, in the metric's unit (calls, percent or milliseconds). */
  threshold?: number;
  /** Look-back window, ISO 8601: PT1M, PT5M, PT15M, PT30M, PT1H, PT6H, PT12H or P1D; at least the frequency. */
  windowSize?: string;
  /** How often it is evaluated, ISO 8601: PT1M, PT5M, PT15M, PT30M or PT1H. */
  evaluationFrequency?: string;
  /** 0 (critical) to 4 (verbose); defaults per `environment`. */
  severity?: number;
}

/** Alerts on an AI gateway (API Management v2), from its own metrics. */
export interface GatewayAlerts {
  /** Requests answered 5xx by the gateway within the window (default at least 5 in PT5M). */
  serverErrors?: MetricAlert;
  /** Requests answered 429 by the gateway within the window (default at least 10 in PT5M). */
  throttling?: MetricAlert;
  /** Average CPU percentage of the gateway's units (default 80% over PT15M). */
  cpu?: MetricAlert;
  /** Average duration of backend calls in milliseconds (default 30000 over PT15M). */
  backendDuration?: MetricAlert;
}

/** Alerts on each account (per deployment) and on each gateway. */
export interface MonitoringAlerts {
  /** Calls answered 429 per deployment within the window (default at least 10 in PT5M). */
  throttling?: MetricAlert;
  /** Calls answered 5xx per status code and deployment (default at least 5 in PT5M). */
  serverErrors?: MetricAlert;
  /** Average PTU utilization per provisioned deployment (default 90% over PT15M); only with one. */
  ptuUtilization?: MetricAlert;
  /** Alerts on the gateways. */
  gateway?: GatewayAlerts;
}

/** Monitoring as the stack config's `monitoring` spells it, plus what to monitor. */
export interface PlatformMonitoringArgs {
  /** The Log Analytics workspace everything is sent to. */
  workspace: MonitoringWorkspace;
  /** What is logged and where besides the workspace. */
  diagnostics?: MonitoringDiagnostics;
  /** The action group the alerts notify. */
  actionGroup: MonitoringActionGroup;
  /** Alert thresholds, windows and severities. */
  alerts?: MonitoringAlerts;
  /** "prod" (the default), "staging", "test" or "dev": the alerts' default severities (prod pages on 5xx). */
  environment?: string;
  /** Resource group of the workspace, the action group and the alerts. */
  resourceGroupName: pulumi.Input<string>;
  /** Region of a created workspace when `workspace.location` names none. */
  location: string;
  /** Azure OpenAI accounts to monitor. */
  accounts?: MonitoredAccount[];
  /** AI gateways (API Management v2 services) to monitor. */
  gateways?: MonitoredGateway[];
  /** Optional webhook receiver; its URL often carries a token, so it is always stored as a secret. */
  webhookUrl?: pulumi.Input<string>;
  /** Tags of the workspace, the action group and the alerts. */
  tags?: Record<string, string>;
}

/** Days a created workspace keeps data when the settings say nothing (the workspace default). */
const DEFAULT_RETENTION_DAYS = 30;

/** A monitored resource: what its diagnostic setting and alerts are made of. */
interface Monitored {
  name: string;
  id: pulumi.Input<string>;
  location: string;
  rules: MetricAlertRule[];
  /** Log Analytics destination type, for resources with resource-specific tables. */
  destinationType?: string;
}

export class PlatformMonitoring extends pulumi.ComponentResource {
  /** ARM id of the Log Analytics workspace (created or existing). */
  readonly workspaceId: pulumi.Output<string>;
  /** ARM id of the action group the alerts notify. */
  readonly actionGroupId: pulumi.Output<string>;

  constructor(name: string, args: PlatformMonitoringArgs, opts?: pulumi.ComponentResourceOptions) {
    super(
      componentType("PlatformMonitoring"),
      name,
      {},
      withLegacyType("aoai-platform:monitoring:PlatformMonitoring", opts),
    );
    const { resourceGroupName, tags, webhookUrl, accounts = [], gateways = [], ...config } = args;
    const spec = validateArgs(this, `PlatformMonitoring ${name}`, monitoringArgsSchema, {
      ...config,
      accounts: accounts.map((a) => ({ name: a.name, location: a.location, deployments: a.deployments })),
      gateways: gateways.map((g) => ({ name: g.name, location: g.location })),
    });
    const { workspace, diagnostics, actionGroup } = spec;
    const alerts = resolveAlertSeverities(spec.alerts, spec.environment);

    // The schema holds exactly one of existingId and name.
    const createdWorkspace =
      workspace.existingId !== undefined
        ? undefined
        : new operationalinsights.Workspace(
            `${name}-workspace`,
            {
              workspaceName: workspace.name,
              resourceGroupName,
              location: workspace.location ?? spec.location,
              sku: { name: WORKSPACE_SKU },
              retentionInDays: workspace.retentionInDays ?? DEFAULT_RETENTION_DAYS,
              workspaceCapping:
                workspace.dailyCapGb === undefined ? undefined : { dailyQuotaGb: workspace.dailyCapGb },
              tags,
            },
            { parent: this },
          );
    this.workspaceId = createdWorkspace ? createdWorkspace.id : pulumi.output(workspace.existingId ?? "");
    if (createdWorkspace) {
      // The workspace's own audit logs (queries, table access): Azure Policy 187242f4 covers workspaces too.
      new monitor.DiagnosticSetting(
        `${name}-workspace-diagnostics`,
        {
          name: diagnostics.name,
          resourceUri: createdWorkspace.id,
          workspaceId: createdWorkspace.id,
          logs: categoryGroupLogs(diagnostics.logs),
          metrics: [{ category: METRICS_CATEGORY, enabled: true }],
        },
        { parent: this },
      );
    }

    const group = new monitor.ActionGroup(
      `${name}-action-group`,
      {
        actionGroupName: actionGroup.name,
        resourceGroupName,
        location: GLOBAL_LOCATION,
        groupShortName: actionGroup.shortName,
        enabled: true,
        emailReceivers: emailReceivers(actionGroup.emails),
        webhookReceivers:
          webhookUrl === undefined
            ? []
            : [{ name: "webhook", serviceUri: pulumi.secret(webhookUrl), useCommonAlertSchema: true }],
        tags,
      },
      { parent: this },
    );
    this.actionGroupId = group.id;

    const monitored: Monitored[] = [
      ...spec.accounts.map((account, i) => ({
        name: account.name,
        id: (accounts[i] as MonitoredAccount).id,
        location: account.location,
        rules: accountAlertRules(account.name, account.deployments, alerts),
      })),
      ...spec.gateways.map((gateway, i) => ({
        name: gateway.name,
        id: (gateways[i] as MonitoredGateway).id,
        location: gateway.location,
        rules: gatewayAlertRules(gateway.name, alerts.gateway),
        // API Management fills ApiManagementGatewayLogs / ApiManagementGatewayLlmLog only in this mode.
        destinationType: APIM_LOG_DESTINATION_TYPE,
      })),
    ];
    for (const resource of monitored) {
      const eventHub = diagnostics.eventHubs[resource.location];
      new monitor.DiagnosticSetting(
        `${name}-${resource.name}-diagnostics`,
        {
          name: diagnostics.name,
          resourceUri: resource.id,
          workspaceId: this.workspaceId,
          logAnalyticsDestinationType: resource.destinationType,
          // Category groups, as Azure Policy's DINE definitions for both resource types check.
          logs: categoryGroupLogs(diagnostics.logs),
          metrics: [{ category: METRICS_CATEGORY, enabled: true }],
          storageAccountId: diagnostics.storageAccounts[resource.location],
          eventHubAuthorizationRuleId: eventHub?.authorizationRuleId,
          eventHubName: eventHub?.name,
        },
        { parent: this },
      );
      for (const rule of resource.rules) {
        new monitor.MetricAlert(
          `${name}-${resource.name}-${rule.suffix}`,
          {
            ruleName: `${resource.name}-${rule.suffix}`,
            resourceGroupName,
            location: GLOBAL_LOCATION,
            description: rule.description,
            severity: rule.severity,
            enabled: true,
            scopes: [resource.id],
            evaluationFrequency: rule.evaluationFrequency,
            windowSize: rule.windowSize,
            autoMitigate: true,
            criteria: {
              odataType: "Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria",
              allOf: [
                {
                  criterionType: "StaticThresholdCriterion",
                  name: rule.suffix,
                  metricName: rule.metricName,
                  metricNamespace: rule.metricNamespace,
                  operator: rule.operator,
                  threshold: rule.threshold,
                  timeAggregation: rule.timeAggregation,
                  dimensions: rule.dimensions,
                },
              ],
            },
            actions: [{ actionGroupId: group.id }],
            tags,
          },
          { parent: this },
        );
      }
    }
    this.registerOutputs({ workspaceId: this.workspaceId, actionGroupId: this.actionGroupId });
  }
}
