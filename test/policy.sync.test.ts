/**
 * npm run policy-sync against a fake Resource Manager: what applies to the stack's resource group
 * is written into policy/azure/<stack>/, and the plan then evaluates exactly that.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { PlanResult } from "../src/plan/model";
import { runPolicySync } from "../src/policy-sync/main";
import { FAKE_POLICY_TOKEN, type FakePolicyArm, startFakePolicyArm } from "./support/fakePolicyArm";
import { runPlanCli } from "./support/planCli";
import { planRefusal } from "./support/planRefusal";
import { tempDir } from "./support/tempDir";

const SUB = "0b1c2d3e-4f50-4a6b-8c7d-8e9fa0b1c2d3";
const GROUP = `/subscriptions/${SUB}/resourceGroups/rg-aoai-prod`;
const MG = "/providers/Microsoft.Management/managementGroups/contoso";

const localAuthAudit = {
  id: "/providers/Microsoft.Authorization/policyDefinitions/71ef260a-8f18-47b7-abcb-62d0673d94dc",
  name: "71ef260a-8f18-47b7-abcb-62d0673d94dc",
  properties: {
    displayName: "Azure AI Services resources should have key access disabled (disable local authentication)",
    policyType: "BuiltIn",
    mode: "Indexed",
    parameters: {
      effect: { type: "String", defaultValue: "Audit", allowedValues: ["Audit", "Deny", "Disabled"] },
    },
    policyRule: {
      if: {
        allOf: [
          { field: "type", equals: "Microsoft.CognitiveServices/accounts" },
          { field: "Microsoft.CognitiveServices/accounts/disableLocalAuth", notEquals: true },
        ],
      },
      then: { effect: "[parameters('effect')]" },
    },
  },
};
const kinds = {
  id: `${MG}/providers/Microsoft.Authorization/policyDefinitions/only-kinds`,
  name: "only-kinds",
  properties: {
    displayName: "Only approved kinds",
    mode: "Indexed",
    parameters: { kinds: { type: "Array" } },
    policyRule: {
      if: {
        allOf: [
          { field: "type", equals: "Microsoft.CognitiveServices/accounts" },
          { field: "kind", notIn: "[parameters('kinds')]" },
        ],
      },
      then: { effect: "Deny" },
    },
  },
};
const initiative = {
  id: `${MG}/providers/Microsoft.Authorization/policySetDefinitions/ai-guardrails`,
  name: "ai-guardrails",
  properties: {
    displayName: "Contoso AI guardrails",
    parameters: { kinds: { type: "Array", defaultValue: ["OpenAI"] } },
    policyDefinitions: [
      {
        policyDefinitionReferenceId: "kinds",
        policyDefinitionId: kinds.id,
        parameters: { kinds: { value: "[parameters('kinds')]" } },
      },
      { policyDefinitionReferenceId: "local-auth", policyDefinitionId: localAuthAudit.id, parameters: {} },
    ],
  },
};
const assignment = (
  name: string,
  scope: string,
  policyDefinitionId: string,
  extra: Record<string, unknown> = {},
) => ({
  id: `${scope}/providers/Microsoft.Authorization/policyAssignments/${name}`,
  name,
  properties: {
    scope,
    policyDefinitionId,
    parameters: {},
    notScopes: [],
    enforcementMode: "Default",
    ...extra,
  },
});

let arm: FakePolicyArm | undefined;
afterEach(async () => {
  await arm?.close();
  arm = undefined;
});

function stackFile(): string {
  const dir = tempDir("aoai-sync-");
  const file = join(dir, "Pulumi.prod.yaml");
  writeFileSync(file, readFileSync("Pulumi.prod.yaml", "utf8"));
  return file;
}

async function sync(file: string, url: string, token = FAKE_POLICY_TOKEN) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runPolicySync(
    ["--stack", "prod", "--config-file", file, "--subscription", SUB, "--arm-endpoint", url],
    {
      env: {},
      stdout: (t) => out.push(t),
      stderr: (t) => err.push(t),
      credential: () => ({ getToken: async () => ({ token, expiresOnTimestamp: Date.now() + 3_600_000 }) }),
    },
  );
  return { code, stdout: out.join(""), stderr: err.join("") };
}

describe("policy-sync", () => {
  it("refuses a key under an unknown namespace and a provider setting typo as the plan does (exit 2)", async () => {
    arm = await startFakePolicyArm({ groupId: GROUP, assignments: [], exemptions: [], byId: {} });
    const file = stackFile();
    writeFileSync(file, `${readFileSync(file, "utf8")}  aoai-platfrom:budget: x\n  azuread:tenantID: t\n`);
    const run = await sync(file, arm.url);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("did you mean aoai-platform:budget?");
    expect(run.stderr).toContain("did you mean azuread:tenantId?");
    expect(run.stderr).toBe(`${planRefusal("prod", file)}\n`);
    expect(arm.requests).toEqual([]);
    expect(readdirSync(dirname(file))).toEqual(["Pulumi.prod.yaml"]);
  });

  it("writes the assignments applying to the resource group, their definitions and exemptions; the plan evaluates them", async () => {
    arm = await startFakePolicyArm({
      groupId: GROUP,
      assignments: [
        assignment("mg-ai", MG, initiative.id, {
          parameters: { kinds: { value: ["OpenAI", "AIServices"] } },
        }),
        assignment("sub-local-auth", `/subscriptions/${SUB}`, localAuthAudit.id),
        assignment("not-here", `/subscriptions/${SUB}`, localAuthAudit.id, { notScopes: [GROUP] }),
      ],
      exemptions: [
        {
          name: "pilot",
          properties: {
            policyAssignmentId: `/subscriptions/${SUB}/providers/Microsoft.Authorization/policyAssignments/sub-local-auth`,
            policyDefinitionReferenceIds: [],
            exemptionCategory: "Mitigated",
            description: "Keys are rotated by the vault (SEC-9)",
          },
        },
      ],
      byId: Object.fromEntries([localAuthAudit, kinds, initiative].map((d) => [d.id.toLowerCase(), d])),
    });
    const file = stackFile();
    const run = await sync(file, arm.url);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^2 assignment\(s\), 1 initiative\(s\), 2 definition\(s\), 1 exemption\(s\) applying to/,
    );
    expect(arm.requests.every((r) => r.startsWith("GET "))).toBe(true);
    const dir = join(file, "..", "policy", "azure", "prod");
    const assignments = JSON.parse(readFileSync(join(dir, "assignments.json"), "utf8")) as { name: string }[];
    expect(assignments.map((a) => a.name)).toEqual(["mg-ai", "sub-local-auth"]);
    expect(readdirSync(join(dir, "policyDefinitions")).sort()).toEqual([
      "71ef260a-8f18-47b7-abcb-62d0673d94dc.json",
      "only-kinds.json",
    ]);
    expect(existsSync(join(dir, "policySetDefinitions", "ai-guardrails.json"))).toBe(true);

    const planned = await runPlanCli("--stack", "prod", "--config-file", file, "--json");
    expect(planned.code, planned.stderr).toBe(0);
    const plan = JSON.parse(planned.stdout) as PlanResult;
    expect(plan.azurePolicy.source).toBe("synced");
    expect(plan.azurePolicy.compliance.map((r) => [r.rule, r.effect, r.nonCompliant])).toEqual([
      ["azure:mg-ai/kinds", "Deny", 0],
      ["azure:mg-ai/local-auth", "Audit", 0],
      ["azure:sub-local-auth", "Audit", 0],
    ]);
  });

  it("a refused read exits 3 with Resource Manager's code and message; nothing is written", async () => {
    arm = await startFakePolicyArm({
      groupId: GROUP,
      assignments: [assignment("sub-local-auth", `/subscriptions/${SUB}`, localAuthAudit.id)],
      exemptions: [],
      byId: {},
      errors: {
        [localAuthAudit.id.toLowerCase()]: {
          status: 403,
          code: "AuthorizationFailed",
          message: "no read access",
        },
      },
    });
    const file = stackFile();
    const run = await sync(file, arm.url);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/HTTP 403 AuthorizationFailed: no read access/);
    expect(existsSync(join(file, "..", "policy", "azure", "prod", "assignments.json"))).toBe(false);
  });

  it("a wrong token is refused by Resource Manager (exit 3); a bad subscription is a usage error (exit 2)", async () => {
    arm = await startFakePolicyArm({ groupId: GROUP, assignments: [], exemptions: [], byId: {} });
    const file = stackFile();
    const refused = await sync(file, arm.url, "wrong");
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/HTTP 401 AuthenticationFailed/);
    const bad = await runPolicySync(["--stack", "prod", "--config-file", file, "--subscription", "nope"], {
      env: {},
      stdout: () => undefined,
      stderr: () => undefined,
      credential: () => ({ getToken: async () => null }),
    });
    expect(bad).toBe(2);
  });
});
