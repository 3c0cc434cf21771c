/**
 * Runs `npm run preflight`'s CLI function against a fresh fake Resource Manager: a stack file, a
 * subscription where everything the stack needs is there, a fixed-token credential and a clock
 * whose waits take no real time.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { TokenCredential } from "@azure/identity";
import { afterEach } from "vitest";
import { stringify } from "yaml";
import type { Clock } from "../../src/preflight/clock";
import { runPreflightCli } from "../../src/preflight/main";
import type { CheckResult } from "../../src/preflight/model";
import type { PreflightReport } from "../../src/preflight/report";
import { FAKE_TOKEN, type FakeArm, type FakeArmState, offer, startFakeArm, usage } from "./fakeArm";
import { CONTRIBUTOR, RBAC_ADMINISTRATOR } from "./fakeArmResources";
import { tempDir } from "./tempDir";

export const SUBSCRIPTION = "11111111-2222-3333-4444-555555555555";
export const RG = "rg-pf";
export const RG_ID = `/subscriptions/${SUBSCRIPTION}/resourceGroups/${RG}`;

export const tokenCredential = (token: string): TokenCredential => ({
  getToken: async () => ({ token, expiresOnTimestamp: Date.now() + 3_600_000 }),
});
export const fixedToken = tokenCredential(FAKE_TOKEN);

/** A stack file with one account in swedencentral (chat + embeddings); `extra` adds or replaces keys. */
export function stackFile(chatCapacity = 20, extra: Record<string, unknown> = {}): string {
  const path = join(tempDir("aoai-preflight-"), "Pulumi.pf.yaml");
  const config = {
    "aoai-platform:environment": "dev",
    "aoai-platform:location": "swedencentral",
    "aoai-platform:resourceGroup": { name: RG },
    "aoai-platform:accounts": [
      {
        name: "aoai-pf-swc",
        deployments: [
          {
            name: "chat",
            model: "gpt-4.1-mini",
            version: "2025-04-14",
            sku: "GlobalStandard",
            capacity: chatCapacity,
          },
          {
            name: "embeddings",
            model: "text-embedding-3-small",
            version: "1",
            sku: "Standard",
            capacity: 10,
          },
        ],
      },
    ],
    "aoai-platform:quota": [
      { region: "swedencentral", sku: "GlobalStandard", model: "gpt-4.1-mini", limit: 1000 },
    ],
    ...extra,
  };
  writeFileSync(path, stringify({ config }));
  return path;
}

/** A subscription where everything the stack needs is free: the "all well" baseline. */
export function healthySubscription(): FakeArmState {
  return {
    subscriptionId: SUBSCRIPTION,
    models: {
      swedencentral: [
        offer("OpenAI", "gpt-4o", "2024-11-20", ["Standard", "GlobalStandard"]),
        offer("OpenAI", "gpt-4.1", "2025-04-14", ["GlobalStandard", "DataZoneStandard"]),
        offer("OpenAI", "gpt-4.1-mini", "2025-04-14", ["GlobalStandard", "DataZoneStandard"], {
          isDefaultVersion: true,
        }),
        offer("OpenAI", "text-embedding-3-small", "1", ["Standard", "GlobalStandard"], {
          isDefaultVersion: true,
        }),
        offer("AIServices", "text-embedding-3-small", "1", ["Standard"]),
      ],
    },
    usages: {
      swedencentral: [
        usage("AccountCount", 3, 200),
        usage("OpenAI.GlobalStandard.gpt-4.1", 0, 1000),
        usage("OpenAI.GlobalStandard.gpt-4.1-mini", 100, 1000),
        usage("OpenAI.Standard.text-embedding-3-small", 0, 350),
      ],
    },
    accounts: [],
    takenSubdomains: {},
    deletedAccounts: [],
    errors: {},
    resourceGroups: { [RG]: "swedencentral" },
    resources: {},
    permissions: { [RG_ID.toLowerCase()]: [CONTRIBUTOR, RBAC_ADMINISTRATOR] },
  };
}

/** A clock whose sleeps add to virtual time at once; `slept` lists every wait asked for. */
export function fakeClock(start = new Date("2026-06-01T00:00:00Z")): { clock: Clock; slept: number[] } {
  const slept: number[] = [];
  let virtual = 0;
  return {
    slept,
    clock: {
      now: () => performance.now() + virtual,
      sleep: async (ms) => {
        slept.push(ms);
        virtual += ms;
      },
      random: () => 0.5,
      date: () => new Date(start.getTime() + virtual),
    },
  };
}

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
  fake: FakeArm;
}

export interface RunOptions {
  env?: Record<string, string>;
  clock?: Clock;
  credential?: TokenCredential;
}

let fakes: FakeArm[] = [];
afterEach(async () => {
  await Promise.all(fakes.map((f) => f.close()));
  fakes = [];
});

/** Runs the CLI against a fresh fake; `args` come after `--stack pf --arm-endpoint <fake>`. */
export async function preflightWithout(
  state: FakeArmState,
  args: string[],
  options: RunOptions = {},
): Promise<Run> {
  const fake = await startFakeArm(state);
  fakes.push(fake);
  let stdout = "";
  let stderr = "";
  const code = await runPreflightCli(["--stack", "pf", "--arm-endpoint", fake.url, ...args], {
    env: options.env ?? {},
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    credential: () => options.credential ?? fixedToken,
    clock: options.clock ?? fakeClock().clock,
  });
  return { code, stdout, stderr, fake };
}

export const preflight = (state: FakeArmState, ...args: string[]) =>
  preflightWithout(state, ["--subscription", SUBSCRIPTION, ...args]);

export async function results(
  state: FakeArmState,
  configFile = stackFile(),
  options: RunOptions = {},
): Promise<{ code: number; rows: CheckResult[] }> {
  const run = await preflightWithout(
    state,
    ["--subscription", SUBSCRIPTION, "--config-file", configFile, "--json"],
    options,
  );
  const report = JSON.parse(run.stdout) as PreflightReport;
  return { code: run.code, rows: report.results };
}

export const failures = (rows: CheckResult[]) => rows.filter((r) => r.status === "FAIL");
export const rowsOf = (rows: CheckResult[], check: CheckResult["check"]) =>
  rows.filter((r) => r.check === check);
