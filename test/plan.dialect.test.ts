/** The offline plan sees the stack file's values as `pulumi up` would (the CLI's YAML 1.1 reader). */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { planJson, runPlanCli, writeStackFile } from "./support/planCli";

const dev = () => readFileSync("Pulumi.dev.yaml", "utf8");
const withDev = (edit: (yaml: string) => string) => writeStackFile(edit(dev()));

describe("npm run plan reads the stack file as the Pulumi CLI does", () => {
  it("plans the capacity pulumi up would deploy for a leading-zero number, and warns with its key path", async () => {
    const file = withDev((y) => y.replace("capacity: 20", "capacity: 0150"));
    const plan = await planJson("--stack", "dev", "--config-file", file);
    expect(plan.deployments.find((d) => d.name === "chat")?.capacity).toBe(104);
    const warning = plan.findings.find((f) => f.rule === "config.yaml11-scalar");
    expect(warning?.message).toMatch(
      /^aoai-platform:accounts\[0\]\.deployments\[0\]\.capacity: `0150` is read as 104/,
    );
  });

  it("plans a valid config that uses anchors and merge keys", async () => {
    const file = withDev((y) =>
      y
        .replace("        - name: chat\n", "        - &chat\n          name: chat\n")
        .replace(
          "        - name: embeddings\n          model: text-embedding-3-small\n",
          "        - <<: *chat\n          name: embeddings\n          model: text-embedding-3-small\n",
        ),
    );
    const plan = await planJson("--stack", "dev", "--config-file", file);
    expect(plan.deployments.map((d) => [d.name, d.capacity])).toEqual([
      ["chat", 20],
      ["embeddings", 10],
    ]);
    expect(plan.findings.filter((f) => f.rule.startsWith("config.merge"))).toEqual([]);
  });

  it("explains a config error caused by YAML 1.1: an unquoted Off is the boolean false", async () => {
    const file = withDev((y) =>
      y.replace(
        "      deployments:\n",
        "      contentFilters:\n        - { name: strict, preset: strict, categories: { hate: { completion: Off } } }\n      deployments:\n",
      ),
    );
    const run = await runPlanCli("--stack", "dev", "--config-file", file);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /aoai-platform:accounts\[0\]\.contentFilters\[0\]\.categories\.hate\.completion: false: .*\(`Off` is read as false by the Pulumi CLI/,
    );
  });

  it("refuses a key under a mistyped namespace (exit 2), naming the key and the namespace meant", async () => {
    const file = withDev((y) => `${y}  aoai-platfrom:apiVersion: "2025-04-01-preview"\n`);
    const run = await runPlanCli("--stack", "dev", "--config-file", file);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain('aoai-platfrom:apiVersion: namespace "aoai-platfrom"');
    expect(run.stderr).toContain("did you mean aoai-platform:apiVersion?");
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("never prints a secret: a bad webhook URL is named by key and rule only", async () => {
    const token = "Zx9-s3cr3t-w3bh00k-t0k3n";
    const file = withDev(
      (y) => `${y}  aoai-platform:alertWebhookUrl: http://hooks.example.com/alert?token=${token}\n`,
    );
    const run = await runPlanCli("--stack", "dev", "--config-file", file);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("aoai-platform:alertWebhookUrl: [secret]: must be an https:// URL");
    expect(`${run.stdout}${run.stderr}`).not.toContain(token);
  });
});
