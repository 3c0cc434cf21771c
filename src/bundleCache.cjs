"use strict";
/**
 * esbuild bundles of our TypeScript entry points (the Pulumi program, the plan CLI, the policy
 * pack), cached by the content hash of every file that went into them. A run whose inputs are
 * unchanged loads the cached JavaScript without loading esbuild at all; a changed, added or
 * removed import changes an input's content, so the bundle can never be stale and there is no
 * build step to forget. Dependencies stay external (resolved from node_modules as usual).
 *
 * Cache layout (node_modules/.cache/aoai-bundles): `<name>-<hash>.cjs` (+ `.map`) and
 * `<name>.inputs.json`, the input list of the last build. Files are written to a temporary name and
 * renamed, so concurrent runs never read half a bundle. CommonJS so that the Pulumi program entry
 * (required by the language host) and the ESM plan launcher can both use it.
 */
const { createHash } = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");

const PROJECT_DIR = path.join(__dirname, "..");
/** Bundles older than this that are no longer current are removed after a build. */
const STALE_AFTER_MS = 10 * 60 * 1000;

/** The settings every bundle depends on besides its inputs: this file, tsconfig, esbuild's version. */
function settingsKey(projectDir) {
  const esbuildPackage = require.resolve("esbuild/package.json");
  const hash = createHash("sha256")
    .update(fs.readFileSync(__filename))
    .update(fs.readFileSync(esbuildPackage))
    .update(fs.readFileSync(path.join(projectDir, "tsconfig.json")));
  return hash.digest("hex");
}

/** Hash of the inputs' paths and contents; undefined when one is gone (the bundle is stale). */
function inputsHash(projectDir, settings, inputs) {
  const hash = createHash("sha256").update(settings);
  for (const input of inputs) {
    let content;
    try {
      content = fs.readFileSync(path.join(projectDir, input));
    } catch {
      return undefined;
    }
    hash.update(input).update("\0").update(content).update("\0");
  }
  return hash.digest("hex").slice(0, 20);
}

function writeAtomically(file, content) {
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, content);
  fs.renameSync(temporary, file);
}

function esbuildBuild(options) {
  return require("esbuild").buildSync(options);
}

function removeStale(cacheDir, name, current) {
  const now = Date.now();
  for (const file of fs.readdirSync(cacheDir)) {
    if (!file.startsWith(`${name}-`) || file.startsWith(path.basename(current))) continue;
    const full = path.join(cacheDir, file);
    try {
      if (now - fs.statSync(full).mtimeMs > STALE_AFTER_MS) fs.rmSync(full, { force: true });
    } catch {
      // Another run removed it first.
    }
  }
}

/**
 * Path of a current CommonJS bundle of `entry` (a path relative to the project). Options:
 * `sourcemap` writes an external source map (stack traces then name the TypeScript lines),
 * `projectDir`, `cacheDir` and `build` (esbuild's buildSync) are for tests.
 */
function freshBundle(entry, options = {}) {
  const projectDir = options.projectDir ?? PROJECT_DIR;
  const cacheDir = options.cacheDir ?? path.join(projectDir, "node_modules", ".cache", "aoai-bundles");
  const build = options.build ?? esbuildBuild;
  const name = entry.replace(/\.[cm]?ts$/, "").replace(/[^A-Za-z0-9]+/g, "-");
  const manifest = path.join(cacheDir, `${name}.inputs.json`);
  const settings = `${settingsKey(projectDir)}${options.sourcemap ? "+map" : ""}`;

  let previousInputs;
  try {
    previousInputs = JSON.parse(fs.readFileSync(manifest, "utf8"));
  } catch {
    previousInputs = undefined;
  }
  if (Array.isArray(previousInputs)) {
    const hash = inputsHash(projectDir, settings, previousInputs);
    const cached = hash && path.join(cacheDir, `${name}-${hash}.cjs`);
    if (cached && fs.existsSync(cached)) return cached;
  }

  fs.mkdirSync(cacheDir, { recursive: true });
  const result = build({
    absWorkingDir: projectDir,
    entryPoints: [entry],
    outfile: path.join(cacheDir, `${name}.cjs`),
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node22",
    packages: "external",
    sourcemap: options.sourcemap ? "linked" : false,
    metafile: true,
    write: false,
    logLevel: "error",
  });
  const inputs = Object.keys(result.metafile.inputs).sort();
  const hash = inputsHash(projectDir, settings, inputs);
  const bundle = path.join(cacheDir, `${name}-${hash}.cjs`);
  for (const output of result.outputFiles) {
    if (output.path.endsWith(".map")) {
      writeAtomically(`${bundle}.map`, output.contents);
    } else {
      const text = output.text.replace(
        `//# sourceMappingURL=${name}.cjs.map`,
        `//# sourceMappingURL=${path.basename(bundle)}.map`,
      );
      writeAtomically(bundle, text);
    }
  }
  writeAtomically(manifest, JSON.stringify(inputs));
  removeStale(cacheDir, name, bundle);
  return bundle;
}

module.exports = { freshBundle };
