/**
 * The offline plan's one change to Pulumi's runtime: `debuggablePromise` (runtime/debuggable.js)
 * captures and formats `new Error().stack` for every promise it tracks, ~1,000 per resource, only
 * to print them when PULUMI_DEBUG_PROMISE_LEAKS is set. During the plan those captures run with a
 * stack trace limit of 0, so each costs almost nothing; nothing else changes: `Error.stackTraceLimit`
 * is restored as soon as the call returns, so errors the program throws keep their full stacks, and
 * with PULUMI_DEBUG_PROMISE_LEAKS set the plan keeps Pulumi's full promise stacks.
 */
import { createRequire } from "node:module";

type DebuggablePromise = <T>(promise: Promise<T>, context: unknown) => Promise<T>;

/** The module's shape (its declarations are internal, so not in the published .d.ts). */
export interface DebuggableModule {
  debuggablePromise: DebuggablePromise;
}

/** Pulumi's runtime/debuggable module, the instance the program and the SDKs use. */
export function pulumiDebuggable(): DebuggableModule {
  return createRequire(__filename)("@pulumi/pulumi/runtime/debuggable") as DebuggableModule;
}

/** Wraps `debuggablePromise` so its stack capture is empty; a no-op with PULUMI_DEBUG_PROMISE_LEAKS. */
export function limitPromiseStackTraces(debuggable: DebuggableModule, env: NodeJS.ProcessEnv): void {
  if (env.PULUMI_DEBUG_PROMISE_LEAKS) return;
  const original = debuggable.debuggablePromise;
  debuggable.debuggablePromise = <T>(promise: Promise<T>, context: unknown): Promise<T> => {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      return original(promise, context);
    } finally {
      Error.stackTraceLimit = limit;
    }
  };
}
