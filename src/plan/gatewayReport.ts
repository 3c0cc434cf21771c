/** The gateway section of the text plan. */
import type { GatewayPlanSection } from "./gatewayModel";
import { renderTable } from "./table";

export function renderGateway(gateway: GatewayPlanSection): string[] {
  return [
    `AI gateway ${gateway.name} (${gateway.sku}, ${gateway.endpoint}); ${gateway.createNote}.`,
    "Routing (backends in the order the pool tries them):",
    renderTable(
      ["consumer", "deployment", "pool", "backends"],
      gateway.routing.map((row) => [row.consumer, row.deployment, row.pool, row.backends.join(" → ")]),
    ),
    "Token limits promised per deployment against the capacity behind it:",
    renderTable(
      ["deployment", "pool", "consumers", "promised TPM", "capacity TPM", ""],
      gateway.limits.map((row) => [
        row.deployment,
        row.pool,
        row.consumers.join(", "),
        String(row.promisedTokensPerMinute),
        `${row.capacityTokensPerMinute}${row.ptuBackends.length > 0 ? ` + PTU on ${row.ptuBackends.join(", ")}` : ""}`,
        row.exceeds ? "EXCEEDS" : row.ptuBackends.length > 0 ? "not comparable (PTU)" : "ok",
      ]),
    ),
    "Networking and telemetry:",
    renderTable(
      ["role", "name", "", "detail"],
      gateway.resources.map((row) => [row.role, row.name, row.origin, row.detail]),
    ),
    "API policy (generated from config, checked):",
    ...(gateway.policyXml ?? "(none registered)").split("\n").map((line) => `  ${line}`),
  ];
}
