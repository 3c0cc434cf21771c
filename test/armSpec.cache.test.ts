/** The spec cache: a plan reads the SDK's mappers once, later plans the cached subset, with the same result. */
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { armSpecBinding } from "../src/plan/armSpec/facts";
import { readSpec } from "../src/plan/armSpec/sdkMappers";
import { validateBody } from "../src/plan/armSpec/validate";
import { tempDir } from "./support/tempDir";

const binding = armSpecBinding("azure-native:monitor:MetricAlert");
if (!binding) throw new Error("no MetricAlert binding");

describe("the ARM spec cache", () => {
  it("writes the reachable mappers once and reads back an equal spec (patterns, subtypes, differences)", () => {
    const dir = tempDir("arm-spec-");
    const fromSdk = readSpec(binding, dir);
    expect(readdirSync(dir)).toHaveLength(1);
    const fromCache = readSpec(binding, dir);
    expect(fromCache).not.toBe(fromSdk);
    expect(fromCache).toEqual(fromSdk);
    expect(fromCache.registry.classes.MetricAlertResource?.type.modelProperties?.description?.required).toBe(
      true,
    );
    expect(Object.keys(fromCache.registry.discriminators)).toContain(
      "MetricAlertCriteria.Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria",
    );
    // only what the body reaches, not the package's other ~900 classes
    expect(Object.keys(fromCache.registry.classes).length).toBeLessThan(40);
    const body = { location: "global", properties: { criteria: { "odata.type": "nope" } } };
    expect(validateBody(body, fromCache.body, fromCache.registry, "x")).toEqual(
      validateBody(body, fromSdk.body, fromSdk.registry, "x"),
    );
  });

  it("a corrupt cache file is read from the SDK again and rewritten", () => {
    const dir = tempDir("arm-spec-");
    const expected = readSpec(binding, dir);
    const [file] = readdirSync(dir);
    writeFileSync(join(dir, file ?? ""), "{ not json");
    expect(readSpec(binding, dir)).toEqual(expected);
    expect(readSpec(binding, dir)).toEqual(expected);
  });

  it("keys the file by the binding's facts, so a changed fact never reads a stale file", () => {
    const dir = tempDir("arm-spec-");
    readSpec(binding, dir);
    const changed = { ...binding, differences: binding.differences.slice(1) };
    const spec = readSpec(changed, dir);
    expect(readdirSync(dir)).toHaveLength(2);
    expect(
      spec.registry.classes.MetricAlertResource?.type.modelProperties?.description?.required,
    ).toBeUndefined();
  });
});
