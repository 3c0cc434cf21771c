/** `npm run schema` (src/schema/main.ts) with the analyzer replaced by a fixed schema. */
import { describe, expect, it } from "vitest";
import { formatSchema } from "../src/schema/generate";
import { runSchema } from "../src/schema/main";
import type { PackageSchema } from "../src/schema/types";

const TOKEN = "aoai-platform:index:Thing";

const schema = (version: string, inputs: string[]): PackageSchema => ({
  name: "aoai-platform",
  version,
  resources: {
    [TOKEN]: {
      isComponent: true,
      inputProperties: Object.fromEntries(inputs.map((name) => [name, { type: "string" }])),
    },
  },
});

async function run(
  argv: string[],
  generated: PackageSchema,
  file: string | undefined,
  changelog = "## 0.1.0\n",
) {
  const out = { stdout: "", stderr: "", written: undefined as string | undefined };
  const code = await runSchema(argv, {
    stdout: (text) => {
      out.stdout += text;
    },
    stderr: (text) => {
      out.stderr += text;
    },
    generate: async () => generated,
    read: () => file,
    changelog: () => changelog,
    write: (text) => {
      out.written = text;
    },
  });
  return { code, ...out };
}

describe("npm run schema", () => {
  it("writes the generated schema when there is none", async () => {
    const result = await run([], schema("0.1.0", ["name"]), undefined);
    expect(result.code).toBe(0);
    expect(result.written).toBe(formatSchema(schema("0.1.0", ["name"])));
  });

  it("leaves an up-to-date file alone", async () => {
    const result = await run([], schema("0.1.0", ["name"]), formatSchema(schema("0.1.0", ["name"])));
    expect(result).toMatchObject({
      code: 0,
      written: undefined,
      stdout: "schema.json is up to date (version 0.1.0)\n",
    });
  });

  it("writes a compatible change and lists it", async () => {
    const result = await run([], schema("0.1.0", ["name", "tags"]), formatSchema(schema("0.1.0", ["name"])));
    expect(result.code).toBe(0);
    expect(result.written).toBe(formatSchema(schema("0.1.0", ["name", "tags"])));
    expect(result.stdout).toContain(
      `compatible: resources/${TOKEN}/inputProperties/tags: optional input added`,
    );
  });

  it("refuses a breaking change without a major version, and writes it with one", async () => {
    const refused = await run([], schema("0.1.1", []), formatSchema(schema("0.1.0", ["name"])));
    expect(refused.code).toBe(1);
    expect(refused.written).toBeUndefined();
    expect(refused.stderr).toBe(
      [
        "1 breaking change(s) need version 0.2.0 or later in package.json (it has 0.1.1, the schema was 0.1.0):",
        `  breaking: resources/${TOKEN}/inputProperties/name: input removed`,
        "schema.json is left as it is.",
        "",
      ].join("\n"),
    );
    const bumped = await run([], schema("0.2.0", []), formatSchema(schema("0.1.0", ["name"])));
    expect(bumped.code).toBe(0);
    expect(bumped.written).toBe(formatSchema(schema("0.2.0", [])));
  });

  it("writes a breaking change of a version CHANGELOG.md still marks unreleased", async () => {
    const result = await run(
      [],
      schema("0.1.0", []),
      formatSchema(schema("0.1.0", ["name"])),
      "## 0.1.0 (unreleased)\n",
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`breaking: resources/${TOKEN}/inputProperties/name: input removed`);
  });

  it("--check only compares: exit 1 and the changes when the file differs", async () => {
    const result = await run(
      ["--check"],
      schema("0.1.0", ["name", "tags"]),
      formatSchema(schema("0.1.0", ["name"])),
    );
    expect(result.code).toBe(1);
    expect(result.written).toBeUndefined();
    expect(result.stderr).toContain("schema.json is not the generated schema; run npm run schema");
  });

  it("an unknown option is a usage error (exit 2)", async () => {
    const result = await run(["--frobnicate"], schema("0.1.0", []), undefined);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/frobnicate[\s\S]*usage: npm run schema/);
  });
});
