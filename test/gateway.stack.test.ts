/** A prod-like stack with the AI gateway, planned end to end by the plan CLI. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parsePolicy, policyProblems } from "../components/gateway/policyXml";
import { appSettingsFromOutputs } from "../src/app-env/settings";
import { ARM_SPEC_BINDINGS } from "../src/plan/armSpec/facts";
import type { PlanResult } from "../src/plan/model";
import { renderMonitoring } from "../src/plan/monitoringReport";
import { planJson, runPlanCli, writeStackFile } from "./support/planCli";

const SPOKE =
  "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-spoke/providers/Microsoft.Network/virtualNetworks/vnet-spoke";
const SUBNETS = `${SPOKE}/subnets`;

const GATEWAY_YAML = `  aoai-platform:gateway:
    name: apim-aoai-contoso-prod
    sku: StandardV2
    publisherEmail: platform-team@contoso.com
    publisherName: Contoso platform team
    tenantId: 11111111-1111-4111-8111-111111111111
    inbound: privateEndpoint
    outbound: vnetIntegration
    subnetId: ${SUBNETS}/snet-apim
    privateEndpointSubnetId: ${SUBNETS}/snet-pe
    privateDnsZoneId: /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-hub/providers/Microsoft.Network/privateDnsZones/privatelink.azure-api.net
    applicationInsights:
      resourceId: /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-obs/providers/Microsoft.Insights/components/appi-aoai-prod
      connectionString: InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://swedencentral-0.in.applicationinsights.azure.com/
    pools:
      - name: chat-pool
        backends:
          - { account: aoai-contoso-prod-swc, priority: 1 }
          - { account: aoai-contoso-prod-frc, priority: 2 }
      - name: embeddings-pool
        backends:
          - { account: aoai-contoso-prod-swc, priority: 1, weight: 50 }
          - { account: aoai-contoso-prod-frc, priority: 1, weight: 50 }
    routes:
      - { deployment: chat, pool: chat-pool }
      - { deployment: embeddings, pool: embeddings-pool }
    consumers:
      - { name: chat-api, identity: id-chat-api-prod, tokensPerMinute: 100000, tokenQuota: 500000000, tokenQuotaPeriod: Monthly }
      - { name: indexer, identity: id-indexer-prod, tokensPerMinute: 50000, deployments: [embeddings] }
`;

/** The prod stack, its zones linked to the gateway's spoke VNet (unless told not to), and the gateway. */
const gatewayStack = (gateway = GATEWAY_YAML, linkSpoke = true) => {
  const prod = readFileSync("Pulumi.prod.yaml", "utf8");
  const linked = linkSpoke
    ? prod.replace("\n  aoai-platform:quota:", `\n    linkVnetIds: [${SPOKE}]\n  aoai-platform:quota:`)
    : prod;
  return writeStackFile(`${linked}${gateway}`);
};

const ofType = (plan: PlanResult, type: string) =>
  plan.resources.filter((r) => r.type === `azure-native:apimanagement:${type}`);

describe("a prod stack with the AI gateway", () => {
  let plan: PlanResult;
  it("plans, every resource bound and passing the ARM spec check and the policy rules", async () => {
    plan = await planJson("--stack", "prod", "--config-file", gatewayStack());
    const bound = new Set(ARM_SPEC_BINDINGS.map((b) => b.token));
    const azure = plan.resources.filter((r) => r.custom && r.type.startsWith("azure-native:"));
    expect(azure.filter((r) => !bound.has(r.type)).map((r) => r.type)).toEqual([]);
    expect(plan.findings.filter((f) => f.rule.startsWith("arm-spec"))).toEqual([]);
    expect(plan.findings.filter((f) => f.severity === "error" || f.urn?.includes("AiGateway"))).toEqual([]);
  }, 60_000);

  it("creates the gateway, one backend per account with its circuit breaker, and the pools in order", () => {
    expect(ofType(plan, "ApiManagementService").map((r) => r.inputs.identity)).toEqual([
      { type: "SystemAssigned" },
    ]);
    const backends = ofType(plan, "Backend");
    const accountBackends = backends.filter((r) => r.inputs.type !== "Pool");
    expect(accountBackends.map((r) => r.inputs.backendId).sort()).toEqual([
      "aoai-contoso-prod-frc",
      "aoai-contoso-prod-swc",
    ]);
    for (const backend of accountBackends) {
      expect(backend.inputs.circuitBreaker).toMatchObject({
        rules: [
          {
            acceptRetryAfter: true,
            failureCondition: {
              statusCodeRanges: [
                { min: 429, max: 429 },
                { min: 500, max: 599 },
              ],
            },
          },
        ],
      });
    }
    const chatPool = backends.find((r) => r.inputs.backendId === "chat-pool");
    expect(chatPool?.inputs.pool).toEqual({
      services: [
        { id: expect.stringMatching(/backends\/aoai-contoso-prod-swc$/), priority: 1, weight: 1 },
        { id: expect.stringMatching(/backends\/aoai-contoso-prod-frc$/), priority: 2, weight: 1 },
      ],
    });
  });

  it("gives the gateway's identity Cognitive Services OpenAI User on every backend account", () => {
    const service = ofType(plan, "ApiManagementService")[0];
    const assignments = plan.resources.filter(
      (r) => r.type === "azure-native:authorization:RoleAssignment" && r.urn.includes("gateway-openai-user"),
    );
    expect(assignments.map((r) => String(r.inputs.scope).split("/").at(-1)).sort()).toEqual([
      "aoai-contoso-prod-frc",
      "aoai-contoso-prod-swc",
    ]);
    for (const assignment of assignments) {
      expect(assignment.inputs.roleDefinitionId).toMatch(/5e0bd9bd-7b93-4f28-af87-19fc36ad61bd$/);
      expect(assignment.inputs.principalType).toBe("ServicePrincipal");
    }
    expect(service).toBeDefined();
  });

  it("imports the API from the inference spec of the stack's apiVersion and applies the checked policy", () => {
    expect(ofType(plan, "Api")[0]?.inputs).toMatchObject({
      path: "openai",
      format: "openapi+json-link",
      value: expect.stringContaining("/inference/stable/2024-10-21/inference.json"),
      subscriptionRequired: false,
    });
    const xml = String(ofType(plan, "ApiPolicy")[0]?.inputs.value);
    expect(policyProblems(parsePolicy(xml))).toEqual([]);
    expect(xml).toContain('counter-key="chat-api"');
    expect(xml).toContain('backend-id="embeddings-pool"');
  });

  it("sends token metrics to Application Insights without the connection string in the plan", () => {
    expect(ofType(plan, "ApiDiagnostic")[0]?.inputs).toMatchObject({ metrics: true, logClientIp: false });
    expect(JSON.stringify(plan)).not.toContain("InstrumentationKey=");
  });

  it("reaches the gateway over a private endpoint of group Gateway", () => {
    const endpoint = plan.resources.find(
      (r) => r.type === "azure-native:network:PrivateEndpoint" && r.urn.endsWith("gateway-pe"),
    );
    expect(endpoint?.inputs.privateLinkServiceConnections).toMatchObject([{ groupIds: ["Gateway"] }]);
    const zones = plan.resources.find(
      (r) => r.type === "azure-native:network:PrivateDnsZoneGroup" && r.urn.endsWith("gateway-dns"),
    );
    expect(zones?.inputs.privateDnsZoneConfigs).toMatchObject([
      { privateDnsZoneId: expect.stringMatching(/privatelink\.azure-api\.net$/) },
    ]);
    // Azure disables public access only once the endpoint exists: the first deploy keeps it, the plan warns.
    expect(ofType(plan, "ApiManagementService")[0]?.inputs.publicNetworkAccess).toBe("Enabled");
    expect(plan.findings.filter((f) => f.rule === "gateway.public-access-enabled")).toHaveLength(1);
  });

  it("monitors the gateway like the accounts: its logs and metrics to the workspace, alerts to the action group", () => {
    const { monitoring } = plan;
    const service = ofType(plan, "ApiManagementService")[0];
    const diagnostics = plan.resources.filter(
      (r) =>
        r.type === "azure-native:monitor:DiagnosticSetting" &&
        r.name === "monitoring-apim-aoai-contoso-prod-diagnostics",
    );
    expect(diagnostics.map((d) => d.dependencies)).toEqual([expect.arrayContaining([service?.urn])]);
    expect(monitoring.diagnosticSettings.filter((d) => d.resource === "apim-aoai-contoso-prod")).toEqual([
      expect.objectContaining({
        logCategoryGroups: ["allLogs"],
        metricCategories: ["AllMetrics"],
        destinationType: "Dedicated",
        workspaceId: expect.stringMatching(/\/workspaces\/log-aoai-prod$/),
      }),
    ]);
    const alerts = monitoring.alerts.filter((a) => a.resource === "apim-aoai-contoso-prod");
    expect(alerts.map((a) => [a.name, a.namespace, a.metric, a.severity])).toEqual([
      ["apim-aoai-contoso-prod-backend-duration", "Microsoft.ApiManagement/service", "BackendDuration", 2],
      ["apim-aoai-contoso-prod-cpu", "Microsoft.ApiManagement/service", "CpuPercent_Gateway", 2],
      ["apim-aoai-contoso-prod-server-errors", "Microsoft.ApiManagement/service", "Requests", 1],
      ["apim-aoai-contoso-prod-throttling", "Microsoft.ApiManagement/service", "Requests", 2],
    ]);
    for (const alert of alerts) expect(alert.actionGroups).toEqual(["ag-aoai-prod"]);
    const text = renderMonitoring(monitoring).join("\n");
    expect(text).toContain("apim-aoai-contoso-prod: logs:allLogs + AllMetrics -> workspace log-aoai-prod");
    expect(text).toMatch(/apim-aoai-contoso-prod-cpu +Average CpuPercent_Gateway >= 80/);
  });

  it("shows the routing table, the limits against capacity and the registered policy", () => {
    expect(plan.gateway?.routing).toEqual([
      {
        consumer: "chat-api",
        deployment: "chat",
        pool: "chat-pool",
        backends: [
          "aoai-contoso-prod-swc (priority 1, weight 1, 150000 TPM)",
          "aoai-contoso-prod-frc (priority 2, weight 1, 150000 TPM)",
        ],
      },
      {
        consumer: "chat-api",
        deployment: "embeddings",
        pool: "embeddings-pool",
        backends: [
          "aoai-contoso-prod-swc (priority 1, weight 50, 120000 TPM)",
          "aoai-contoso-prod-frc (priority 1, weight 50, 120000 TPM)",
        ],
      },
      {
        consumer: "indexer",
        deployment: "embeddings",
        pool: "embeddings-pool",
        backends: [
          "aoai-contoso-prod-swc (priority 1, weight 50, 120000 TPM)",
          "aoai-contoso-prod-frc (priority 1, weight 50, 120000 TPM)",
        ],
      },
    ]);
    expect(
      plan.gateway?.limits.map((l) => [
        l.deployment,
        l.promisedTokensPerMinute,
        l.capacityTokensPerMinute,
        l.exceeds,
      ]),
    ).toEqual([
      ["chat", 100000, 300000, false],
      ["embeddings", 150000, 240000, false],
    ]);
    expect(plan.gateway?.policyXml).toBe(ofType(plan, "ApiPolicy")[0]?.inputs.value);
  });

  it("puts API Management's creation on the critical path at the v2 estimate", () => {
    const step = plan.criticalPath.steps.find(
      (s) => s.type === "azure-native:apimanagement:ApiManagementService",
    );
    expect(step?.minutes).toBe(15);
  });

  it("prints the gateway section in the text plan", async () => {
    const run = await runPlanCli("--stack", "prod", "--config-file", gatewayStack());
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      "AI gateway apim-aoai-contoso-prod (StandardV2, https://apim-aoai-contoso-prod.azure-api.net)",
    );
    expect(run.stdout).toContain(
      "aoai-contoso-prod-swc (priority 1, weight 1, 150000 TPM) → aoai-contoso-prod-frc (priority 2, weight 1, 150000 TPM)",
    );
    expect(run.stdout).toContain("  <policies>");
  }, 60_000);

  it("points apps at the gateway: AZURE_OPENAI_ENDPOINT is its endpoint, and app-env prints it", () => {
    expect(plan.outputs.AZURE_OPENAI_ENDPOINT).toBe("https://apim-aoai-contoso-prod.azure-api.net");
    expect(plan.outputs.gatewayEndpoint).toBe("https://apim-aoai-contoso-prod.azure-api.net");
    // LangChain.js would build the account's own URL from the instance name, past the gateway.
    expect(plan.outputs).not.toHaveProperty("AZURE_OPENAI_API_INSTANCE_NAME");
    const { settings } = appSettingsFromOutputs(plan.outputs, { source: "plan" });
    expect(Object.fromEntries(settings).AZURE_OPENAI_ENDPOINT).toBe(
      "https://apim-aoai-contoso-prod.azure-api.net",
    );
  });
});

describe("a prod stack whose consumers are promised more than the capacity", () => {
  it("warns, naming the deployment, the consumers and the pool", async () => {
    const plan = await planJson(
      "--stack",
      "prod",
      "--config-file",
      gatewayStack(GATEWAY_YAML.replace("tokensPerMinute: 100000", "tokensPerMinute: 200000")),
    );
    expect(plan.gateway?.limits.find((l) => l.deployment === "embeddings")?.exceeds).toBe(true);
    expect(
      plan.findings.filter((f) => f.rule === "gateway.limits-exceed-capacity").map((f) => f.message),
    ).toEqual([
      'gateway: consumers of "embeddings" (chat-api, indexer) are promised 250000 tokens per minute, more than the 240000 of pool "embeddings-pool"',
    ]);
  }, 60_000);
});

describe("a prod stack whose gateway refuses its config", () => {
  it("exits 2 when the gateway's VNet is not linked to the accounts' private DNS zones", async () => {
    const run = await runPlanCli("--stack", "prod", "--config-file", gatewayStack(GATEWAY_YAML, false));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `the gateway reaches the accounts from VNet "vnet-spoke", which the stack's private DNS zones are not linked to, so it would resolve their public addresses: add ${SPOKE} to network.linkVnetIds`,
    );
  }, 60_000);

  it("exits 2 naming the backend that lacks a routed deployment", async () => {
    const run = await runPlanCli(
      "--stack",
      "prod",
      "--config-file",
      gatewayStack(
        GATEWAY_YAML.replace(
          "deployment: embeddings, pool: embeddings-pool",
          "deployment: embeddings, pool: chat-pool",
        ).replace("{ deployment: chat, pool: chat-pool }", "{ deployment: gpt-5, pool: chat-pool }"),
      ),
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'backend "aoai-contoso-prod-swc" of pool "chat-pool" has no deployment "gpt-5"',
    );
    expect(run.stderr).not.toMatch(/at .*\.ts:\d+/);
  }, 60_000);
});
