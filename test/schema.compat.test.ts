/** The versioning promise (src/schema/compat.ts) on small schemas: what breaks, what is compatible. */
import { describe, expect, it } from "vitest";
import {
  isMajorBump,
  nextMajor,
  promiseViolations,
  schemaChanges,
  unreleasedVersions,
} from "../src/schema/compat";
import type { PackageSchema } from "../src/schema/types";

const TOKEN = "aoai-platform:index:Thing";

function schema(
  version: string,
  overrides: Partial<PackageSchema["resources"] & object> = {},
): PackageSchema {
  return {
    name: "aoai-platform",
    version,
    resources: {
      [TOKEN]: {
        isComponent: true,
        inputProperties: {
          name: { type: "string", plain: true },
          tags: { type: "object", additionalProperties: { type: "string" } },
        },
        requiredInputs: ["name"],
        properties: { id: { type: "string" } },
        required: ["id"],
      },
      ...overrides,
    },
    types: {
      "aoai-platform:index:Kind": { type: "string", enum: [{ value: "a" }, { value: "b" }] },
      "aoai-platform:index:NoteArgs": {
        type: "object",
        properties: { text: { type: "string" } },
        required: ["text"],
      },
    },
  };
}

/** A deep copy of the base schema, changed by `edit`. */
function edited(edit: (s: PackageSchema) => void, version = "0.1.0"): PackageSchema {
  const copy = structuredClone(schema(version));
  edit(copy);
  return copy;
}

const resource = (s: PackageSchema) => {
  const r = s.resources?.[TOKEN];
  if (!r) throw new Error("test schema lost its resource");
  return r;
};

const summary = (from: PackageSchema, to: PackageSchema) =>
  schemaChanges(from, to).map((c) => `${c.breaking ? "breaking" : "compatible"} ${c.path} ${c.what}`);

/** The changes from the base schema to a copy changed by `edit`. */
const changesAfter = (edit: (s: PackageSchema) => void) => summary(schema("0.1.0"), edited(edit));

describe("schemaChanges", () => {
  it("finds no change between equal schemas", () => {
    expect(schemaChanges(schema("0.1.0"), schema("0.1.0"))).toEqual([]);
  });

  it("breaking: a removed resource, input or output", () => {
    expect(changesAfter((s) => delete s.resources?.[TOKEN])).toEqual([
      `breaking resources/${TOKEN} resource removed`,
    ]);
    expect(changesAfter((s) => delete resource(s).inputProperties?.tags)).toEqual([
      `breaking resources/${TOKEN}/inputProperties/tags input removed`,
    ]);
    expect(
      changesAfter((s) => {
        resource(s).properties = {};
        resource(s).required = [];
      }),
    ).toEqual([`breaking resources/${TOKEN}/properties/id output removed`]);
  });

  it("breaking: a new required input, or an optional input made required", () => {
    expect(
      changesAfter((s) => {
        const r = resource(s);
        r.inputProperties = { ...r.inputProperties, location: { type: "string" } };
        r.requiredInputs = ["name", "location"];
      }),
    ).toEqual([`breaking resources/${TOKEN}/inputProperties/location required input added`]);
    expect(changesAfter((s) => resource(s).requiredInputs?.push("tags"))).toEqual([
      `breaking resources/${TOKEN}/inputProperties/tags input made required`,
    ]);
  });

  it("breaking: a type change, including plain to Input and a map's element type", () => {
    expect(
      changesAfter((s) => {
        const name = resource(s).inputProperties?.name;
        if (name) name.plain = false;
      }),
    ).toEqual([
      `breaking resources/${TOKEN}/inputProperties/name input type changed from plain string to string`,
    ]);
    expect(
      changesAfter((s) => {
        const tags = resource(s).inputProperties?.tags;
        if (tags) tags.additionalProperties = { type: "number" };
      }),
    ).toEqual([
      `breaking resources/${TOKEN}/inputProperties/tags input type changed from map<string> to map<number>`,
    ]);
  });

  it("breaking: a narrowed enum, a removed type, an output no longer always set", () => {
    expect(
      changesAfter((s) => {
        const kind = s.types?.["aoai-platform:index:Kind"];
        if (kind) kind.enum = [{ value: "a" }, { value: "c" }];
      }),
    ).toEqual([
      "breaking types/aoai-platform:index:Kind enum narrowed: b removed",
      "compatible types/aoai-platform:index:Kind enum widened: c added",
    ]);
    expect(changesAfter((s) => delete s.types?.["aoai-platform:index:NoteArgs"])).toEqual([
      "breaking types/aoai-platform:index:NoteArgs type removed",
    ]);
    expect(changesAfter((s) => (resource(s).required = []))).toEqual([
      `breaking resources/${TOKEN}/properties/id output no longer always set`,
    ]);
  });

  it("compatible: additions and relaxed inputs", () => {
    expect(
      changesAfter((s) => {
        const r = resource(s);
        r.inputProperties = {
          ...r.inputProperties,
          note: { $ref: "#/types/aoai-platform:index:NoteArgs" },
        };
        r.properties = { ...r.properties, endpoint: { type: "string" } };
        r.requiredInputs = [];
        s.resources = { ...s.resources, "aoai-platform:index:Other": { isComponent: true } };
        s.types = { ...s.types, "aoai-platform:index:More": { type: "object" } };
      }),
    ).toEqual([
      `compatible resources/${TOKEN}/inputProperties/name input made optional`,
      `compatible resources/${TOKEN}/inputProperties/note optional input added`,
      `compatible resources/${TOKEN}/properties/endpoint output added`,
      "compatible resources/aoai-platform:index:Other resource added",
      "compatible types/aoai-platform:index:More type added",
    ]);
  });

  it("a nested args type follows the input rules", () => {
    expect(
      changesAfter((s) => {
        const note = s.types?.["aoai-platform:index:NoteArgs"];
        if (note) note.properties = { text: { type: "string" }, by: { type: "string" } };
        note?.required?.push("by");
      }),
    ).toEqual(["breaking types/aoai-platform:index:NoteArgs/properties/by required property added"]);
  });
});

describe("the version a breaking change needs (npm's caret range)", () => {
  it.each([
    ["0.1.0", "0.2.0", true],
    ["0.1.0", "1.0.0", true],
    ["0.1.0", "0.1.1", false],
    ["0.1.3", "0.1.0", false],
    ["1.2.3", "2.0.0", true],
    ["1.2.3", "1.3.0", false],
    ["0.0.3", "0.0.4", true],
    ["2.0.0", "1.9.0", false],
  ])("%s to %s: %s", (from, to, major) => {
    expect(isMajorBump(from, to)).toBe(major);
  });

  it("a version change is listed, as compatible", () => {
    expect(summary(schema("0.1.0"), schema("0.2.0"))).toEqual(["compatible version version 0.1.0 to 0.2.0"]);
  });

  it("names the next major", () => {
    expect([nextMajor("0.1.4"), nextMajor("1.2.3"), nextMajor("0.0.3")]).toEqual(["0.2.0", "2.0.0", "0.0.4"]);
  });

  it("a breaking change without that version is listed; with it, or when only compatible, nothing is", () => {
    const removed = (version: string) => edited((s) => delete resource(s).inputProperties?.tags, version);
    expect(promiseViolations(schema("0.1.0"), removed("0.1.1"), [])).toEqual([
      "1 breaking change(s) need version 0.2.0 or later in package.json (it has 0.1.1, the schema was 0.1.0):",
      `  breaking: resources/${TOKEN}/inputProperties/tags: input removed`,
    ]);
    expect(promiseViolations(schema("0.1.0"), removed("0.2.0"), [])).toEqual([]);
    expect(
      promiseViolations(
        schema("0.1.0"),
        edited((s) => (s.types = { ...s.types, "aoai-platform:index:More": { type: "object" } })),
        [],
      ),
    ).toEqual([]);
  });

  it("a version CHANGELOG.md still marks unreleased may break: it has no consumer yet", () => {
    const changelog = "# Changelog\n\n## 0.2.0 (unreleased)\n\n- x\n\n## 0.1.0\n\n- y\n";
    expect(unreleasedVersions(changelog)).toEqual(["0.2.0"]);
    const removed = edited((s) => delete resource(s).inputProperties?.tags, "0.2.0");
    const unreleasedBase = edited(() => undefined, "0.2.0");
    expect(promiseViolations(unreleasedBase, removed, unreleasedVersions(changelog))).toEqual([]);
    expect(
      promiseViolations(
        schema("0.1.0"),
        edited((s) => delete resource(s).inputProperties?.tags, "0.1.1"),
        unreleasedVersions(changelog),
      ),
    ).toHaveLength(2);
  });
});
