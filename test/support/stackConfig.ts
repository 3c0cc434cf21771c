/** Test helpers: valid stack configs to start from, and the parse entry point. */
import { namespaceValues, parseStackConfig } from "../../src/config/load";
import type { StackConfigInput } from "../../src/config/schema";
import { readStackConfigFile } from "../../src/plan/stackFile";

/** The config values of a shipped stack file, as the program receives them from the Pulumi CLI. */
export function shippedStackValues(stack: string): Record<string, unknown> {
  return namespaceValues(readStackConfigFile(`Pulumi.${stack}.yaml`).values);
}

/** A small valid config; tests change one thing at a time. */
export function minimalConfig(): StackConfigInput {
  return {
    environment: "dev",
    location: "swedencentral",
    resourceGroup: { name: "rg-test" },
    accounts: [
      {
        name: "aoai-test",
        deployments: [
          { name: "chat", model: "gpt-4.1-mini", version: "2025-04-14", sku: "GlobalStandard", capacity: 10 },
        ],
      },
    ],
  };
}

/** Parses and returns the problems as "key: value: message" lines ([] when valid). */
export function problemsOf(values: unknown): string[] {
  try {
    parseStackConfig(values as Record<string, unknown>, "test");
    return [];
  } catch (error) {
    const problems = (error as { problems?: { key: string; value: string; message: string }[] }).problems;
    if (!problems) throw error;
    return problems.map((p) => `${p.key}: ${p.value}: ${p.message}`);
  }
}
