/**
 * The plugin's entry for a Pulumi CLI that runs PulumiPlugin.yaml's `main`: the SDK's run-plugin
 * requires this file, which hosts the components itself (run-plugin's own hosting of exported
 * components needs a directory: it reads `<program>/package.json`). A CLI that loads the plugin
 * directory instead gets the root index.ts, which exports the same list. The SDK's component
 * provider infers the schema from the TypeScript source (the analyzer reads package.json,
 * tsconfig.json and the root index.ts of the repository) and serves `Construct` for each one.
 */
import * as path from "node:path";
import { componentProviderHost } from "@pulumi/pulumi/provider/experimental";
import { HOSTED_COMPONENTS } from "./hosted";
import { PACKAGE_NAME } from "./tokens";

componentProviderHost({
  name: PACKAGE_NAME,
  dirname: path.resolve(__dirname, ".."),
  components: HOSTED_COMPONENTS,
});
