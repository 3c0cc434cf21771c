/**
 * Azure Policy in the offline plan and the policy pack: the baseline on prod and dev, the plan and
 * the pack agreeing on the same resources, stack-supplied and synced definitions, exemptions.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { PolicyResource, ReportViolation, StackValidationArgs } from "@pulumi/policy";
import { beforeAll, describe, expect, it } from "vitest";
import { POLICIES } from "../policy/policies";
import type { PlanResult } from "../src/plan/model";
import { runPlanCli, writeStackFile } from "./support/planCli";
import { tempDir } from "./support/tempDir";

const prodYaml = () => readFileSync("Pulumi.prod.yaml", "utf8");
const devYaml = () => readFileSync("Pulumi.dev.yaml", "utf8");

async function planWithPackConfig(stackFile: string, stack = "prod") {
  const packConfig = join(dirname(stackFile), "pack.json");
  const run = await runPlanCli(
    "--stack",
    stack,
    "--config-file",
    stackFile,
    "--json",
    "--policy-pack-config",
    packConfig,
  );
  return {
    run,
    plan: JSON.parse(run.stdout || "{}") as PlanResult,
    packConfig: JSON.parse(readFileSync(packConfig, "utf8")),
  };
}

const row = (plan: PlanResult, rule: string) => plan.azurePolicy.compliance.find((r) => r.rule === rule);

/** The plan's resources as the policy pack receives them (props = inputs, dependency objects). */
function asPolicyResources(plan: PlanResult): PolicyResource[] {
  const byUrn = new Map<string, PolicyResource>();
  const resources = plan.resources.map((r) => {
    const resource = {
      urn: r.urn,
      type: r.type,
      name: r.name,
      props: r.type === "pulumi:pulumi:Stack" ? plan.outputs : r.inputs,
      opts: { protect: r.protect },
      dependencies: [] as PolicyResource[],
      propertyDependencies: {},
    } as unknown as PolicyResource;
    byUrn.set(r.urn, resource);
    return resource;
  });
  plan.resources.forEach((r, i) => {
    (resources[i] as unknown as { dependencies: PolicyResource[] }).dependencies = r.dependencies.flatMap(
      (urn) => byUrn.get(urn) ?? [],
    );
  });
  return resources;
}

function runPackPolicy(name: string, resources: PolicyResource[], config: unknown): string[] {
  const policy = POLICIES.find((p) => p.name === name);
  if (!policy?.validateStack) throw new Error(`no stack policy ${name}`);
  const reported: string[] = [];
  const report: ReportViolation = (message, urn) => reported.push(`${urn} ${message}`);
  const args = { resources, getConfig: () => config } as unknown as StackValidationArgs;
  (policy.validateStack as (a: StackValidationArgs, r: ReportViolation) => void)(args, report);
  return reported.sort();
}

describe("the baseline on the shipped stacks", () => {
  let prod: PlanResult;
  let dev: PlanResult;
  let devPack: Record<string, unknown>;
  beforeAll(async () => {
    prod = (await planWithPackConfig(writeStackFile(prodYaml()))).plan;
    const devRun = await planWithPackConfig(writeStackFile(devYaml()), "dev");
    dev = devRun.plan;
    devPack = devRun.packConfig;
  }, 120_000);

  it("prod is compliant with every enforced baseline definition; CMK (opt-in) is reported, not a finding", () => {
    expect(prod.azurePolicy.source).toBe("baseline");
    const failing = prod.azurePolicy.compliance.filter((r) => r.nonCompliant > 0).map((r) => r.rule);
    expect(failing).toEqual(["azure:aoai-customer-managed-key"]);
    expect(prod.findings.filter((f) => f.rule.startsWith("azure:"))).toEqual([]);
    // The existence conditions found what the stack creates.
    expect(row(prod, "azure:aoai-diagnostics-category-groups")).toMatchObject({
      evaluated: 2,
      nonCompliant: 0,
    });
    expect(row(prod, "azure:aoai-resource-logs-audit")).toMatchObject({ evaluated: 3, nonCompliant: 0 });
    expect(row(prod, "azure:aoai-private-endpoint-exists")).toMatchObject({ evaluated: 2, nonCompliant: 0 });
    expect(row(prod, "azure:aoai-private-dns-zone-group")).toMatchObject({ evaluated: 2, nonCompliant: 0 });
  });

  it("dev shows its expected non-compliance: public access, no private link, ip rules, audit-only logs, default filters", () => {
    const failing = Object.fromEntries(
      dev.azurePolicy.compliance.filter((r) => r.nonCompliant > 0).map((r) => [r.rule, r.nonCompliant]),
    );
    expect(failing).toMatchObject({
      "azure:aoai-public-network-access-disabled": 1,
      "azure:aoai-private-link": 1,
      "azure:aoai-private-endpoint-exists": 1,
      "azure:aoai-diagnostics-category-groups": 1,
      "azure:aoai-alz-deny-network-acls": 1,
      "azure:aoai-content-filter-guardrail/XPIA": 2,
    });
    const modify = dev.findings.find((f) => f.rule === "azure:aoai-public-network-access-disabled");
    expect(modify).toMatchObject({
      severity: "warning",
      policy: {
        definitionId:
          "/providers/Microsoft.Authorization/policyDefinitions/47ba1dd7-28d9-4b07-a8d5-9813bed64e0c",
        effect: "Modify",
        driftToBe: 'addOrReplace Microsoft.CognitiveServices/accounts/publicNetworkAccess = "Disabled"',
      },
    });
    // Outside prod nothing of the baseline fails the plan.
    expect(dev.findings.filter((f) => f.rule.startsWith("azure:") && f.severity === "error")).toEqual([]);
  });

  it("the policy pack reports exactly the plan's Azure Policy findings on the same resources", () => {
    const resources = asPolicyResources(dev);
    const fromPlan = (severity: string) =>
      dev.findings
        .filter((f) => f.rule.startsWith("azure:") && f.severity === severity)
        .map((f) => `${f.urn} ${f.rule}: ${f.message}`)
        .sort();
    expect(fromPlan("warning").length).toBeGreaterThan(5);
    expect(runPackPolicy("azure-policy-advisory", resources, devPack["azure-policy-advisory"])).toEqual(
      fromPlan("warning"),
    );
    expect(runPackPolicy("azure-policy", resources, devPack["azure-policy"])).toEqual(fromPlan("error"));
  });

  it("without a pack config the pack judges as prod with the baseline", () => {
    const reported = runPackPolicy("azure-policy", asPolicyResources(dev), {});
    expect(reported.some((m) => m.includes("azure:aoai-alz-deny-network-acls"))).toBe(true);
  });
});

/** A project folder with a stack file and policy files beside it. */
function project(yaml: string, files: Record<string, unknown>): string {
  const dir = tempDir("aoai-policy-");
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), JSON.stringify(content, null, 2));
  }
  const stackFile = join(dir, "Pulumi.prod.yaml");
  writeFileSync(stackFile, yaml);
  return stackFile;
}

const allowedKinds = {
  name: "org-allowed-kinds",
  properties: {
    displayName: "Only approved Cognitive Services kinds",
    mode: "Indexed",
    parameters: { allowedKinds: { type: "Array" }, effect: { type: "String", defaultValue: "Deny" } },
    policyRule: {
      if: {
        allOf: [
          { field: "type", equals: "Microsoft.CognitiveServices/accounts" },
          { field: "kind", notIn: "[parameters('allowedKinds')]" },
        ],
      },
      then: { effect: "[parameters('effect')]" },
    },
  },
};

describe("stack-supplied definitions (policy.azureDefinitions)", () => {
  it("a Deny definition with assignment parameters fails the plan, naming definition, effect and resource", async () => {
    const yaml = `${prodYaml()}  aoai-platform:policy:
    azureDefinitions:
      - file: policy/org/allowed-kinds.json
        parameters: { allowedKinds: [AIServices] }
`;
    const run = await runPlanCli(
      "--stack",
      "prod",
      "--config-file",
      project(yaml, { "policy/org/allowed-kinds.json": allowedKinds }),
      "--json",
    );
    expect(run.code).toBe(1);
    const plan = JSON.parse(run.stdout) as PlanResult;
    const findings = plan.findings.filter((f) => f.rule === "azure:org-allowed-kinds");
    expect(findings.map((f) => f.policy?.resource).sort()).toEqual([
      "aoai-contoso-prod-frc",
      "aoai-contoso-prod-swc",
    ]);
    expect(findings[0]).toMatchObject({
      severity: "error",
      policy: { origin: "stack", effect: "Deny", displayName: "Only approved Cognitive Services kinds" },
    });
  });

  it("a missing file or a wrong parameter is a usage error (exit 2) naming the file or parameter", async () => {
    const missing = `${prodYaml()}  aoai-platform:policy:\n    azureDefinitions: [policy/org/nope.json]\n`;
    const run = await runPlanCli("--stack", "prod", "--config-file", project(missing, {}));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/policy\/org\/nope\.json: cannot be read/);
    const wrong = `${prodYaml()}  aoai-platform:policy:
    azureDefinitions:
      - { file: org.json, parameters: { allowedKind: [OpenAI] } }
`;
    const bad = await runPlanCli(
      "--stack",
      "prod",
      "--config-file",
      project(wrong, { "org.json": allowedKinds }),
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/assignment parameter "allowedKind"/);
  });
});

describe("synced assignments (policy/azure/<stack>/)", () => {
  const initiative = {
    name: "org-ai-guardrails",
    id: "/providers/Microsoft.Management/managementGroups/contoso/providers/Microsoft.Authorization/policySetDefinitions/org-ai-guardrails",
    properties: {
      displayName: "Contoso AI guardrails",
      parameters: { kinds: { type: "Array", defaultValue: ["OpenAI"] } },
      policyDefinitions: [
        {
          policyDefinitionReferenceId: "kinds",
          policyDefinitionId:
            "/providers/Microsoft.Management/managementGroups/contoso/providers/Microsoft.Authorization/policyDefinitions/org-allowed-kinds",
          parameters: { allowedKinds: { value: "[parameters('kinds')]" }, effect: { value: "Audit" } },
        },
      ],
    },
  };
  const assignment = (parameters: Record<string, unknown>) => [
    {
      name: "contoso-ai",
      properties: {
        displayName: "Contoso AI guardrails on rg-aoai-prod",
        policyDefinitionId: initiative.id,
        parameters,
      },
    },
  ];

  it("replace the baseline; initiative parameters flow into the members; prod Audit fails", async () => {
    const files = {
      "policy/azure/prod/policyDefinitions/org-allowed-kinds.json": allowedKinds,
      "policy/azure/prod/policySetDefinitions/org-ai-guardrails.json": initiative,
      "policy/azure/prod/assignments.json": assignment({ kinds: { value: ["AIServices"] } }),
    };
    const run = await runPlanCli("--stack", "prod", "--config-file", project(prodYaml(), files), "--json");
    const plan = JSON.parse(run.stdout) as PlanResult;
    expect(plan.azurePolicy.source).toBe("synced");
    expect(plan.azurePolicy.compliance.map((r) => r.rule)).toEqual(["azure:contoso-ai/kinds"]);
    expect(run.code).toBe(1);
    expect(plan.findings.filter((f) => f.rule === "azure:contoso-ai/kinds")).toHaveLength(2);
  });

  it("a synced exemption moves the findings to exempted with its reason", async () => {
    const files = {
      "policy/azure/prod/policyDefinitions/org-allowed-kinds.json": allowedKinds,
      "policy/azure/prod/policySetDefinitions/org-ai-guardrails.json": initiative,
      "policy/azure/prod/assignments.json": assignment({ kinds: { value: ["AIServices"] } }),
      "policy/azure/prod/exemptions.json": [
        {
          name: "openai-waiver",
          properties: {
            policyAssignmentId:
              "/subscriptions/x/resourceGroups/rg-aoai-prod/providers/Microsoft.Authorization/policyAssignments/contoso-ai",
            policyDefinitionReferenceIds: ["kinds"],
            exemptionCategory: "Waiver",
            description: "OpenAI kind approved by the AI board (ticket AI-42)",
          },
        },
      ],
    };
    const run = await runPlanCli("--stack", "prod", "--config-file", project(prodYaml(), files), "--json");
    expect(run.code, run.stderr).toBe(0);
    const plan = JSON.parse(run.stdout) as PlanResult;
    expect(plan.exempted.filter((e) => e.rule === "azure:contoso-ai/kinds").map((e) => e.reason)).toEqual([
      "OpenAI kind approved by the AI board (ticket AI-42)",
      "OpenAI kind approved by the AI board (ticket AI-42)",
    ]);
  });

  it("an initiative whose member was not synced is an error naming the member", async () => {
    const files = {
      "policy/azure/prod/policySetDefinitions/org-ai-guardrails.json": initiative,
      "policy/azure/prod/assignments.json": assignment({}),
    };
    const run = await runPlanCli("--stack", "prod", "--config-file", project(prodYaml(), files));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/member .*org-allowed-kinds \(not in the synced or stack files\)/);
  });
});
