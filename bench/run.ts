/**
 * npm run bench [-- --runs N]: median wall time, median CPU time and peak RSS of
 * - the offline plan (dev, prod, generated prod-shaped stacks of 1, 10 and 50 accounts x 10
 *   deployments), as `npm run plan` runs it (src/plan/launch.mjs);
 * - the program loaded through the Node.js language host's own entry point, as `pulumi preview`
 *   loads it (test/support/languageHostRun.js, only the resource monitor mocked), for prod;
 * - the "true floor" of prod and of 50 x 10: a bare Pulumi program, generated from the plan's own
 *   registrations (bench/trueFloor.ts), registering the same resources under mocks;
 * - the SDK-import floor (bench/floor.cjs): a process that only loads the SDK modules.
 * Every run is a fresh Node process; one uncounted warm-up run per case fills the bundle and
 * compile caches, as any second run of a user's finds them; cases run round-robin. Targets: host load <= 2x its true
 * floor, plan prod and plan 50 x 10 <= 0.8x theirs.
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { PlanResult } from "../src/plan/model";
import { renderTable } from "../src/plan/table";
import { generatedStackConfig, stackFileText } from "./stacks";
import { trueFloorSource } from "./trueFloor";

interface Case {
  name: string;
  args: string[];
  deployments: number;
  /** The case whose time this one is compared with, and the target ratio. */
  versus?: { floor: string; target: number };
}

interface Measurement {
  seconds: number;
  cpuSeconds: number;
  rssMb: number;
}

const PROJECT_DIR = join(__dirname, "..");
const DEPLOYMENTS_PER_ACCOUNT = 10;
const GENERATED_ACCOUNTS = [1, 10, 50];

function runOnce(args: string[]): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ["--require", join(__dirname, "maxRss.cjs"), ...args], {
      cwd: PROJECT_DIR,
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const rss = /BENCH_MAX_RSS_KB=(\d+)/.exec(stderr);
      const cpu = /BENCH_CPU_US=(\d+)/.exec(stderr);
      if (code !== 0 || !rss || !cpu) {
        reject(new Error(`${args.join(" ")} exited ${code}:\n${stderr.slice(-2000)}`));
        return;
      }
      resolve({ seconds, cpuSeconds: Number(cpu[1]) / 1e6, rssMb: Number(rss[1]) / 1024 });
    });
  });
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

/**
 * Runs every case `runs` times, round-robin (one run of each case per round, after one warm-up run
 * of each), so a change in the machine's load over time hits every case alike.
 */
async function measureAll(all: Case[], runs: number): Promise<Map<string, Measurement>> {
  for (const benchCase of all) await runOnce(benchCase.args);
  const samples = new Map<string, Measurement[]>(all.map((c) => [c.name, []]));
  for (let i = 0; i < runs; i++) {
    for (const benchCase of all) samples.get(benchCase.name)?.push(await runOnce(benchCase.args));
    process.stderr.write(`  round ${i + 1} of ${runs} done\n`);
  }
  return new Map(
    [...samples].map(([name, list]) => [
      name,
      {
        seconds: median(list.map((s) => s.seconds)),
        cpuSeconds: median(list.map((s) => s.cpuSeconds)),
        rssMb: Math.max(...list.map((s) => s.rssMb)),
      },
    ]),
  );
}

function planOf(planArgs: string[]): PlanResult {
  const json = execFileSync(process.execPath, [...planArgs, "--json"], {
    cwd: PROJECT_DIR,
    maxBuffer: 1 << 30,
    encoding: "utf8",
  });
  return JSON.parse(json) as PlanResult;
}

/** The bare program that registers the same resources as the plan, as a standalone script. */
function writeTrueFloor(dir: string, stack: string, plan: PlanResult): string {
  const file = join(dir, `true-floor-${stack}.cjs`);
  writeFileSync(
    file,
    trueFloorSource(plan.resources, { projectDir: PROJECT_DIR, project: "aoai-platform", stack }),
  );
  return file;
}

/**
 * The same bare program as a Pulumi project for the language host, so that its load through the
 * host shows what the host itself costs. Under node_modules/.cache so the SDKs resolve.
 */
function writeHostTrueFloor(stack: string, plan: PlanResult): string {
  const dir = join(PROJECT_DIR, "node_modules", ".cache", "aoai-bench", `host-floor-${stack}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, "Pulumi.yaml"),
    "name: aoai-platform\nruntime:\n  name: nodejs\n  options:\n    typescript: false\nmain: program.cjs\n",
  );
  writeFileSync(
    join(dir, "program.cjs"),
    trueFloorSource(plan.resources, {
      projectDir: PROJECT_DIR,
      project: "aoai-platform",
      stack,
      hostProgram: true,
    }),
  );
  return dir;
}

/** The cases; the generated stack files and true-floor programs go in `dir`. */
function cases(dir: string): Case[] {
  const plan = (stack: string, configFile?: string) => [
    "src/plan/launch.mjs",
    "--stack",
    stack,
    ...(configFile ? ["--config-file", configFile] : []),
  ];
  const stackFiles = new Map(
    GENERATED_ACCOUNTS.map((accounts) => {
      const file = join(dir, `Pulumi.bench-${accounts}.yaml`);
      writeFileSync(file, stackFileText(generatedStackConfig(accounts, DEPLOYMENTS_PER_ACCOUNT)));
      return [accounts, file] as const;
    }),
  );
  const big = GENERATED_ACCOUNTS.at(-1) as number;
  const bigName = `${big} account(s) x ${DEPLOYMENTS_PER_ACCOUNT}`;
  const generated = GENERATED_ACCOUNTS.map(
    (accounts): Case => ({
      name: `plan ${accounts} account(s) x ${DEPLOYMENTS_PER_ACCOUNT}`,
      args: plan(`bench-${accounts}`, stackFiles.get(accounts)),
      deployments: accounts * DEPLOYMENTS_PER_ACCOUNT,
      ...(accounts === big ? { versus: { floor: `true floor ${bigName}`, target: 0.8 } } : {}),
    }),
  );
  const prod = planOf(plan("prod"));
  return [
    { name: "SDK imports only (bench/floor.cjs)", args: [join(__dirname, "floor.cjs")], deployments: 0 },
    { name: "true floor prod", args: [writeTrueFloor(dir, "prod", prod)], deployments: 4 },
    {
      name: `true floor ${bigName}`,
      args: [writeTrueFloor(dir, `bench-${big}`, planOf(plan(`bench-${big}`, stackFiles.get(big))))],
      deployments: big * DEPLOYMENTS_PER_ACCOUNT,
    },
    {
      name: "true floor prod through the host",
      args: ["test/support/languageHostRun.js", writeHostTrueFloor("prod", prod), "Pulumi.prod.yaml", "prod"],
      deployments: 4,
    },
    {
      name: "host load prod (pulumi preview's load)",
      args: ["test/support/languageHostRun.js", ".", "Pulumi.prod.yaml", "prod"],
      deployments: 4,
      versus: { floor: "true floor prod", target: 2 },
    },
    {
      name: "host load prod, against the bare program through the host",
      args: ["test/support/languageHostRun.js", ".", "Pulumi.prod.yaml", "prod"],
      deployments: 4,
      versus: { floor: "true floor prod through the host", target: 2 },
    },
    { name: "plan dev", args: plan("dev"), deployments: 2 },
    {
      name: "plan prod",
      args: plan("prod"),
      deployments: 4,
      versus: { floor: "true floor prod", target: 0.8 },
    },
    ...generated,
  ];
}

async function main() {
  const { values } = parseArgs({ options: { runs: { type: "string", default: "5" } } });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error(`--runs must be a positive whole number, got ${values.runs}`);
  process.stdout.write(
    `node ${process.version}, ${cpus().length} x ${cpus()[0]?.model ?? "unknown CPU"}, ${Math.round(totalmem() / 2 ** 30)} GiB; ${runs} runs per case, round-robin, after a warm-up run each\n`,
  );
  const dir = mkdtempSync(join(tmpdir(), "aoai-bench-"));
  let all: Case[];
  let measured: Map<string, Measurement>;
  try {
    all = cases(dir);
    measured = await measureAll(all, runs);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const results = new Map(
    all.map((benchCase) => [
      benchCase.name,
      { benchCase, result: measured.get(benchCase.name) as Measurement },
    ]),
  );
  const sdkFloor = [...results.values()][0]?.result as Measurement;
  process.stdout.write(
    `${renderTable(
      ["case", "deployments", "median s", "median CPU s", "peak RSS MB", "x SDK imports"],
      [...results.values()].map(({ benchCase, result }) => [
        benchCase.name,
        String(benchCase.deployments),
        result.seconds.toFixed(2),
        result.cpuSeconds.toFixed(2),
        result.rssMb.toFixed(0),
        (result.seconds / sdkFloor.seconds).toFixed(2),
      ]),
    )}\n\n`,
  );
  const targets = [...results.values()].flatMap(({ benchCase, result }) => {
    const floor = benchCase.versus && results.get(benchCase.versus.floor)?.result;
    if (!benchCase.versus || !floor) return [];
    const wall = result.seconds / floor.seconds;
    const cpu = result.cpuSeconds / floor.cpuSeconds;
    const met = (ratio: number) => (ratio <= (benchCase.versus?.target ?? 0) ? "met" : "MISSED");
    return [
      [
        benchCase.name,
        benchCase.versus.floor,
        `<= ${benchCase.versus.target}`,
        `${wall.toFixed(2)} ${met(wall)}`,
        `${cpu.toFixed(2)} ${met(cpu)}`,
      ],
    ];
  });
  process.stdout.write(`${renderTable(["case", "against", "target", "x wall", "x CPU"], targets)}\n\n`);
  // Marginal cost per deployment over the 1-account stack: the fixed start-up cost drops out.
  const generated = [...results.values()].filter(
    ({ benchCase }) => benchCase.name.startsWith("plan ") && benchCase.name.includes("account"),
  );
  const [one, ...larger] = generated;
  for (const { benchCase, result } of larger) {
    if (!one) break;
    const perDeployment =
      (result.seconds - one.result.seconds) / (benchCase.deployments - one.benchCase.deployments);
    process.stdout.write(`per deployment at ${benchCase.name}: ${(perDeployment * 1000).toFixed(1)} ms\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
