import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it, vi } from "vitest";
import type { TestModule } from "vitest/node";
import ClosingLineReporter from "./support/closingLineReporter";

interface FakeTest {
  state: string;
  mode?: string;
}

/** A module with one suite holding the tests; `suiteErrors` / `moduleErrors` are hook or load errors. */
function fakeModule(tests: FakeTest[], suiteErrors = 0, moduleErrors = 0): TestModule {
  const module = {
    type: "module",
    errors: () => Array(moduleErrors).fill(new Error("module")),
    children: {} as Record<string, unknown>,
  };
  const suite = { type: "suite", parent: module, errors: () => Array(suiteErrors).fill(new Error("hook")) };
  module.children = {
    *allSuites() {
      yield suite;
    },
    *allTests() {
      for (const { state, mode = "run" } of tests) {
        yield { parent: suite, options: { mode }, result: () => ({ state }) };
      }
    },
  };
  return module as unknown as TestModule;
}

function closingLine(...args: Parameters<ClosingLineReporter["onTestRunEnd"]>): string {
  const write = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
  try {
    new ClosingLineReporter().onTestRunEnd(...args);
    return String(write.mock.calls[0]?.[0]);
  } finally {
    write.mockRestore();
  }
}

describe("closing line reporter", () => {
  it("counts passed, failed and skipped tests across modules", () => {
    const line = closingLine([
      fakeModule([{ state: "passed" }, { state: "failed" }]),
      fakeModule([
        { state: "passed" },
        { state: "skipped", mode: "skip" },
        { state: "skipped", mode: "todo" },
      ]),
    ]);
    expect(line).toBe("2 passed, 1 failed, 2 skipped\n");
  });

  it("counts tests whose setup failed as failed, and tests skipped on purpose as skipped", () => {
    const line = closingLine([
      fakeModule([{ state: "skipped" }, { state: "skipped" }, { state: "skipped", mode: "skip" }], 1),
    ]);
    expect(line).toBe("0 passed, 2 failed, 1 skipped\n");
  });

  it("counts a file that failed to load, a failing afterAll and errors outside tests", () => {
    const line = closingLine(
      [fakeModule([], 0, 1), fakeModule([{ state: "passed" }], 1)],
      [new Error("unhandled")],
      "failed",
    );
    expect(line).toBe("1 passed, 3 failed, 0 skipped\n");
  });

  it("counts the tests an interrupted run never reached as failed", () => {
    const line = closingLine([fakeModule([{ state: "passed" }, { state: "pending" }])], [], "interrupted");
    expect(line).toBe("1 passed, 1 failed, 0 skipped\n");
  });

  it("says so when vitest itself runs a file whose beforeAll fails and a file that cannot load", async () => {
    const run = await promisify(execFile)(
      process.execPath,
      ["node_modules/vitest/vitest.mjs", "run", "--config", "test/fixtures/reporter/vitest.config.ts"],
      { env: { ...process.env, NO_COLOR: "1" } },
    ).then(
      () => ({ code: 0, stdout: "" }),
      (error: { code: number; stdout: string }) => error,
    );
    expect(run.code).toBe(1);
    expect(run.stdout.trim().split("\n").at(-1)).toBe("1 passed, 3 failed, 3 skipped");
  });
});
