/**
 * The rules section 2 of issue 13 adds or tightens (private link target and approval, public access
 * behind an endpoint, approved models), the approved-models config check, and the content-filter
 * presets against the guardrail initiative 5207647b (which members a filter fails).
 */
import { describe, expect, it } from "vitest";
import { raiPolicyProperties } from "../components/content-filter/settings";
import { contentFilterSpecSchema } from "../components/content-filter/spec";
import { evaluateAzurePolicy } from "../policy/azure";
import { baselineAssignments } from "../policy/azure/stack";
import { approvedModels, privateLink, publicAccessDisabledBehindEndpoint } from "../policy/rules/graph";
import type { ResourceView, RuleContext } from "../policy/rules/types";
import { minimalConfig, problemsOf } from "./support/stackConfig";

const view = (
  type: string,
  name: string,
  inputs: Record<string, unknown>,
  dependencies: string[] = [],
): ResourceView => ({
  urn: `urn:pulumi:prod::aoai-platform::${type}::${name}`,
  type,
  name,
  inputs,
  protect: false,
  parent: null,
  dependencies,
});

const ACCOUNT = "azure-native:cognitiveservices:Account";
const ENDPOINT = "azure-native:network:PrivateEndpoint";
const account = (name: string, publicNetworkAccess = "Disabled") =>
  view(ACCOUNT, `${name}-account`, {
    accountName: name,
    resourceGroupName: "rg-aoai-prod",
    kind: "OpenAI",
    properties: { publicNetworkAccess },
  });
const accountId = (name: string) =>
  `/subscriptions/0000/resourceGroups/rg-aoai-prod/providers/Microsoft.CognitiveServices/accounts/${name}`;
const endpoint = (
  name: string,
  connection: Record<string, unknown>,
  dependencies: string[] = [],
  manual = false,
) =>
  view(
    ENDPOINT,
    name,
    {
      privateEndpointName: name,
      [manual ? "manualPrivateLinkServiceConnections" : "privateLinkServiceConnections"]: [connection],
    },
    dependencies,
  );
const context: RuleContext = { environment: "prod", requiredTags: [] };

describe("aoai-private-link", () => {
  const a = account("aoai-a");
  it("accepts an endpoint whose privateLinkServiceId is the account, group account", () => {
    const pe = endpoint("pe-a", { privateLinkServiceId: accountId("aoai-a"), groupIds: ["account"] });
    expect(privateLink.check([a, pe], context)).toEqual([]);
  });

  it("rejects an endpoint that depends on the account but targets another one", () => {
    const pe = endpoint("pe-a", { privateLinkServiceId: accountId("aoai-b"), groupIds: ["account"] }, [
      a.urn,
    ]);
    expect(privateLink.check([a, pe], context)).toEqual([
      {
        urn: a.urn,
        message: expect.stringMatching(/no private endpoint whose privateLinkServiceId is this account/),
      },
    ]);
  });

  it("rejects another group id, and a manual (pending) connection with its own message", () => {
    const blob = endpoint("pe-a", { privateLinkServiceId: accountId("aoai-a"), groupIds: ["blob"] });
    expect(privateLink.check([a, blob], context)).toHaveLength(1);
    const manual = endpoint(
      "pe-m",
      { privateLinkServiceId: accountId("aoai-a"), groupIds: ["account"] },
      [],
      true,
    );
    expect(privateLink.check([a, manual], context)[0]?.message).toMatch(
      /pe-m use a manual connection, which stays Pending/,
    );
  });

  it("in a preview (id unknown) the dependency on the account stands for the target", () => {
    const pe = endpoint("pe-a", { groupIds: ["account"] }, [a.urn]);
    expect(privateLink.check([a, pe], context)).toEqual([]);
  });
});

describe("aoai-public-access-disabled-with-private-link (47ba1dd7 would rewrite it)", () => {
  it("flags an account behind an endpoint whose public access is not Disabled", () => {
    const open = account("aoai-a", "Enabled");
    const pe = endpoint("pe-a", { privateLinkServiceId: accountId("aoai-a"), groupIds: ["account"] });
    expect(publicAccessDisabledBehindEndpoint.check([open, pe], context)[0]?.message).toMatch(
      /publicNetworkAccess is Enabled; set it Disabled/,
    );
    expect(publicAccessDisabledBehindEndpoint.check([account("aoai-a"), pe], context)).toEqual([]);
    // Without an endpoint the rule does not apply (dev reaches the account through ip rules).
    expect(publicAccessDisabledBehindEndpoint.check([open], context)).toEqual([]);
  });
});

describe("approved models (aafe3651 and SKUs)", () => {
  const deployment = (model: string, version: string, sku: string) =>
    view("azure-native:cognitiveservices:Deployment", `d-${model}-${sku}`, {
      properties: { model: { format: "OpenAI", name: model, version } },
      sku: { name: sku },
    });
  const allowed: RuleContext = {
    ...context,
    approvedModels: [
      { model: "gpt-4.1", versions: ["2025-04-14"], skus: ["DataZoneStandard"] },
      { model: "text-embedding-3-large" },
    ],
  };

  it("the rule names the model, version or SKU that is not approved; no list, no check", () => {
    const messages = approvedModels
      .check(
        [
          deployment("gpt-4.1", "2025-04-14", "DataZoneStandard"),
          deployment("gpt-4o", "2024-11-20", "Standard"),
          deployment("gpt-4.1", "2024-01-01", "DataZoneStandard"),
          deployment("gpt-4.1", "2025-04-14", "GlobalStandard"),
          deployment("text-embedding-3-large", "1", "Standard"),
        ],
        allowed,
      )
      .map((v) => v.message);
    expect(messages).toEqual([
      expect.stringMatching(/model gpt-4o is not approved/),
      expect.stringMatching(/version 2024-01-01 is not approved/),
      expect.stringMatching(/on SKU GlobalStandard is not approved/),
    ]);
    expect(approvedModels.check([deployment("gpt-4o", "1", "Standard")], context)).toEqual([]);
  });

  it("config validation rejects a deployment outside the list, naming the key path", () => {
    const withList = (approved: unknown) => ({ ...minimalConfig(), policy: { approvedModels: approved } });
    expect(problemsOf(withList([{ model: "gpt-4.1" }]))).toEqual([
      expect.stringMatching(
        /^aoai-platform:accounts\[0\]\.deployments\[0\]\.model: .*not in policy.approvedModels \(gpt-4\.1\)/,
      ),
    ]);
    expect(problemsOf(withList([{ model: "gpt-4.1-mini", skus: ["Standard"] }]))).toEqual([
      expect.stringMatching(/deployments\[0\]\.sku: .*approved SKUs of gpt-4\.1-mini are Standard/),
    ]);
    expect(problemsOf(withList([{ model: "gpt-4.1-mini", versions: ["2025-04-14"] }]))).toEqual([]);
  });

  it("the aafe3651 mirror matches deployments by registry asset id (model and version)", () => {
    const set = {
      source: "baseline" as const,
      exemptions: [],
      assignments: baselineAssignments([{ model: "gpt-4.1", versions: ["2025-04-14"] }]),
    };
    const acc = account("aoai-a");
    const ok = view("azure-native:cognitiveservices:Deployment", "ok", {
      accountName: "aoai-a",
      deploymentName: "chat",
      resourceGroupName: "rg",
      properties: { model: { format: "OpenAI", name: "gpt-4.1", version: "2025-04-14" } },
    });
    const other = view("azure-native:cognitiveservices:Deployment", "other", {
      accountName: "aoai-a",
      deploymentName: "mini",
      resourceGroupName: "rg",
      properties: { model: { format: "OpenAI", name: "gpt-4.1-mini", version: "2025-04-14" } },
    });
    const findings = evaluateAzurePolicy([acc, ok, other], set, "prod").findings.filter(
      (f) => f.rule === "azure:aoai-approved-models",
    );
    expect(findings.map((f) => f.policy.resource)).toEqual(["aoai-a/mini"]);
    expect(findings[0]?.policy.definitionId).toMatch(/aafe3651-cb78-4f68-9f81-e7e41509110f$/);
  });
});

describe("content-filter presets against the guardrail initiative 5207647b", () => {
  /** The guardrail members a filter (or Microsoft's default, without one) fails on a deployment. */
  function failingMembers(filter?: Record<string, unknown>): string[] {
    const acc = account("aoai-a");
    const views = [acc];
    if (filter) {
      views.push(
        view("azure-native:cognitiveservices:RaiPolicy", "guard", {
          accountName: "aoai-a",
          raiPolicyName: "guard",
          resourceGroupName: "rg",
          properties: raiPolicyProperties(contentFilterSpecSchema.parse({ name: "guard", ...filter })),
        }),
      );
    }
    views.push(
      view("azure-native:cognitiveservices:Deployment", "chat", {
        accountName: "aoai-a",
        deploymentName: "chat",
        resourceGroupName: "rg",
        properties: {
          model: { format: "OpenAI", name: "gpt-4.1", version: "2025-04-14" },
          ...(filter ? { raiPolicyName: "guard" } : {}),
        },
      }),
    );
    const set = { source: "baseline" as const, exemptions: [], assignments: baselineAssignments(undefined) };
    return evaluateAzurePolicy(views, set, "prod")
      .findings.filter((f) => f.rule.startsWith("azure:aoai-content-filter-guardrail/"))
      .map((f) => f.policy.referenceId ?? "");
  }

  it("the strict preset passes every member", () => {
    expect(failingMembers({ preset: "strict" })).toEqual([]);
  });

  it("Microsoft's default filter fails profanity, spotlighting and indirect attack", () => {
    expect(failingMembers()).toEqual([
      "Profanity - Prompt",
      "Profanity - Completion",
      "Spotlighting",
      "XPIA",
    ]);
  });

  it("a custom filter is reported member by member", () => {
    expect(
      failingMembers({
        preset: "strict",
        jailbreak: false,
        categories: { hate: { prompt: "High" } },
        mode: "Asynchronous_filter",
      }),
    ).toEqual(["Hate severity", "Jailbreak", "Mode"]);
  });
});
