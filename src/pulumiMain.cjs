"use strict";
/**
 * The Pulumi program's entry (Pulumi.yaml `main`, runtime option `typescript: false`). The Node.js
 * language host requires this file and calls the function it exports (src/index.ts's) inside the
 * root stack. It loads src/index.ts from an esbuild bundle that src/bundleCache.cjs rebuilds
 * whenever a source file changed, so `pulumi preview`/`up` always run the current code without a
 * build step to forget, and without ts-node type-checking ~600,000 lines of declarations at every
 * load (CI type-checks once: `npm run typecheck`). The source map makes stack traces name the
 * TypeScript lines. On Node 22+ the compile cache keeps V8's compiled code of the SDK modules
 * loaded from here on between runs.
 */
const module_ = require("node:module");
const path = require("node:path");

module_.enableCompileCache?.(path.join(__dirname, "..", "node_modules", ".cache", "aoai-compile"));
const { freshBundle } = require("./bundleCache.cjs");

module.exports = require(freshBundle("src/index.ts", { sourcemap: true }));
