/** Entry of `npm run preflight`: signs in with DefaultAzureCredential (az login, managed identity, OIDC). */
import { DefaultAzureCredential } from "@azure/identity";
import { EXIT_INVALID, runPreflightCli } from "./main";

runPreflightCli(process.argv.slice(2), {
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  credential: () => new DefaultAzureCredential(),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `preflight failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = EXIT_INVALID;
  },
);
