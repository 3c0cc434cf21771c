/**
 * What `pulumi package add <git tag or path>` needs of this repository, from the CLI's own source
 * (pulumi/pulumi): the Node.js language host installs the plugin's dependencies with a
 * non-production install (sdk/nodejs/cmd/pulumi-language-nodejs, InstallDependencies:
 * `npm.Install(..., false /*production*\/ ...)`, called for a downloaded plugin by InstallPluginAt),
 * then runs `node @pulumi/pulumi/cmd/run-plugin <plugin dir>` (RunPlugin; the plugin loader passes the
 * entry point ".", "Plugin's are not able to set a non-standard entry point"), which registers ts-node
 * (type-checked) and requires the directory (sdk/nodejs/cmd/run-plugin/run.ts: every component class
 * among its exports is hosted).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { getPulumiComponents } from "@pulumi/pulumi/provider/experimental/provider";
import { describe, expect, it } from "vitest";
import { HOSTED_COMPONENTS } from "../components/hosted";
import * as pluginEntry from "../index";
import pkg from "../package.json";

const ROOT = join(__dirname, "..");

describe("the repository as a plugin directory", () => {
  it("loaded as a directory (Node falls back to index.ts: package.json's main is dist/, not built in a clone), hosts exactly the hosted components", () => {
    expect(readFileSync(join(ROOT, ".gitignore"), "utf8").split("\n")).toContain("dist/");
    expect(pkg.main.startsWith("dist/")).toBe(true);
    // npm install runs these in the plugin directory: none may build dist/ (it would export every component).
    expect(
      Object.keys(pkg.scripts).filter((s) => ["preinstall", "install", "postinstall", "prepare"].includes(s)),
    ).toEqual([]);
    expect(getPulumiComponents(pluginEntry)).toEqual(HOSTED_COMPONENTS);
  });

  it("declares ts-node and TypeScript: run-plugin compiles the TypeScript with them (its vendored fallbacks, TypeScript 3.8, cannot)", () => {
    const declared = { ...pkg.dependencies, ...pkg.devDependencies } as Record<string, string>;
    expect(declared["ts-node"]).toBeDefined();
    expect(declared.typescript).toBeDefined();
    expect(declared["@pulumi/pulumi"]).toBeDefined(); // the host resolves run-plugin from the plugin directory
  });
});
