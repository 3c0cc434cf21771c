/** Entry of `npm run plan` (through launch.mjs): the plan's CLI on this process's argv and streams. */
import { runEntry } from "../cli/entry";
import { EXIT_INVALID, runPlanCli } from "./main";
import { limitPromiseStackTraces, pulumiDebuggable } from "./promiseStacks";

limitPromiseStackTraces(pulumiDebuggable(), process.env);
runEntry(
  "offline plan",
  runPlanCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  }),
  EXIT_INVALID,
);
