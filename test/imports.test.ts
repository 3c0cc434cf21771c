import { resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { findCycles, importGraph, projectImportCycles } from "./support/importCycles";

const projectDir = resolve(__dirname, "..");
const options: ts.CompilerOptions = {
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
};

function cyclesOf(files: Record<string, string>): string[][] {
  const sources = new Map(Object.entries(files).map(([name, text]) => [resolve("/virtual", name), text]));
  return findCycles(importGraph(sources, options)).map((cycle) =>
    cycle.map((file) => file.replace("/virtual/", "")),
  );
}

describe("import cycles", () => {
  it("src/, components/ and policy/ import one another without a cycle (type-only imports count)", () => {
    expect(projectImportCycles(projectDir, ["src", "components", "policy"])).toEqual([]);
  });

  it("finds a cycle made of type-only imports and re-exports", () => {
    expect(
      cyclesOf({
        "a.ts": 'import type { B } from "./b";\nexport interface A { b: B }',
        "b.ts": 'export type { C as B } from "./c";',
        "c.ts": 'import { type A } from "./a";\nexport interface C { a: A }',
        "d.ts": 'import type { A } from "./a";',
      }),
    ).toEqual([["a.ts", "b.ts", "c.ts", "a.ts"]]);
  });

  it("finds cycles through import() types, require and a file importing itself; none in a tree", () => {
    expect(
      cyclesOf({
        "a.ts": 'export type B = typeof import("./b");',
        "b.ts": 'const a = require("./a");\nexport default a;',
        "self.ts": 'import type { X } from "./self";\nexport type X = string;',
      }),
    ).toEqual([
      ["a.ts", "b.ts", "a.ts"],
      ["self.ts", "self.ts"],
    ]);
    expect(cyclesOf({ "a.ts": 'import "./b";', "b.ts": 'import "./c";', "c.ts": "export {};" })).toEqual([]);
  });

  it("refuses a relative import it cannot resolve rather than ignoring the edge", () => {
    expect(() => cyclesOf({ "a.ts": 'import type { X } from "./missing";' })).toThrow(
      'cannot resolve the import "./missing"',
    );
  });
});
