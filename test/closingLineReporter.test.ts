import { describe, expect, it, vi } from "vitest";
import type { TestModule } from "vitest/node";
import ClosingLineReporter from "./support/closingLineReporter";

function fakeModule(states: string[]): TestModule {
  return {
    children: {
      *allTests() {
        for (const state of states) yield { result: () => ({ state }) };
      },
    },
  } as unknown as TestModule;
}

describe("closing line reporter", () => {
  it("counts passed, failed and skipped tests across modules", () => {
    const write = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    try {
      new ClosingLineReporter().onTestRunEnd([
        fakeModule(["passed", "failed"]),
        fakeModule(["passed", "skipped", "pending"]),
      ]);
      expect(write).toHaveBeenCalledWith("2 passed, 1 failed, 2 skipped\n");
    } finally {
      write.mockRestore();
    }
  });
});
