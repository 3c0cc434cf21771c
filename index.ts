/**
 * The component package's entry for Pulumi (the npm package's is components/index.ts). The SDK's
 * analyzer starts here to find the hosted components' source (package.json's `main` and `exports`
 * point at dist/). A Pulumi CLI that loads the plugin directory rather than PulumiPlugin.yaml's
 * `main` gets here too: the SDK's run-plugin requires the directory, package.json's `main` is not
 * built in a clone, so Node falls back to this file, and every component class exported here is
 * hosted. So it exports exactly the hosted list, the same one components/provider.ts serves.
 */
export { HOSTED_COMPONENTS } from "./components/hosted";
