/** Entry of `npm run adopt`: signs in with DefaultAzureCredential (az login, managed identity, OIDC). */
import { DefaultAzureCredential } from "@azure/identity";
import { runEntry } from "../cli/entry";
import { EXIT_USAGE, runAdoptCli } from "./main";

runEntry(
  "adopt",
  runAdoptCli(process.argv.slice(2), {
    env: process.env,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    credential: () => new DefaultAzureCredential(),
  }),
  EXIT_USAGE,
);
