/**
 * Observability of the platform's accounts: a Log Analytics workspace (or an existing one), a
 * diagnostic setting per account, an action group, and metric alerts per account.
 */
import * as monitor from "@pulumi/azure-native/monitor";
import * as operationalinsights from "@pulumi/azure-native/operationalinsights";
import * as pulumi from "@pulumi/pulumi";
import {
  GLOBAL_LOCATION,
  METRICS_CATEGORY,
  OPENAI_METRIC_NAMESPACE,
  WORKSPACE_SKU,
} from "../facts/monitoring";
import { componentType, withLegacyType } from "../tokens";
import { type AlertedDeployment, type AlertSettingsByKind, accountAlertRules } from "./alerts";
import { categoryGroupLogs } from "./logs";
import { emailReceivers } from "./receivers";
import type { MonitoringSpec } from "./spec";

/** The monitoring spec with every alert's severity resolved. */
export interface MonitoringSettings extends Omit<MonitoringSpec, "alerts"> {
  alerts: AlertSettingsByKind;
}

export interface MonitoredAccount {
  name: string;
  id: pulumi.Input<string>;
  location: string;
  deployments: readonly AlertedDeployment[];
}

export interface PlatformMonitoringArgs {
  settings: MonitoringSettings;
  resourceGroupName: pulumi.Input<string>;
  /** Region of a created workspace when the settings name none. */
  location: string;
  accounts: readonly MonitoredAccount[];
  /** Optional webhook receiver; its URL often carries a token, so it is always stored as a secret. */
  webhookUrl?: pulumi.Input<string>;
  tags?: Record<string, string>;
}

/** Days a created workspace keeps data when the settings say nothing (the workspace default). */
const DEFAULT_RETENTION_DAYS = 30;

export class PlatformMonitoring extends pulumi.ComponentResource {
  readonly workspaceId: pulumi.Output<string>;
  readonly actionGroupId: pulumi.Output<string>;

  constructor(name: string, args: PlatformMonitoringArgs, opts?: pulumi.ComponentResourceOptions) {
    super(
      componentType("PlatformMonitoring"),
      name,
      {},
      withLegacyType("aoai-platform:monitoring:PlatformMonitoring", opts),
    );
    const { settings, resourceGroupName, tags } = args;
    const { workspace, diagnostics, actionGroup } = settings;

    // The spec holds exactly one of existingId and name.
    const createdWorkspace =
      workspace.existingId !== undefined
        ? undefined
        : new operationalinsights.Workspace(
            `${name}-workspace`,
            {
              workspaceName: workspace.name,
              resourceGroupName,
              location: workspace.location ?? args.location,
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
          args.webhookUrl === undefined
            ? []
            : [{ name: "webhook", serviceUri: pulumi.secret(args.webhookUrl), useCommonAlertSchema: true }],
        tags,
      },
      { parent: this },
    );
    this.actionGroupId = group.id;

    for (const account of args.accounts) {
      const eventHub = diagnostics.eventHubs[account.location];
      new monitor.DiagnosticSetting(
        `${name}-${account.name}-diagnostics`,
        {
          name: diagnostics.name,
          resourceUri: account.id,
          workspaceId: this.workspaceId,
          // Cognitive Services accounts have no resource-specific tables: logs land in AzureDiagnostics.
          logs: categoryGroupLogs(diagnostics.logs),
          metrics: [{ category: METRICS_CATEGORY, enabled: true }],
          storageAccountId: diagnostics.storageAccounts[account.location],
          eventHubAuthorizationRuleId: eventHub?.authorizationRuleId,
          eventHubName: eventHub?.name,
        },
        { parent: this },
      );
      for (const rule of accountAlertRules(account.name, account.deployments, settings.alerts)) {
        new monitor.MetricAlert(
          `${name}-${account.name}-${rule.suffix}`,
          {
            ruleName: `${account.name}-${rule.suffix}`,
            resourceGroupName,
            location: GLOBAL_LOCATION,
            description: rule.description,
            severity: rule.severity,
            enabled: true,
            scopes: [account.id],
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
                  metricNamespace: OPENAI_METRIC_NAMESPACE,
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
