/** Entry of `npm run preflight`: signs in with DefaultAzureCredential (az login, managed identity, OIDC). */
import { DefaultAzureCredential } from "@azure/identity";
import { EXIT_INVALID, runPreflightCli } from "./main";
import { printable } from "./redact";

/** Exits once output is flushed: a sign-in still running in the background must not keep CI waiting. */
const exit = (code: number) => {
  process.exitCode = code;
  process.stdout.write("", () => process.stderr.write("", () => process.exit(code)));
};

runPreflightCli(process.argv.slice(2), {
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  credential: () => new DefaultAzureCredential(),
}).then(exit, (error: unknown) => {
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`preflight failed: ${printable(text, 2_000)}\n`);
  exit(EXIT_INVALID);
});
