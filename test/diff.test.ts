/** `npm run plan -- --diff-against`: what a change does to what runs, from two offline plans. */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { changedPaths, diffPlans, type PlanDiff, parseOldPlan } from "../src/plan/diff";
import type { PlannedResource } from "../src/plan/resource";
import { runPlanCli } from "./support/planCli";
import { tempDir } from "./support/tempDir";

function resource(type: string, name: string, inputs: Record<string, unknown>): PlannedResource {
  return {
    urn: `urn:pulumi:test::aoai-platform::${type}::${name}`,
    type,
    name,
    custom: true,
    parent: null,
    dependsOn: [],
    dependencies: [],
    protect: false,
    retainOnDelete: false,
    import: null,
    inputs,
  };
}

const ACCOUNT = "azure-native:cognitiveservices:Account";
const DEPLOYMENT = "azure-native:cognitiveservices:Deployment";
const ROLE = "azure-native:authorization:RoleAssignment";

describe("diffPlans", () => {
  const account = resource(ACCOUNT, "a-account", {
    accountName: "a",
    location: "swedencentral",
    properties: { disableLocalAuth: true },
  });
  const chat = resource(DEPLOYMENT, "a-chat", {
    accountName: "a",
    deploymentName: "chat",
    sku: { name: "GlobalStandard", capacity: 150 },
  });
  const role = resource(ROLE, "grant", { scope: "/s", principalId: "p1", roleDefinitionId: "r" });

  it("reports a replaced account with what that does in Azure", () => {
    const moved = { ...account, inputs: { ...account.inputs, location: "francecentral" } };
    const diff = diffPlans(
      { resources: [account, chat] },
      { stack: "t", resources: [moved, chat] },
      "old.json",
    );
    expect(diff.summary).toMatchObject({ replace: 1, unchanged: 1 });
    const [change] = diff.changes;
    expect(change).toMatchObject({ action: "replace", paths: ["location"], replacedBy: ["location"] });
    const words = change?.consequences.join(" ") ?? "";
    expect(words).toContain("new endpoint");
    expect(words).toContain("new system-assigned identity");
    expect(words).toContain("every deployment on it is deleted");
    expect(words).toContain("48 hours");
  });

  it("an in-place change is an update with its input paths; a capacity cut says it throttles", () => {
    const cut = { ...chat, inputs: { ...chat.inputs, sku: { name: "GlobalStandard", capacity: 100 } } };
    const diff = diffPlans({ resources: [chat] }, { stack: "t", resources: [cut] }, "old.json");
    expect(diff.changes).toEqual([
      expect.objectContaining({
        action: "update",
        paths: ["sku.capacity"],
        consequences: ["capacity is cut from 150 to 100: traffic above the new limit is throttled (429)"],
      }),
    ]);
  });

  it("a renamed deployment is an outage of the old name; a role assignment to another principal is a gap in access", () => {
    const renamed = { ...chat, inputs: { ...chat.inputs, deploymentName: "chat-v2" } };
    const regranted = { ...role, inputs: { ...role.inputs, principalId: "p2" } };
    const diff = diffPlans(
      { resources: [chat, role] },
      { stack: "t", resources: [renamed, regranted] },
      "old.json",
    );
    const byType = new Map(diff.changes.map((c) => [c.type, c]));
    expect(byType.get(DEPLOYMENT)?.action).toBe("replace");
    expect(byType.get(DEPLOYMENT)?.consequences[0]).toContain("calls to this deployment name fail");
    expect(byType.get(ROLE)).toMatchObject({ action: "replace", replacedBy: ["principalId"] });
    expect(byType.get(ROLE)?.consequences[0]).toContain("gap in access");
  });

  it("a resource gone from the plan is deleted, with its consequence; a new one created or imported", () => {
    const imported = {
      ...resource(DEPLOYMENT, "a-old", { deploymentName: "old" }),
      import: "/subscriptions/x",
    };
    const diff = diffPlans({ resources: [account] }, { stack: "t", resources: [chat, imported] }, "old.json");
    expect(diff.changes.map((c) => [c.name, c.action])).toEqual([
      ["a-chat", "create"],
      ["a-old", "import"],
      ["a-account", "delete"],
    ]);
    expect(diff.changes.at(-1)?.consequences[0]).toContain("soft-deleted for 48 hours");
  });

  it("a resource newly marked for import is an import, even with the same inputs", () => {
    const adopted = { ...chat, import: "/subscriptions/x/deployments/chat" };
    expect(diffPlans({ resources: [chat] }, { stack: "t", resources: [adopted] }, "o").changes).toEqual([
      expect.objectContaining({ name: "a-chat", action: "import" }),
    ]);
    expect(diffPlans({ resources: [adopted] }, { stack: "t", resources: [adopted] }, "o").changes).toEqual(
      [],
    );
  });

  it("compares inputs, not dependency edges", () => {
    const reordered = { ...chat, dependsOn: ["urn:other"], dependencies: ["urn:other"] };
    expect(diffPlans({ resources: [chat] }, { stack: "t", resources: [reordered] }, "o").changes).toEqual([]);
    expect(changedPaths({ a: { b: 1, c: [1, 2] } }, { a: { b: 1, c: [2, 1] } })).toEqual(["a.c"]);
  });

  it("refuses an old plan that is not a plan, naming the file and what is wrong", () => {
    expect(() => parseOldPlan("{", "main.json")).toThrow(/--diff-against main.json: not JSON/);
    expect(() => parseOldPlan('{"resources": [{"urn": 1}]}', "main.json")).toThrow(
      /--diff-against main.json: resources.0.urn:/,
    );
  });
});

function withConfig(stack: string, edit: (config: Record<string, unknown>) => void): string {
  const document = parse(readFileSync(`Pulumi.${stack}.yaml`, "utf8")) as { config: Record<string, unknown> };
  edit(document.config);
  const path = join(tempDir("aoai-diff-"), `Pulumi.${stack}.yaml`);
  writeFileSync(path, stringify(document));
  return path;
}

async function savedPlan(stack: string): Promise<string> {
  const run = await runPlanCli("--stack", stack, "--json");
  expect(run.code, run.stderr).toBe(0);
  const path = join(tempDir("aoai-diff-"), "main-plan.json");
  writeFileSync(path, run.stdout);
  return path;
}

type Entry = Record<string, unknown> & {
  deployments?: unknown[];
  contentFilters?: { blocklists?: { terms: unknown[] }[] }[];
};

describe("npm run plan -- --diff-against <old-plan.json>", () => {
  it("a file that only reorders accounts, deployments, blocklist terms and email receivers is no change", async () => {
    const main = await savedPlan("prod");
    const reordered = withConfig("prod", (config) => {
      const accounts = config["aoai-platform:accounts"] as Entry[];
      for (const account of accounts) {
        account.deployments?.reverse();
        for (const filter of account.contentFilters ?? [])
          for (const list of filter.blocklists ?? []) list.terms.reverse();
      }
      accounts.reverse();
      const monitoring = config["aoai-platform:monitoring"] as { actionGroup: { emails: string[] } };
      monitoring.actionGroup.emails.reverse();
    });
    const run = await runPlanCli(
      "--stack",
      "prod",
      "--config-file",
      reordered,
      "--diff-against",
      main,
      "--json",
    );
    expect(run.code, run.stderr).toBe(0);
    const diff = JSON.parse(run.stdout) as PlanDiff;
    expect(diff.changes).toEqual([]);
    expect(diff.summary.unchanged).toBeGreaterThan(20);
  });

  it("moving an account to another region replaces it, and the text says what that does", async () => {
    const main = await savedPlan("dev");
    const moved = withConfig("dev", (config) => {
      const [account] = config["aoai-platform:accounts"] as Entry[];
      if (account) account.location = "francecentral";
    });
    const run = await runPlanCli("--stack", "dev", "--config-file", moved, "--diff-against", main);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      /\+- replace azure-native:cognitiveservices:Account {2}aoai-contoso-dev-swc-account \(location; replaced because location cannot change in place\)/,
    );
    expect(run.stdout).toContain("! the account is deleted and created again: a new endpoint");
  });

  it("exits 2 when the old plan is missing", async () => {
    const run = await runPlanCli("--stack", "dev", "--diff-against", "no-such-plan.json");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--diff-against no-such-plan.json: file not found");
  });
});
