/**
 * npm run preflight -- --stack <name> [--config-file <path>] [--subscription <id>] [--arm-endpoint <url>] [--json]
 * Exit 0: nothing would make `pulumi up` fail. 1: a check failed. 2: invalid config or usage.
 * 3: Azure could not be asked (no credential, or Resource Manager refused a request).
 */
import { parseArgs } from "node:util";
import { isRestError } from "@azure/core-rest-pipeline";
import type { TokenCredential } from "@azure/identity";
import { ConfigError } from "../config/errors";
import { namespaceValues, parseStackConfig } from "../config/load";
import type { StackConfig } from "../config/schema";
import { readStackConfigFile, StackFileError } from "../plan/stackFile";
import { createArmClient } from "./armClient";
import { type ArmEndpoint, ArmEndpointError, resolveArmEndpoint } from "./armEndpoint";
import { isCredentialError, LOGIN_HELP } from "./auth";
import { runChecks } from "./checks";
import { fetchLiveState } from "./fetch";
import { buildReport, renderReport } from "./report";

const USAGE =
  "usage: npm run preflight -- --stack <name> [--config-file <path>] [--subscription <id>] [--arm-endpoint <url>] [--json]";

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
}

class UsageError extends Error {}

function parseOptions(argv: string[]) {
  return parseArgs({
    args: argv,
    options: {
      stack: { type: "string" },
      "config-file": { type: "string" },
      subscription: { type: "string" },
      "arm-endpoint": { type: "string" },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
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

function describeArmError(error: unknown): string | undefined {
  if (!isRestError(error)) return undefined;
  const request = error.request ? ` (${error.request.method} ${new URL(error.request.url).pathname})` : "";
  const status = error.statusCode === undefined ? "no response" : `HTTP ${error.statusCode}`;
  return `Azure Resource Manager request failed${request}: ${status} ${error.code ?? ""}: ${error.message}`;
}

export async function runPreflightCli(argv: string[], io: PreflightIo): Promise<number> {
  let options: ReturnType<typeof parseOptions>["values"];
  try {
    options = parseOptions(argv).values;
  } catch (error) {
    io.stderr(`${(error as Error).message}\n${USAGE}\n`);
    return EXIT_INVALID;
  }
  if (options.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  const stack = options.stack;
  if (!stack) {
    io.stderr(`--stack is required\n${USAGE}\n`);
    return EXIT_INVALID;
  }
  let inputs: { config: StackConfig; subscriptionId: string };
  let endpoint: ArmEndpoint;
  try {
    const file = readStackConfigFile(options["config-file"] ?? `Pulumi.${stack}.yaml`);
    const { config } = parseStackConfig(namespaceValues(file.values), stack);
    inputs = { config, subscriptionId: resolveSubscription(options.subscription, io.env, file.values) };
    endpoint = resolveArmEndpoint(options["arm-endpoint"], io.env);
  } catch (error) {
    const known = [ConfigError, StackFileError, UsageError, ArmEndpointError].some((t) => error instanceof t);
    if (!known) throw error;
    io.stderr(`${(error as Error).message}\n`);
    return EXIT_INVALID;
  }

  try {
    const client = createArmClient(io.credential(), inputs.subscriptionId, endpoint);
    const live = await fetchLiveState(client, inputs.config);
    const report = buildReport({
      stack,
      subscriptionId: inputs.subscriptionId,
      armEndpoint: endpoint.url,
      results: runChecks(inputs.config, live),
    });
    io.stdout(options.json ? `${JSON.stringify(report, null, 2)}\n` : renderReport(report));
    if (report.summary.FAIL > 0) {
      io.stderr(`${report.summary.FAIL} check(s) failed: pulumi up would fail\n`);
      return EXIT_CHECKS_FAILED;
    }
    return 0;
  } catch (error) {
    if (isCredentialError(error)) {
      io.stderr(`${LOGIN_HELP}\n\nDetails: ${error.message}\n`);
      return EXIT_AZURE_UNREACHABLE;
    }
    const armError = describeArmError(error);
    if (armError === undefined) throw error;
    io.stderr(`${armError}\n`);
    return EXIT_AZURE_UNREACHABLE;
  }
}
