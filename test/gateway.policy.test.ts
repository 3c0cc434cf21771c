import { describe, expect, it } from "vitest";
import { gatewayPolicy, gatewayPolicyXml, type PolicyInput } from "../components/gateway/policy";
import {
  expressionProblem,
  type PolicyNode,
  parsePolicy,
  policyProblems,
  renderPolicy,
} from "../components/gateway/policyXml";
import { TENANT } from "./support/gatewayFixture";

const CLIENT = "11111111-2222-4333-8444-555555555555";

const input = (overrides: Partial<PolicyInput> = {}): PolicyInput => ({
  tenantId: TENANT,
  retries: 2,
  routes: [
    { deployment: "chat", pool: "chat-pool" },
    { deployment: "embed", pool: "embed-pool" },
  ],
  consumers: [
    {
      name: "support-bot",
      clientId: CLIENT,
      subscription: false,
      tokensPerMinute: 20000,
      tokenQuota: 5000000,
      tokenQuotaPeriod: "Monthly",
      deployments: ["chat"],
    },
  ],
  ...overrides,
});

const find = (xml: string, name: string) => {
  const found: { attributes?: Record<string, string>; text?: string }[] = [];
  const walk = (node: ReturnType<typeof parsePolicy>) => {
    if (node.name === name) found.push(node);
    node.children?.forEach(walk);
  };
  walk(parsePolicy(xml));
  return found;
};

describe("gateway policy XML", () => {
  it("validates Entra callers of the consumers' apps with the Cognitive Services audience", () => {
    const xml = gatewayPolicyXml(input());
    const [validate] = find(xml, "validate-azure-ad-token");
    expect(validate?.attributes?.["tenant-id"]).toBe(TENANT);
    expect(find(xml, "application-id").map((n) => n.text)).toEqual([CLIENT]);
    expect(find(xml, "audience").map((n) => n.text)).toEqual(["https://cognitiveservices.azure.com"]);
  });

  it("limits each consumer's tokens under its own counter key, with quota and period", () => {
    const xml = gatewayPolicyXml(input());
    expect(find(xml, "azure-openai-token-limit").map((n) => n.attributes)).toEqual([
      {
        "counter-key": "support-bot",
        "tokens-per-minute": "20000",
        "estimate-prompt-tokens": "false",
        "token-quota": "5000000",
        "token-quota-period": "Monthly",
      },
    ]);
    const conditions = find(xml, "when").map((n) => n.attributes?.condition);
    // v1 tokens name the caller's client id in appid, v2 tokens in azp.
    expect(conditions).toContain(
      `@(((Jwt)context.Variables["caller-token"]).Claims.GetValueOrDefault("appid", ((Jwt)context.Variables["caller-token"]).Claims.GetValueOrDefault("azp", "")) == "${CLIENT}")`,
    );
    expect(conditions).toContain(
      '@(!new [] { "chat" }.Contains(context.Request.MatchedParameters.GetValueOrDefault("deployment-id", "")))',
    );
  });

  it("routes each deployment to its pool and refuses the rest", () => {
    const xml = gatewayPolicyXml(input());
    expect(find(xml, "set-backend-service").map((n) => n.attributes?.["backend-id"])).toEqual([
      "chat-pool",
      "embed-pool",
    ]);
    expect(find(xml, "set-status").map((n) => n.attributes?.code)).toEqual(["403", "403", "404"]);
  });

  it("calls the accounts with the gateway's identity and emits token metrics per consumer", () => {
    const xml = gatewayPolicyXml(input());
    expect(find(xml, "authentication-managed-identity")[0]?.attributes).toEqual({
      resource: "https://cognitiveservices.azure.com",
    });
    expect(find(xml, "dimension").map((n) => n.attributes?.name)).toEqual(["Consumer", "Deployment"]);
    expect(xml).not.toMatch(/api-key|subscription-key/i);
  });

  it("retries throttled and failing calls, and forwards once without retries", () => {
    expect(find(gatewayPolicyXml(input()), "retry")[0]?.attributes).toEqual({
      condition: "@(context.Response.StatusCode == 429 || context.Response.StatusCode >= 500)",
      count: "2",
      interval: "1",
      "first-fast-retry": "true",
    });
    const once = gatewayPolicyXml(input({ retries: 0 }));
    expect(find(once, "retry")).toEqual([]);
    expect(find(once, "forward-request")).toHaveLength(1);
  });

  it("escapes quotes in expressions as XML and C# require", () => {
    const xml = gatewayPolicyXml(input({ routes: [{ deployment: 'odd"name', pool: "p" }] }));
    expect(xml).toContain("== &quot;odd\\&quot;name&quot;)");
    expect(find(xml, "when").map((n) => n.attributes?.condition)).toContain(
      '@(context.Request.MatchedParameters.GetValueOrDefault("deployment-id", "") == "odd\\"name")',
    );
  });

  it("lets subscription-only consumers skip token validation and matches them by subscription", () => {
    const xml = gatewayPolicyXml(
      input({
        consumers: [...input().consumers, { name: "partner", subscription: true, tokensPerMinute: 100 }],
      }),
    );
    const conditions = find(xml, "when").map((n) => n.attributes?.condition);
    expect(conditions).toContain(
      '@(context.Subscription == null || !new [] { "partner" }.Contains(context.Subscription.Id))',
    );
    expect(conditions).toContain('@(context.Subscription != null && context.Subscription.Id == "partner")');
  });

  it("is valid against the policy facts", () => {
    expect(policyProblems(parsePolicy(gatewayPolicyXml(input())))).toEqual([]);
  });
});

describe("policy XML checker", () => {
  it("refuses unknown elements, unknown and missing attributes, and misplaced children", () => {
    const tree = gatewayPolicy(input());
    tree.children?.[0]?.children?.push(
      { name: "rate-limit-by-kee" },
      { name: "set-backend-service", attributes: { "backend-ids": "x" } },
      { name: "set-variable", attributes: { name: "x" } },
      { name: "audience", text: "x" },
    );
    expect(() => renderPolicy(tree)).toThrow(
      [
        "generated policy XML is invalid:",
        "/policies/inbound: <rate-limit-by-kee> cannot stand in <inbound>",
        "/policies/inbound/set-backend-service: backend-ids is not an attribute of <set-backend-service> (allowed: base-url, backend-id; https://learn.microsoft.com/azure/api-management/set-backend-service-policy)",
        "/policies/inbound/set-variable: <set-variable> needs value (https://learn.microsoft.com/azure/api-management/set-variable-policy)",
        "/policies/inbound: <audience> cannot stand in <inbound>",
      ].join("\n"),
    );
  });

  it("places each policy only in the sections its reference allows, token limits repeated per consumer", () => {
    const tree = gatewayPolicy(
      input({
        consumers: [
          ...input().consumers,
          {
            name: "search-api",
            clientId: CLIENT.replace("1111", "2222"),
            subscription: false,
            tokensPerMinute: 500,
          },
        ],
      }),
    );
    expect(policyProblems(tree)).toEqual([]);
    const limits: string[] = [];
    const walk = (node: PolicyNode, path: string) => {
      if (node.name === "azure-openai-token-limit") limits.push(path);
      for (const child of node.children ?? []) walk(child, `${path}/${child.name}`);
    };
    walk(tree, "");
    expect(limits).toEqual([
      "/inbound/choose/when/azure-openai-token-limit",
      "/inbound/choose/when/azure-openai-token-limit",
    ]);
    const [inbound, backend, outbound] = tree.children ?? [];
    backend?.children?.push({ name: "validate-azure-ad-token", attributes: { "tenant-id": TENANT } });
    outbound?.children?.push({
      name: "choose",
      children: [
        {
          name: "when",
          attributes: { condition: "@(true)" },
          children: [
            {
              name: "azure-openai-token-limit",
              attributes: { "counter-key": "x", "estimate-prompt-tokens": "false" },
            },
          ],
        },
      ],
    });
    inbound?.children?.push({ name: "forward-request" });
    expect(policyProblems(tree)).toEqual([
      "/policies/inbound/forward-request: <forward-request> stands in <inbound>; its sections: backend (https://learn.microsoft.com/azure/api-management/forward-request-policy)",
      "/policies/backend/validate-azure-ad-token: <validate-azure-ad-token> stands in <backend>; its sections: inbound (https://learn.microsoft.com/azure/api-management/validate-azure-ad-token-policy)",
      "/policies/outbound/choose/when/azure-openai-token-limit: <azure-openai-token-limit> stands in <outbound>; its sections: inbound (https://learn.microsoft.com/azure/api-management/azure-openai-token-limit-policy)",
    ]);
  });

  it("refuses XML that is not well-formed", () => {
    expect(() => parsePolicy("<policies><inbound></policies>")).toThrow("</policies> closes <inbound>");
    expect(() => parsePolicy('<policies a="x & y" />')).toThrow('"&" is not an XML entity');
    expect(() => parsePolicy('<policies a="x<y" />')).toThrow('holds "<"');
    expect(() => parsePolicy("<policies>")).toThrow("<policies> is not closed");
    expect(() => parsePolicy("<policies /><x />")).toThrow("content after the root element");
  });

  it("finds expressions that are not closed or whose strings are not terminated", () => {
    expect(expressionProblem('@(context.Variables["x"])')).toBeUndefined();
    expect(expressionProblem("plain text (not an expression")).toBeUndefined();
    expect(expressionProblem('@(context.Variables["x)')).toBe("the string literal at 20 is not terminated");
    expect(expressionProblem("@(a(b)")).toBe('")" missing at the end');
    expect(expressionProblem("@(a]")).toBe('"]" at 3 closes nothing');
    expect(expressionProblem("@(a) b")).toBe(`text after the expression's closing ")"`);
    expect(expressionProblem("@a")).toBe("an expression starts with @( or @{");
  });
});
