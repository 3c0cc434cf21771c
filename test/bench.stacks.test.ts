import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { generatedStackConfig, stackFileText } from "../bench/stacks";
import { namespaceValues, parseStackConfig } from "../src/config/load";

/** The file as the plan reads it: flat namespace:key strings, structured values as JSON. */
function valuesOf(text: string): Record<string, unknown> {
  const { config } = parse(text) as { config: Record<string, unknown> };
  return namespaceValues(
    Object.fromEntries(
      Object.entries(config).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]),
    ),
  );
}

describe("benchmark stacks", () => {
  it.each([1, 10, 50])("%i accounts x 10 deployments is a valid prod stack without warnings", (accounts) => {
    const { config, warnings } = parseStackConfig(
      valuesOf(stackFileText(generatedStackConfig(accounts, 10))),
      "bench",
    );
    expect(config.environment).toBe("prod");
    expect(config.accounts).toHaveLength(accounts);
    expect(config.accounts.flatMap((a) => a.deployments)).toHaveLength(accounts * 10);
    expect(new Set(config.accounts.map((a) => a.location)).size).toBe(Math.min(accounts, 5));
    expect(Object.keys(config.network?.regions ?? {}).sort()).toEqual(
      [...new Set(config.accounts.map((a) => a.location))].sort(),
    );
    expect(warnings).toEqual([]);
  });

  it("refuses more deployments per account than the model mix holds", () => {
    expect(() => generatedStackConfig(1, 11)).toThrow(/at most 10 deployments/);
  });
});
