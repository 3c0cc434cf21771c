/** Entry of `npm run policy-sync`: signs in with DefaultAzureCredential, like preflight. */
import { DefaultAzureCredential } from "@azure/identity";
import { runEntry } from "../cli/entry";
import { EXIT_INVALID, runPolicySync } from "./main";

runEntry(
  "policy-sync",
  runPolicySync(process.argv.slice(2), {
    env: process.env,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    credential: () => new DefaultAzureCredential(),
  }),
  EXIT_INVALID,
);
