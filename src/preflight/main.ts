/**
 * npm run preflight -- --stack <name> [--config-file <path>] [--subscription <id>] [--arm-endpoint <url>]
 *   [--json] [limits: --request-timeout-ms --deadline-ms --max-retry-after-ms --max-retries --retry-base-ms
 *   --max-pages --max-body-bytes --retirement-horizon-days]
 * Exit 0: nothing would make `pulumi up` fail. 1: a check failed. 2: invalid config or usage.
 * 3: Azure could not be asked (no credential, a read refused or unreadable, or a limit hit).
 */
import { parseArgs } from "node:util";
import type { TokenCredential } from "@azure/identity";
import { STACK_OPTIONS, stackCommandLine } from "../cli/commandLine";
import { ConfigError } from "../config/errors";
import type { StackConfig } from "../config/schema";
import { loadStackConfig } from "../plan/loadConfig";
import { StackFileError } from "../plan/stackFile";
import { type ArmEndpoint, ArmEndpointError, resolveArmEndpoint } from "./armEndpoint";
import { ArmError, ArmHttp } from "./armHttp";
import { isCredentialError, LOGIN_HELP } from "./auth";
import { runChecks } from "./checks";
import { type Clock, systemClock } from "./clock";
import { fetchLiveState } from "./fetch";
import { LIMIT_OPTIONS, type Limits, LimitsError, resolveLimits } from "./limits";
import { printable, scrub } from "./redact";
import { buildReport, renderReport, scrubReport } from "./report";

const USAGE = [
  "usage: npm run preflight -- --stack <name> [--config-file <path>] [--subscription <id>] [--arm-endpoint <url>] [--json]",
  `  limits: ${LIMIT_OPTIONS.map((o) => `--${o.flag} <n> (${o.env})`).join(", ")}`,
].join("\n");

const EXIT_CHECKS_FAILED = 1;
export const EXIT_INVALID = 2;
const EXIT_AZURE_UNREACHABLE = 3;

const SUBSCRIPTION_ENV = "AZURE_SUBSCRIPTION_ID";
const SUBSCRIPTION_CONFIG_KEY = "azure-native:subscriptionId";
const SUBSCRIPTION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface PreflightIo {
  env: Record<string, string | undefined>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Called once the inputs are valid; the CLI passes DefaultAzureCredential, tests a fixed token. */
  credential: () => TokenCredential;
  /** Time, waits and jitter; the system clock unless a test passes its own. */
  clock?: Clock;
}

class UsageError extends Error {}

function parseOptions(argv: string[]) {
  return parseArgs({
    args: argv,
    options: {
      ...STACK_OPTIONS,
      subscription: { type: "string" },
      "arm-endpoint": { type: "string" },
      json: { type: "boolean", default: false },
      ...Object.fromEntries(LIMIT_OPTIONS.map((o) => [o.flag, { type: "string" as const }])),
    },
    strict: true,
    allowPositionals: false,
  });
}

function resolveSubscription(
  flag: string | undefined,
  env: PreflightIo["env"],
  stackValues: Record<string, string>,
): string {
  const [source, value] =
    flag !== undefined
      ? ["--subscription", flag]
      : env[SUBSCRIPTION_ENV]
        ? [SUBSCRIPTION_ENV, env[SUBSCRIPTION_ENV]]
        : [SUBSCRIPTION_CONFIG_KEY, stackValues[SUBSCRIPTION_CONFIG_KEY]];
  if (value === undefined) {
    throw new UsageError(
      `no subscription: pass --subscription <id>, set ${SUBSCRIPTION_ENV}, or set ${SUBSCRIPTION_CONFIG_KEY} in the stack config`,
    );
  }
  if (!SUBSCRIPTION_ID.test(value)) {
    throw new UsageError(
      `${source}: "${value}" is not a subscription id (a GUID such as 00000000-0000-0000-0000-000000000000)`,
    );
  }
  return value;
}

/** What to print when Resource Manager could not be asked: what, what happened, what to do. */
function describeArmError(error: ArmError, endpoint: ArmEndpoint): string {
  const title =
    error.kind === "limit"
      ? "Preflight stopped at a limit"
      : error.kind === "refused"
        ? "Azure Resource Manager refused a read"
        : error.kind === "unreachable"
          ? "Azure Resource Manager could not be reached"
          : "Azure Resource Manager's answer could not be read";
  return [
    `${title} (${endpoint.url}).`,
    `  asked:       ${error.asked}`,
    `  happened:    ${error.happened}`,
    `  what to do:  ${error.todo}`,
  ].join("\n");
}

export async function runPreflightCli(argv: string[], io: PreflightIo): Promise<number> {
  const options = stackCommandLine(argv, (args) => parseOptions(args).values, USAGE, io);
  if (typeof options === "number") return options;
  const { stack } = options;
  let inputs: { config: StackConfig; subscriptionId: string };
  let endpoint: ArmEndpoint;
  let limits: Limits;
  try {
    const { file, config } = loadStackConfig({ stack, configFile: options["config-file"] });
    inputs = { config, subscriptionId: resolveSubscription(options.subscription, io.env, file.values) };
    endpoint = resolveArmEndpoint(options["arm-endpoint"], io.env);
    limits = resolveLimits(options, io.env);
  } catch (error) {
    const known = [ConfigError, StackFileError, UsageError, ArmEndpointError, LimitsError].some(
      (t) => error instanceof t,
    );
    if (!known) throw error;
    io.stderr(`${scrub((error as Error).message)}\n`);
    return EXIT_INVALID;
  }

  const clock = io.clock ?? systemClock;
  const arm = new ArmHttp({ endpoint, credential: io.credential(), limits, clock });
  const safe = (text: string, max: number) => printable(text, max, arm.knownSecrets());
  try {
    const live = await fetchLiveState(arm, inputs.config, inputs.subscriptionId);
    const results = runChecks(inputs.config, live, {
      subscriptionId: inputs.subscriptionId,
      now: clock.date(),
      retirementHorizonDays: limits.retirementHorizonDays,
    });
    const report = scrubReport(
      buildReport({ stack, subscriptionId: inputs.subscriptionId, armEndpoint: endpoint.url, results }),
      arm.knownSecrets(),
    );
    io.stdout(options.json ? `${JSON.stringify(report, null, 2)}\n` : renderReport(report));
    if (report.summary.FAIL > 0) {
      io.stderr(`${report.summary.FAIL} check(s) failed: pulumi up would fail\n`);
      return EXIT_CHECKS_FAILED;
    }
    return 0;
  } catch (error) {
    if (isCredentialError(error)) {
      io.stderr(`${LOGIN_HELP}\n\nDetails: ${safe(error.message, 1_000)}\n`);
      return EXIT_AZURE_UNREACHABLE;
    }
    if (!(error instanceof ArmError)) throw error;
    io.stderr(`${safe(describeArmError(error, endpoint), 1_500)}\n`);
    return EXIT_AZURE_UNREACHABLE;
  }
}
