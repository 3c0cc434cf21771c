import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ConfigError } from "../src/config/errors";
import { parseStackConfig } from "../src/config/load";
import { minimalConfig } from "./support/stackConfig";

/** Either a valid config or a ConfigError with readable problems; never another exception. */
function parseOutcome(values: unknown): "valid" | "invalid" {
  try {
    parseStackConfig(values as Record<string, unknown>, "prop");
    return "valid";
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    expect(error.problems.length).toBeGreaterThan(0);
    for (const problem of error.problems) {
      expect(problem.key).toMatch(/^aoai-platform(:|$)/);
      expect(problem.message.length).toBeGreaterThan(0);
    }
    return "invalid";
  }
}

const deployment = fc.record(
  {
    name: fc.oneof(fc.string(), fc.constantFrom("chat", "emb-1", "a.b")),
    model: fc.oneof(fc.string(), fc.constantFrom("gpt-4.1", "gpt-4.1-mini", "o3")),
    version: fc.oneof(fc.string(), fc.constant("2025-04-14")),
    sku: fc.oneof(
      fc.string(),
      fc.constantFrom("Standard", "GlobalStandard", "ProvisionedManaged", "DataZoneBatch"),
    ),
    capacity: fc.oneof(fc.integer({ min: -10, max: 200_000 }), fc.double(), fc.string()),
    contentFilter: fc.string(),
  },
  { requiredKeys: [] },
);

const account = fc.record(
  {
    name: fc.oneof(fc.string(), fc.constant("aoai-x")),
    location: fc.oneof(fc.string(), fc.constant("eastus2")),
    kind: fc.oneof(fc.string(), fc.constant("AIServices")),
    customSubDomain: fc.string(),
    publicNetworkAccess: fc.constantFrom("Enabled", "Disabled", "Maybe"),
    networkAcls: fc.record({ ipRules: fc.array(fc.oneof(fc.ipV4(), fc.string())) }, { requiredKeys: [] }),
    deployments: fc.array(deployment, { maxLength: 4 }),
    contentFilters: fc.array(fc.record({ name: fc.string(), preset: fc.string() }, { requiredKeys: [] }), {
      maxLength: 2,
    }),
  },
  { requiredKeys: [] },
);

describe("config parsing under random input", () => {
  it("arbitrary JSON values parse or fail with a ConfigError", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (values) => {
        parseOutcome(values);
      }),
      { numRuns: 300 },
    );
  });

  it("configs near the real shape parse or fail with a ConfigError", () => {
    const outcomes = new Set<string>();
    fc.assert(
      fc.property(fc.array(account, { minLength: 0, maxLength: 3 }), fc.jsonValue(), (accounts, quota) => {
        outcomes.add(parseOutcome({ ...minimalConfig(), accounts, quota }));
      }),
      { numRuns: 300 },
    );
    expect(outcomes.has("invalid")).toBe(true);
  });

  it("mutating one field of a valid config never throws anything but a ConfigError", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("environment", "location", "tags", "resourceGroup", "apiVersion", "quota"),
        fc.jsonValue(),
        (key, value) => {
          parseOutcome({ ...minimalConfig(), [key]: value });
        },
      ),
      { numRuns: 300 },
    );
  });
});
