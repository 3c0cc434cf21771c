import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";
import Ajv2020 from "ajv/dist/2020";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { CONFIG_NAMESPACE } from "../src/config/load";

const run = promisify(execFile);

interface HostRun {
  exitCode: number;
  types: string[];
  outputs: Record<string, unknown> | undefined;
}
const project = parse(readFileSync("Pulumi.yaml", "utf8"));

describe("Pulumi.yaml", () => {
  it("validates against Pulumi's project schema", () => {
    const schema = JSON.parse(readFileSync("../shared/schemas/pulumi-project.schema.json", "utf8"));
    const validate = new Ajv2020({ strict: false, allErrors: true }).compile(schema);
    expect(validate(project), JSON.stringify(validate.errors)).toBe(true);
  });

  it("names the config namespace the program reads and runs TypeScript through the language host", () => {
    expect(project.name).toBe(CONFIG_NAMESPACE);
    expect(project.runtime).toEqual({ name: "nodejs", options: { typescript: true, packagemanager: "npm" } });
    expect(project.main).toBe("src/index.ts");
  });
});

describe("the program as the Node.js language host loads it", () => {
  it("registers ts-node, requires Pulumi.yaml main, runs the exported function and returns the outputs", async () => {
    const { stdout } = await run(process.execPath, [
      "test/support/languageHostRun.js",
      project.main,
      "Pulumi.dev.yaml",
      "dev",
    ]);
    const result = JSON.parse(stdout) as HostRun;
    expect(result.exitCode).toBe(0);
    expect(result.types).toContain("azure-native:cognitiveservices:Account");
    expect(result.types.filter((t) => t === "azure-native:cognitiveservices:Deployment")).toHaveLength(2);
    expect(result.outputs?.AZURE_OPENAI_ENDPOINT).toBe("https://aoai-contoso-dev-swc.openai.azure.com/");
    expect(result.outputs?.modelDeployments).toEqual({
      "gpt-4.1-mini": "chat",
      "text-embedding-3-small": "embeddings",
    });
  });

  it("fails before registering any resource when the config is invalid, naming the key without a stack trace", async () => {
    const failure = await run(process.execPath, [
      "test/support/languageHostRun.js",
      project.main,
      "test/fixtures/Pulumi.invalid.yaml",
      "invalid",
    ]).then(
      () => undefined,
      (error: { stderr: string; stdout: string }) => error,
    );
    expect(failure).toBeDefined();
    const result = JSON.parse(failure?.stdout ?? "") as HostRun;
    expect(result.exitCode).not.toBe(0);
    expect(result.types).toEqual(["pulumi:pulumi:Stack"]);
    expect(failure?.stderr).toContain('aoai-platform:environment: "production"');
    expect(failure?.stderr).not.toMatch(/at parseStackConfig/);
  });
});
