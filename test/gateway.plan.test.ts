import { describe, expect, it } from "vitest";
import { networkingIssues, planGateway } from "../components/gateway/plan";
import { gatewayContext, gatewayInput, parseGateway } from "./support/gatewayFixture";

const messages = (issues: { path: PropertyKey[]; message: string }[]) =>
  issues.map((i) => `${i.path.join(".")}: ${i.message}`);

describe("gateway planner", () => {
  it("routes a deployment through its pool in priority order with capacities and consumers", () => {
    const { issues, plan } = planGateway(parseGateway(gatewayInput()), gatewayContext());
    expect(messages(issues)).toEqual([]);
    expect(plan.routes).toHaveLength(1);
    const route = plan.routes[0];
    expect(route?.backends.map((b) => [b.account, b.priority, b.tokensPerMinute])).toEqual([
      ["aoai-swc-ptu", 1, 100000],
      ["aoai-swc-paygo", 2, 50000],
      ["aoai-frc", 3, 30000],
    ]);
    expect(route?.capacityTokensPerMinute).toBe(180000);
    expect(route?.promisedTokensPerMinute).toBe(30000);
    expect(route?.consumers).toEqual(["support-bot", "search-api"]);
    expect(plan.warnings).toEqual([]);
  });

  it("orders backends of one priority by weight, heaviest first", () => {
    const input = gatewayInput();
    input.pools[0] = {
      name: "chat-pool",
      backends: [
        { account: "aoai-swc-paygo", priority: 1, weight: 10 },
        { account: "aoai-swc-ptu", priority: 1, weight: 90 },
      ],
    };
    const { plan } = planGateway(parseGateway(input), gatewayContext());
    expect(plan.routes[0]?.backends.map((b) => b.account)).toEqual(["aoai-swc-ptu", "aoai-swc-paygo"]);
  });

  it("names the backend that lacks a routed deployment", () => {
    const context = gatewayContext();
    const frc = context.accounts[2];
    if (!frc) throw new Error("fixture");
    context.accounts = [...context.accounts.slice(0, 2), { ...frc, deployments: [] }];
    const { issues } = planGateway(parseGateway(gatewayInput()), context);
    expect(messages(issues)).toEqual([
      'routes.0.deployment: backend "aoai-frc" of pool "chat-pool" has no deployment "chat"; every backend of the pool must serve every deployment routed to it',
    ]);
  });

  it("refuses a pool that serves different models under one deployment name", () => {
    const context = gatewayContext();
    const frc = context.accounts[2];
    if (!frc) throw new Error("fixture");
    context.accounts = [
      ...context.accounts.slice(0, 2),
      {
        ...frc,
        deployments: [
          { name: "chat", model: "gpt-4o", version: "2024-11-20", sku: "GlobalStandard", capacity: 30 },
        ],
      },
    ];
    const { issues } = planGateway(parseGateway(gatewayInput()), context);
    expect(messages(issues)).toEqual([
      'routes.0.deployment: "chat" is gpt-4o on backend "aoai-frc" but gpt-4.1 on "aoai-swc-ptu"; a pool must serve the same model on every backend',
    ]);
  });

  it("warns when the limits promised exceed the capacity behind them", () => {
    const input = gatewayInput();
    input.consumers = [
      {
        name: "support-bot",
        identity: "support-bot",
        tokensPerMinute: 150000,
        tokenQuota: 9000000000,
        tokenQuotaPeriod: "Monthly",
      },
      { name: "search-api", identity: "search-api", tokensPerMinute: 40000, deployments: ["chat"] },
    ];
    const { issues, plan } = planGateway(parseGateway(input), gatewayContext());
    expect(issues).toEqual([]);
    expect(plan.warnings.map((w) => w.message)).toEqual([
      'gateway: consumers of "chat" (support-bot, search-api) are promised 190000 tokens per minute, more than the 180000 of pool "chat-pool"',
      'gateway: consumer "support-bot" has a Monthly quota of 9000000000 tokens, more than pool "chat-pool" can serve in that period (7776000000)',
    ]);
  });

  it("does not compare limits with a pool that has PTU backends, and says which backends are PTU", () => {
    const context = gatewayContext();
    const ptu = context.accounts[0];
    if (!ptu) throw new Error("fixture");
    context.accounts = [
      {
        ...ptu,
        deployments: [
          { name: "chat", model: "gpt-4.1", version: "2025-04-14", sku: "ProvisionedManaged", capacity: 100 },
        ],
      },
      ...context.accounts.slice(1),
    ];
    const input = gatewayInput();
    input.consumers = [{ name: "support-bot", identity: "support-bot", tokensPerMinute: 900000 }];
    const { plan } = planGateway(parseGateway(input), context);
    expect(plan.routes[0]?.ptuBackends).toEqual(["aoai-swc-ptu"]);
    expect(plan.routes[0]?.capacityTokensPerMinute).toBe(80000);
    expect(plan.warnings).toEqual([]);
  });

  it("refuses unknown accounts, pools, identities and unrouted deployments with the names allowed", () => {
    const input = gatewayInput();
    input.pools[0]?.backends.push({ account: "aoai-nowhere", priority: 4, weight: 1 });
    input.routes.push({ deployment: "embed", pool: "embed-pool" });
    input.consumers[1] = {
      name: "search-api",
      identity: "serch-api",
      tokensPerMinute: 1,
      deployments: ["chta"],
    };
    const { issues } = planGateway(parseGateway(input), gatewayContext());
    expect(messages(issues)).toEqual([
      'pools.0.backends.3.account: unknown account "aoai-nowhere"; accounts: aoai-swc-ptu, aoai-swc-paygo, aoai-frc',
      'consumers.1.identity: unknown identity "serch-api"; access.identities: support-bot, search-api',
      'consumers.1.deployments.0: "chta" is not routed; routed deployments: chat, embed',
      'routes.1.pool: unknown pool "embed-pool"; pools: chat-pool',
    ]);
  });

  it("takes an existing principal as a consumer by its client id, which validate-azure-ad-token matches", () => {
    const existing = {
      ...gatewayContext(),
      identities: [
        { name: "support-bot", existing: true },
        { name: "search-api", existing: false },
      ],
    };
    expect(messages(planGateway(parseGateway(gatewayInput()), existing).issues)).toEqual([
      "consumers.0.clientId: identity \"support-bot\" is an existing principal: validate-azure-ad-token matches the client (application) id in the token's appid/azp claim, not the object id (principalId): add clientId, the app registration's or managed identity's client id",
    ]);
    const input = gatewayInput();
    input.consumers = input.consumers.map((consumer, i) => ({
      ...consumer,
      clientId: `${i + 2}2222222-3333-4444-8555-666666666666`,
    }));
    expect(messages(planGateway(parseGateway(input), existing).issues)).toEqual([
      'consumers.1.clientId: identity "search-api" is a managed identity the stack creates; the gateway takes its client id from it: remove clientId',
    ]);
    // An Entra app outside access.identities: by client id alone.
    input.consumers = [
      { name: "partner-app", clientId: "44444444-3333-4444-8555-666666666666", tokensPerMinute: 1000 },
    ];
    expect(planGateway(parseGateway(input), existing).issues).toEqual([]);
  });

  it("refuses subscription-key-only consumers in prod, and allows them elsewhere", () => {
    const input = gatewayInput();
    input.consumers = [{ name: "partner", subscription: true, tokensPerMinute: 1000 }];
    const prod = planGateway(parseGateway(input), gatewayContext());
    expect(messages(prod.issues)).toEqual([
      "consumers.0.identity: prod callers authenticate with Entra ID: a subscription key alone is not enough; name the app identity or its clientId",
    ]);
    const dev = planGateway(parseGateway(input), { ...gatewayContext(), environment: "dev" });
    expect(dev.issues).toEqual([]);
  });

  it("warns in prod while the private gateway stays publicly reachable, and refuses Disabled without an endpoint", () => {
    const enabled = { ...gatewayInput(), publicNetworkAccess: "Enabled" };
    expect(planGateway(parseGateway(enabled), gatewayContext()).plan.warnings).toEqual([
      {
        rule: "gateway.public-access-enabled",
        message:
          "gateway: publicNetworkAccess is Enabled beside the private endpoint; Azure disables it only once the endpoint exists: after the first deploy set gateway.publicNetworkAccess: Disabled",
      },
    ]);
    expect(
      planGateway(parseGateway({ ...gatewayInput(), publicNetworkAccess: "Disabled" }), gatewayContext()).plan
        .warnings,
    ).toEqual([]);
    const injected = {
      ...gatewayInput(),
      sku: "PremiumV2",
      inbound: "vnetInjection",
      outbound: "vnetInjection",
      publicNetworkAccess: "Disabled",
    };
    expect(messages(planGateway(parseGateway(injected), gatewayContext()).issues)).toEqual([
      "publicNetworkAccess: public network access can only be disabled behind a private endpoint (inbound is vnetInjection); an injected gateway is private already",
    ]);
  });

  it("refuses public outbound to accounts whose public access is disabled, and too many units", () => {
    const input = { ...gatewayInput(), outbound: "public", units: 11 };
    const { issues } = planGateway(parseGateway(input), gatewayContext());
    expect(messages(issues)).toContain(
      'outbound: account "aoai-swc-ptu" has public network access disabled; the gateway reaches it only over its private endpoint: set outbound to vnetIntegration or vnetInjection',
    );
    expect(messages(issues)).toContain("units: StandardV2 has at most 10 units");
  });
});

describe("gateway API version", () => {
  it("refuses an apiVersion without a published stable inference spec", () => {
    const { issues } = planGateway(parseGateway(gatewayInput()), { ...gatewayContext(), apiVersion: "v1" });
    expect(messages(issues)).toEqual([
      ": the gateway imports Azure's published stable inference spec of the stack's apiVersion (\"v1\"); stable versions: 2022-12-01, 2023-05-15, 2024-02-01, 2024-06-01, 2024-10-21",
    ]);
  });
});

describe("gateway tiers and networking", () => {
  const subnets = { subnetId: "s", privateEndpointSubnetId: "p" };
  it("accepts exactly the combinations Azure offers", () => {
    const ok = (
      sku: "BasicV2" | "StandardV2" | "PremiumV2",
      inbound: "public" | "privateEndpoint" | "vnetInjection",
      outbound: "public" | "vnetIntegration" | "vnetInjection",
    ) => networkingIssues(sku, inbound, outbound, "dev", outbound === "public" ? {} : subnets).length === 0;
    expect(ok("BasicV2", "public", "public")).toBe(true);
    expect(ok("BasicV2", "privateEndpoint", "public")).toBe(false);
    expect(ok("BasicV2", "public", "vnetIntegration")).toBe(false);
    expect(ok("StandardV2", "privateEndpoint", "vnetIntegration")).toBe(true);
    expect(ok("StandardV2", "vnetInjection", "vnetInjection")).toBe(false);
    expect(ok("PremiumV2", "vnetInjection", "vnetInjection")).toBe(true);
    expect(ok("PremiumV2", "privateEndpoint", "vnetIntegration")).toBe(true);
    expect(ok("PremiumV2", "vnetInjection", "vnetIntegration")).toBe(false);
  });

  it("says which tiers support what was asked", () => {
    expect(
      messages(networkingIssues("BasicV2", "privateEndpoint", "vnetIntegration", "dev", subnets)),
    ).toEqual([
      "inbound: BasicV2 has no private endpoint for inbound connections; tiers that do: StandardV2, PremiumV2",
      "outbound: BasicV2 has no outbound virtual network integration; tiers that do: StandardV2, PremiumV2",
    ]);
    expect(
      messages(networkingIssues("StandardV2", "vnetInjection", "vnetInjection", "dev", subnets)),
    ).toEqual(["inbound: StandardV2 cannot be injected into a virtual network; tiers that can: PremiumV2"]);
  });

  it("needs the subnet the networking uses, creates only integration subnets, and private inbound in prod", () => {
    expect(messages(networkingIssues("StandardV2", "public", "vnetIntegration", "prod", {}))).toEqual([
      "subnetId: outbound vnetIntegration needs subnetId (a subnet you own, delegated to Microsoft.Web/serverFarms) or subnet (one the gateway creates)",
      "inbound: prod gateways are reachable privately only: use privateEndpoint (StandardV2, PremiumV2) or vnetInjection (PremiumV2)",
    ]);
    const subnet = { name: "snet-apim", addressPrefix: "10.0.1.0/27" };
    expect(
      messages(networkingIssues("StandardV2", "privateEndpoint", "vnetIntegration", "prod", { subnet })),
    ).toEqual([]);
    expect(
      messages(networkingIssues("PremiumV2", "vnetInjection", "vnetInjection", "dev", { subnet })),
    ).toEqual([
      "subnet: the platform creates only VNet integration subnets; give an injected gateway's subnet by subnetId (delegated to Microsoft.Web/hostingEnvironments, with API Management's NSG rules)",
    ]);
    expect(
      messages(networkingIssues("StandardV2", "privateEndpoint", "public", "dev", { subnetId: "s" })),
    ).toEqual([
      "subnetId: outbound public uses no subnet: set outbound to vnetIntegration or vnetInjection, or remove it",
    ]);
  });
});

describe("gateway config schema", () => {
  it("refuses a consumer that is neither an identity nor a subscription, and a quota without a period", () => {
    const input = gatewayInput();
    input.consumers = [{ name: "x", tokensPerMinute: 1, tokenQuota: 5 }];
    const result = (() => {
      try {
        parseGateway(input);
        return [];
      } catch (error) {
        return (error as { issues: { path: PropertyKey[]; message: string }[] }).issues.map(
          (i) => `${i.path.join(".")}: ${i.message}`,
        );
      }
    })();
    expect(result).toEqual([
      "consumers.0.identity: a consumer is an app identity (identity: <access.identities name>), an existing Entra app (clientId: <client id>) or a subscription (subscription: true)",
      "consumers.0.tokenQuotaPeriod: tokenQuota and tokenQuotaPeriod go together (periods: Hourly, Daily, Weekly, Monthly, Yearly)",
    ]);
  });
});
