import { defineConfig } from "vitest/config";
import { tempDirSettings } from "./test/support/tempConfig.mjs";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Pulumi's runtime keeps global state (mocks, config, stack): one process per test file.
    pool: "forks",
    // Some tests spawn the plan CLI or a TypeScript-compiling language-host run.
    testTimeout: 120_000,
    // Each file gets its own temp dir, and fails if it leaves anything there (test/support/tempCheck.ts).
    ...tempDirSettings,
    reporters: ["default", "./test/support/closingLineReporter.ts"],
  },
});
