/** Runs the offline plan CLI (`npm run plan`) as a user does, in a child process. */
import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import type { PlanResult } from "../../src/plan/model";
import { tempDir } from "./tempDir";

const execFileAsync = promisify(execFile);
/** What `npm run plan` runs. */
const LAUNCHER = join("src", "plan", "launch.mjs");

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runPlanCli(...args: string[]): Promise<CliRun> {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, [LAUNCHER, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** The JSON plan; fails the test with the CLI's stderr if the plan does not exit 0. */
export async function planJson(...args: string[]): Promise<PlanResult> {
  const run = await runPlanCli(...args, "--json");
  if (run.code !== 0) throw new Error(`plan ${args.join(" ")} exited ${run.code}: ${run.stderr}`);
  return JSON.parse(run.stdout) as PlanResult;
}

/** Writes a stack config file into a fresh temporary folder and returns its path. */
export function writeStackFile(yaml: string): string {
  const path = join(tempDir("aoai-plan-"), "Pulumi.test.yaml");
  writeFileSync(path, yaml);
  return path;
}
