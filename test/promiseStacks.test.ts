import { describe, expect, it } from "vitest";
import { type DebuggableModule, limitPromiseStackTraces, pulumiDebuggable } from "../src/plan/promiseStacks";
import { runPlanCli } from "./support/planCli";

/** A stand-in for Pulumi's module that records the stack its call captured, as the real one does. */
function recordingModule() {
  const captured: string[] = [];
  const module: DebuggableModule = {
    debuggablePromise: <T>(promise: Promise<T>) => {
      captured.push(new Error().stack ?? "");
      return promise;
    },
  };
  return { module, captured };
}

function namedThrower(): never {
  throw new Error("the program's own error");
}

describe("limitPromiseStackTraces (the offline plan's one change to Pulumi's runtime)", () => {
  it("makes debuggablePromise's stack capture empty and restores the limit right after", () => {
    const { module, captured } = recordingModule();
    const before = Error.stackTraceLimit;
    limitPromiseStackTraces(module, {});
    module.debuggablePromise(Promise.resolve(1), "ctx");
    expect(captured[0]).toMatch(/^Error:? ?$/);
    expect(Error.stackTraceLimit).toBe(before);
  });

  it("keeps the full stack of an error the program throws afterwards", () => {
    const { module } = recordingModule();
    limitPromiseStackTraces(module, {});
    module.debuggablePromise(Promise.resolve(1), "ctx");
    const error = (() => {
      try {
        namedThrower();
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error.stack).toContain("namedThrower");
    expect(error.stack?.split("\n").filter((l) => l.trim().startsWith("at ")).length).toBeGreaterThan(2);
  });

  it("restores the limit even when the wrapped call throws", () => {
    const before = Error.stackTraceLimit;
    const module: DebuggableModule = {
      debuggablePromise: () => {
        throw new Error("inside");
      },
    };
    limitPromiseStackTraces(module, {});
    expect(() => module.debuggablePromise(Promise.resolve(1), "ctx")).toThrow("inside");
    expect(Error.stackTraceLimit).toBe(before);
  });

  it("changes nothing with PULUMI_DEBUG_PROMISE_LEAKS set (Pulumi prints those stacks then)", () => {
    const { module, captured } = recordingModule();
    limitPromiseStackTraces(module, { PULUMI_DEBUG_PROMISE_LEAKS: "true" });
    module.debuggablePromise(Promise.resolve(1), "ctx");
    expect(captured[0]?.split("\n").length).toBeGreaterThan(2);
  });

  it("on Pulumi's real debuggablePromise: its capture is empty, a rejection keeps the program's stack", async () => {
    const debuggable = pulumiDebuggable();
    limitPromiseStackTraces(debuggable, {});
    const tracked = Promise.resolve(1);
    await debuggable.debuggablePromise(tracked, "ctx");
    expect((tracked as unknown as { _debugStackTrace: string })._debugStackTrace).not.toContain(" at ");
    const failing = Promise.resolve().then(() => namedThrower());
    const error = (await debuggable.debuggablePromise(failing, "ctx").catch((e: unknown) => e)) as Error;
    expect(error.message).toBe("the program's own error");
    expect(error.stack).toContain("namedThrower");
  });
});

describe("the offline plan with the limited promise stacks", () => {
  it("prints exactly the same plan as with Pulumi's full promise stacks", async () => {
    const limited = await runPlanCli("--stack", "dev", "--json");
    process.env.PULUMI_DEBUG_PROMISE_LEAKS = "true";
    const full = await runPlanCli("--stack", "dev", "--json");
    delete process.env.PULUMI_DEBUG_PROMISE_LEAKS;
    expect(limited.code).toBe(0);
    expect(full.code).toBe(0);
    expect(limited.stdout).toBe(full.stdout);
  });
});
