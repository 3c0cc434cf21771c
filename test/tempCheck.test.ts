import { execFile } from "node:child_process";
import { readdirSync } from "node:fs";
import { promisify } from "node:util";
import { expect, it } from "vitest";
import { tempDir } from "./support/tempDir";

it("fails the test file that leaves something in the temp dir, and the run leaves nothing behind", async () => {
  const temp = tempDir("aoai-temp-check-");
  const run = await promisify(execFile)(
    process.execPath,
    ["node_modules/vitest/vitest.mjs", "run", "--config", "test/fixtures/tempCheck/vitest.config.mts"],
    { env: { ...process.env, NO_COLOR: "1", TMPDIR: temp } },
  ).then(
    (done) => ({ code: 0, stdout: done.stdout, stderr: done.stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
  expect(run.code).toBe(1);
  expect(run.stdout + run.stderr).toMatch(/this test file left aoai-leak-\w+ in the temp dir/);
  expect(run.stdout + run.stderr).not.toContain("aoai-clean-");
  expect(run.stdout.trim().split("\n").at(-1)).toBe("2 passed, 1 failed, 0 skipped");
  expect(readdirSync(temp)).toEqual([]);
});
