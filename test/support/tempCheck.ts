/**
 * Vitest setup file: each test file runs with its own temp dir (TMPDIR, so `os.tmpdir()` in the file
 * and in every process it starts points there). After the file, the dirs made with `tempDir` are
 * removed and anything else left there fails the file: a test or the code under test leaked it.
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";
import { removeTempDirs } from "./tempDir";

/**
 * Caches tools keep in the temp dir by design: tsx's transform cache (`tsx-<uid>`), and V8's compile
 * cache of a `module.enableCompileCache()` without a directory, as npm's CLI calls it
 * (`node-compile-cache`: https://nodejs.org/api/module.html#moduleenablecompilecachecachedir).
 */
const TOOL_CACHE = /^(?:tsx-\d+|node-compile-cache)$/;

const fileTemp = mkdtempSync(join(process.env.AOAI_TEST_TEMP_ROOT ?? tmpdir(), "file-"));
process.env.TMPDIR = fileTemp;

afterAll(() => {
  removeTempDirs();
  const left = readdirSync(fileTemp).filter((entry) => !TOOL_CACHE.test(entry));
  rmSync(fileTemp, { recursive: true, force: true });
  if (left.length > 0) {
    throw new Error(
      `this test file left ${left.join(", ")} in the temp dir: make temp dirs with tempDir() from test/support/tempDir.ts, and code under test must remove its own`,
    );
  }
});
