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

const ZONE =
  "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-hub/providers/Microsoft.Network/privateDnsZones/privatelink.azure-api.net";
/** The hub's networking and an existing Application Insights, all by id. */
const HUB_NETWORKING = `    subnetId: ${SUBNETS}/snet-apim
    privateEndpointSubnetId: ${SUBNETS}/snet-pe
    privateDnsZoneId: ${ZONE}
    applicationInsights:
      resourceId: /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-obs/providers/Microsoft.Insights/components/appi-aoai-prod
      connectionString: InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://swedencentral-0.in.applicationinsights.azure.com/
`;
/** Nothing given: the integration subnet, the endpoint's subnet and zone, and Application Insights come from the stack. */
const STACK_NETWORKING = `    subnet: { addressPrefix: 10.40.0.128/26 }
`;

const gatewayYaml = (networking: string) => `  aoai-platform:gateway:
    name: apim-aoai-contoso-prod
    sku: StandardV2
    publisherEmail: platform-team@contoso.com
    publisherName: Contoso platform team
    tenantId: 11111111-1111-4111-8111-111111111111
    inbound: privateEndpoint
    outbound: vnetIntegration
${networking}    pools:
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
const GATEWAY_YAML = gatewayYaml(STACK_NETWORKING);
const HUB_GATEWAY_YAML = gatewayYaml(HUB_NETWORKING);

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

  it("creates a workspace-based Application Insights without local auth, and sends token metrics with the gateway's identity", () => {
    const [insights] = plan.resources.filter((r) => r.type === "azure-native:applicationinsights:Component");
    expect(insights?.inputs).toMatchObject({
      resourceName: "appi-apim-aoai-contoso-prod",
      ingestionMode: "LogAnalytics",
      disableLocalAuth: true,
      workspaceResourceId: expect.stringMatching(/Microsoft\.OperationalInsights\/workspaces\//),
    });
    const publisher = plan.resources.find(
      (r) =>
        r.type === "azure-native:authorization:RoleAssignment" && r.urn.endsWith("gateway-metrics-publisher"),
    );
    expect(publisher?.inputs.roleDefinitionId).toMatch(/3913510d-42f4-4e42-8a64-420c390055eb$/);
    expect(publisher?.dependencies).toContain(insights?.urn);
    const logger = ofType(plan, "Logger")[0];
    expect(logger?.dependencies).toContain(insights?.urn);
    expect(logger?.inputs.resourceId).toBe(publisher?.inputs.scope);
    expect(ofType(plan, "ApiDiagnostic")[0]?.inputs).toMatchObject({
      diagnosticId: "applicationinsights",
      metrics: true,
      logClientIp: false,
    });
  });

  it("creates the integration subnet in the region's VNet, delegated to Microsoft.Web/serverFarms, with its NSG", () => {
    const subnet = plan.resources.find(
      (r) => r.type === "azure-native:network:Subnet" && r.urn.endsWith("gateway-subnet"),
    );
    expect(subnet?.inputs).toMatchObject({
      subnetName: "snet-apim",
      virtualNetworkName: "vnet-aoai-prod-swc",
      addressPrefix: "10.40.0.128/26",
      delegations: [{ serviceName: "Microsoft.Web/serverFarms" }],
      networkSecurityGroup: { id: expect.stringMatching(/nsg-vnet-aoai-prod-swc-snet-apim$/) },
    });
    expect(ofType(plan, "ApiManagementService")[0]?.inputs).toMatchObject({
      virtualNetworkType: "External",
      virtualNetworkConfiguration: { subnetResourceId: expect.stringMatching(/subnets\/snet-apim$/) },
    });
  });

  it("reaches the gateway over a private endpoint of group Gateway in the stack's subnet, registered in a created zone", () => {
    const endpoint = plan.resources.find(
      (r) => r.type === "azure-native:network:PrivateEndpoint" && r.urn.endsWith("gateway-pe"),
    );
    expect(endpoint?.inputs).toMatchObject({
      subnet: { id: expect.stringMatching(/vnet-aoai-prod-swc\/subnets\/snet-private-endpoints$/) },
      privateLinkServiceConnections: [{ groupIds: ["Gateway"] }],
    });
    const zone = plan.resources.find(
      (r) => r.type === "azure-native:privatedns:PrivateZone" && r.urn.endsWith("gateway-dns-zone"),
    );
    expect(zone?.inputs.privateZoneName).toBe("privatelink.azure-api.net");
    const links = plan.resources.filter(
      (r) => r.type === "azure-native:privatedns:VirtualNetworkLink" && r.urn.includes("gateway-dns-zone-"),
    );
    expect(links.map((l) => l.inputs.virtualNetworkLinkName).sort()).toEqual([
      "link-vnet-aoai-prod-frc",
      "link-vnet-aoai-prod-swc",
      expect.stringMatching(/^link-vnet-spoke-[0-9a-f]{8}$/),
    ]);
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
    expect(plan.gateway?.resources.map((r) => [r.role, r.name, r.origin, r.detail])).toEqual([
      [
        "outbound subnet",
        "snet-apim",
        "created",
        "10.40.0.128/26 in vnet-aoai-prod-swc, delegated to Microsoft.Web/serverFarms",
      ],
      ["subnet NSG", "nsg-vnet-aoai-prod-swc-snet-apim", "created", "no rules of its own (none required)"],
      ["private endpoint", "pe-apim-aoai-contoso-prod", "created", "inbound, sub-resource Gateway"],
      [
        "private DNS zone",
        "privatelink.azure-api.net",
        "created",
        "resolves <name>.azure-api.net to the endpoint",
      ],
      ["zone link", "link-vnet-aoai-prod-frc", "created", "registration off"],
      ["zone link", "link-vnet-aoai-prod-swc", "created", "registration off"],
      ["zone link", expect.stringMatching(/^link-vnet-spoke-/), "created", "registration off"],
      ["Application Insights", "appi-apim-aoai-contoso-prod", "created", "workspace-based, local auth off"],
      ["logger", "applicationinsights", "created", "the gateway's identity (Monitoring Metrics Publisher)"],
      ["API diagnostic", "applicationinsights", "created", "metrics on"],
    ]);
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
    expect(run.stdout).toMatch(
      /outbound subnet +snet-apim +created +10\.40\.0\.128\/26 in vnet-aoai-prod-swc/,
    );
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

describe("a prod stack whose gateway uses the hub's subnets, zone and Application Insights", () => {
  it("plans bound and clean, creating no subnet, zone or Application Insights, with no connection string in the plan", async () => {
    const plan = await planJson("--stack", "prod", "--config-file", gatewayStack(HUB_GATEWAY_YAML));
    expect(plan.findings.filter((f) => f.rule.startsWith("arm-spec") || f.severity === "error")).toEqual([]);
    const created = plan.resources.filter((r) => /gateway-(subnet|dns-zone|appinsights)/.test(r.urn));
    expect(created).toEqual([]);
    expect(plan.gateway?.resources.filter((r) => r.origin === "given").map((r) => r.role)).toEqual([
      "outbound subnet",
      "private DNS zone",
      "Application Insights",
    ]);
    expect(ofType(plan, "ApiManagementService")[0]?.inputs.virtualNetworkConfiguration).toEqual({
      subnetResourceId: `${SUBNETS}/snet-apim`,
    });
    expect(ofType(plan, "Logger")[0]?.inputs.resourceId).toMatch(/components\/appi-aoai-prod$/);
    expect(JSON.stringify(plan)).not.toContain("InstrumentationKey=");
  }, 60_000);
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
    const run = await runPlanCli("--stack", "prod", "--config-file", gatewayStack(HUB_GATEWAY_YAML, false));
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
