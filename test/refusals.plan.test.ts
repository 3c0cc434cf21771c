/** The offline plan end to end: each refusal exits 2 naming its key path, prints nothing on stdout, no stack trace. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { exemptionChecks } from "../policy/rules/settings";
import { runPlanCli as plan, writeStackFile } from "./support/planCli";

const dev = () => readFileSync("Pulumi.dev.yaml", "utf8");
const exemptions = (resource: string) =>
  `${dev()}  aoai-platform:policy:\n    exemptions:\n      - { rule: aoai-local-auth-disabled, resource: ${resource}, reason: "accepted until CHG-1234 lands" }\n`;

describe("exemptions that name no resource", () => {
  it("a near miss of a resource name is an error with the suggestion; a far one a warning", () => {
    const names = ["aoai-contoso-prod-frc-account", "aoai-contoso-prod-swc-account"];
    const check = exemptionChecks(
      [
        { rule: "r", resource: "aoai-contoso-prod-frc-acount", reason: "x".repeat(10) },
        { rule: "r", resource: "something-else", reason: "x".repeat(10) },
        { rule: "r", resource: "aoai-contoso-prod-swc-account", reason: "x".repeat(10) },
        { rule: "r", reason: "x".repeat(10) },
      ],
      names,
    );
    expect(check.errors).toEqual([
      {
        index: 0,
        message:
          'no resource named "aoai-contoso-prod-frc-acount"; did you mean "aoai-contoso-prod-frc-account"?',
      },
    ]);
    expect(check.warnings).toEqual([
      {
        index: 1,
        message: 'no resource named "something-else" in this plan; the exemption of r applies to nothing',
      },
    ]);
  });

  it("the plan exits 2 on a mistyped exemption, and warns about one for a resource it does not have", async () => {
    const typo = await plan(
      "--stack",
      "dev",
      "--config-file",
      writeStackFile(exemptions("aoai-contoso-dev-swc-acount")),
    );
    expect(typo.code).toBe(2);
    expect(typo.stdout).toBe("");
    expect(typo.stderr).toContain(
      'aoai-platform:policy.exemptions[0].resource: "aoai-contoso-dev-swc-acount": no resource named "aoai-contoso-dev-swc-acount"; did you mean "aoai-contoso-dev-swc-account"?',
    );
    expect(typo.stderr).not.toMatch(/\n\s+at /);

    const far = await plan("--stack", "dev", "--config-file", writeStackFile(exemptions("legacy-batch")));
    expect(far.code, far.stderr).toBe(0);
    expect(far.stdout).toMatch(
      /WARNING config\.exemption-unmatched: aoai-platform:policy\.exemptions\[0\]\.resource: no resource named "legacy-batch"/,
    );
  });
});

describe("config refusals through the CLI", () => {
  it("exit 2, the key path of each problem, nothing on stdout, no stack trace", async () => {
    const file = stringify({
      config: {
        "aoai-platform:environment": "dev",
        "aoai-platform:location": "swedencentrall",
        "aoai-platform:apiVersion": "2024-02-30",
        "aoai-platform:resourceGroup": { name: "rg-x" },
        "aoai-platform:accounts": [
          {
            name: "aoai-x",
            customSubDomain: "a".repeat(64),
            contentFilters: [
              { name: "strict", blocklists: [{ name: "codes", terms: ["a"] }] },
              { name: "relaxed", blocklists: [{ name: "codes", terms: [{ pattern: "b(", regex: true }] }] },
            ],
          },
        ],
      },
    });
    const run = await plan("--stack", "x", "--config-file", writeStackFile(file), "--json");
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    for (const key of [
      "aoai-platform:location:",
      "aoai-platform:apiVersion:",
      "aoai-platform:accounts[0].customSubDomain:",
      "aoai-platform:accounts[0].contentFilters[1].blocklists[0].name:",
      "aoai-platform:accounts[0].contentFilters[1].blocklists[0].terms[0].pattern:",
    ]) {
      expect(run.stderr).toContain(key);
    }
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("a valid unusual stack (many regions, existing subnets, PTU minimums, shared blocklist) still plans", async () => {
    const regions = ["swedencentral", "francecentral", "germanywestcentral", "uksouth"];
    const subnet = (r: string) =>
      `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-spoke/providers/Microsoft.Network/virtualNetworks/vnet-${r}/subnets/snet-pe`;
    const shared = { name: "codes", terms: ["Project Bluebird"] };
    const file = stringify({
      config: {
        "aoai-platform:environment": "staging",
        "aoai-platform:location": "swedencentral",
        "aoai-platform:resourceGroup": { name: "rg-unusual" },
        "aoai-platform:primaryAccount": "aoai-unusual-swedencentral",
        "aoai-platform:accounts": regions.map((location) => ({
          name: `aoai-unusual-${location}`,
          location,
          contentFilters: [
            { name: "strict", preset: "strict", blocklists: [shared] },
            { name: "strict-codes", blocklists: [{ ...shared, appliesTo: "prompt" }] },
          ],
          deployments: [
            {
              name: "ptu",
              model: "gpt-4.1",
              version: "2025-04-14",
              sku: "ProvisionedManaged",
              capacity: 50,
              contentFilter: "strict",
            },
            {
              name: "gptu",
              model: "gpt-4.1-mini",
              version: "2025-04-14",
              sku: "GlobalProvisionedManaged",
              capacity: 15,
            },
          ],
        })),
        "aoai-platform:network": {
          regions: Object.fromEntries(regions.map((r) => [r, { existingSubnetId: subnet(r) }])),
        },
      },
    });
    const run = await plan("--stack", "unusual", "--config-file", writeStackFile(file), "--json");
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as { resources: { type: string; urn: string }[] };
    expect(
      result.resources.filter((r) => r.type === "azure-native:cognitiveservices:RaiBlocklist"),
    ).toHaveLength(4);
    expect(new Set(result.resources.map((r) => r.urn)).size).toBe(result.resources.length);
  });
});
