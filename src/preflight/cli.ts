/** Entry of `npm run preflight`: signs in with DefaultAzureCredential (az login, managed identity, OIDC). */
import { DefaultAzureCredential } from "@azure/identity";
import { runEntry } from "../cli/entry";
import { EXIT_INVALID, runPreflightCli } from "./main";

runEntry(
  "preflight",
  runPreflightCli(process.argv.slice(2), {
    env: process.env,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    credential: () => new DefaultAzureCredential(),
  }),
  EXIT_INVALID,
);
