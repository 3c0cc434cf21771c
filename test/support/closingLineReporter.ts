/**
 * Ends the run with a plain "N passed, N failed, N skipped" line: the closing line CI tooling reads
 * in any language (vitest's own summary is formatted for people). It never says "0 failed" for a
 * run that failed: besides failed tests, "failed" counts
 * - tests that could not run because a hook of their suite or file failed (a `beforeAll`),
 * - a file or suite whose error no test accounts for (a file that fails to load, an `afterAll`),
 * - errors outside any test, and tests an interrupted run never reached.
 * "skipped" is what the suite skipped on purpose (`.skip`, `.todo`, `ctx.skip()`).
 */
import type { Reporter, TestCase, TestModule, TestRunEndReason, TestSuite } from "vitest/node";

type Parent = TestSuite | TestModule;

function ancestors(test: TestCase): Parent[] {
  const chain: Parent[] = [];
  let parent: Parent = test.parent;
  for (;;) {
    chain.push(parent);
    if (parent.type === "module") return chain;
    parent = parent.parent;
  }
}

export default class ClosingLineReporter implements Reporter {
  onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<unknown> = [],
    reason: TestRunEndReason = "passed",
  ): void {
    const count = { passed: 0, failed: unhandledErrors.length, skipped: 0 };
    const accounted = new Set<Parent>();
    const failedParents: Parent[] = [];
    for (const module of testModules) {
      for (const parent of [module, ...module.children.allSuites()]) {
        if (parent.errors().length > 0) failedParents.push(parent);
      }
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") count.passed += 1;
        else if (state === "failed") count.failed += 1;
        else {
          const meantToRun = test.options.mode === "run" || test.options.mode === "only";
          const broken = ancestors(test).find((p) => p.errors().length > 0);
          if (meantToRun && broken) {
            count.failed += 1;
            accounted.add(broken);
          } else if (meantToRun && state === "pending" && reason === "interrupted") count.failed += 1;
          else count.skipped += 1;
        }
      }
    }
    count.failed += failedParents.filter((p) => !accounted.has(p)).length;
    process.stdout.write(`${count.passed} passed, ${count.failed} failed, ${count.skipped} skipped\n`);
  }
}
