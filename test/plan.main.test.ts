/** The plan CLI's injectable main: argv in, output through the io it is given, the exit code out. */
import { describe, expect, it } from "vitest";
import { runPlanCli } from "../src/plan/main";
import type { PlanResult } from "../src/plan/model";
import { writeStackFile } from "./support/planCli";

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runPlanCli(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
  return { code, stdout: out.join(""), stderr: err.join("") };
}

describe("runPlanCli", () => {
  it("--help prints the usage on stdout and exits 0", async () => {
    const r = await run("--help");
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout).toMatch(/^usage: npm run plan -- --stack <name>/);
  });

  it("an unknown flag or a missing --stack is a usage error (exit 2) with the usage, on stderr", async () => {
    const unknown = await run("--stack", "dev", "--jsn");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/--jsn/);
    expect(unknown.stderr).toMatch(/usage: npm run plan/);
    const missing = await run("--json");
    expect(missing).toMatchObject({ code: 2, stdout: "" });
    expect(missing.stderr).toMatch(/^--stack is required/);
  });

  it("plans the dev stack to the io's stdout as JSON (exit 0)", async () => {
    const r = await run("--stack", "dev", "--json");
    expect(r.code, r.stderr).toBe(0);
    const plan = JSON.parse(r.stdout) as PlanResult;
    expect(plan.stack).toBe("dev");
    expect(plan.resources.some((x) => x.type === "azure-native:cognitiveservices:Account")).toBe(true);
  });

  it("an invalid config exits 2 with the key path on stderr and prints no plan", async () => {
    const file = writeStackFile("config:\n  aoai-platform:environment: qa\n");
    const r = await run("--stack", "test", "--config-file", file);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/environment/);
    expect(r.stderr).toMatch(/"qa"/);
  });

  it("a --diff-against file that does not exist exits 2 naming it", async () => {
    const r = await run("--stack", "dev", "--diff-against", "no/such/plan.json");
    expect(r).toMatchObject({ code: 2, stdout: "" });
    expect(r.stderr).toMatch(/--diff-against no\/such\/plan\.json: file not found/);
  });
});
