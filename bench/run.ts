/**
 * npm run bench [-- --runs N]: median wall time and peak RSS of the offline plan (dev, prod and
 * generated stacks of 1, 10 and 50 accounts x 10 deployments) against the floor, a process that only
 * loads the SDK modules the program uses. Every run is a fresh Node process, as `npm run plan` is.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { renderTable } from "../src/plan/table";
import { generatedStackConfig, stackFileText } from "./stacks";

interface Case {
  name: string;
  args: string[];
  deployments: number;
}

interface Measurement {
  seconds: number;
  rssMb: number;
}

const DEPLOYMENTS_PER_ACCOUNT = 10;
const GENERATED_ACCOUNTS = [1, 10, 50];

function runOnce(args: string[]): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ["--require", join(__dirname, "maxRss.cjs"), ...args], {
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
      if (code !== 0 || !rss) {
        reject(new Error(`${args.join(" ")} exited ${code}:\n${stderr.slice(-2000)}`));
        return;
      }
      resolve({ seconds, rssMb: Number(rss[1]) / 1024 });
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

async function measure(benchCase: Case, runs: number): Promise<Measurement> {
  const samples: Measurement[] = [];
  for (let i = 0; i < runs; i++) samples.push(await runOnce(benchCase.args));
  return { seconds: median(samples.map((s) => s.seconds)), rssMb: Math.max(...samples.map((s) => s.rssMb)) };
}

function cases(): Case[] {
  const dir = mkdtempSync(join(tmpdir(), "aoai-bench-"));
  const plan = (stack: string, configFile?: string) => [
    "src/plan/launch.mjs",
    "--stack",
    stack,
    ...(configFile ? ["--config-file", configFile] : []),
  ];
  const generated = GENERATED_ACCOUNTS.map((accounts): Case => {
    const file = join(dir, `Pulumi.bench-${accounts}.yaml`);
    writeFileSync(file, stackFileText(generatedStackConfig(accounts, DEPLOYMENTS_PER_ACCOUNT)));
    return {
      name: `${accounts} account(s) x ${DEPLOYMENTS_PER_ACCOUNT}`,
      args: plan(`bench-${accounts}`, file),
      deployments: accounts * DEPLOYMENTS_PER_ACCOUNT,
    };
  });
  return [
    { name: "floor (SDK imports only)", args: [join(__dirname, "floor.cjs")], deployments: 0 },
    { name: "plan dev", args: plan("dev"), deployments: 2 },
    { name: "plan prod", args: plan("prod"), deployments: 4 },
    ...generated,
  ];
}

async function main() {
  const { values } = parseArgs({ options: { runs: { type: "string", default: "5" } } });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error(`--runs must be a positive whole number, got ${values.runs}`);
  process.stdout.write(
    `node ${process.version}, ${cpus().length} x ${cpus()[0]?.model ?? "unknown CPU"}, ${Math.round(totalmem() / 2 ** 30)} GiB; ${runs} runs per case\n`,
  );
  const results: { benchCase: Case; result: Measurement }[] = [];
  for (const benchCase of cases()) {
    const result = await measure(benchCase, runs);
    process.stderr.write(`  ${benchCase.name}: ${result.seconds.toFixed(2)} s\n`);
    results.push({ benchCase, result });
  }
  const floor = results[0]?.result as Measurement;
  process.stdout.write(
    `${renderTable(
      ["case", "deployments", "median s", "peak RSS MB", "x floor"],
      results.map(({ benchCase, result }) => [
        benchCase.name,
        String(benchCase.deployments),
        result.seconds.toFixed(2),
        result.rssMb.toFixed(0),
        (result.seconds / floor.seconds).toFixed(2),
      ]),
    )}\n`,
  );
  // Marginal cost per deployment over the 1-account stack: the fixed start-up cost drops out.
  const generated = results.filter(({ benchCase }) => benchCase.name.includes("account"));
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
