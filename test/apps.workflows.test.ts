import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
}
interface Job {
  environment?: unknown;
  env?: Record<string, string>;
  steps: Step[];
  strategy?: { matrix: { stack: string[]; include?: Record<string, string>[] } };
}

/** A GitHub expression as the workflow file spells it. */
const expr = (body: string) => `\${{ ${body} }}`;
const jobOf = (file: string, job: string) =>
  (parse(readFileSync(`.github/workflows/${file}`, "utf8")) as { jobs: Record<string, Job> }).jobs[
    job
  ] as Job;
const loginClientId = (job: Job) =>
  job.steps.find((s) => s.uses?.startsWith("azure/login@"))?.with?.["client-id"];

describe("separate preview and deploy identities in the workflows", () => {
  const preview = jobOf("pull-request.yml", "preview");
  const deploy = jobOf("deploy-stack.yml", "up");

  it("the preview job logs in as each stack's preview identity, from repository variables", () => {
    // No environment: the OIDC subject stays repo:<owner>/<repo>:pull_request, the preview identity's
    // only federated subject, and the job sees repository variables (where the README puts them).
    expect(preview.environment).toBeUndefined();
    expect(preview.strategy?.matrix.include).toEqual([
      { stack: "dev", "preview-client-id": expr("vars.AZURE_PREVIEW_CLIENT_ID_DEV") },
      { stack: "prod", "preview-client-id": expr("vars.AZURE_PREVIEW_CLIENT_ID_PROD") },
    ]);
    expect(loginClientId(preview)).toBe(expr("matrix.preview-client-id"));
    expect(preview.env?.ARM_CLIENT_ID).toBe(expr("matrix.preview-client-id"));
    expect(JSON.stringify(preview)).not.toContain("vars.AZURE_CLIENT_ID");
  });

  it("the deploy job logs in as the deploy identity inside the stack's environment", () => {
    expect(deploy.environment).toBe(expr("inputs.stack"));
    expect(loginClientId(deploy)).toBe(expr("vars.AZURE_CLIENT_ID"));
    expect(deploy.env?.ARM_CLIENT_ID).toBe(expr("vars.AZURE_CLIENT_ID"));
    expect(JSON.stringify(deploy)).not.toContain("AZURE_PREVIEW_CLIENT_ID");
  });

  it("the README bootstrap lists the variables where the workflows read them", () => {
    const readme = readFileSync("README.md", "utf8");
    const bootstrap = readme.slice(readme.indexOf("### One-time bootstrap"));
    expect(bootstrap).toMatch(
      /repository variables[^.]*`AZURE_PREVIEW_CLIENT_ID_DEV`, `AZURE_PREVIEW_CLIENT_ID_PROD`/,
    );
    expect(bootstrap).toMatch(/environment\s+variable `AZURE_CLIENT_ID`/);
  });
});
