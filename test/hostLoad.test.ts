/**
 * How the Pulumi CLI loads our code: the program through pulumi-language-nodejs (cmd/run), the policy
 * pack through the analyzer (cmd/run-policy-pack). test/support/languageHostRun.js reproduces the
 * host's working directory, argv and environment; these tests show it does, on fixture projects.
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { promisify } from "node:util";
import * as grpc from "@grpc/grpc-js";
import { AnalyzerClient } from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import type { AnalyzerInfo } from "@pulumi/pulumi/proto/analyzer_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { afterEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { POLICIES } from "../policy/policies";

const execFileAsync = promisify(execFile);

async function hostRun(project: string) {
  const dir = `test/fixtures/${project}`;
  try {
    const { stdout } = await execFileAsync(process.execPath, [
      "test/support/languageHostRun.js",
      dir,
      `${dir}/Pulumi.fixture.yaml`,
      "fixture",
    ]);
    return { ...JSON.parse(stdout), stderr: "" };
  } catch (error) {
    const failed = error as { stdout: string; stderr: string };
    return { ...JSON.parse(failed.stdout), stderr: failed.stderr };
  }
}

describe("the language host run, as the CLI does it", () => {
  it("runs main from its own folder and passes the runtime options as the host's environment", async () => {
    const result = await hostRun("host-subfolder");
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toEqual({
      cwd: resolve("test/fixtures/host-subfolder/program"),
      typescript: "true",
      tsconfig: "../tsconfig.program.json",
      stack: "fixture",
    });
  });

  it("resolves a tsconfig option from main's folder, so a path written from the root fails (pulumi/pulumi#10022)", async () => {
    const result = await hostRun("host-subfolder-root-tsconfig");
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toContain(
      "tsconfig path was set to tsconfig.program.json but the file was not found",
    );
  });

  it("loads this project's main as JavaScript: no ts-node, so nothing is type-checked at load", () => {
    const project = parse(readFileSync("Pulumi.yaml", "utf8"));
    expect(project.runtime.options.typescript).toBe(false);
    expect(project.main).toMatch(/\.c?js$/);
  });
});

describe("the policy pack, as the analyzer starts it", () => {
  let pack: ChildProcess | undefined;
  afterEach(() => {
    pack?.kill();
  });

  it("policy/package.json main starts the analyzer server through cmd/run-policy-pack", async () => {
    const manifest = JSON.parse(readFileSync("policy/package.json", "utf8"));
    expect(manifest.main).toMatch(/\.c?js$/);
    // pulumi-analyzer-policy: node <run-policy-pack> <engine address> <policy pack folder>, in that folder.
    pack = spawn(
      process.execPath,
      [require.resolve("@pulumi/pulumi/cmd/run-policy-pack"), "127.0.0.1:0", "."],
      { cwd: "policy", stdio: ["ignore", "pipe", "inherit"] },
    );
    const [chunk] = (await once(pack.stdout as NodeJS.ReadableStream, "data")) as [Buffer];
    const port = Number(chunk.toString().trim());
    expect(port).toBeGreaterThan(0);
    const client = new AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    const info = await new Promise<AnalyzerInfo>((ok, fail) =>
      client.getAnalyzerInfo(new Empty(), (error, response) => (error ? fail(error) : ok(response))),
    );
    client.close();
    expect(info.getName()).toBe("aoai-platform-baseline");
    expect(info.getPoliciesList().map((p) => p.getName())).toEqual(POLICIES.map((p) => p.name));
  });
});
