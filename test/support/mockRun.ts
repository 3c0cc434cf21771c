/** Runs component code under the plan's Azure mocks and returns what registered. */
import * as pulumi from "@pulumi/pulumi";
import { azureMocks } from "../../src/plan/azureMocks";
import { assertUniqueUrns, recordRegistrations } from "../../src/plan/recorder";
import type { PlannedResource } from "../../src/plan/resource";

export async function recordResources(build: () => unknown): Promise<PlannedResource[]> {
  await pulumi.runtime.setMocks(azureMocks("swedencentral"), "aoai-platform", "test", true);
  const resources = recordRegistrations();
  try {
    await pulumi.runtime.runInPulumiStack(async () => {
      await build();
      return {};
    });
  } finally {
    await pulumi.runtime.disconnect();
  }
  // The engine refuses a program that registers one URN twice; so do the tests.
  assertUniqueUrns(resources);
  return resources;
}

export const ofType = (resources: readonly PlannedResource[], type: string) =>
  resources.filter((r) => r.type === `azure-native:${type}`);

/** Resolves an Output's value (mocks make every value known). */
export function resolved<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply(resolve));
}
