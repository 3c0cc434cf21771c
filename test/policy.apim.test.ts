/**
 * The API Management rules and baseline mirrors on a planned prod-like gateway stack: each passes on the
 * planned resources and fails on a planned resource changed the way the rule refuses.
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { gatewayPolicyXml } from "../components/gateway/policy";
import { armResources } from "../policy/azure/arm";
import { BASELINE } from "../policy/azure/baseline";
import { evaluateDefinition, parameterValues } from "../policy/azure/evaluator";
import { APIM, APIM_RULES } from "../policy/rules/apim";
import { findRule } from "../policy/rules/catalog";
import { evaluateRules } from "../policy/rules/evaluate";
import { policySettingsSchema } from "../policy/rules/settings";
import type { ResourceView, Rule } from "../policy/rules/types";
import type { PlanResult } from "../src/plan/model";
import { resourceViews } from "../src/plan/policy";
import { runPlanCli, writeStackFile } from "./support/planCli";

const SUB = "/subscriptions/00000000-0000-0000-0000-000000000000";
const SPOKE = `${SUB}/resourceGroups/rg-spoke/providers/Microsoft.Network/virtualNetworks/vnet-spoke`;
const TENANT = "11111111-1111-4111-8111-111111111111";

/** The second deploy of a prod gateway: its private endpoint exists, so public access is Disabled. */
const GATEWAY_YAML = `  aoai-platform:gateway:
    name: apim-aoai-policy-prod
    sku: StandardV2
    publisherEmail: platform-team@contoso.com
    publisherName: Contoso platform team
    tenantId: ${TENANT}
    inbound: privateEndpoint
    publicNetworkAccess: Disabled
    outbound: vnetIntegration
    subnetId: ${SPOKE}/subnets/snet-apim
    privateEndpointSubnetId: ${SPOKE}/subnets/snet-pe
    privateDnsZoneId: ${SUB}/resourceGroups/rg-hub/providers/Microsoft.Network/privateDnsZones/privatelink.azure-api.net
    pools:
      - name: chat-pool
        backends:
          - { account: aoai-contoso-prod-swc, priority: 1 }
          - { account: aoai-contoso-prod-frc, priority: 2 }
    routes:
      - { deployment: chat, pool: chat-pool }
    consumers:
      - { name: chat-api, identity: id-chat-api-prod, tokensPerMinute: 100000 }
`;

const stackFile = () => {
  const prod = readFileSync("Pulumi.prod.yaml", "utf8").replace(
    "\n  aoai-platform:quota:",
    `\n    linkVnetIds: [${SPOKE}]\n  aoai-platform:quota:`,
  );
  return writeStackFile(`${prod}${GATEWAY_YAML}`);
};

let plan: PlanResult;
let views: ResourceView[];

beforeAll(async () => {
  const run = await runPlanCli("--stack", "prod", "--config-file", stackFile(), "--json");
  plan = JSON.parse(run.stdout) as PlanResult;
  views = resourceViews(plan.resources, plan.outputs);
}, 90_000);

const ruleOf = (id: string): Rule => {
  const rule = APIM_RULES.find((r) => r.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  return rule;
};
const context = { environment: "prod" as const, requiredTags: [] };
const messages = (id: string, resources: readonly ResourceView[]) =>
  ruleOf(id)
    .check(resources, context)
    .map((v) => v.message);

const only = (type: string) => {
  const found = views.filter((v) => v.type === type);
  if (found.length === 0) throw new Error(`the plan has no ${type}`);
  return found;
};
const first = (type: string) => only(type)[0] as ResourceView;
/** The planned resources with `type`'s (first, or chosen) resource changed. */
function changed(
  type: string,
  change: (inputs: Record<string, unknown>) => void,
  pick: (v: ResourceView) => boolean = () => true,
): ResourceView[] {
  const target = only(type).find(pick);
  return views.map((v) => {
    if (v !== target) return v;
    const inputs = structuredClone(v.inputs);
    change(inputs);
    return { ...v, inputs };
  });
}
/** A resource of the gateway's service that the gateway itself does not plan (named values, subscriptions). */
function added(type: string, name: string, inputs: Record<string, unknown>): ResourceView[] {
  const service = first(APIM.service);
  const view: ResourceView = {
    urn: `urn:pulumi:prod::aoai-platform::${type}::${name}`,
    type,
    name,
    inputs: {
      resourceGroupName: service.inputs.resourceGroupName,
      serviceName: service.inputs.serviceName,
      ...inputs,
    },
    protect: false,
    parent: null,
    dependencies: [service.urn],
  };
  return [...views, view];
}
const accountBackend = (v: ResourceView) => v.inputs.type !== "Pool";
const policyXml = (consumers: Parameters<typeof gatewayPolicyXml>[0]["consumers"]) =>
  gatewayPolicyXml({
    tenantId: TENANT,
    retries: 1,
    routes: [{ deployment: "chat", pool: "chat-pool" }],
    consumers,
  });
const consumer = { name: "chat-api", subscription: false, tokensPerMinute: 1000 };

describe("the prod-like gateway stack and the API Management rules", () => {
  it("plans without any error finding", () => {
    expect(plan.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(plan.findings.filter((f) => f.rule.startsWith("aoai-apim-"))).toEqual([]);
  });

  it("passes every API Management rule, the opt-in ones enforced too", () => {
    const enforcement = Object.fromEntries(APIM_RULES.map((r) => [r.id, "mandatory" as const]));
    const settings = policySettingsSchema.parse({ enforcement, requiredTags: [] });
    expect(evaluateRules(views, "prod", settings, APIM_RULES).findings).toEqual([]);
    expect(APIM_RULES.map((r) => r.enforcement.prod)).toContain("mandatory");
  });

  it("aoai-required-tags covers the API Management service: the gateway's tags pass, none fail", () => {
    const tags = findRule("aoai-required-tags");
    if (!tags) throw new Error("no aoai-required-tags");
    const tagContext = { environment: "prod" as const, requiredTags: ["environment", "owner", "costCenter"] };
    const service = first(APIM.service);
    expect(tags.check(views, tagContext).filter((v) => v.urn === service.urn)).toEqual([]);
    const untagged = changed(APIM.service, (i) => {
      delete i.tags;
    });
    expect(tags.check(untagged, tagContext).filter((v) => v.urn === service.urn)).toEqual([
      { urn: service.urn, message: "gateway-service: missing tag(s) environment, owner, costCenter" },
    ]);
  });

  it("with names and ids unknown (a preview), children are related to their service and API by dependency edges", () => {
    const unknownNames = views.map((v) => {
      if (!v.type.startsWith("azure-native:apimanagement:") && v.type !== APIM.privateEndpoint) return v;
      const inputs = structuredClone(v.inputs);
      for (const key of ["serviceName", "apiId"]) if (key in inputs) inputs[key] = "[unknown]";
      for (const c of (inputs.privateLinkServiceConnections ?? []) as Record<string, unknown>[])
        c.privateLinkServiceId = "[unknown]";
      return { ...v, inputs };
    });
    expect(APIM_RULES.flatMap((r) => r.check(unknownNames, context))).toEqual([]);
    const noMi = unknownNames.map((v) =>
      v.type === APIM.apiPolicy
        ? {
            ...v,
            inputs: {
              ...v.inputs,
              value: String(v.inputs.value).replace(/<authentication-managed-identity[^>]*\/>/, ""),
            },
          }
        : v,
    );
    expect(messages("aoai-apim-backend-managed-identity", noMi)).toEqual([
      expect.stringMatching(/no <authentication-managed-identity> in <inbound>/),
    ]);
    const noEndpoint = unknownNames.filter(
      (v) => v.type !== APIM.privateEndpoint || !JSON.stringify(v.inputs).includes('"Gateway"'),
    );
    expect(messages("aoai-apim-private-inbound", noEndpoint)).toHaveLength(1);
  });

  it("aoai-apim-private-inbound: a gateway without its private endpoint fails, an internal injected one passes", () => {
    const endpoints = views.filter(
      (v) => v.type === APIM.privateEndpoint && JSON.stringify(v.inputs).includes('"Gateway"'),
    );
    expect(endpoints).toHaveLength(1);
    const without = views.filter((v) => !endpoints.includes(v));
    expect(messages("aoai-apim-private-inbound", without)).toEqual([
      expect.stringMatching(/apim-aoai-policy-prod: no private endpoint with group "Gateway"/),
    ]);
    const internal = without.map((v) =>
      v.type === APIM.service ? { ...v, inputs: { ...v.inputs, virtualNetworkType: "Internal" } } : v,
    );
    expect(messages("aoai-apim-private-inbound", internal)).toEqual([]);
  });

  it("aoai-apim-public-network-access-disabled: opt-in; the first deploy's Enabled fails it", () => {
    expect(ruleOf("aoai-apim-public-network-access-disabled").enforcement.prod).toBe("disabled");
    const enabled = changed(APIM.service, (i) => {
      i.publicNetworkAccess = "Enabled";
    });
    expect(messages("aoai-apim-public-network-access-disabled", enabled)).toEqual([
      expect.stringMatching(/publicNetworkAccess is Enabled; once the private endpoint exists/),
    ]);
  });

  it("aoai-apim-virtual-network: StandardV2 with virtualNetworkType None fails; BasicV2 is not evaluated", () => {
    expect(first(APIM.service).inputs.virtualNetworkType).toBe("External");
    const none = changed(APIM.service, (i) => {
      i.virtualNetworkType = "None";
    });
    expect(messages("aoai-apim-virtual-network", none)).toEqual([
      expect.stringMatching(/SKU StandardV2 without a virtual network \(virtualNetworkType None\)/),
    ]);
    const basic = changed(APIM.service, (i) => {
      i.virtualNetworkType = "None";
      i.sku = { name: "BasicV2", capacity: 1 };
    });
    expect(messages("aoai-apim-virtual-network", basic)).toEqual([]);
  });

  it("aoai-apim-vnet-capable-sku: StandardV2 passes, BasicV2 and classic Standard fail, Premium passes", () => {
    const sku = (name: string) =>
      changed(APIM.service, (i) => {
        i.sku = { name, capacity: 1 };
      });
    expect(messages("aoai-apim-vnet-capable-sku", views)).toEqual([]);
    expect(messages("aoai-apim-vnet-capable-sku", sku("BasicV2"))).toEqual([
      "apim-aoai-policy-prod: SKU BasicV2 supports no virtual network; use one of Developer, Premium, Isolated, StandardV2, PremiumV2",
    ]);
    expect(messages("aoai-apim-vnet-capable-sku", sku("Standard"))).toHaveLength(1);
    expect(messages("aoai-apim-vnet-capable-sku", sku("Premium"))).toEqual([]);
  });

  it("aoai-apim-min-api-version: the gateway sets 2021-08-01; unset or 2019-01-01 fails", () => {
    expect(first(APIM.service).inputs.apiVersionConstraint).toEqual({ minApiVersion: "2021-08-01" });
    const unset = changed(APIM.service, (i) => {
      delete i.apiVersionConstraint;
    });
    expect(messages("aoai-apim-min-api-version", unset)).toEqual([
      expect.stringMatching(/minApiVersion is not set; .* set 2019-12-01 or later/),
    ]);
    const old = changed(APIM.service, (i) => {
      i.apiVersionConstraint = { minApiVersion: "2019-01-01" };
    });
    expect(messages("aoai-apim-min-api-version", old)).toEqual([expect.stringMatching(/is 2019-01-01;/)]);
  });

  it("aoai-apim-modern-tls: a custom property turning TLS 1.1 on (client or backend side) fails", () => {
    expect(messages("aoai-apim-modern-tls", views)).toEqual([]);
    const tls11 = changed(APIM.service, (i) => {
      i.customProperties = {
        "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Protocols.Tls11": "True",
        "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Backend.Protocols.Tls10": "false",
      };
    });
    expect(messages("aoai-apim-modern-tls", tls11)).toEqual([
      "apim-aoai-policy-prod: customProperties turn on Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Protocols.Tls11; leave TLS 1.0 and 1.1 off (TLS 1.2 or later)",
    ]);
    const backend = changed(APIM.service, (i) => {
      i.customProperties = {
        "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Backend.Protocols.Tls10": "true",
      };
    });
    expect(messages("aoai-apim-modern-tls", backend)).toHaveLength(1);
  });

  it("aoai-apim-apis-encrypted-protocols: an API that also serves http fails", () => {
    expect(first(APIM.api).inputs.protocols).toEqual(["https"]);
    const http = changed(APIM.api, (i) => {
      i.protocols = ["https", "http"];
    });
    expect(messages("aoai-apim-apis-encrypted-protocols", http)).toEqual([
      "azure-openai: protocols include http; serve it over https (or wss) only",
    ]);
  });

  it("aoai-apim-entra-id-only: no validation, validation under a condition, or an operation dropping <base /> fails", () => {
    const validate = /<validate-azure-ad-token[\s\S]*?<\/validate-azure-ad-token>/;
    expect(String(first(APIM.apiPolicy).inputs.value)).toMatch(validate);
    const none = changed(APIM.apiPolicy, (i) => {
      i.value = String(i.value).replace(validate, "");
    });
    expect(messages("aoai-apim-entra-id-only", none)).toEqual([
      "API azure-openai: no <validate-azure-ad-token> or <validate-jwt> in <inbound>; validate an Entra ID token on every request",
    ]);
    // A subscription-key-only consumer (refused in prod by the config) puts validation under <choose>.
    const keyOnly = changed(APIM.apiPolicy, (i) => {
      i.value = policyXml([
        { ...consumer, clientId: "app-1" },
        { name: "legacy", subscription: true, tokensPerMinute: 1000 },
      ]);
    });
    const keysToo = keyOnly.map((v) =>
      v.type === APIM.api ? { ...v, inputs: { ...v.inputs, subscriptionRequired: true } } : v,
    );
    expect(messages("aoai-apim-entra-id-only", keysToo)).toEqual([
      expect.stringMatching(
        /runs only under a condition in <inbound>, so some requests skip it \(callers pass with a subscription key alone\)/,
      ),
    ]);
    const api = first(APIM.api);
    const operation: ResourceView = {
      ...api,
      urn: `${api.urn}-op`,
      type: APIM.operationPolicy,
      name: "chat-completions-policy",
      inputs: {
        serviceName: api.inputs.serviceName,
        apiId: api.inputs.apiId,
        operationId: "ChatCompletions_Create",
        value:
          "<policies><inbound /><backend><base /></backend><outbound><base /></outbound><on-error><base /></on-error></policies>",
      },
    };
    expect(messages("aoai-apim-entra-id-only", [...views, operation])).toEqual([
      expect.stringMatching(/operation policy chat-completions-policy drops <base \/> from <inbound>/),
    ]);
  });

  it("aoai-apim-entra-id-only: a linked policy cannot be judged offline; an unknown one (a preview) is left to the plan", () => {
    const linked = changed(APIM.apiPolicy, (i) => {
      i.format = "rawxml-link";
      i.value = "https://example.com/policy.xml";
    });
    expect(messages("aoai-apim-entra-id-only", linked)).toEqual([
      "API azure-openai: its policy is given as rawxml-link, which the rule cannot read offline; validate an Entra ID token on every request",
    ]);
    const unknown = changed(APIM.apiPolicy, (i) => {
      i.value = "[unknown]";
    });
    expect(messages("aoai-apim-entra-id-only", unknown)).toEqual([]);
    const broken = changed(APIM.apiPolicy, (i) => {
      i.value = "<policies><inbound>";
    });
    expect(messages("aoai-apim-entra-id-only", broken)).toEqual([
      expect.stringMatching(
        /^API azure-openai: its policy is not well-formed XML \(policy XML is not well-formed/,
      ),
    ]);
  });

  it("aoai-apim-entra-id-only: validate-jwt in the service policy, inherited with <base />, passes", () => {
    const noValidation = changed(APIM.apiPolicy, (i) => {
      i.value = String(i.value).replace(/<validate-azure-ad-token[\s\S]*?<\/validate-azure-ad-token>/, "");
    });
    const service = first(APIM.service);
    const global: ResourceView = {
      ...service,
      urn: `${service.urn}-policy`,
      type: APIM.servicePolicy,
      name: "global-policy",
      inputs: {
        serviceName: service.inputs.serviceName,
        value: `<policies><inbound><validate-jwt header-name="Authorization" /></inbound><backend><forward-request /></backend><outbound /><on-error /></policies>`,
      },
      dependencies: [service.urn],
    };
    expect(messages("aoai-apim-entra-id-only", [...noValidation, global])).toEqual([]);
  });

  it("aoai-apim-backend-managed-identity: without authentication-managed-identity or without an identity it fails", () => {
    const noMi = changed(APIM.apiPolicy, (i) => {
      i.value = String(i.value).replace(/<authentication-managed-identity[^>]*\/>/, "");
    });
    expect(messages("aoai-apim-backend-managed-identity", noMi)).toEqual([
      "API azure-openai: no <authentication-managed-identity> in <inbound>; backends are called without the gateway's managed identity",
    ]);
    const noIdentity = changed(APIM.service, (i) => {
      i.identity = { type: "None" };
    });
    expect(messages("aoai-apim-backend-managed-identity", noIdentity)).toEqual([
      "apim-aoai-policy-prod: calls 2 backend(s) but has no managed identity; set identity.type SystemAssigned",
    ]);
  });

  it("aoai-apim-backends-https: an http:// backend URL fails; pools have no URL", () => {
    expect(
      only(APIM.backend)
        .filter(accountBackend)
        .map((b) => String(b.inputs.url)),
    ).toEqual([expect.stringMatching(/^https:\/\//), expect.stringMatching(/^https:\/\//)]);
    const http = changed(
      APIM.backend,
      (i) => {
        i.url = "http://aoai-contoso-prod-swc.openai.azure.com/openai";
      },
      accountBackend,
    );
    expect(messages("aoai-apim-backends-https", http)).toEqual([
      expect.stringMatching(/: url http:\/\/aoai-contoso-prod-swc\.openai\.azure\.com\/openai is not https/),
    ]);
  });

  it("aoai-apim-backend-tls-validated: a backend that skips certificate name validation fails", () => {
    const off = changed(
      APIM.backend,
      (i) => {
        i.tls = { validateCertificateChain: true, validateCertificateName: false };
      },
      accountBackend,
    );
    expect(messages("aoai-apim-backend-tls-validated", off)).toEqual([
      expect.stringMatching(/: tls\.validateCertificateName is false; keep certificate validation on$/),
    ]);
  });

  it("aoai-apim-named-values-key-vault: a secret stored in API Management fails, a Key Vault reference passes", () => {
    const stored = added(APIM.namedValue, "nv-secret", {
      namedValueId: "backend-secret",
      displayName: "s",
      secret: true,
      value: "x",
    });
    expect(messages("aoai-apim-named-values-key-vault", stored)).toEqual([
      expect.stringMatching(/^backend-secret: a secret named value is stored in API Management/),
    ]);
    const vault = added(APIM.namedValue, "nv-secret", {
      namedValueId: "backend-secret",
      displayName: "s",
      secret: true,
      keyVault: { secretIdentifier: "https://kv-contoso.vault.azure.net/secrets/backend" },
    });
    expect(messages("aoai-apim-named-values-key-vault", vault)).toEqual([]);
  });

  it("aoai-apim-subscriptions-scoped: an active subscription to all APIs fails, one to the API passes", () => {
    const all = added(APIM.subscription, "sub-all", {
      sid: "all",
      displayName: "all",
      scope: "/apis",
      state: "active",
    });
    expect(messages("aoai-apim-subscriptions-scoped", all)).toEqual([
      "all: an active subscription scoped to all APIs (/apis); scope it to a product or one API (/apis/<api>)",
    ]);
    const one = added(APIM.subscription, "sub-one", {
      sid: "one",
      displayName: "one",
      scope: "/apis/azure-openai",
      state: "active",
    });
    expect(messages("aoai-apim-subscriptions-scoped", one)).toEqual([]);
  });
});

/** The baseline's mirror of a built-in, evaluated on ARM-shaped resources: [resource name, compliance]. */
function verdicts(builtInId: string, resources: readonly ResourceView[]) {
  const entry = BASELINE.find((e) => e.builtIn.id === builtInId);
  if (!entry) throw new Error(`no baseline entry for ${builtInId}`);
  return evaluateDefinition(
    entry.definition,
    parameterValues(entry.definition, {}),
    armResources(resources),
  ).map((r) => [r.resourceName, r.compliance]);
}
const SERVICE = "apim-aoai-policy-prod";

describe("the Azure Policy mirrors of the API Management built-ins", () => {
  it("judge the planned gateway as the built-ins do", () => {
    expect(verdicts("ef619a2c-cc4d-4d03-b2ba-8c94a834d85b", views)).toEqual([]);
    expect(verdicts("549814b6-3212-4203-bdc8-1548d342fb67", views)).toEqual([]);
    expect(verdicts("ee7495e7-3ba7-40b6-bfee-c29e22cc75d4", views)).toEqual([]);
    expect(verdicts("92bb331d-ac71-416a-8c91-02f2cb734ce4", views)).toEqual([]);
    // The built-in cannot see the policy's authentication-managed-identity: both account backends fail it.
    expect(verdicts("c15dcc82-b93c-4dcb-9332-fbf121685b54", views)).toEqual([
      [`${SERVICE}/aoai-contoso-prod-swc`, "NonCompliant"],
      [`${SERVICE}/aoai-contoso-prod-frc`, "NonCompliant"],
    ]);
    // The generated <backend> wraps its own forward-request in a retry, without <base />.
    expect(verdicts("d5448c98-e503-4fdd-bcd2-784960c00d04", views)).toEqual([
      [`${SERVICE}/azure-openai/policy`, "NonCompliant"],
    ]);
  });

  it("fail the changed resources the rules refuse", () => {
    const none = changed(APIM.service, (i) => {
      i.virtualNetworkType = "None";
    });
    expect(verdicts("ef619a2c-cc4d-4d03-b2ba-8c94a834d85b", none)).toEqual([[SERVICE, "NonCompliant"]]);
    const unset = changed(APIM.service, (i) => {
      delete i.apiVersionConstraint;
    });
    expect(verdicts("549814b6-3212-4203-bdc8-1548d342fb67", unset)).toEqual([[SERVICE, "NonCompliant"]]);
    const preview = changed(APIM.service, (i) => {
      i.apiVersionConstraint = { minApiVersion: "2024-06-01-preview" };
    });
    expect(verdicts("549814b6-3212-4203-bdc8-1548d342fb67", preview)).toEqual([]);
    const http = changed(APIM.api, (i) => {
      i.protocols = ["https", "ws"];
    });
    expect(verdicts("ee7495e7-3ba7-40b6-bfee-c29e22cc75d4", http)).toEqual([
      [`${SERVICE}/azure-openai`, "NonCompliant"],
    ]);
    const tls = changed(
      APIM.backend,
      (i) => {
        i.tls = { validateCertificateChain: false };
      },
      (v) => v.inputs.backendId === "aoai-contoso-prod-swc",
    );
    expect(verdicts("92bb331d-ac71-416a-8c91-02f2cb734ce4", tls)).toEqual([
      [`${SERVICE}/aoai-contoso-prod-swc`, "NonCompliant"],
    ]);
    const certificate = changed(
      APIM.backend,
      (i) => {
        i.credentials = { certificate: ["0123456789ABCDEF"] };
      },
      (v) => v.inputs.backendId === "aoai-contoso-prod-swc",
    );
    expect(verdicts("c15dcc82-b93c-4dcb-9332-fbf121685b54", certificate)).toEqual([
      [`${SERVICE}/aoai-contoso-prod-frc`, "NonCompliant"],
    ]);
    const stored = added(APIM.namedValue, "nv", {
      namedValueId: "secret",
      displayName: "secret",
      secret: true,
    });
    expect(verdicts("f1cc7827-022c-473e-836e-5a51cae0b249", stored)).toEqual([
      [`${SERVICE}/secret`, "NonCompliant"],
    ]);
    const all = added(APIM.subscription, "sub", {
      sid: "all",
      displayName: "all",
      scope: "/apis",
      state: "active",
    });
    expect(verdicts("3aa03346-d8c5-4994-a5bc-7652c2a2aef1", all)).toEqual([
      [`${SERVICE}/all`, "NonCompliant"],
    ]);
    const tls10 = changed(APIM.service, (i) => {
      i.customProperties = {
        "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Protocols.Tls10": "true",
      };
    });
    expect(verdicts("Deny-APIM-TLS", views)).toEqual([]);
    expect(verdicts("Deny-APIM-TLS", tls10)).toEqual([[SERVICE, "NonCompliant"]]);
    const backendOnly = changed(APIM.service, (i) => {
      i.customProperties = {
        "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Backend.Protocols.Tls10": "true",
      };
    });
    expect(verdicts("Deny-APIM-TLS", backendOnly)).toEqual([]);
    const based = changed(APIM.apiPolicy, (i) => {
      i.value =
        "<policies>\r\n\t<inbound>\n <base />\n</inbound><backend><base /></backend><outbound><base /></outbound><on-error><base /></on-error></policies>";
    });
    expect(verdicts("d5448c98-e503-4fdd-bcd2-784960c00d04", based)).toEqual([]);
  });

  it("are in the plan's Azure Policy compliance, the reported ones never as findings", () => {
    const row = (rule: string) => plan.azurePolicy.compliance.find((r) => r.rule === rule);
    expect(row("azure:aoai-apim-virtual-network")).toMatchObject({ evaluated: 0 });
    expect(row("azure:aoai-apim-backends-authenticated")).toMatchObject({ evaluated: 2, nonCompliant: 2 });
    expect(row("azure:aoai-apim-policies-inherit-base")).toMatchObject({ evaluated: 1, nonCompliant: 1 });
    expect(plan.findings.filter((f) => f.rule.includes("aoai-apim-"))).toEqual([]);
  });
});
