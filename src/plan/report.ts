/** The human-readable offline plan: resource tree, capacity, quota, findings, outputs. */
import { renderCriticalPath } from "./criticalPathReport";
import { renderGateway } from "./gatewayReport";
import type { PlanResult } from "./model";
import { renderMonitoring } from "./monitoringReport";
import type { PlannedResource } from "./resource";
import { renderTable } from "./table";

function resourceTree(resources: readonly PlannedResource[]): string[] {
  const children = new Map<string | null, PlannedResource[]>();
  for (const r of resources) {
    const siblings = children.get(r.parent) ?? [];
    siblings.push(r);
    children.set(r.parent, siblings);
  }
  const nameOf = new Map(resources.map((r) => [r.urn, r.name]));
  const lines: string[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const r of children.get(parent) ?? []) {
      const notes = [
        r.protect ? "protected" : "",
        r.dependsOn.length > 0 ? `after ${r.dependsOn.map((urn) => nameOf.get(urn) ?? urn).join(", ")}` : "",
      ].filter(Boolean);
      // "=" marks a resource the deploy adopts (imports) instead of creating, as pulumi preview does.
      const mark = r.import === null ? "+" : "=";
      if (r.import !== null) notes.unshift(`import ${r.import}`);
      lines.push(
        `${"  ".repeat(depth)}${mark} ${r.type}  ${r.name}${notes.length ? `  (${notes.join("; ")})` : ""}`,
      );
      walk(r.urn, depth + 1);
    }
  };
  walk(null, 1);
  return lines;
}

function renderAdopted(plan: PlanResult): string[] {
  if (plan.adopted.length === 0) return [];
  return [
    `Adopted (${plan.adopted.length}, imported by id as they are; the deploy after the import keys are removed changes):`,
    ...plan.adopted.flatMap((a) => [
      `  = ${a.id}`,
      ...(a.observed
        ? a.changes.length === 0
          ? ["      no change"]
          : a.changes.map((c) => `      ~ ${c.message}`)
        : ["      current state unknown (no Pulumi.<stack>.adopted.json)"]),
    ]),
    "",
  ];
}

function formatOutput(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

export function renderPlan(plan: PlanResult): string {
  const azureCount = plan.resources.filter((r) => r.custom).length;
  const componentCount = plan.resources.length - azureCount;
  const sections = [
    `Offline plan of stack "${plan.stack}": ${azureCount} Azure resources in ${componentCount} components (Pulumi mocks; nothing was sent to Azure)`,
    "",
    "Resources:",
    ...resourceTree(plan.resources),
    "",
    "Model deployments:",
    renderTable(
      ["account", "region", "deployment", "model@version", "sku", "capacity"],
      plan.deployments.map((d) => [
        d.account,
        d.location,
        d.name,
        `${d.model}@${d.version}`,
        d.sku,
        `${d.capacity} ${d.unit}`,
      ]),
    ),
    "",
    "Quota (per subscription, region, SKU and model; PTU quota is shared by all models):",
    renderTable(
      ["region", "sku", "model", "planned", "quota", "left"],
      plan.quota.map((q) => [
        q.region,
        q.sku,
        q.model ?? "(all models)",
        `${q.planned} ${q.unit}`,
        q.limit === null ? "undeclared" : `${q.limit} ${q.unit}`,
        q.left === null ? "-" : `${q.left} ${q.unit}`,
      ]),
    ),
    "",
    ...renderAdopted(plan),
    "Monitoring:",
    ...renderMonitoring(plan.monitoring),
    "",
    ...(plan.gateway ? [...renderGateway(plan.gateway), ""] : []),
    ...renderCriticalPath(plan.criticalPath),
    "",
    `Findings (${plan.findings.filter((f) => f.severity === "error").length} errors, ${plan.findings.filter((f) => f.severity === "warning").length} warnings):`,
    ...(plan.findings.length === 0
      ? ["  none"]
      : plan.findings.map((f) => `  ${f.severity.toUpperCase()} ${f.rule}: ${f.message}`)),
    ...(plan.exempted.length === 0
      ? []
      : [
          "",
          `Exemptions (${plan.exempted.length}, accepted in stack config):`,
          ...plan.exempted.map((e) => `  EXEMPT ${e.rule}: ${e.message} (reason: ${e.reason})`),
        ]),
    "",
    "Outputs:",
    ...Object.entries(plan.outputs).map(([key, value]) => `  ${key} = ${formatOutput(value)}`),
  ];
  return `${sections.join("\n")}\n`;
}
