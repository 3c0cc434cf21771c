import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { sdkClass, trueFloorSource } from "../bench/trueFloor";
import { planJson } from "./support/planCli";
import { tempDir } from "./support/tempDir";

const run = promisify(execFile);

describe("the benchmark's true floor (a bare program registering the plan's resources)", () => {
  it("finds each resource's SDK class from its type token", () => {
    expect(sdkClass("azure-native:network:Subnet")).toEqual({
      module: "@pulumi/azure-native/network",
      className: "Subnet",
    });
    expect(sdkClass("azuread:index/group:Group")).toEqual({
      module: "@pulumi/azuread/group",
      className: "Group",
    });
    expect(sdkClass("aoai-platform:index:OpenAIAccount")).toBeUndefined();
  });

  it("registers exactly the resources the plan registers", async () => {
    const plan = await planJson("--stack", "dev");
    const file = join(tempDir("aoai-floor-"), "floor.cjs");
    writeFileSync(
      file,
      trueFloorSource(plan.resources, { projectDir: process.cwd(), project: "aoai-platform", stack: "dev" }),
    );
    const { stdout } = await run(process.execPath, [file], { env: { ...process.env, TRUE_FLOOR_LIST: "1" } });
    const registered = (JSON.parse(stdout) as string[]).sort();
    expect(registered).toEqual(plan.resources.map((r) => `${r.type}::${r.name}`).sort());
    expect(registered.length).toBeGreaterThan(10);
  });
});
