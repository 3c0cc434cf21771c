/**
 * Landing-zone guardrails the stack now meets (issue 13, section 3): an NSG on every created
 * endpoint subnet, policy-managed private DNS zone groups, and a CanNotDelete lock on prod accounts.
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { evaluateAzurePolicy } from "../policy/azure";
import { baselineAssignments } from "../policy/azure/stack";
import type { PlanResult } from "../src/plan/model";
import { planJson, runPlanCli, writeStackFile } from "./support/planCli";
import { minimalConfig, problemsOf } from "./support/stackConfig";

const prodYaml = () => readFileSync("Pulumi.prod.yaml", "utf8");
const ofType = (plan: PlanResult, type: string) =>
  plan.resources.filter((r) => r.type === `azure-native:${type}`);

describe("the prod plan", () => {
  let prod: PlanResult;
  beforeAll(async () => {
    prod = await planJson("--stack", "prod");
  }, 120_000);

  it("puts an NSG on each created endpoint subnet that allows only HTTPS from the VNet in", () => {
    const nsgs = ofType(prod, "network:NetworkSecurityGroup");
    expect(nsgs.map((n) => n.inputs.networkSecurityGroupName).sort()).toEqual([
      "nsg-vnet-aoai-prod-frc-snet-private-endpoints",
      "nsg-vnet-aoai-prod-swc-snet-private-endpoints",
    ]);
    const swc = nsgs.find((n) => n.inputs.location === "swedencentral");
    expect(swc?.inputs.securityRules).toEqual([
      expect.objectContaining({
        name: "allow-https-from-vnet",
        direction: "Inbound",
        access: "Allow",
        protocol: "Tcp",
        sourceAddressPrefix: "VirtualNetwork",
        destinationAddressPrefix: "10.40.0.0/27",
        destinationPortRange: "443",
      }),
      expect.objectContaining({ name: "deny-all-inbound", access: "Deny", priority: 4096 }),
      expect.objectContaining({ name: "deny-all-outbound", direction: "Outbound", access: "Deny" }),
    ]);
    for (const subnet of ofType(prod, "network:Subnet")) {
      expect(String((subnet.inputs.networkSecurityGroup as { id: string }).id)).toMatch(
        /\/networkSecurityGroups\/nsg-vnet-aoai-prod-(swc|frc)-snet-private-endpoints$/,
      );
    }
    expect(
      prod.azurePolicy.compliance.find((r) => r.rule === "azure:aoai-alz-deny-subnet-without-nsg"),
    ).toMatchObject({
      effect: "Deny",
      nonCompliant: 0,
    });
  });

  it("locks each account CanNotDelete after its last deployment", () => {
    const locks = ofType(prod, "authorization:ManagementLockByScope");
    expect(locks).toHaveLength(2);
    const swc = locks.find((l) => l.inputs.lockName === "aoai-contoso-prod-swc-lock");
    expect(swc?.inputs).toMatchObject({
      level: "CanNotDelete",
      scope: expect.stringMatching(
        /\/providers\/Microsoft\.CognitiveServices\/accounts\/aoai-contoso-prod-swc$/,
      ),
    });
    const defender = prod.resources.find((r) => r.name === "aoai-contoso-prod-swc-defender-for-ai");
    expect(swc?.dependsOn).toEqual([defender?.urn]);
  });

  it("turns Defender for AI on for every account after its last deployment, checked against the spec", () => {
    const accounts = ofType(prod, "cognitiveservices:Account");
    const settings = ofType(prod, "resources:Resource");
    expect(settings.map((s) => s.inputs.parentResourcePath).sort()).toEqual(
      accounts.map((a) => `accounts/${String(a.inputs.accountName)}`).sort(),
    );
    for (const setting of settings) {
      expect(setting.inputs).toMatchObject({
        resourceProviderNamespace: "Microsoft.CognitiveServices",
        resourceType: "defenderForAISettings",
        resourceName: "Default",
        apiVersion: "2025-06-01",
        properties: { state: "Enabled" },
      });
    }
    const swc = settings.find((s) => s.name === "aoai-contoso-prod-swc-defender-for-ai");
    const last = prod.resources.find((r) => r.name === "aoai-contoso-prod-swc-deployments-embeddings");
    expect(swc?.dependsOn).toEqual([last?.urn]);
    const onSettings = prod.findings.filter(
      (f) => f.rule.startsWith("arm-spec") && settings.some((s) => s.urn === f.urn),
    );
    expect(onSettings).toEqual([]);
    expect(prod.findings.filter((f) => f.rule === "aoai-defender-for-ai")).toEqual([]);
  });

  it("with defenderForAI: false on an account fails the prod plan with aoai-defender-for-ai", async () => {
    const yaml = prodYaml().replace(
      "    - name: aoai-contoso-prod-swc\n",
      "    - name: aoai-contoso-prod-swc\n      defenderForAI: false\n",
    );
    const run = await runPlanCli("--stack", "prod", "--config-file", writeStackFile(yaml), "--json");
    expect(run.code, run.stderr).toBe(1);
    const plan = JSON.parse(run.stdout) as PlanResult;
    expect(ofType(plan, "resources:Resource").map((r) => r.inputs.parentResourcePath)).toEqual([
      "accounts/aoai-contoso-prod-frc",
    ]);
    expect(
      plan.findings.filter((f) => f.rule === "aoai-defender-for-ai").map((f) => [f.severity, f.message]),
    ).toEqual([["error", expect.stringMatching(/^aoai-contoso-prod-swc: Defender for AI is off/)]]);
  }, 120_000);
});

describe("the dev plan", () => {
  it("has no Defender for AI setting", async () => {
    const dev = await planJson("--stack", "dev");
    expect(ofType(dev, "resources:Resource")).toEqual([]);
  }, 120_000);
});

describe("ALZ Deny-Subnet-Without-Nsg mirror", () => {
  it("denies a subnet without an NSG reference", () => {
    const subnet = (nsg: boolean) => ({
      urn: `urn:subnet-${nsg}`,
      type: "azure-native:network:Subnet",
      name: `subnet-${nsg}`,
      inputs: {
        subnetName: "snet",
        virtualNetworkName: "vnet",
        resourceGroupName: "rg",
        addressPrefix: "10.0.0.0/27",
        ...(nsg ? { networkSecurityGroup: { id: "[unknown]" } } : {}),
      },
      protect: false,
      parent: null,
      dependencies: [],
    });
    const set = { source: "baseline" as const, exemptions: [], assignments: baselineAssignments(undefined) };
    const denied = evaluateAzurePolicy([subnet(true), subnet(false)], set, "prod").findings.filter(
      (f) => f.rule === "azure:aoai-alz-deny-subnet-without-nsg",
    );
    expect(denied.map((f) => [f.urn, f.severity, f.policy.effect])).toEqual([
      ["urn:subnet-false", "error", "Deny"],
    ]);
  });
});

describe("network.dnsZoneGroup: policy-managed", () => {
  it("creates the endpoints without zone groups or zones, says who creates them, and passes prod", async () => {
    const yaml = prodYaml().replace(
      "  aoai-platform:network:\n",
      "  aoai-platform:network:\n    dnsZoneGroup: policy-managed\n",
    );
    const run = await runPlanCli("--stack", "prod", "--config-file", writeStackFile(yaml), "--json");
    expect(run.code, run.stderr).toBe(0);
    const plan = JSON.parse(run.stdout) as PlanResult;
    expect(ofType(plan, "network:PrivateEndpoint")).toHaveLength(2);
    expect(ofType(plan, "network:PrivateDnsZoneGroup")).toEqual([]);
    expect(ofType(plan, "privatedns:PrivateZone")).toEqual([]);
    expect(plan.findings.find((f) => f.rule === "config.dns-zone-group-policy-managed")?.message).toMatch(
      /DeployIfNotExists policy \(Azure Policy c4bc6f10/,
    );
    // The baseline's c4bc6f10 mirror reports the zone group Azure will deploy: drift-to-be, not an error.
    const dine = plan.findings.filter((f) => f.rule === "azure:aoai-private-dns-zone-group");
    expect(dine.map((f) => [f.severity, f.policy?.effect])).toEqual([
      ["warning", "DeployIfNotExists"],
      ["warning", "DeployIfNotExists"],
    ]);
    expect(plan.findings.filter((f) => f.rule === "aoai-private-dns-complete")).toEqual([]);
  });

  it("with central zone ids or extra links is a config error", () => {
    const network = {
      dnsZoneGroup: "policy-managed",
      regions: {
        swedencentral: {
          vnet: { addressSpace: ["10.0.0.0/24"], privateEndpointSubnet: { addressPrefix: "10.0.0.0/27" } },
        },
      },
      linkVnetIds: [
        "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/hub/providers/Microsoft.Network/virtualNetworks/hub",
      ],
    };
    expect(problemsOf({ ...minimalConfig(), network })).toEqual([
      expect.stringMatching(
        /^aoai-platform:network\.dnsZoneGroup: .*leave existingDnsZoneIds and linkVnetIds out/,
      ),
    ]);
  });
});
