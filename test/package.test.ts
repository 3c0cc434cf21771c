import { execFile } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "./support/tempDir";

const run = promisify(execFile);
const repo = resolve(".");
const bin = (name: string) => join(repo, "node_modules", ".bin", name);

/** The SDKs a consumer brings itself (peer dependencies), linked from this repo's install. */
const LINKED = ["@pulumi/pulumi", "@pulumi/azure-native", "@pulumi/azuread", "@types/node"];

const RUNNER = `
import * as pulumi from "@pulumi/pulumi";

async function main() {
  const types: string[] = [];
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        types.push(args.type);
        return { id: \`\${args.name}-id\`, state: { ...args.inputs, name: args.inputs.accountName ?? args.name } };
      },
      call: (args) => args.inputs,
    },
    "team-ai-stack",
    "dev",
    true,
  );
  const program = require("./index");
  const outputs = await pulumi.runtime.runInPulumiStack(program);
  await pulumi.runtime.disconnect();
  process.stdout.write(JSON.stringify({ types, outputs }));
}
main();
`;

describe("the components package, packed and consumed by another stack", () => {
  let consumer = "";
  let tarball = "";

  beforeAll(async () => {
    const work = tempDir("aoai-consumer-");
    const { stdout } = await run("npm", ["pack", "--json", "--pack-destination", work], { cwd: repo });
    const [packed] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
    tarball = join(work, packed?.filename ?? "");
    consumer = join(work, "consumer");
    cpSync(join(repo, "examples", "consumer"), consumer, { recursive: true });
    // Only the tarball and its own dependencies are installed, from the npm registry as a consumer
    // would (a warm cache is used when there is one, never required); the peer SDKs are linked
    // below, as a consumer's own copies would be.
    writeFileSync(
      join(consumer, "package.json"),
      JSON.stringify({
        name: "team-ai-stack",
        private: true,
        dependencies: { "aoai-platform": `file:${tarball}` },
      }),
    );
    await run(
      "npm",
      ["install", "--prefer-offline", "--legacy-peer-deps", "--no-audit", "--no-fund", "--ignore-scripts"],
      {
        cwd: consumer,
      },
    );
    for (const name of LINKED) {
      const target = join(consumer, "node_modules", name);
      mkdirSync(dirname(target), { recursive: true });
      symlinkSync(realpathSync(join(repo, "node_modules", name)), target, "dir");
    }
  }, 300_000);

  it("ships only the built package: components, config schemas, rules, docs", () => {
    const installed = JSON.parse(
      readFileSync(join(consumer, "node_modules", "aoai-platform", "package.json"), "utf8"),
    );
    expect(installed.peerDependencies).toMatchObject({
      "@pulumi/pulumi": expect.any(String),
      "@pulumi/azure-native": expect.any(String),
    });
    expect(installed.dependencies).not.toHaveProperty("@pulumi/pulumi");
    const root = join(consumer, "node_modules", "aoai-platform");
    for (const entry of [
      "dist/components/index.js",
      "dist/components/index.d.ts",
      "dist/src/config/index.js",
      "CHANGELOG.md",
    ]) {
      expect(() => readFileSync(join(root, entry))).not.toThrow();
    }
    expect(() => readFileSync(join(root, "src/plan/cli.ts"))).toThrow();
    expect(() => readFileSync(join(root, "test/config.test.ts"))).toThrow();
  });

  it("type-checks the consumer program against the installed package", async () => {
    await expect(run(bin("tsc"), ["-p", join(consumer, "tsconfig.json")])).resolves.toBeDefined();
  });

  it("exposes the config schemas to consumers through the ./config export", async () => {
    const check = `const { parseStackConfig } = require("aoai-platform/config");
try { parseStackConfig({ environment: "qa" }, "x"); } catch (e) { process.stdout.write(e.name + ": " + e.problems.map((p) => p.key).join(",")); }`;
    const { stdout } = await run(process.execPath, ["-e", check], { cwd: consumer });
    expect(stdout).toMatch(/^ConfigError: aoai-platform:environment,/);
  });

  it("runs the consumer program under mocks", async () => {
    writeFileSync(join(consumer, "run-mocked.ts"), RUNNER);
    const { stdout } = await run(bin("tsx"), ["run-mocked.ts"], { cwd: consumer });
    const result = JSON.parse(stdout) as { types: string[]; outputs: Record<string, unknown> };
    expect(result.types).toEqual(
      expect.arrayContaining([
        "aoai-platform:index:OpenAIAccount",
        "azure-native:cognitiveservices:Account",
        "azure-native:cognitiveservices:RaiPolicy",
        "azure-native:cognitiveservices:Deployment",
      ]),
    );
    expect(result.outputs).toEqual({
      endpoint: "https://aoai-team-ai-weu.openai.azure.com/",
      deployments: { "gpt-4.1-mini": ["chat"] },
    });
  });
});
