/**
 * The component package's entry for Pulumi (the npm package's is components/index.ts), PulumiPlugin.yaml's
 * `main`. The CLI runs the SDK's run-plugin on the plugin directory, package.json's `main` is not built
 * in a clone, so Node falls back to this file; run-plugin hosts every component class exported here
 * (componentProviderHost), and the SDK's analyzer starts here to find their source. So it exports
 * exactly the hosted list.
 */
export { HOSTED_COMPONENTS } from "./components/hosted";
