/**
 * The offline plan's CLI (entry: cli.ts).
 * npm run plan -- --stack <name> [--config-file <Pulumi.x.yaml>] [--json] [--diff-against <old-plan.json>]
 * Exit 0: config valid and no error finding. 1: an error finding. 2: invalid config or usage, or a
 * program the engine would refuse (duplicate URN).
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { azurePackConfig } from "../../policy/azure";
import { UnsupportedPolicyError } from "../../policy/azure/language";
import { PolicyFileError } from "../../policy/azure/stack";
import { policyPackConfig } from "../../policy/rules/packConfig";
import { ObservedStateError } from "../adopt/observed";
import { type CommandLineIo, STACK_OPTIONS, stackCommandLine } from "../cli/commandLine";
import { ConfigError } from "../config/errors";
import { diffPlans, PlanFileError, parseOldPlan } from "./diff";
import { renderDiff } from "./diffReport";
import { loadStackConfig } from "./loadConfig";
import { stackAzurePolicySet } from "./policy";
import { DuplicateUrnError } from "./recorder";
import { renderPlan } from "./report";
import { runPlan } from "./run";
import { StackFileError } from "./stackFile";

const USAGE =
  "usage: npm run plan -- --stack <name> [--config-file <path>] [--json] [--policy-pack-config <out.json>] [--diff-against <old-plan.json>]";

const EXIT_FINDINGS = 1;
export const EXIT_INVALID = 2;

/** The plan CLI without the process: argv in, output through `io`, the exit code out. */
export async function runPlanCli(argv: string[], io: CommandLineIo): Promise<number> {
  const args = stackCommandLine(argv, parseOptions, USAGE, io);
  if (typeof args === "number") return args;
  const { stack } = args;
  try {
    const options = { stack, configFile: args["config-file"] };
    const loaded = loadStackConfig(options);
    const packConfigPath = args["policy-pack-config"];
    if (packConfigPath) {
      const { config } = loaded;
      writeFileSync(
        packConfigPath,
        `${JSON.stringify(
          {
            ...policyPackConfig(config.environment, config.policy),
            ...azurePackConfig(
              config.environment,
              stackAzurePolicySet(stack, config, options.configFile),
              config.policy.exemptions,
            ),
          },
          null,
          2,
        )}\n`,
      );
    }
    const against = args["diff-against"];
    // Read the older plan first: a bad path fails before the program runs.
    const old = against === undefined ? undefined : parseOldPlan(readPlanFile(against), against);
    const plan = await runPlan(options, loaded);
    if (old && against !== undefined) {
      const diff = diffPlans(old, plan, against);
      io.stdout(args.json ? `${JSON.stringify(diff, null, 2)}\n` : renderDiff(diff));
    } else {
      io.stdout(args.json ? `${JSON.stringify(plan, null, 2)}\n` : renderPlan(plan));
    }
    const errors = plan.findings.filter((f) => f.severity === "error");
    if (errors.length > 0) {
      io.stderr(`${errors.length} error finding(s): ${errors.map((f) => f.rule).join(", ")}\n`);
      return EXIT_FINDINGS;
    }
    return 0;
  } catch (error) {
    const invalid = [
      ConfigError,
      StackFileError,
      DuplicateUrnError,
      PlanFileError,
      ObservedStateError,
      PolicyFileError,
      UnsupportedPolicyError,
    ].some((t) => error instanceof t);
    if (invalid) {
      io.stderr(`${(error as Error).message}\n`);
      return EXIT_INVALID;
    }
    throw error;
  }
}

function readPlanFile(path: string): string {
  if (!existsSync(path)) throw new PlanFileError(`--diff-against ${path}: file not found`);
  return readFileSync(path, "utf8");
}

function parseOptions(argv: string[]) {
  return parseArgs({
    args: argv,
    options: {
      ...STACK_OPTIONS,
      json: { type: "boolean", default: false },
      "policy-pack-config": { type: "string" },
      "diff-against": { type: "string" },
    },
    strict: true,
    allowPositionals: false,
  }).values;
}
