/**
 * Where the outputs come from: the deployed stack (`pulumi stack output --json --non-interactive`:
 * never a prompt, secrets print as "[secret]" without --show-secrets) or, when that is not available,
 * the offline plan's outputs.
 */
import { join } from "node:path";
import type { OutputSource } from "./settings";

export interface CommandResult {
  /** Exit code; null when the command could not be started (e.g. not installed). */
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command; injected so tests need neither the Pulumi CLI nor a plan process. */
export type Runner = (command: string, args: readonly string[]) => Promise<CommandResult>;

export interface Outputs {
  source: OutputSource;
  outputs: Record<string, unknown>;
  /** Why the other source was not used, or what to know about this one. */
  notes: string[];
}

/** The outputs could not be read from any source. */
export class OutputsUnavailableError extends Error {
  override name = "OutputsUnavailableError";
}

/** What `npm run plan` runs. */
export const PLAN_LAUNCHER = join(__dirname, "..", "plan", "launch.mjs");

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

const firstLine = (text: string) => text.trim().split("\n")[0]?.trim() ?? "";

/** The deployed stack's outputs, or why they are not available. */
async function stackOutputs(
  run: Runner,
  stack: string,
): Promise<{ outputs?: Record<string, unknown>; why?: string }> {
  const result = await run("pulumi", ["stack", "output", "--json", "--stack", stack, "--non-interactive"]);
  if (result.code === null) return { why: "the pulumi CLI is not installed" };
  if (result.code !== 0)
    return { why: `pulumi stack output failed: ${firstLine(result.stderr) || `exit ${result.code}`}` };
  const outputs = parseObject(result.stdout);
  if (outputs === undefined) return { why: "pulumi stack output printed no JSON object" };
  if (Object.keys(outputs).length === 0) return { why: `stack ${stack} has no outputs (not deployed yet)` };
  return { outputs };
}

async function planOutputs(run: Runner, stack: string, configFile: string | undefined): Promise<Outputs> {
  const args = [
    PLAN_LAUNCHER,
    "--stack",
    stack,
    "--json",
    ...(configFile ? ["--config-file", configFile] : []),
  ];
  const result = await run(process.execPath, args);
  const plan = result.code === 0 || result.code === 1 ? parseObject(result.stdout) : undefined;
  const outputs = plan?.outputs;
  if (outputs === null || typeof outputs !== "object") {
    throw new OutputsUnavailableError(
      `the offline plan of stack ${stack} failed${result.stderr ? `:\n${result.stderr.trimEnd()}` : ""}`,
    );
  }
  const notes =
    result.code === 1 ? ["the offline plan has error findings: run npm run plan to see them"] : [];
  return { source: "plan", outputs: outputs as Record<string, unknown>, notes };
}

/** `offline`: the plan only. Otherwise the deployed stack, falling back to the plan with a note. */
export async function readOutputs(
  run: Runner,
  options: { stack: string; offline: boolean; configFile?: string | undefined },
): Promise<Outputs> {
  if (!options.offline) {
    const deployed = await stackOutputs(run, options.stack);
    if (deployed.outputs) return { source: "stack", outputs: deployed.outputs, notes: [] };
    const plan = await planOutputs(run, options.stack, options.configFile);
    return { ...plan, notes: [`${deployed.why}; settings from the offline plan`, ...plan.notes] };
  }
  return planOutputs(run, options.stack, options.configFile);
}
