import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";
import * as pulumi from "@pulumi/pulumi";
import Ajv2020 from "ajv/dist/2020";
import { describe, expect, it } from "vitest";
import { CONFIG_NAMESPACE } from "../src/config/load";
import { readGoYaml } from "../src/plan/goYaml";
import { readStackConfigFile } from "../src/plan/stackFile";
import { recordResources } from "./support/mockRun";
import { pulumiProjectSchema } from "./support/pulumiProjectSchema";

const run = promisify(execFile);

interface HostRun {
  exitCode: number;
  types: string[];
  outputs: Record<string, unknown> | undefined;
}
/** Pulumi.yaml as the Pulumi CLI reads it (gopkg.in/yaml.v2, like the stack files). */
const readProject = (text: string) => readGoYaml(text).value as Record<string, unknown> & { main: string };
const projectText = readFileSync("Pulumi.yaml", "utf8");
const project = readProject(projectText);
const validateProject = new Ajv2020({ allErrors: true }).compile(pulumiProjectSchema);

describe("Pulumi.yaml", () => {
  it("validates against the project file schema written from Pulumi's documentation", () => {
    expect(validateProject(project), JSON.stringify(validateProject.errors)).toBe(true);
  });

  it.each([
    ["a missing name", (t: string) => t.replace(/^name: .*$/m, "")],
    ["a name with a space", (t: string) => t.replace(/^name: .*$/m, "name: aoai platform")],
    ["an unknown runtime", (t: string) => t.replace("name: nodejs", "name: deno")],
    ["typescript as text", (t: string) => t.replace("typescript: false", 'typescript: "false"')],
    ["an unknown package manager", (t: string) => t.replace("packagemanager: npm", "packagemanager: npmm")],
    ["a misspelt runtime option", (t: string) => t.replace("typescript: false", "typeScript: false")],
    ["a misspelt attribute", (t: string) => t.replace(/^main: /m, "mian: ")],
  ])("refuses a Pulumi.yaml with %s", (_, breakIt) => {
    const broken = breakIt(projectText);
    expect(broken).not.toBe(projectText);
    expect(validateProject(readProject(broken))).toBe(false);
  });

  it("names the config namespace the program reads and runs its JavaScript entry without ts-node", () => {
    expect(project.name).toBe(CONFIG_NAMESPACE);
    expect(project.runtime).toEqual({
      name: "nodejs",
      options: { typescript: false, packagemanager: "npm" },
    });
    expect(project.main).toBe("src/pulumiMain.cjs");
  });
});

describe("the program as the Node.js language host loads it", () => {
  it("runs Pulumi.yaml main from its folder, as the CLI does, and returns the program's outputs", async () => {
    // The config as the CLI reads Pulumi.dev.yaml and the language host passes it to the program.
    const file = readStackConfigFile("Pulumi.dev.yaml");
    const env = {
      ...process.env,
      PULUMI_CONFIG: JSON.stringify(file.values),
      PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(file.secretKeys),
    };
    const { stdout } = await run(
      process.execPath,
      ["test/support/languageHostRun.js", ".", "Pulumi.dev.yaml", "dev"],
      { env },
    );
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
    pulumi.runtime.setAllConfig(readStackConfigFile("test/fixtures/Pulumi.invalid.yaml").values);
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

  it("never prints a secret in the RunError: keys the language host marks secret and the webhook URL", async () => {
    const values = readStackConfigFile("Pulumi.dev.yaml").values;
    pulumi.runtime.setAllConfig({
      ...values,
      "aoai-platform:resourceGroup": JSON.stringify({ name: "rg/S3CRET-NAME" }),
      "aoai-platform:alertWebhookUrl": "http://hooks.example.com/a?token=T0KEN-VALUE",
      "aoai-platfrom:budget": "{}",
    });
    process.env.PULUMI_CONFIG_SECRET_KEYS = JSON.stringify(["aoai-platform:resourceGroup"]);
    try {
      const { default: runProgram } = await import("../src/index.js");
      const failure = (await runProgram().then(
        () => undefined,
        (error: unknown) => error,
      )) as Error;
      expect(failure).toBeInstanceOf(pulumi.RunError);
      expect(failure.message).toContain("aoai-platform:resourceGroup.name: [secret]:");
      expect(failure.message).toContain("aoai-platform:alertWebhookUrl: [secret]:");
      expect(failure.message).toContain("did you mean aoai-platform:budget?");
      expect(failure.message).not.toMatch(/S3CRET|T0KEN/);
    } finally {
      delete process.env.PULUMI_CONFIG_SECRET_KEYS;
    }
  });
});
