import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";
import * as pulumi from "@pulumi/pulumi";
import Ajv2020 from "ajv/dist/2020";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { CONFIG_NAMESPACE } from "../src/config/load";

import { recordResources } from "./support/mockRun";

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
      "gpt-4.1-mini": ["chat"],
      "text-embedding-3-small": ["embeddings"],
    });
  });

  it("fails with a RunError before registering any resource when the config is invalid", async () => {
    // The host prints a RunError's message without a stack trace. This case calls the exported
    // function directly: the host's error path under an in-process mock monitor spends tens of
    // seconds in garbage collection after the program fails, which is an artefact of the harness.
    const resources = await recordResources(() => undefined);
    const values = readFileSync("test/fixtures/Pulumi.invalid.yaml", "utf8");
    const config = parse(values).config as Record<string, unknown>;
    pulumi.runtime.setAllConfig(
      Object.fromEntries(
        Object.entries(config).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]),
      ),
    );
    const before = resources.length;
    const { default: runProgram } = await import("../src/index.js");
    const failure = await runProgram().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(pulumi.RunError);
    expect((failure as Error).message).toContain('aoai-platform:environment: "production"');
    expect((failure as Error).message).toContain("aoai-platform:accounts[0].deployments[0].capacity: 30");
    expect(resources.length).toBe(before);
  });
});
