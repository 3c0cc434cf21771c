/**
 * adopt reads back the stack file it wrote with the plan's own reader: provider settings (here the
 * azure-native SDK is made to declare no `subscriptionId`, so the key adopt writes is refused) and a
 * project file's config block.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, expect, it, vi } from "vitest";
import { runAdoptCli } from "../src/adopt/main";
import { ADOPT_TOKEN, type FakeAdoptArm, seedLayout, startFakeAdoptArm } from "./support/fakeAdoptArm";
import { planRefusal } from "./support/planRefusal";
import { tempDir } from "./support/tempDir";

vi.mock("../src/providerSettings", () => ({
  PROVIDER_SETTINGS: { "azure-native": ["location", "version"], azuread: ["tenantId"] },
}));

const SUBSCRIPTION = "11111111-2222-3333-4444-555555555555";

let arm: FakeAdoptArm | undefined;
afterEach(async () => {
  await arm?.close();
});

async function adopt(out: string) {
  arm = await startFakeAdoptArm(seedLayout(SUBSCRIPTION));
  const stderr: string[] = [];
  const args = ["--subscription", SUBSCRIPTION, "--resource-group", "rg-openai", "--stack", "adopted"];
  const code = await runAdoptCli([...args, "--arm-endpoint", arm.url, "--out", out], {
    env: {},
    stdout: () => undefined,
    stderr: (t) => stderr.push(t),
    credential: () => ({
      getToken: async () => ({ token: ADOPT_TOKEN, expiresOnTimestamp: Date.now() + 3_600_000 }),
    }),
  });
  return { code, stderr: stderr.join("") };
}

it("refuses what it wrote when a provider setting is not the provider's, as the plan does (exit 1)", async () => {
  const out = join(tempDir("aoai-adopt-"), "Pulumi.adopted.yaml");
  const run = await adopt(out);
  expect(run.code).toBe(1);
  expect(planRefusal("adopted", out)).toContain("azure-native:subscriptionId");
  expect(run.stderr).toContain(
    `  - azure-native:subscriptionId: setting "subscriptionId": the azure-native provider has no such setting`,
  );
});

it("refuses what it wrote when Pulumi.yaml declares project config, as the plan does (exit 1, no stack trace)", async () => {
  const project = tempDir("aoai-adopt-project-");
  writeFileSync(
    join(project, "Pulumi.yaml"),
    "name: aoai-platform\nruntime: nodejs\nconfig:\n  aoai-platform:location: eastus\n",
  );
  const cwd = process.cwd();
  process.chdir(project);
  try {
    const run = await adopt(join(project, "Pulumi.adopted.yaml"));
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      "Pulumi.yaml: project-level config (aoai-platform:location) applies to every stack under pulumi up, but the offline plan reads only Pulumi.<stack>.yaml; move these keys into the stack files\n",
    );
  } finally {
    process.chdir(cwd);
  }
});
