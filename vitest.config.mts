import { defineConfig } from "vitest/config";
import { tempDirSettings } from "./test/support/tempConfig.mjs";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Pulumi's runtime keeps global state (mocks, config, stack): one process per test file.
    pool: "forks",
    // Every core: vitest's default for a run is one core fewer, a single worker on CI's 2-core machine,
    // which left the second core mostly idle (the suite's CPU is in the workers, not in vitest itself).
    maxWorkers: "100%",
    // Some tests spawn the plan CLI or a TypeScript-compiling language-host run.
    testTimeout: 120_000,
    // Each file gets its own temp dir, and fails if it leaves anything there (test/support/tempCheck.ts).
    ...tempDirSettings,
    reporters: ["default", "./test/support/closingLineReporter.ts"],
  },
});
