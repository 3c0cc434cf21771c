import { describe, expect, it } from "vitest";
import { criticalPath, type PathResource } from "../src/plan/criticalPath";
import { OPERATION_TIMES, operationMinutes, PROVISIONED_DEPLOYMENT } from "../src/plan/operationTimes";

const op = (name: string, dependencies: string[] = [], parent: string | null = null): PathResource => ({
  urn: name,
  type: `test:${name}`,
  name,
  custom: true,
  parent,
  dependencies,
});
const component = (name: string): PathResource => ({ ...op(name), custom: false });
const minutesFrom =
  (table: Record<string, number>) =>
  (r: PathResource): number =>
    table[r.name] ?? 1;
const names = (resources: PathResource[], table: Record<string, number> = {}) =>
  criticalPath(resources, minutesFrom(table)).steps.map((s) => s.name);

describe("criticalPath", () => {
  it("follows a chain and sums its minutes, each step starting when its predecessor ends", () => {
    const path = criticalPath(
      [op("rg"), op("account", ["rg"]), op("chat", ["account"])],
      minutesFrom({ rg: 0.5, account: 1, chat: 2 }),
    );
    expect(path.steps.map((s) => [s.name, s.startsAt])).toEqual([
      ["rg", 0],
      ["account", 0.5],
      ["chat", 1.5],
    ]);
    expect(path.minutes).toBe(3.5);
    expect(path.sequentialMinutes).toBe(3.5);
  });

  it("of parallel branches picks the longest; the rest only adds to the sequential sum", () => {
    const resources = [
      op("rg"),
      op("a", ["rg"]),
      op("a-chat", ["a"]),
      op("b", ["rg"]),
      op("b-chat", ["b"]),
      op("b-emb", ["b-chat"]),
    ];
    const path = criticalPath(resources, minutesFrom({}));
    expect(path.steps.map((s) => s.name)).toEqual(["rg", "b", "b-chat", "b-emb"]);
    expect(path.minutes).toBe(4);
    expect(path.sequentialMinutes).toBe(6);
    expect(path.operations).toBe(6);
  });

  it("breaks ties by registration order, whatever order the dependencies are listed in", () => {
    const resources = [op("x"), op("y"), op("end", ["y", "x"])];
    expect(names(resources)).toEqual(["x", "end"]);
    expect(names([op("y"), op("x"), op("end", ["x", "y"])])).toEqual(["y", "end"]);
    expect(names([op("first"), op("second")])).toEqual(["first"]);
  });

  it("skips component resources but waits for their custom descendants", () => {
    const resources = [
      component("acct-component"),
      op("account", [], "acct-component"),
      op("slow", ["account"], "acct-component"),
      op("endpoint", ["acct-component"]),
    ];
    expect(names(resources, { slow: 5 })).toEqual(["account", "slow", "endpoint"]);
  });

  it("rejects a dependency cycle instead of looping", () => {
    expect(() => criticalPath([op("a", ["b"]), op("b", ["a"])], () => 1)).toThrow(/dependency cycle/);
  });

  it("is empty for a plan without operations", () => {
    expect(criticalPath([component("only")], () => 1)).toEqual({
      minutes: 0,
      sequentialMinutes: 0,
      operations: 0,
      steps: [],
    });
  });
});

describe("operationMinutes", () => {
  const deployment = (sku: string) => ({
    type: "azure-native:cognitiveservices:Deployment",
    inputs: { sku: { name: sku } },
  });
  it("makes provisioned deployments slower than pay-per-token ones", () => {
    expect(operationMinutes(deployment("GlobalStandard"))).toBe(
      OPERATION_TIMES["azure-native:cognitiveservices:Deployment"]?.minutes,
    );
    expect(operationMinutes(deployment("DataZoneProvisionedManaged"))).toBe(PROVISIONED_DEPLOYMENT.minutes);
    expect(PROVISIONED_DEPLOYMENT.minutes).toBeGreaterThan(operationMinutes(deployment("Standard")));
  });
  it("gives unlisted types a small default", () => {
    expect(operationMinutes({ type: "azuread:index/group:Group", inputs: {} })).toBeLessThan(1);
  });
});
