/**
 * `npm run plan`: runs the plan CLI (src/plan/cli.ts) from an esbuild bundle cached by content hash
 * (src/bundleCache.cjs): esbuild runs only when an input changed, and a warm run never loads it.
 * Running the TypeScript through tsx costs about a second more per plan (tsx hooks every one of the
 * ~3,000 modules @pulumi/pulumi loads). On Node 22+ the module compile cache
 * (module.enableCompileCache) keeps V8's compiled code of those modules between runs. Measured in
 * docs/BENCHMARKS.md.
 */
import module, { createRequire } from "node:module";
import { join } from "node:path";

const projectDir = join(import.meta.dirname, "..", "..");
module.enableCompileCache?.(join(projectDir, "node_modules", ".cache", "aoai-compile"));
const require = createRequire(import.meta.url);
const { freshBundle } = require("../bundleCache.cjs");
require(freshBundle("src/plan/cli.ts"));
