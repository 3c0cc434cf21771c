/**
 * Entry point of the component package for Python, Go, C#, Java and YAML stacks (PulumiPlugin.yaml
 * `main`). `pulumi package add` starts it through the Node.js language host; the SDK's component
 * provider infers the schema from the TypeScript source (the analyzer reads package.json, tsconfig.json
 * and the root index.ts of the repository) and serves `Construct` for each hosted component.
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
