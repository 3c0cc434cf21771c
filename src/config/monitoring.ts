/**
 * Stack-level rules of the observability and budget config: severities per environment, per-region
 * diagnostics destinations, the alert webhook, and who hears about the budget.
 */
import { z } from "zod";
import type { BudgetSpec } from "../../components/budget/spec";
import { budgetStartWindow } from "../../components/budget/window";
import { MAX_BUDGET_START_MONTHS_AHEAD } from "../../components/facts/monitoring";
import { type MonitoringSettings, resolveAlertSeverities } from "../../components/monitoring/alerts";
import type { MonitoringSpec } from "../../components/monitoring/spec";
import { OFFLINE_SECRET_PLACEHOLDER } from "./offlineSecret";
import type { ConfigWarning, Environment } from "./types";

export interface MonitoringIssue {
  path: PropertyKey[];
  message: string;
}

export function resolveMonitoring(spec: MonitoringSpec, environment: Environment): MonitoringSettings {
  return { ...spec, alerts: resolveAlertSeverities(spec.alerts, environment) };
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
  resourceGroup?: { location?: string };
  monitoring?: MonitoringSpec;
  budget?: BudgetSpec;
  alertWebhookUrl?: string;
  gateway?: { location?: string };
}

/** Region → what is monitored there ("accounts", "the gateway"). */
type MonitoredRegions = ReadonlyMap<string, readonly string[]>;

function monitoredRegions(stack: ObservedStack): MonitoredRegions {
  const regions = new Map<string, string[]>();
  const add = (region: string, what: string) => {
    const there = regions.get(region) ?? [];
    if (!there.includes(what)) there.push(what);
    regions.set(region, there);
  };
  for (const account of stack.accounts) add(account.location ?? stack.location, "accounts");
  // The gateway's region as src/gateway.ts places it.
  if (stack.gateway) {
    add(stack.gateway.location ?? stack.resourceGroup?.location ?? stack.location, "the gateway");
  }
  return regions;
}

/** Per-region destinations must match the monitored regions: Azure needs them in the resource's region. */
function regionMapIssues(
  map: Record<string, unknown>,
  monitored: MonitoredRegions,
  key: "storageAccounts" | "eventHubs",
): MonitoringIssue[] {
  const configured = Object.keys(map);
  if (configured.length === 0) return [];
  const path = ["monitoring", "diagnostics", key];
  const where = [...monitored]
    .map(([region, what]) => `${what.join(" and ")} ${what.includes("accounts") ? "are" : "is"} in ${region}`)
    .join("; ");
  const issues: MonitoringIssue[] = configured
    .filter((region) => !monitored.has(region))
    .map((region) => ({
      path: [...path, region],
      message: `nothing monitored is in ${region}; ${where}`,
    }));
  for (const [region, what] of monitored) {
    if (!configured.includes(region)) {
      issues.push({
        path,
        message: `${what.join(" and ")} in ${region} ${what.includes("accounts") ? "have" : "has"} no entry; a diagnostic setting's destination must be in the monitored resource's region, so add one for ${region}`,
      });
    }
  }
  return issues;
}

export function monitoringIssues(stack: ObservedStack): MonitoringIssue[] {
  const issues: MonitoringIssue[] = [];
  const { monitoring, budget } = stack;
  if (monitoring) {
    const regions = monitoredRegions(stack);
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
