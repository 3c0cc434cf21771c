/**
 * `npm run plan`: bundles the plan CLI once with esbuild (~0.1 s) and runs the JavaScript. Running the
 * TypeScript through tsx costs about a second more per plan: tsx hooks every one of the ~3,000 modules
 * @pulumi/pulumi loads, and its source maps make each stack trace Pulumi captures per promise dearer
 * (measured in docs/BENCHMARKS.md). Dependencies stay external, so the bundle lives inside the project
 * where Node resolves them from node_modules.
 */
import { mkdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { buildSync } from "esbuild";

const projectDir = join(import.meta.dirname, "..", "..");
const outDir = join(projectDir, "node_modules", ".cache", "aoai-plan");
// One file per process: concurrent plans (CI, tests) never read a half-written bundle.
const outfile = join(outDir, `cli-${process.pid}.cjs`);

mkdirSync(outDir, { recursive: true });
buildSync({
  entryPoints: [join(import.meta.dirname, "cli.ts")],
  outfile,
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  packages: "external",
  logLevel: "error",
});
process.on("exit", () => rmSync(outfile, { force: true }));
createRequire(import.meta.url)(outfile);
