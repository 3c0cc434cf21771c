/**
 * The offline plan validates the stack config once and passes the result to the program (src/index.ts),
 * which validates by itself only when Pulumi's language host calls it (`pulumi up`: no argument).
 */
import { expect, it, vi } from "vitest";
import { loadStackConfig } from "../src/plan/loadConfig";
import { runPlan } from "../src/plan/run";

const parsed = vi.hoisted(() => ({ count: 0 }));

vi.mock("../src/config/load", async (importOriginal) => {
  const real = await importOriginal<typeof import("../src/config/load")>();
  return {
    ...real,
    parseAllConfig: (...args: Parameters<typeof real.parseAllConfig>) => {
      parsed.count += 1;
      return real.parseAllConfig(...args);
    },
  };
});

it("runs the program on the config it validated, validating it once", async () => {
  const plan = await runPlan({ stack: "dev" });
  expect(plan.resources.some((r) => r.type === "azure-native:cognitiveservices:Account")).toBe(true);
  expect(parsed.count).toBe(1);
});

it("takes a config the caller loaded (the CLI, for --policy-pack-config) without validating it again", async () => {
  parsed.count = 0;
  const options = { stack: "prod" };
  const loaded = loadStackConfig(options);
  const plan = await runPlan(options, loaded);
  expect(plan.stack).toBe("prod");
  expect(plan.resources.some((r) => r.type === "azure-native:cognitiveservices:Account")).toBe(true);
  expect(parsed.count).toBe(1);
});
