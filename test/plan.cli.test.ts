import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { PlanResult } from "../src/plan/model";
import { runPlanCli as plan, writeStackFile } from "./support/planCli";
import { tempDir } from "./support/tempDir";

describe("npm run plan --json (the contract in DESIGN.md)", () => {
  it("prod: the critical path runs through one account's chained deployments; the other account is parallel", async () => {
    const run = await plan("--stack", "prod", "--json");
    expect(run.code, run.stderr).toBe(0);
    const { criticalPath, resources } = JSON.parse(run.stdout) as PlanResult;
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const onPath = criticalPath.steps.map((s) => byUrn.get(s.urn));
    const accounts = onPath.filter((r) => r?.type === "azure-native:cognitiveservices:Account");
    expect(accounts).toHaveLength(1);
    const accountName = accounts[0]?.inputs.accountName;
    const deployments = onPath.filter((r) => r?.type === "azure-native:cognitiveservices:Deployment");
    expect(deployments.map((d) => [d?.inputs.accountName, d?.inputs.deploymentName])).toEqual([
      [accountName, "chat"],
      [accountName, "embeddings"],
    ]);
    expect(criticalPath.steps.map((s) => s.startsAt)).toEqual(
      [...criticalPath.steps.map((s) => s.startsAt)].sort((a, b) => a - b),
    );
    expect(criticalPath.minutes).toBeLessThan(criticalPath.sequentialMinutes);
    expect(criticalPath.operations).toBe(resources.filter((r) => r.custom).length);
  });

  it("prod: both accounts with their deployments chained per account inside components", async () => {
    const run = await plan("--stack", "prod", "--json");
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as PlanResult;
    expect(result.stack).toBe("prod");
    const byUrn = new Map(result.resources.map((r) => [r.urn, r]));
    const accounts = result.resources.filter((r) => r.type === "azure-native:cognitiveservices:Account");
    expect(accounts.map((a) => a.inputs.location).sort()).toEqual(["francecentral", "swedencentral"]);
    for (const account of accounts) {
      expect(account.protect).toBe(true);
      expect(byUrn.get(account.parent ?? "")?.type).toBe("aoai-platform:index:OpenAIAccount");
      const deployments = result.resources.filter(
        (r) =>
          r.type === "azure-native:cognitiveservices:Deployment" &&
          r.inputs.accountName === account.inputs.accountName,
      );
      expect(deployments.map((d) => d.inputs.deploymentName)).toEqual(["chat", "embeddings"]);
      const [chat, embeddings] = deployments;
      expect(embeddings?.dependsOn).toEqual([chat?.urn]);
      for (const d of deployments) {
        expect(byUrn.get(d.parent ?? "")?.type).toBe("aoai-platform:index:ModelDeploymentChain");
      }
    }
    expect(result.deployments).toEqual([
      expect.objectContaining({
        account: "aoai-contoso-prod-swc",
        location: "swedencentral",
        name: "chat",
        model: "gpt-4.1",
        version: "2025-04-14",
        sku: "DataZoneStandard",
        capacity: 150,
        unit: "kTPM",
      }),
      expect.objectContaining({
        account: "aoai-contoso-prod-swc",
        name: "embeddings",
        model: "text-embedding-3-large",
      }),
      expect.objectContaining({ account: "aoai-contoso-prod-frc", location: "francecentral", name: "chat" }),
      expect.objectContaining({ account: "aoai-contoso-prod-frc", name: "embeddings" }),
    ]);
    expect(result.quota).toContainEqual({
      region: "francecentral",
      sku: "DataZoneStandard",
      model: "gpt-4.1",
      unit: "kTPM",
      planned: 150,
      limit: 300,
      left: 150,
    });
    expect(result.findings).toEqual([]);
    expect(result.outputs.AZURE_OPENAI_ENDPOINT).toBe("https://aoai-contoso-prod-swc.openai.azure.com/");
    expect(result.outputs.AZURE_OPENAI_API_VERSION).toBe("2024-10-21");
    expect(JSON.stringify(result.outputs)).not.toMatch(/key1|key2|apiKey/i);
    const accountOutput = (result.outputs.accounts as Record<string, { id: string }>)[
      "aoai-contoso-prod-frc"
    ];
    expect(accountOutput?.id).toMatch(
      /^\/subscriptions\/[0-9a-f-]{36}\/resourceGroups\/rg-aoai-prod\/providers\/Microsoft\.CognitiveServices\/accounts\/aoai-contoso-prod-frc$/,
    );
  });

  it("gives every resource the contract's fields", async () => {
    const result = JSON.parse((await plan("--stack", "dev", "--json")).stdout) as PlanResult;
    for (const r of result.resources) {
      expect(Object.keys(r).sort()).toEqual(
        [
          "custom",
          "dependencies",
          "dependsOn",
          "import",
          "inputs",
          "name",
          "parent",
          "protect",
          "retainOnDelete",
          "type",
          "urn",
        ].sort(),
      );
    }
    expect(result.resources.some((r) => r.type === "aoai-platform:index:OpenAIAccount")).toBe(true);
  });
});

describe("npm run plan (text)", () => {
  it("dev: the resource tree, the capacity table with units and quota left", async () => {
    const run = await plan("--stack", "dev");
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Offline plan of stack "dev": \d+ Azure resources/);
    expect(run.stdout).toMatch(/\+ azure-native:cognitiveservices:Account\s+aoai-contoso-dev-swc-account/);
    expect(run.stdout).toMatch(
      /aoai-contoso-dev-swc\s+swedencentral\s+chat\s+gpt-4\.1-mini@2025-04-14\s+GlobalStandard\s+20 kTPM/,
    );
    expect(run.stdout).toMatch(
      /swedencentral\s+GlobalStandard\s+gpt-4\.1-mini\s+20 kTPM\s+5000 kTPM\s+4980 kTPM/,
    );
    expect(run.stdout).toContain("AZURE_OPENAI_ENDPOINT = https://aoai-contoso-dev-swc.openai.azure.com/");
  });

  it("prints config warnings as findings and still exits 0", async () => {
    const dev = readFileSync("Pulumi.dev.yaml", "utf8").replace(
      "model: gpt-4.1-mini",
      "model: gpt-9-preview",
    );
    const run = await plan("--stack", "test", "--config-file", writeStackFile(dev));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      /WARNING config\.unknown-model: aoai-platform:accounts\[0\]\.deployments\[0\]\.model/,
    );
  });
});

describe("invalid input", () => {
  it("an invalid config exits 2 naming each key path, and prints no resources", async () => {
    const run = await plan(
      "--stack",
      "invalid",
      "--config-file",
      "test/fixtures/Pulumi.invalid.yaml",
      "--json",
    );
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain('aoai-platform:environment: "production"');
    expect(run.stderr).toContain(
      "aoai-platform:accounts[0].deployments[0].capacity: 30: ProvisionedManaged capacity",
    );
    expect(run.stderr).toContain('aoai-platform:accounts[0].deployments[1].name: "chat.v2"');
    expect(run.stderr).toContain('unknown key "deploymentz"');
  });

  it("quota overrun in a copy of prod exits 2", async () => {
    const prod = readFileSync("Pulumi.prod.yaml", "utf8").replace(
      "{ region: francecentral, sku: DataZoneStandard, model: gpt-4.1, limit: 300 }",
      "{ region: francecentral, sku: DataZoneStandard, model: gpt-4.1, limit: 100 }",
    );
    const run = await plan("--stack", "prod", "--config-file", writeStackFile(prod));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /accounts\[1\]\.deployments\[0\]\.capacity: 150: DataZoneStandard gpt-4\.1 in francecentral/,
    );
  });

  it("a missing stack file, broken YAML and a missing --stack are clear errors", async () => {
    const missing = await plan("--stack", "nope");
    expect(missing).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("stack config file not found: Pulumi.nope.yaml"),
    });
    const broken = await plan("--stack", "x", "--config-file", writeStackFile("config: [unclosed"));
    expect(broken).toMatchObject({ code: 2, stderr: expect.stringContaining("is not valid YAML") });
    const noNamespace = await plan(
      "--stack",
      "x",
      "--config-file",
      writeStackFile("config:\n  location: x\n"),
    );
    expect(noNamespace.stderr).toContain('config key "location" needs a namespace');
    const usage = await plan();
    expect(usage).toMatchObject({ code: 2, stderr: expect.stringContaining("--stack is required") });
    const unknownFlag = await plan("--stak", "dev");
    expect(unknownFlag.code).toBe(2);
  });

  it("a secure value is never decoded or printed", async () => {
    const dev = `${readFileSync("Pulumi.dev.yaml", "utf8")}  azure-native:clientSecret:\n    secure: v1:abcdef==\n`;
    const run = await plan("--stack", "dev", "--config-file", writeStackFile(dev), "--json");
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toContain("v1:abcdef==");
  });
});

describe("security rules in the plan (the same rules as the policy pack)", () => {
  const prod = () => readFileSync("Pulumi.prod.yaml", "utf8");
  const weaken = (yaml: string) =>
    yaml.replace(
      "      customSubDomain: aoai-contoso-prod-frc\n",
      "      customSubDomain: aoai-contoso-prod-frc\n      localAuthEnabled: true\n",
    );

  it("prod has zero violations", async () => {
    const run = await plan("--stack", "prod", "--json");
    expect(run.code, run.stderr).toBe(0);
    expect((JSON.parse(run.stdout) as PlanResult).findings).toEqual([]);
  });

  it("prod with local auth turned on fails, naming the rule id", async () => {
    const weakened = weaken(prod());
    expect(weakened).not.toBe(prod());
    const run = await plan("--stack", "prod", "--config-file", writeStackFile(weakened));
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/ERROR aoai-local-auth-disabled: aoai-contoso-prod-frc: API keys are enabled/);
    expect(run.stderr).toContain("aoai-local-auth-disabled");
  });

  it("an exemption with a reason turns the violation into a printed exemption", async () => {
    const exempted = `${weaken(prod())}  aoai-platform:policy:
    exemptions:
      - rule: aoai-local-auth-disabled
        resource: aoai-contoso-prod-frc-account
        reason: Legacy batch client needs a key until CHG-1234 lands (2027-01)
      - rule: azure:aoai-local-auth-disabled
        resource: aoai-contoso-prod-frc-account
        reason: Same waiver for the Azure Policy 71ef260a mirror (CHG-1234)
`;
    const run = await plan("--stack", "prod", "--config-file", writeStackFile(exempted));
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toMatch(/EXEMPT aoai-local-auth-disabled: .*reason: Legacy batch client needs a key/);
    expect(run.stdout).toMatch(/EXEMPT azure:aoai-local-auth-disabled: .*71ef260a.*reason: Same waiver/);
  });

  it("an exemption for an unknown rule is a config error", async () => {
    const bad = `${prod()}  aoai-platform:policy:\n    exemptions:\n      - { rule: no-such-rule, reason: "because it is late at night" }\n`;
    const run = await plan("--stack", "prod", "--config-file", writeStackFile(bad));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /aoai-platform:policy\.exemptions\[0\]\.rule: "no-such-rule": unknown rule "no-such-rule"; rules: aoai-network-access-restricted/,
    );
  });

  it("writes the policy pack config for the stack", async () => {
    const out = join(tempDir("aoai-pack-"), "prod.json");
    const run = await plan("--stack", "dev", "--policy-pack-config", out);
    expect(run.code, run.stderr).toBe(0);
    const config = JSON.parse(readFileSync(out, "utf8")) as Record<string, { enforcementLevel: string }>;
    expect(config["aoai-local-auth-disabled"]?.enforcementLevel).toBe("advisory");
    expect(config["aoai-deployments-chained"]?.enforcementLevel).toBe("mandatory");
  });
});
