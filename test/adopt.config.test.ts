/** The adoption keys of the stack config: import ids that name their resource, and restore. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import type { PlanResult } from "../src/plan/model";
import { runPlanCli, writeStackFile } from "./support/planCli";
import { minimalConfig, problemsOf } from "./support/stackConfig";

const SUB = "11111111-2222-3333-4444-555555555555";
const ACCOUNT = `/subscriptions/${SUB}/resourceGroups/rg-test/providers/Microsoft.CognitiveServices/accounts/aoai-test`;

function adopted(
  edit: (account: Record<string, unknown> & { deployments: Record<string, unknown>[] }) => void,
) {
  const config = minimalConfig() as unknown as {
    accounts: (Record<string, unknown> & { deployments: Record<string, unknown>[] })[];
  };
  const account = config.accounts[0];
  if (!account) throw new Error("minimalConfig has an account");
  account.import = ACCOUNT;
  account.deployments[0] = { ...account.deployments[0], import: `${ACCOUNT}/deployments/chat` };
  edit(account);
  return config;
}

describe("import ids in the stack config", () => {
  it("accepts ids that name the entry, its account and the stack's resource group", () => {
    expect(problemsOf(adopted(() => {}))).toEqual([]);
  });

  it("rejects an id of another shape, naming the kind of id expected", () => {
    const problems = problemsOf(
      adopted((a) => {
        a.import = `${ACCOUNT}/deployments/chat`;
      }),
    );
    expect(problems).toEqual([
      expect.stringMatching(
        /^aoai-platform:accounts\[0\]\.import: .*: must be an ARM resource id \/subscriptions\/<subscription>\/resourceGroups\/<rg>\/providers\/Microsoft\.CognitiveServices\/accounts\/<account>$/,
      ),
    ]);
  });

  it("rejects ids whose names, resource group or subscription do not match", () => {
    const problems = problemsOf(
      adopted((a) => {
        a.deployments[0] = {
          ...a.deployments[0],
          import: `${ACCOUNT.replace("rg-test", "rg-other").replace(SUB, "99999999-2222-3333-4444-555555555555")}/deployments/chat2`,
        };
      }),
    );
    expect(problems.map((p) => p.replace(/^([^:]+:[^:]+): .*?: /, "$1: "))).toEqual([
      "aoai-platform:accounts[0].deployments[0].import: the id is in resource group rg-other, but the stack's resourceGroup.name is rg-test",
      'aoai-platform:accounts[0].deployments[0].import: the id names deployment name "chat2" but this entry\'s deployment name is "chat"; adopted resources keep their Azure names',
      "aoai-platform:accounts[0].deployments[0].import: the id is in subscription 99999999-2222-3333-4444-555555555555, but accounts[0].import is in 11111111-2222-3333-4444-555555555555; a stack deploys into one subscription",
    ]);
  });

  it("adopts nothing on an account the stack creates, and names no endpoint without private networking", () => {
    const problems = problemsOf(
      adopted((a) => {
        delete a.import;
        a.privateEndpoint = { name: "pe-openai" };
      }),
    );
    expect(problems).toEqual([
      expect.stringContaining("accounts[0].privateEndpoint: "),
      expect.stringContaining(
        "account aoai-test is created by the stack (no accounts[0].import), so nothing on it exists to adopt",
      ),
    ]);
  });

  it("an account is restored or adopted, not both", () => {
    expect(
      problemsOf(
        adopted((a) => {
          a.restore = true;
        }),
      ),
    ).toEqual([
      "aoai-platform:accounts[0].restore: true: restore recovers a soft-deleted account and import adopts an existing one; an account is one or the other",
    ]);
  });
});

describe("restore: true", () => {
  it("sends ARM's restore property and the plan says when it applies", async () => {
    const document = parse(readFileSync("Pulumi.dev.yaml", "utf8")) as { config: Record<string, unknown> };
    const [account] = document.config["aoai-platform:accounts"] as Record<string, unknown>[];
    if (account) account.restore = true;
    const run = await runPlanCli(
      "--stack",
      "dev",
      "--config-file",
      writeStackFile(stringify(document)),
      "--json",
    );
    expect(run.code, run.stderr).toBe(0);
    const plan = JSON.parse(run.stdout) as PlanResult;
    const resource = plan.resources.find((r) => r.type === "azure-native:cognitiveservices:Account");
    expect(resource?.inputs.properties).toMatchObject({ restore: true });
    const finding = plan.findings.find((f) => f.rule === "account.restore");
    expect(finding?.urn).toBe(resource?.urn);
    expect(finding?.message).toContain(
      "recovers the soft-deleted account of this name (kept 48 hours after deletion",
    );
    expect(finding?.message).toContain("remove restore: true once it is back");
  });
});
