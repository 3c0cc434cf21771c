/** The preflight result as a text table for people and as JSON for machines. */
import type { CheckResult, CheckStatus } from "./model";
import { printable } from "./redact";

/** Characters of a row's detail or fix: rows quote Resource Manager's words, which are not ours to trust. */
const MAX_ROW_TEXT = 600;

export interface PreflightReport {
  stack: string;
  subscriptionId: string;
  armEndpoint: string;
  results: CheckResult[];
  summary: Record<CheckStatus, number>;
}

export function buildReport(base: Omit<PreflightReport, "summary">): PreflightReport {
  const summary: Record<CheckStatus, number> = { OK: 0, WARN: 0, FAIL: 0 };
  for (const result of base.results) summary[result.status] += 1;
  return { ...base, summary };
}

/** The report with every text scrubbed of secrets and cut to size, for the table and for --json alike. */
export function scrubReport(report: PreflightReport, secrets: readonly string[]): PreflightReport {
  const clean = (text: string) => printable(text, MAX_ROW_TEXT, secrets);
  return {
    ...report,
    results: report.results.map((r) => ({
      ...r,
      target: clean(r.target),
      detail: clean(r.detail),
      ...(r.fix === undefined ? {} : { fix: clean(r.fix) }),
    })),
  };
}

/** `target`: an account with its region, a region, or the resource or scope a row is about. */
const HEADER = ["check", "target", "status"] as const;

/** Rows as aligned columns; details are long, so each row's fix goes on its own line below it. */
function renderRows(results: readonly CheckResult[]): string[] {
  const cells = (r: CheckResult) => [r.check, r.target, r.status];
  const widths = HEADER.map((title, i) =>
    Math.max(title.length, ...results.map((r) => cells(r)[i]?.length ?? 0)),
  );
  const columns = (values: readonly string[]) => values.map((v, i) => v.padEnd(widths[i] ?? 0)).join("  ");
  const indent = " ".repeat(columns(HEADER).length + 2);
  return [
    `${columns(HEADER)}  detail`,
    `${columns(widths.map((w) => "-".repeat(w)))}  ------`,
    ...results.flatMap((r) => [
      `${columns(cells(r))}  ${r.detail}`,
      ...(r.fix === undefined ? [] : [`${indent}fix: ${r.fix}`]),
    ]),
  ];
}

export function renderReport(report: PreflightReport): string {
  const { OK, WARN, FAIL } = report.summary;
  const verdict =
    FAIL > 0
      ? "pulumi up would fail: fix the FAIL rows first."
      : "nothing found that would make pulumi up fail.";
  return [
    `preflight: stack ${report.stack}, subscription ${report.subscriptionId}, ${report.armEndpoint}`,
    "",
    ...renderRows(report.results),
    "",
    `${report.results.length} checks: ${OK} OK, ${WARN} WARN, ${FAIL} FAIL; ${verdict}`,
    "",
  ].join("\n");
}
