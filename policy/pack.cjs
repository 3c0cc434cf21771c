"use strict";
/**
 * The policy pack's entry (policy/package.json `main`): `pulumi preview --policy-pack policy` starts
 * it through @pulumi/pulumi/cmd/run-policy-pack, which registers ts-node with type-checking on for
 * any TypeScript it is asked to load. This file is JavaScript and loads policy/index.ts from an
 * esbuild bundle that src/bundleCache.cjs rebuilds whenever a source file changed, so the pack
 * starts without type-checking at every preview (CI type-checks once) and never runs stale rules.
 * The bundle lives under policy/node_modules, so its dependencies resolve as policy/index.ts's did.
 */
const path = require("node:path");
const { freshBundle } = require("../src/bundleCache.cjs");

require(
  freshBundle("policy/index.ts", {
    cacheDir: path.join(__dirname, "node_modules", ".cache", "aoai-bundles"),
  }),
);
