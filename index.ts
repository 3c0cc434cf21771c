/**
 * The component package's entry for Pulumi when the CLI loads the plugin directory (the npm package's
 * entry is components/index.ts): the SDK's run-plugin requires the directory, package.json's `main`
 * is not built in a clone, so Node falls back to this file, and run-plugin hosts every component
 * class exported here. The SDK's analyzer starts here too to find their source. So it exports exactly
 * the hosted list, the one components/provider.ts (PulumiPlugin.yaml's `main`) serves.
 */
export { HOSTED_COMPONENTS } from "./components/hosted";
