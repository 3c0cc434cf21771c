/**
 * Stack-level rules of the observability and budget config: severities per environment, per-region
 * diagnostics destinations, the alert webhook, and who hears about the budget.
 */
import { z } from "zod";
import type { BudgetSpec } from "../../components/budget/spec";
import { budgetStartWindow } from "../../components/budget/window";
import { MAX_BUDGET_START_MONTHS_AHEAD } from "../../components/facts/monitoring";
import type { AlertSettingsByKind } from "../../components/monitoring/alerts";
import type { MonitoringSettings } from "../../components/monitoring/component";
import type { AlertKind, MonitoringSpec } from "../../components/monitoring/spec";
import { OFFLINE_SECRET_PLACEHOLDER } from "./offlineSecret";
import type { ConfigWarning, Environment } from "./types";

export interface MonitoringIssue {
  path: PropertyKey[];
  message: string;
}

/** Default severity per alert (0 critical ... 4 verbose): prod pages on errors, dev only informs. */
export function defaultAlertSeverities(environment: Environment): Record<AlertKind, number> {
  switch (environment) {
    case "prod":
      return { serverErrors: 1, throttling: 2, ptuUtilization: 2 };
    case "staging":
      return { serverErrors: 2, throttling: 3, ptuUtilization: 3 };
    case "dev":
    case "test":
      return { serverErrors: 3, throttling: 3, ptuUtilization: 3 };
  }
}

export function resolveMonitoring(spec: MonitoringSpec, environment: Environment): MonitoringSettings {
  const severities = defaultAlertSeverities(environment);
  const kinds = Object.keys(spec.alerts) as AlertKind[];
  const alerts = Object.fromEntries(
    kinds.map((kind) => [
      kind,
      { ...spec.alerts[kind], severity: spec.alerts[kind].severity ?? severities[kind] },
    ]),
  ) as AlertSettingsByKind;
  return { ...spec, alerts };
}

/**
 * The alert webhook URL (top-level key so it can be `secure:`: it usually carries a token). Offline,
 * a secure value reads as the plan's placeholder, which cannot be checked and is accepted as is.
 */
export const alertWebhookUrlSchema = z.union([
  z.url({ protocol: /^https$/, error: "must be an https:// URL (set it with pulumi config set --secret)" }),
  z.literal(OFFLINE_SECRET_PLACEHOLDER),
]);

interface ObservedStack {
  accounts: readonly { location?: string }[];
  location: string;
  monitoring?: MonitoringSpec;
  budget?: BudgetSpec;
  alertWebhookUrl?: string;
}

/** Per-region destinations must match the accounts' regions: Azure needs them in the same region. */
function regionMapIssues(
  map: Record<string, unknown>,
  accountRegions: ReadonlySet<string>,
  key: "storageAccounts" | "eventHubs",
): MonitoringIssue[] {
  const configured = Object.keys(map);
  if (configured.length === 0) return [];
  const path = ["monitoring", "diagnostics", key];
  const issues: MonitoringIssue[] = configured
    .filter((region) => !accountRegions.has(region))
    .map((region) => ({
      path: [...path, region],
      message: `no account is in ${region}; accounts are in ${[...accountRegions].join(", ")}`,
    }));
  for (const region of accountRegions) {
    if (!configured.includes(region)) {
      issues.push({
        path,
        message: `accounts in ${region} have no entry; a diagnostic setting's destination must be in the account's region, so add one for ${region}`,
      });
    }
  }
  return issues;
}

export function monitoringIssues(stack: ObservedStack): MonitoringIssue[] {
  const issues: MonitoringIssue[] = [];
  const { monitoring, budget } = stack;
  if (monitoring) {
    const regions = new Set(stack.accounts.map((a) => a.location ?? stack.location));
    issues.push(...regionMapIssues(monitoring.diagnostics.storageAccounts, regions, "storageAccounts"));
    issues.push(...regionMapIssues(monitoring.diagnostics.eventHubs, regions, "eventHubs"));
    if (monitoring.actionGroup.emails.length === 0 && stack.alertWebhookUrl === undefined) {
      issues.push({
        path: ["monitoring", "actionGroup", "emails"],
        message: "the action group needs at least one receiver: list emails or set alertWebhookUrl",
      });
    }
  } else if (stack.alertWebhookUrl !== undefined) {
    issues.push({
      path: ["alertWebhookUrl"],
      message: "a webhook needs monitoring.actionGroup to be declared",
    });
  }
  if (budget && budget.contactEmails.length === 0 && !monitoring) {
    issues.push({
      path: ["budget", "contactEmails"],
      message: "nobody would be notified: list contactEmails or declare monitoring.actionGroup",
    });
  }
  return issues;
}

/** A start more than twelve months ahead is refused by Azure whether or not the budget exists. */
export function budgetStartIssues(startDate: string, today: Date): MonitoringIssue[] {
  const { latest } = budgetStartWindow(today);
  return startDate > latest
    ? [
        {
          path: ["budget", "startDate"],
          message: `Azure accepts a budget start at most ${MAX_BUDGET_START_MONTHS_AHEAD} months ahead (today the latest is ${latest})`,
        },
      ]
    : [];
}

/**
 * A start before this month is accepted for a budget that exists (its start date is kept), but creating
 * one fails: Azure takes a past start only within the current month. Offline we cannot tell which.
 */
export function budgetStartWarnings(budget: BudgetSpec | undefined, today: Date): ConfigWarning[] {
  if (budget === undefined) return [];
  const { earliestNew } = budgetStartWindow(today);
  return budget.startDate < earliestNew
    ? [
        {
          rule: "config.budget-start-past",
          key: "budget.startDate",
          message: `${budget.startDate} is before this month: fine for a budget that already exists, but creating it fails (a new budget starts no earlier than ${earliestNew})`,
        },
      ]
    : [];
}
