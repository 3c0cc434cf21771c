/** The text plan's monitoring section: logs and their destinations, alerts, action groups, budgets. */
import type { MonitoringPlan, PlannedAlert } from "./monitoring";
import { renderTable } from "./table";

const indent = (block: string) =>
  block
    .split("\n")
    .map((line) => `    ${line}`)
    .join("\n");

function firesWhen(alert: PlannedAlert): string {
  const filters = Object.entries(alert.dimensions)
    .map(([name, values]) => (values.includes("*") ? `per ${name}` : `${name} in ${values.join("|")}`))
    .join(", ");
  const symbol = alert.operator === "GreaterThanOrEqual" ? ">=" : alert.operator;
  return `${alert.aggregation} ${alert.metric} ${symbol} ${alert.threshold}${filters ? ` (${filters})` : ""}`;
}

const nameOfId = (id: string) => id.split("/").pop() ?? id;

export function renderMonitoring(plan: MonitoringPlan): string[] {
  const { workspaces, diagnosticSettings, actionGroups, alerts, budgets } = plan;
  if (diagnosticSettings.length + alerts.length + budgets.length === 0) {
    return ["  none (no monitoring or budget in the stack config)"];
  }
  const lines: string[] = [];
  for (const w of workspaces) {
    const cap = w.dailyCapGb === null ? "no daily cap" : `daily cap ${w.dailyCapGb} GB`;
    lines.push(
      `  Log Analytics workspace ${w.name} (${w.location}, ${w.sku}, ${w.retentionInDays} days retention, ${cap})`,
    );
  }
  if (diagnosticSettings.length > 0) {
    lines.push("  Diagnostic settings (what is logged where):");
    for (const d of diagnosticSettings) {
      const destinations = [
        d.workspaceId && `workspace ${nameOfId(d.workspaceId)}`,
        d.storageAccountId && `storage ${nameOfId(d.storageAccountId)}`,
        d.eventHubAuthorizationRuleId &&
          `event hub (${d.eventHubAuthorizationRuleId.split("/")[8] ?? "namespace"})`,
      ].filter(Boolean);
      const what = [...d.logCategoryGroups.map((g) => `logs:${g}`), ...d.metricCategories].join(" + ");
      const tables = d.destinationType === "Dedicated" ? " (resource-specific tables)" : "";
      lines.push(`    ${d.resource}: ${what} -> ${destinations.join(", ")}${tables}`);
    }
  }
  for (const g of actionGroups) {
    lines.push(
      `  Action group ${g.name} (${g.shortName}): ${g.emails.length} email(s) ${g.emails.join(", ")}; ${g.webhooks === "[secret]" ? "webhook receivers [secret]" : `${g.webhooks} webhook(s)`}`,
    );
  }
  if (alerts.length > 0) {
    lines.push("  Metric alerts (which alert fires on what):");
    lines.push(
      indent(
        renderTable(
          ["alert", "fires when", "window / every", "sev", "notifies"],
          alerts.map((a) => [
            a.name,
            firesWhen(a),
            `${a.windowSize} / ${a.evaluationFrequency}`,
            String(a.severity),
            a.actionGroups.join(", ") || "nobody",
          ]),
        ),
      ),
    );
  }
  for (const b of budgets) {
    const at = b.notifications.map((n) => `${n.type} >= ${n.threshold}%`).join(", ");
    lines.push(
      `  Budget ${b.name}: ${b.amount} per ${b.timeGrain === "Monthly" ? "month" : b.timeGrain} on ${nameOfId(b.scope)} from ${b.startDate.slice(0, 10)}; notifies at ${at}`,
    );
  }
  return lines;
}
