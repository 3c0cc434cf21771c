/**
 * Vitest global setup: the run's own temp root, under which every test file gets its temp dir
 * (test/support/tempCheck.ts), removed at the end so a run leaves nothing in the OS temp dir, even
 * when a worker crashes before its file's check.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), "aoai-test-run-"));
  process.env.AOAI_TEST_TEMP_ROOT = root;
  return () => rmSync(root, { recursive: true, force: true });
}
