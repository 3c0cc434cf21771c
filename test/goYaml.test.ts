import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { type GoValue, readGoYaml } from "../src/plan/goYaml";

const cliValue = (scalar: string): GoValue => (readGoYaml(`v: ${scalar}\n`).value as { v: GoValue }).v;
/** The `yaml` package's own YAML 1.1 schema, to show where it agrees with yaml.v2 and where not. */
const yaml11Package = (scalar: string): unknown =>
  (parse(`v: ${scalar}\n`, { version: "1.1" }) as { v: unknown }).v;

/**
 * What gopkg.in/yaml.v2 decodes each plain scalar to (resolve.go), and whether the `yaml` package's
 * YAML 1.1 schema agrees. It does not always: hence a reader of our own.
 */
const SCALARS: [text: string, yamlV2: GoValue, yaml11PackageAgrees: boolean][] = [
  ["0150", 104, true], // octal: Go's ParseInt with base 0
  ["0x1F", 31, true],
  ["-0x1F", -31, true],
  ["0o17", 15, false], // Go accepts 0o; the package's 1.1 schema keeps the text
  ["0b101", 5, true],
  ["1_000", 1000, true],
  ["08", 8, true], // not octal: a float for yaml.v2, a decimal for the package
  ["+12", 12, true],
  ["1.5", 1.5, true],
  ["1e3", 1000, true],
  [".5", 0.5, true],
  ["yes", true, true],
  ["Yes", true, true],
  ["NO", false, true],
  ["on", true, true],
  ["OFF", false, true],
  ["y", true, true],
  ["n", false, true],
  ["True", true, true],
  ["~", null, true],
  ["null", null, true],
  ["", null, true],
  ["1:30", "1:30", false], // sexagesimal: dropped by yaml.v2, 90 for the package
  ["2026-12-01", "2026-12-01", false], // a timestamp decodes into interface{} as its text; a Date for the package
  ["noon", "noon", true],
  ['"0150"', "0150", true],
  ["'yes'", "yes", true],
];

describe("reading YAML as gopkg.in/yaml.v2 does (the Pulumi CLI's reader)", () => {
  it.each(SCALARS)("plain scalar %s", (text, yamlV2, agrees) => {
    expect(cliValue(text)).toEqual(yamlV2);
    const fromPackage = yaml11Package(text);
    expect(Object.is(fromPackage, yamlV2) || JSON.stringify(fromPackage) === JSON.stringify(yamlV2)).toBe(
      agrees,
    );
  });

  it("resolves explicit tags, and refuses a value that does not fit its tag", () => {
    expect(cliValue('!!bool "no"')).toBe(false);
    expect(cliValue("!!bool yes")).toBe(true);
    expect(cliValue('!!int "0150"')).toBe(104);
    expect(cliValue("!!str 0150")).toBe("0150");
    expect(cliValue("!!float 1")).toBe(1);
    expect(cliValue("!!binary aGVsbG8=")).toBe("hello");
    expect(() => readGoYaml("v: !!bool maybe")).toThrow(/!!bool tag on a value that is not a bool/);
    expect(() => readGoYaml("v: !!int 1.5")).toThrow(/!!int tag/);
  });

  it("drops a tag it does not know and notes it", () => {
    const { value, notes } = readGoYaml("v: !Disabled off\n");
    expect(value).toEqual({ v: "off" });
    expect(notes).toContainEqual({ kind: "ignored-tag", path: ["v"], text: "!Disabled" });
  });

  it("applies merge keys in document order: a key before << is overridden, a key after it wins", () => {
    const text = [
      "base: &base { capacity: 10, sku: Standard }",
      "before: { capacity: 50, <<: *base }",
      "after: { <<: *base, capacity: 50 }",
      "list: { <<: [{ capacity: 1 }, { capacity: 2, sku: GlobalStandard }] }",
    ].join("\n");
    const { value, notes } = readGoYaml(text);
    expect(value).toMatchObject({
      before: { capacity: 10, sku: "Standard" },
      after: { capacity: 50, sku: "Standard" },
      list: { capacity: 1, sku: "GlobalStandard" },
    });
    // The yaml package (and the YAML merge-key spec) keep the explicit key: the CLI does not.
    expect((parse(text, { version: "1.1" }) as { before: unknown }).before).toEqual({
      capacity: 50,
      sku: "Standard",
    });
    expect(notes).toEqual([{ kind: "merge-order", path: ["before", "capacity"], text: "capacity" }]);
    expect(() => readGoYaml("v: { <<: 1 }")).toThrow(/map merge requires a mapping/);
  });

  it("turns scalar map keys into strings as Go's %v does, and keeps the last of duplicate keys", () => {
    const { value, notes } = readGoYaml("m: { yes: 1, 0150: 2, k: 3, k: 4 }\n");
    expect(value).toEqual({ m: { true: 1, "104": 2, k: 4 } });
    expect(notes.map((n) => [n.kind, n.path])).toEqual([
      ["yaml11-key", ["m", "true"]],
      ["yaml11-key", ["m", "104"]],
      ["duplicate-key", ["m", "k"]],
    ]);
  });

  it("notes each plain scalar a YAML 1.2 reader reads differently, with its path", () => {
    const { notes } = readGoYaml("a: [0150, yes, 1_000, 150, text, 0x1F]\n");
    expect(notes).toEqual([
      { kind: "yaml11-scalar", path: ["a", 0], text: "0150", cli: 104, yaml12: 150 },
      { kind: "yaml11-scalar", path: ["a", 1], text: "yes", cli: true, yaml12: "yes" },
      { kind: "yaml11-scalar", path: ["a", 2], text: "1_000", cli: 1000, yaml12: "1_000" },
    ]);
  });

  it("refuses a document whose aliases expand without bound", () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 6; i++)
      levels.push(
        `${"abcdefgh"[i]}: &${"abcdefgh"[i]} [${Array(10)
          .fill(`*${"abcdefgh"[i - 1]}`)
          .join(", ")}]`,
      );
    expect(() => readGoYaml(levels.join("\n"))).toThrow(/excessive aliasing/);
  });

  it("refuses an alias to an unknown anchor and reports a syntax error by position only", () => {
    expect(() => readGoYaml("v: *nope\n")).toThrow(/unknown anchor "nope"/);
    const broken = "a: 1\nsecret: [https://x.example/?token=abc\n";
    expect(() => readGoYaml(broken)).toThrow(/not valid YAML at line \d+, column \d+/);
    expect(() => readGoYaml(broken)).not.toThrow(/token=abc/);
  });
});
