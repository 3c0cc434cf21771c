import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { formatSettings } from "../src/app-env/format";
import { type AppEnvIo, runAppEnv } from "../src/app-env/main";
import { type CommandResult, PLAN_LAUNCHER } from "../src/app-env/sources";

const CHAT_CLIENT_ID = "0f3c1a52-7d4e-4b6a-9c1e-2a5b8d7e6f10";

/** Outputs as `pulumi stack output --json` prints them for a deployed prod stack (no secrets shown). */
const deployedOutputs = {
  primaryAccount: "aoai-contoso-prod-swc",
  AZURE_OPENAI_ENDPOINT: "https://aoai-contoso-prod-swc.openai.azure.com/",
  AZURE_OPENAI_API_VERSION: "2024-10-21",
  OPENAI_API_VERSION: "2024-10-21",
  AZURE_OPENAI_API_INSTANCE_NAME: "aoai-contoso-prod-swc",
  AZURE_OPENAI_CHAT_DEPLOYMENT_NAME: "chat",
  AZURE_OPENAI_API_DEPLOYMENT_NAME: "chat",
  AZURE_OPENAI_EMBEDDING_DEPLOYMENT_NAME: "embeddings",
  AZURE_OPENAI_API_EMBEDDINGS_DEPLOYMENT_NAME: "embeddings",
  AZURE_OPENAI_TOKEN_ENDPOINT: "https://cognitiveservices.azure.com/.default",
  AZURE_OPENAI_ENDPOINTS: { "aoai-contoso-prod-swc": "https://aoai-contoso-prod-swc.openai.azure.com/" },
  modelDeployments: { "gpt-4.1": ["chat"] },
  managedIdentities: {
    "id-chat-api-prod": { id: "/subscriptions/x/id-chat", clientId: CHAT_CLIENT_ID, principalId: "p1" },
    "id-indexer-prod": { id: "/subscriptions/x/id-indexer", clientId: "c2", principalId: "p2" },
  },
  alertWebhookUrl: "[secret]",
};

/** What the offline plan prints: the same outputs, client ids invented by the mocks. */
const planJson = {
  stack: "prod",
  outputs: {
    ...deployedOutputs,
    managedIdentities: {
      "id-chat-api-prod": { id: "x", clientId: "22222222-2222-2222-2222-222222222222", principalId: "p" },
    },
  },
};

interface Call {
  command: string;
  args: readonly string[];
}

function fakeIo(answers: { pulumi?: CommandResult; plan?: CommandResult }) {
  const calls: Call[] = [];
  let stdout = "";
  let stderr = "";
  const io: AppEnvIo = {
    run: async (command, args) => {
      calls.push({ command, args });
      const answer = command === "pulumi" ? answers.pulumi : answers.plan;
      if (!answer) throw new Error(`unexpected command ${command} ${args.join(" ")}`);
      return answer;
    },
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  };
  return { io, calls, out: () => stdout, err: () => stderr };
}

const ok = (value: unknown): CommandResult => ({ code: 0, stdout: JSON.stringify(value), stderr: "" });
const notInstalled: CommandResult = { code: null, stdout: "", stderr: "" };

describe("app-env from the deployed stack (pulumi stack output --json)", () => {
  it("prints a dotenv file of the app settings with the chosen identity's client id", async () => {
    const fake = fakeIo({ pulumi: ok(deployedOutputs) });
    const code = await runAppEnv(["--stack", "prod", "--identity", "id-chat-api-prod"], fake.io);
    expect(code).toBe(0);
    expect(fake.calls).toEqual([
      { command: "pulumi", args: ["stack", "output", "--json", "--stack", "prod", "--non-interactive"] },
    ]);
    expect(fake.out()).toBe(
      [
        "# aoai-platform app settings of stack prod, from pulumi stack output",
        "AZURE_OPENAI_ENDPOINT=https://aoai-contoso-prod-swc.openai.azure.com/",
        "AZURE_OPENAI_API_VERSION=2024-10-21",
        "OPENAI_API_VERSION=2024-10-21",
        "AZURE_OPENAI_API_INSTANCE_NAME=aoai-contoso-prod-swc",
        "AZURE_OPENAI_CHAT_DEPLOYMENT_NAME=chat",
        "AZURE_OPENAI_EMBEDDING_DEPLOYMENT_NAME=embeddings",
        "AZURE_OPENAI_API_DEPLOYMENT_NAME=chat",
        "AZURE_OPENAI_API_EMBEDDINGS_DEPLOYMENT_NAME=embeddings",
        "AZURE_OPENAI_TOKEN_ENDPOINT=https://cognitiveservices.azure.com/.default",
        `AZURE_CLIENT_ID=${CHAT_CLIENT_ID}`,
        "",
      ].join("\n"),
    );
    expect(fake.err()).toBe("");
  });

  it("--format json: one object of the settings, nothing else", async () => {
    const fake = fakeIo({ pulumi: ok(deployedOutputs) });
    expect(
      await runAppEnv(["--stack", "prod", "--format", "json", "--identity", "id-chat-api-prod"], fake.io),
    ).toBe(0);
    const printed = JSON.parse(fake.out()) as Record<string, string>;
    expect(printed.AZURE_OPENAI_ENDPOINT).toBe("https://aoai-contoso-prod-swc.openai.azure.com/");
    expect(printed.AZURE_CLIENT_ID).toBe(CHAT_CLIENT_ID);
    expect(Object.keys(printed)).not.toContain("modelDeployments");
    expect(Object.keys(printed)).not.toContain("alertWebhookUrl");
  });

  it("--format github: NAME=value lines only, for $GITHUB_ENV or $GITHUB_OUTPUT", async () => {
    const fake = fakeIo({ pulumi: ok(deployedOutputs) });
    expect(await runAppEnv(["--stack", "prod", "--format", "github"], fake.io)).toBe(0);
    const lines = fake.out().trimEnd().split("\n");
    expect(lines[0]).toBe("AZURE_OPENAI_ENDPOINT=https://aoai-contoso-prod-swc.openai.azure.com/");
    for (const line of lines) expect(line).toMatch(/^[A-Z][A-Z0-9_]*=[^\s"#]+$/);
    // Several identities and none chosen: no client id, and stderr says how to pick one.
    expect(fake.out()).not.toContain("AZURE_CLIENT_ID");
    expect(fake.err()).toContain(
      "note: AZURE_CLIENT_ID: the stack has several managed identities (id-chat-api-prod, id-indexer-prod); pass --identity <name>",
    );
  });

  it("refuses an unknown identity, suggesting the near miss", async () => {
    const fake = fakeIo({ pulumi: ok(deployedOutputs) });
    expect(await runAppEnv(["--stack", "prod", "--identity", "id-chat-api-prd"], fake.io)).toBe(2);
    expect(fake.out()).toBe("");
    expect(fake.err()).toMatch(
      /--identity: "id-chat-api-prd": no managed identity of that name \(did you mean "id-chat-api-prod"\?\)/,
    );
  });

  it("never prints a key: a secret or key-shaped setting fails the run and is not echoed", async () => {
    const key = "0123456789abcdef0123456789abcdef";
    for (const outputs of [
      { ...deployedOutputs, AZURE_OPENAI_CHAT_DEPLOYMENT_NAME: key },
      { ...deployedOutputs, AZURE_OPENAI_ENDPOINT: "[secret]" },
    ]) {
      const fake = fakeIo({ pulumi: ok(outputs) });
      expect(await runAppEnv(["--stack", "prod"], fake.io)).toBe(2);
      expect(fake.out()).toBe("");
      expect(fake.err()).not.toContain(key);
    }
  });
});

describe("app-env from the offline plan", () => {
  const planCall = (stack: string) => ({
    command: process.execPath,
    args: [PLAN_LAUNCHER, "--stack", stack, "--json"],
  });

  it("falls back to the plan when the pulumi CLI is not installed, without invented client ids", async () => {
    const fake = fakeIo({ pulumi: notInstalled, plan: ok(planJson) });
    expect(await runAppEnv(["--stack", "prod", "--format", "json"], fake.io)).toBe(0);
    expect(fake.calls.map((c) => c.command)).toEqual(["pulumi", process.execPath]);
    expect(fake.calls[1]).toEqual(planCall("prod"));
    const printed = JSON.parse(fake.out()) as Record<string, string>;
    expect(printed.AZURE_OPENAI_CHAT_DEPLOYMENT_NAME).toBe("chat");
    expect(printed).not.toHaveProperty("AZURE_CLIENT_ID");
    expect(fake.err()).toContain("note: the pulumi CLI is not installed; settings from the offline plan");
    expect(fake.err()).toContain(
      "note: AZURE_CLIENT_ID: Azure assigns id-chat-api-prod's client id when it is created",
    );
  });

  it("falls back when pulumi fails or the stack is not deployed, saying why", async () => {
    const failed: CommandResult = { code: 255, stdout: "", stderr: "error: no stack named 'prod' found\n" };
    for (const [pulumi, why] of [
      [failed, "pulumi stack output failed: error: no stack named 'prod' found"],
      [ok({}), "stack prod has no outputs (not deployed yet)"],
    ] as const) {
      const fake = fakeIo({ pulumi, plan: ok(planJson) });
      expect(await runAppEnv(["--stack", "prod"], fake.io)).toBe(0);
      expect(fake.out()).toMatch(/^# aoai-platform app settings of stack prod, from the offline plan\n/);
      expect(fake.err()).toContain(`note: ${why}; settings from the offline plan`);
    }
  });

  it("--offline never asks pulumi; --config-file goes to the plan", async () => {
    const fake = fakeIo({ plan: ok(planJson) });
    expect(await runAppEnv(["--stack", "prod", "--offline", "--config-file", "x.yaml"], fake.io)).toBe(0);
    expect(fake.calls).toEqual([
      { command: process.execPath, args: [...planCall("prod").args, "--config-file", "x.yaml"] },
    ]);
  });

  it("uses a plan with error findings, saying so", async () => {
    const findings: CommandResult = {
      code: 1,
      stdout: JSON.stringify(planJson),
      stderr: "1 error finding(s)\n",
    };
    const fake = fakeIo({ plan: findings });
    expect(await runAppEnv(["--stack", "prod", "--offline"], fake.io)).toBe(0);
    expect(fake.out()).toContain("AZURE_OPENAI_ENDPOINT=https://aoai-contoso-prod-swc.openai.azure.com/");
    expect(fake.err()).toContain("note: the offline plan has error findings: run npm run plan to see them");
  });

  it("exits 1 with the plan's error when the config is invalid", async () => {
    const invalid: CommandResult = {
      code: 2,
      stdout: "",
      stderr: 'Invalid config for stack "prod" (1 problem):\n',
    };
    const fake = fakeIo({ plan: invalid });
    expect(await runAppEnv(["--stack", "prod", "--offline"], fake.io)).toBe(1);
    expect(fake.err()).toContain('the offline plan of stack prod failed:\nInvalid config for stack "prod"');
  });

  it("runs the real plan of the shipped dev stack through the CLI", async () => {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", "src/app-env/cli.ts", "--stack", "dev", "--offline", "--format", "json"],
      { encoding: "utf8" },
    );
    expect(JSON.parse(stdout)).toMatchObject({
      AZURE_OPENAI_ENDPOINT: "https://aoai-contoso-dev-swc.openai.azure.com/",
      OPENAI_API_VERSION: "2024-10-21",
      AZURE_OPENAI_CHAT_DEPLOYMENT_NAME: "chat",
      AZURE_OPENAI_EMBEDDING_DEPLOYMENT_NAME: "embeddings",
    });
    expect(stderr).toContain("AZURE_CLIENT_ID: Azure assigns id-chat-api-dev's client id");
  });
});

describe("usage and formats", () => {
  it("requires --stack and a known --format", async () => {
    const missing = fakeIo({});
    expect(await runAppEnv([], missing.io)).toBe(2);
    expect(missing.err()).toContain("--stack is required");
    const bad = fakeIo({});
    expect(await runAppEnv(["--stack", "prod", "--format", "yaml"], bad.io)).toBe(2);
    expect(bad.err()).toContain('--format: "yaml": use one of dotenv, json, github');
  });

  it("quotes dotenv values that need it and refuses line breaks in every format", () => {
    expect(formatSettings([["A", 'x y"z']], "dotenv", "h")).toBe('# h\nA="x y\\"z"\n');
    for (const format of ["dotenv", "json", "github"] as const) {
      expect(() => formatSettings([["A", "x\nB=y"]], format, "h")).toThrow(/A: a value with a line break/);
    }
  });
});
