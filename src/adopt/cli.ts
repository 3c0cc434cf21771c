/** Entry of `npm run adopt`: signs in with DefaultAzureCredential (az login, managed identity, OIDC). */
import { DefaultAzureCredential } from "@azure/identity";
import { EXIT_USAGE, runAdoptCli } from "./main";

runAdoptCli(process.argv.slice(2), {
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  credential: () => new DefaultAzureCredential(),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`adopt failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = EXIT_USAGE;
  },
);
