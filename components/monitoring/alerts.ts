/**
 * Which metric alerts an account or a gateway gets, as data: the component only turns these into
 * MetricAlert resources. Every dimension value listed is its own time series in Azure Monitor, so
 * thresholds apply per deployment (and per status code for 5xx).
 */
import {
  ALL_DIMENSION_VALUES,
  APIM_METRIC_DIMENSIONS,
  APIM_METRIC_NAMESPACE,
  APIM_METRICS,
  APIM_SERVER_ERROR_CATEGORIES,
  APIM_THROTTLED_RESPONSE_CODES,
  DEFAULT_ALERT_SEVERITIES,
  type EvaluationFrequency,
  METRIC_DIMENSIONS,
  OPENAI_METRIC_NAMESPACE,
  OPENAI_METRICS,
  SERVER_ERROR_STATUS_CODES,
  type SeverityEnvironment,
  THROTTLED_STATUS_CODES,
  type WindowSize,
} from "../facts/monitoring";
import { type DeploymentSku, isProvisionedSku } from "../facts/skus";
import type { AlertKind, AlertsSpec, GatewayAlertKind, MonitoringSpec } from "./spec";

/** One alert kind's resolved settings (severity filled from the environment's default). */
export interface AlertSettings {
  enabled: boolean;
  threshold: number;
  windowSize: WindowSize;
  evaluationFrequency: EvaluationFrequency;
  severity: number;
}

export type AlertSettingsByKind = Record<AlertKind, AlertSettings> & {
  gateway: Record<GatewayAlertKind, AlertSettings>;
};

/** The monitoring spec with every alert's severity resolved. */
export interface MonitoringSettings extends Omit<MonitoringSpec, "alerts"> {
  alerts: AlertSettingsByKind;
}

/** Fills each alert's severity from the environment's default where the config names none. */
export function resolveAlertSeverities(
  alerts: AlertsSpec,
  environment: SeverityEnvironment,
): AlertSettingsByKind {
  const defaults = DEFAULT_ALERT_SEVERITIES[environment];
  const { gateway, ...account } = alerts;
  const resolve = <Kind extends string>(
    specs: Record<Kind, AlertsSpec[AlertKind]>,
    severities: Record<Kind, number>,
  ): Record<Kind, AlertSettings> =>
    Object.fromEntries(
      (Object.keys(specs) as Kind[]).map((kind) => [
        kind,
        { ...specs[kind], severity: specs[kind].severity ?? severities[kind] },
      ]),
    ) as Record<Kind, AlertSettings>;
  return {
    ...resolve<AlertKind>(account, defaults),
    gateway: resolve<GatewayAlertKind>(gateway, defaults.gateway),
  };
}

export interface MetricDimensionFilter {
  name: string;
  operator: "Include";
  values: string[];
}

export interface MetricAlertRule {
  kind: AlertKind | GatewayAlertKind;
  /** Resource name suffix, appended to the monitored resource's name. */
  suffix: string;
  description: string;
  metricNamespace: string;
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

type RuleShape = Omit<MetricAlertRule, keyof AlertSettings | "kind" | "operator">;

/** Collects the enabled rules, each with its kind's settings. */
function ruleCollector<Kind extends AlertKind | GatewayAlertKind>(settings: Record<Kind, AlertSettings>) {
  const rules: MetricAlertRule[] = [];
  const add = (kind: Kind, rule: RuleShape) => {
    const { enabled, ...chosen } = settings[kind];
    if (enabled) rules.push({ kind, ...rule, ...chosen, operator: "GreaterThanOrEqual" });
  };
  return { rules, add };
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
): MetricAlertRule[] {
  const { rules, add } = ruleCollector<AlertKind>(settings);
  const { throttling, serverErrors } = settings;
  const metricNamespace = OPENAI_METRIC_NAMESPACE;
  add("throttling", {
    suffix: "throttling",
    description: `${accountName}: at least ${throttling.threshold} calls answered 429 (throttled) on one deployment within ${throttling.windowSize}`,
    metricNamespace,
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
    metricNamespace,
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
      metricNamespace,
      metricName: OPENAI_METRICS.provisionedUtilization,
      timeAggregation: "Average",
      dimensions: [{ name: METRIC_DIMENSIONS.deployment, operator: "Include", values: provisioned }],
    });
  }
  return rules;
}

/** The enabled alert rules of one AI gateway (API Management v2 service). */
export function gatewayAlertRules(
  gatewayName: string,
  settings: Record<GatewayAlertKind, AlertSettings>,
): MetricAlertRule[] {
  const { rules, add } = ruleCollector<GatewayAlertKind>(settings);
  const { serverErrors, throttling, cpu, backendDuration } = settings;
  const metricNamespace = APIM_METRIC_NAMESPACE;
  add("serverErrors", {
    suffix: "server-errors",
    description: `${gatewayName}: at least ${serverErrors.threshold} requests answered 5xx by the gateway within ${serverErrors.windowSize}`,
    metricNamespace,
    metricName: APIM_METRICS.requests,
    timeAggregation: "Total",
    dimensions: [
      {
        name: APIM_METRIC_DIMENSIONS.responseCodeCategory,
        operator: "Include",
        values: [...APIM_SERVER_ERROR_CATEGORIES],
      },
    ],
  });
  add("throttling", {
    suffix: "throttling",
    description: `${gatewayName}: at least ${throttling.threshold} requests answered 429 by the gateway (a pool exhausted or a consumer over its token limit) within ${throttling.windowSize}`,
    metricNamespace,
    metricName: APIM_METRICS.requests,
    timeAggregation: "Total",
    dimensions: [
      {
        name: APIM_METRIC_DIMENSIONS.responseCode,
        operator: "Include",
        values: [...APIM_THROTTLED_RESPONSE_CODES],
      },
    ],
  });
  add("cpu", {
    suffix: "cpu",
    description: `${gatewayName}: gateway CPU averaged at least ${cpu.threshold}% over ${cpu.windowSize} (add units before requests slow down)`,
    metricNamespace,
    metricName: APIM_METRICS.gatewayCpu,
    timeAggregation: "Average",
    dimensions: [],
  });
  add("backendDuration", {
    suffix: "backend-duration",
    description: `${gatewayName}: backend calls took at least ${backendDuration.threshold} ms on average over ${backendDuration.windowSize}`,
    metricNamespace,
    metricName: APIM_METRICS.backendDuration,
    timeAggregation: "Average",
    dimensions: [],
  });
  return rules;
}
