/**
 * The transcribed metaschema and binder rules (test/support/packageMetaschema.ts) on small schemas:
 * a valid one passes, and each rule refuses what Pulumi refuses. test/schema.test.ts runs them over
 * the schema the SDK's analyzer generates.
 */
import { describe, expect, it } from "vitest";
import { packageSchemaProblems } from "./support/packageMetaschema";

const R = "aoai-platform:index:Thing";

const valid = () => ({
  name: "aoai-platform",
  version: "0.1.0",
  description: "components",
  language: { nodejs: { respectSchemaVersion: true } },
  dependencies: [{ name: "azure-native", version: "3.28.0" }],
  resources: {
    [R]: {
      type: "object",
      isComponent: true,
      inputProperties: {
        name: { type: "string", plain: true, description: "The name." },
        tags: { type: "object", additionalProperties: { type: "string" } },
        notes: { type: "array", items: { $ref: "#/types/aoai-platform:index:NoteArgs" } },
        kind: { $ref: "#/types/aoai-platform:index:Kind" },
        group: { $ref: "/azure-native/v3.28.0/schema.json#/resources/azure-native:resources:ResourceGroup" },
        size: { oneOf: [{ type: "string" }, { type: "number" }] },
        archive: { $ref: "pulumi.json#/Archive" },
      },
      requiredInputs: ["name"],
      properties: { id: { type: "string" } },
      required: ["id"],
    },
  },
  types: {
    "aoai-platform:index:NoteArgs": {
      type: "object",
      properties: { text: { type: "string" } },
      required: ["text"],
    },
    "aoai-platform:index:Kind": { type: "string", enum: [{ value: "a" }, { value: "b", name: "B" }] },
  },
});

type Schema = ReturnType<typeof valid>;

function problems(edit: (s: Schema & Record<string, unknown>) => void): string[] {
  const schema = structuredClone(valid()) as Schema & Record<string, unknown>;
  edit(schema);
  return packageSchemaProblems(schema);
}

const thing = (s: Schema) => s.resources[R] as Record<string, unknown> & Schema["resources"][typeof R];

describe("the package metaschema, transcribed", () => {
  it("accepts a valid component schema", () => {
    expect(packageSchemaProblems(valid())).toEqual([]);
  });

  it("refuses a missing or malformed name and a non-semver version (#/required, #/properties)", () => {
    expect(problems((s) => Reflect.deleteProperty(s, "name"))).toContain(
      "#/name: must be a package name matching ^[a-zA-Z][-a-zA-Z0-9_]*$",
    );
    expect(problems((s) => (s.name = "1aoai"))).toHaveLength(4); // the name, and three tokens' package
    expect(problems((s) => (s.version = "0.1"))).toEqual(["#/version: must be a semver version"]);
  });

  it("refuses keys a package schema does not have (additionalProperties: false)", () => {
    expect(problems((s) => (s.components = {}))).toEqual([
      "#/components: is not a package schema property (additionalProperties: false)",
    ]);
  });

  it("refuses tokens that are not <package>:<module>:<name> of this package (#/$defs/token, validateTypeToken)", () => {
    expect(
      problems((s) => Object.assign(s, { resources: { "aoai-platform:Thing": s.resources[R] } })),
    ).toEqual([
      "#/resources/aoai-platform:Thing: invalid token 'aoai-platform:Thing' (must be <package>:<module>:<name>)",
    ]);
    expect(problems((s) => Object.assign(s, { resources: { "other:index:Thing": s.resources[R] } }))).toEqual(
      [
        "#/resources/other:index:Thing: invalid token 'other:index:Thing' (must have package name 'aoai-platform')",
      ],
    );
    expect(
      problems((s) => Object.assign(s, { resources: { "aoai-platform:index:Provider": s.resources[R] } })),
    ).toEqual([
      "#/resources/aoai-platform:index:Provider: invalid token 'aoai-platform:index:Provider' (provider is a reserved word for the root module)",
    ]);
  });

  it("refuses a required input or output that is not declared (bindProperties)", () => {
    expect(problems((s) => thing(s).requiredInputs.push("location"))).toEqual([
      `#/resources/${R}/requiredInputs/1: unknown required property "location"`,
    ]);
    expect(problems((s) => thing(s).required.push("url"))).toEqual([
      `#/resources/${R}/required/1: unknown required property "url"`,
    ]);
  });

  it("refuses a type that is none or several of the typeSpec shapes (#/$defs/typeSpec oneOf)", () => {
    const shape = (spec: Record<string, unknown>) =>
      problems((s) => Object.assign(thing(s).inputProperties, { bad: spec }));
    expect(shape({ type: "date" })[0]).toMatch(/inputProperties\/bad: must be exactly one of .* \(matches 0/);
    expect(shape({ type: "array" })[0]).toMatch(/matches 0/); // an array needs items
    expect(shape({ type: "string", items: { type: "string" } })[0]).toMatch(/matches 0/);
    expect(shape({ oneOf: [{ type: "string" }] })[0]).toMatch(/matches 0/); // a union of one
    expect(shape({ type: "array", items: { type: "uuid" } })).toEqual([
      `#/resources/${R}/inputProperties/bad/items: must be exactly one of a primitive, array, map, named or union type (matches 0: {"type":"uuid"})`,
    ]);
    expect(shape({ type: "string", plain: "yes" })).toEqual([
      `#/resources/${R}/inputProperties/bad/plain: must be a boolean`,
    ]);
  });

  it("refuses a reference to a member that does not exist or of an unknown form ($ref, bindTypeSpecRef)", () => {
    const ref = ($ref: string) => problems((s) => Object.assign(thing(s).inputProperties, { bad: { $ref } }));
    expect(ref("#/types/aoai-platform:index:Missing")).toEqual([
      `#/resources/${R}/inputProperties/bad/$ref: reference #/types/aoai-platform:index:Missing: no types member aoai-platform:index:Missing in this schema`,
    ]);
    expect(ref("#/resources/aoai-platform:index:Missing")[0]).toMatch(/no resources member/);
    expect(ref("#/things/x")[0]).toMatch(/invalid type reference/);
    expect(ref("/azure-native/3.28.0/schema.json#/types/x")[0]).toMatch(
      /\/<package>\/v<semver>\/schema.json/,
    );
    expect(ref("azure-native")[0]).toMatch(/has no #\/types\//);
  });

  it("refuses an enum value of another type than the enum's and a type neither object nor enum", () => {
    expect(
      problems((s) => {
        s.types["aoai-platform:index:Kind"].enum.push({ value: 3 } as never);
      }),
    ).toEqual(["#/types/aoai-platform:index:Kind/enum/2/value: invalid constant 3 for a string enum"]);
    expect(
      problems((s) => {
        Object.assign(s.types, { "aoai-platform:index:Odd": { type: "string" } });
      }),
    ).toEqual([
      "#/types/aoai-platform:index:Odd: must be either an object type (type: object) or an enum (a primitive type and enum values)",
    ]);
  });

  it("refuses reserved output names and tokens that differ only in case (bindResourceDetails, checkDuplicates)", () => {
    expect(problems((s) => Object.assign(thing(s).properties, { urn: { type: "string" } }))).toEqual([
      `#/resources/${R}/properties/urn: urn is a reserved property name`,
    ]);
    expect(problems((s) => (thing(s).isComponent = false))).toEqual([
      `#/resources/${R}/properties/id: id is a reserved property name for resources`,
    ]);
    expect(
      problems((s) =>
        Object.assign(s.resources, { "aoai-platform:index:thing": structuredClone(s.resources[R]) }),
      ),
    ).toEqual([
      `#/resources/aoai-platform:index:thing: multiple tokens map to aoai-platform:index:thing (also #/resources/${R})`,
    ]);
  });

  it("refuses the removed resource-level plain lists and non-boolean flags", () => {
    expect(problems((s) => (thing(s).plainInputs = ["name"]))).toEqual([
      `#/resources/${R}/plainInputs: plainInputs has been removed; mark property types plain`,
    ]);
    expect(problems((s) => (thing(s).isComponent = "true" as never))).toContain(
      `#/resources/${R}/isComponent: must be a boolean`,
    );
  });
});
