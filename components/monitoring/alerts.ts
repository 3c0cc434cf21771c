/**
 * Which metric alerts an account gets, as data: the component only turns these into MetricAlert
 * resources. Every dimension value listed is its own time series in Azure Monitor, so thresholds
 * apply per deployment (and per status code for 5xx).
 */
import {
  ALL_DIMENSION_VALUES,
  type EvaluationFrequency,
  METRIC_DIMENSIONS,
  OPENAI_METRICS,
  SERVER_ERROR_STATUS_CODES,
  THROTTLED_STATUS_CODES,
  type WindowSize,
} from "../facts/monitoring";
import { type DeploymentSku, isProvisionedSku } from "../facts/skus";
import type { AlertKind } from "./spec";

/** One alert kind's resolved settings (severity filled from the environment's default). */
export interface AlertSettings {
  enabled: boolean;
  threshold: number;
  windowSize: WindowSize;
  evaluationFrequency: EvaluationFrequency;
  severity: number;
}

export type AlertSettingsByKind = Record<AlertKind, AlertSettings>;

export interface MetricDimensionFilter {
  name: string;
  operator: "Include";
  values: string[];
}

export interface AccountAlertRule {
  kind: AlertKind;
  /** Resource name suffix, appended to the account name. */
  suffix: string;
  description: string;
  metricName: string;
  timeAggregation: "Total" | "Average";
  operator: "GreaterThanOrEqual";
  threshold: number;
  dimensions: MetricDimensionFilter[];
  windowSize: WindowSize;
  evaluationFrequency: EvaluationFrequency;
  severity: number;
}

export interface AlertedDeployment {
  name: string;
  sku: DeploymentSku;
}

const perDeployment: MetricDimensionFilter = {
  name: METRIC_DIMENSIONS.deployment,
  operator: "Include",
  values: [ALL_DIMENSION_VALUES],
};

/** The enabled alert rules of one account; the PTU rule only when it has provisioned deployments. */
export function accountAlertRules(
  accountName: string,
  deployments: readonly AlertedDeployment[],
  settings: AlertSettingsByKind,
): AccountAlertRule[] {
  const rules: AccountAlertRule[] = [];
  const add = (kind: AlertKind, rule: Omit<AccountAlertRule, keyof AlertSettings | "kind" | "operator">) => {
    const { enabled, ...chosen } = settings[kind];
    if (enabled) rules.push({ kind, ...rule, ...chosen, operator: "GreaterThanOrEqual" });
  };
  const { throttling, serverErrors } = settings;
  add("throttling", {
    suffix: "throttling",
    description: `${accountName}: at least ${throttling.threshold} calls answered 429 (throttled) on one deployment within ${throttling.windowSize}`,
    metricName: OPENAI_METRICS.requests,
    timeAggregation: "Total",
    dimensions: [
      { name: METRIC_DIMENSIONS.statusCode, operator: "Include", values: [...THROTTLED_STATUS_CODES] },
      perDeployment,
    ],
  });
  add("serverErrors", {
    suffix: "server-errors",
    description: `${accountName}: at least ${serverErrors.threshold} calls answered with one 5xx status on one deployment within ${serverErrors.windowSize}`,
    metricName: OPENAI_METRICS.requests,
    timeAggregation: "Total",
    dimensions: [
      { name: METRIC_DIMENSIONS.statusCode, operator: "Include", values: [...SERVER_ERROR_STATUS_CODES] },
      perDeployment,
    ],
  });
  const provisioned = deployments.filter((d) => isProvisionedSku(d.sku)).map((d) => d.name);
  if (provisioned.length > 0) {
    const ptu = settings.ptuUtilization;
    add("ptuUtilization", {
      suffix: "ptu-utilization",
      description: `${accountName}: provisioned utilization averaged at least ${ptu.threshold}% over ${ptu.windowSize} (at 100% calls get 429)`,
      metricName: OPENAI_METRICS.provisionedUtilization,
      timeAggregation: "Average",
      dimensions: [{ name: METRIC_DIMENSIONS.deployment, operator: "Include", values: provisioned }],
    });
  }
  return rules;
}
