import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Pulumi's runtime keeps global state (mocks, config, stack): one process per test file.
    pool: "forks",
    // Some tests spawn the plan CLI or a TypeScript-compiling language-host run.
    testTimeout: 120_000,
    reporters: ["default", "./test/support/closingLineReporter.ts"],
  },
});
