/** Entry of `npm run app-env`: runs `pulumi stack output` or the offline plan as child processes. */
import { execFile } from "node:child_process";
import { runEntry } from "../cli/entry";
import { EXIT_INVALID, runAppEnv } from "./main";
import type { CommandResult } from "./sources";

function run(command: string, args: readonly string[]): Promise<CommandResult> {
  return new Promise((resolve) => {
    execFile(command, args, { maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : null) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

runEntry(
  "app-env",
  runAppEnv(process.argv.slice(2), {
    run,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  }),
  EXIT_INVALID,
);
