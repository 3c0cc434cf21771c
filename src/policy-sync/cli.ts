/** Entry of `npm run policy-sync`: signs in with DefaultAzureCredential, like preflight. */
import { DefaultAzureCredential } from "@azure/identity";
import { EXIT_INVALID, runPolicySync } from "./main";

runPolicySync(process.argv.slice(2), {
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  credential: () => new DefaultAzureCredential(),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`policy-sync failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = EXIT_INVALID;
  },
);
