import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { type BuildOptions, buildSync } from "esbuild";
import { describe, expect, it } from "vitest";
import { freshBundle } from "../src/bundleCache.cjs";
import { tempDir } from "./support/tempDir";

function project() {
  const dir = tempDir("aoai-bundle-");
  mkdirSync(join(dir, "src"));
  writeFileSync(join(dir, "tsconfig.json"), "{}");
  writeFileSync(join(dir, "src", "main.ts"), 'import { value } from "./value";\nexport = () => value;\n');
  writeFileSync(join(dir, "src", "value.ts"), "export const value: number = 1;\n");
  let builds = 0;
  const options = {
    projectDir: dir,
    cacheDir: join(dir, "cache"),
    build: (o: BuildOptions & { metafile: true; write: false }) => {
      builds++;
      return buildSync(o);
    },
  };
  const run = () => {
    const bundle = freshBundle("src/main.ts", options);
    return { bundle, value: (createRequire(bundle)(bundle) as () => unknown)(), builds };
  };
  return { dir, run };
}

describe("freshBundle (the cached esbuild bundles of the program, plan and policy pack)", () => {
  it("builds once, then reuses the bundle without running esbuild while no input changed", () => {
    const { run } = project();
    const first = run();
    const second = run();
    expect(first).toMatchObject({ value: 1, builds: 1 });
    expect(second).toEqual({ ...first, builds: 1 });
  });

  it("rebuilds when an imported file's content changes, so the bundle is never stale", () => {
    const { dir, run } = project();
    const first = run();
    writeFileSync(join(dir, "src", "value.ts"), "export const value: number = 2;\n");
    const second = run();
    expect(second.value).toBe(2);
    expect(second.builds).toBe(2);
    expect(second.bundle).not.toBe(first.bundle);
  });

  it("follows an added import and one that is removed, whose file may then go", () => {
    const { dir, run } = project();
    run();
    writeFileSync(join(dir, "src", "extra.ts"), "export const extra = 40;\n");
    writeFileSync(
      join(dir, "src", "value.ts"),
      'import { extra } from "./extra";\nexport const value: number = extra + 2;\n',
    );
    expect(run()).toMatchObject({ value: 42, builds: 2 });
    writeFileSync(join(dir, "src", "extra.ts"), "export const extra = 0;\n");
    expect(run()).toMatchObject({ value: 2, builds: 3 });
    writeFileSync(join(dir, "src", "value.ts"), "export const value: number = 7;\n");
    expect(run()).toMatchObject({ value: 7, builds: 4 });
    rmSync(join(dir, "src", "extra.ts"));
    expect(run()).toMatchObject({ value: 7, builds: 4 });
  });

  it("rebuilds when the tsconfig changes and writes a source map only when asked", () => {
    const { dir, run } = project();
    const first = run();
    writeFileSync(join(dir, "tsconfig.json"), '{ "compilerOptions": {} }');
    expect(run().builds).toBe(first.builds + 1);
    const mapped = freshBundle("src/main.ts", { projectDir: dir, cacheDir: join(dir, "cache") });
    expect(readFileSync(mapped, "utf8")).not.toContain("sourceMappingURL");
    const withMap = freshBundle("src/main.ts", {
      projectDir: dir,
      cacheDir: join(dir, "cache"),
      sourcemap: true,
    });
    expect(readFileSync(withMap, "utf8")).toContain(`sourceMappingURL=${withMap.split("/").pop()}.map`);
    const { sources } = JSON.parse(readFileSync(`${withMap}.map`, "utf8")) as { sources: string[] };
    expect(sources.sort()).toEqual(["../src/main.ts", "../src/value.ts"]);
  });
});
