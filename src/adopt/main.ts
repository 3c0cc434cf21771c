/**
 * npm run adopt -- --subscription <id> --resource-group <rg> --stack <name> [--environment <env>]
 *   [--arm-endpoint <url>] [--out <file>] [--force]
 * Reads a resource group (read-only) and writes a stack config describing what is in it, each resource
 * marked for import by its ARM id, plus the snapshot of what was found (Pulumi.<stack>.adopted.json).
 * Exit 0: written and valid. 1: written, but the config breaks a rule (each problem is listed).
 * 2: usage, or the file exists without --force. 3: Azure could not be asked.
 */
import { existsSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { TokenCredential } from "@azure/identity";
import { stringify } from "yaml";
import { ConfigError } from "../config/errors";
import { CONFIG_NAMESPACE } from "../config/load";
import { ENVIRONMENTS, type Environment } from "../config/types";
import { loadStackConfig } from "../plan/loadConfig";
import { StackFileError } from "../plan/stackFile";
import { type ArmEndpoint, ArmEndpointError, resolveArmEndpoint } from "../preflight/armEndpoint";
import { ArmError, ArmHttp } from "../preflight/armHttp";
import { isCredentialError, LOGIN_HELP } from "../preflight/auth";
import { systemClock } from "../preflight/clock";
import { DEFAULT_LIMITS } from "../preflight/limits";
import { printable } from "../preflight/redact";
import { describeResourceGroup } from "./describe";
import { observedStatePath } from "./observed";
import { readResourceGroup } from "./read";

const USAGE =
  "usage: npm run adopt -- --subscription <id> --resource-group <rg> --stack <name> [--environment dev|test|staging|prod] [--arm-endpoint <url>] [--out <file>] [--force]";

const EXIT_INVALID_CONFIG = 1;
export const EXIT_USAGE = 2;
const EXIT_AZURE_UNREACHABLE = 3;

const SUBSCRIPTION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface AdoptIo {
  env: Record<string, string | undefined>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Called once the inputs are valid; the CLI passes DefaultAzureCredential, tests a fixed token. */
  credential: () => TokenCredential;
}

class UsageError extends Error {}

interface AdoptOptions {
  subscriptionId: string;
  resourceGroup: string;
  stack: string;
  environment: Environment;
  out: string;
  endpoint: ArmEndpoint;
}

function parseOptions(argv: string[], env: AdoptIo["env"]): AdoptOptions | "help" {
  const { values } = parseArgs({
    args: argv,
    options: {
      subscription: { type: "string" },
      "resource-group": { type: "string" },
      stack: { type: "string" },
      environment: { type: "string", default: "dev" },
      "arm-endpoint": { type: "string" },
      out: { type: "string" },
      force: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) return "help";
  const { subscription, stack } = values;
  const resourceGroup = values["resource-group"];
  if (!subscription || !resourceGroup || !stack) {
    throw new UsageError("--subscription, --resource-group and --stack are required");
  }
  if (!SUBSCRIPTION_ID.test(subscription)) {
    throw new UsageError(
      `--subscription: "${subscription}" is not a subscription id (a GUID such as 00000000-0000-0000-0000-000000000000)`,
    );
  }
  const environment = ENVIRONMENTS.find((e) => e === values.environment);
  if (!environment) {
    throw new UsageError(`--environment: "${values.environment}" must be one of ${ENVIRONMENTS.join(", ")}`);
  }
  const out = values.out ?? `Pulumi.${stack}.yaml`;
  if (!values.force) {
    for (const path of [out, observedStatePath(out)]) {
      if (existsSync(path)) throw new UsageError(`${path} exists; pass --force to overwrite it`);
    }
  }
  return {
    subscriptionId: subscription,
    resourceGroup,
    stack,
    environment,
    out,
    endpoint: resolveArmEndpoint(values["arm-endpoint"], env),
  };
}

const HEADER = [
  "Written by npm run adopt: the resources found in the resource group, each marked for import by its ARM id.",
  "The first pulumi up adopts them as they are (Pulumi refuses an import whose inputs differ, so settings",
  "are left as found while import is set); npm run plan lists what the stack changes on them after that.",
  "Once adopted, remove the import keys and the .adopted.json snapshot; the next deploy applies those changes.",
].join("\n");

/** What to print when a read failed; ArmError's fields are already safe to print. */
function describeArmError(error: ArmError, endpoint: ArmEndpoint): string {
  return [
    `adopt could not read the resource group from ${endpoint.url} (${error.kind}).`,
    `  asked:       ${error.asked}`,
    `  happened:    ${error.happened}`,
    `  what to do:  ${error.todo}`,
  ].join("\n");
}

export async function runAdoptCli(argv: string[], io: AdoptIo): Promise<number> {
  let options: AdoptOptions | "help";
  try {
    options = parseOptions(argv, io.env);
  } catch (error) {
    const usage = error instanceof UsageError || error instanceof ArmEndpointError;
    const parse = error instanceof TypeError; // node:util parseArgs rejects unknown flags with a TypeError
    if (!usage && !parse) throw error;
    io.stderr(`${(error as Error).message}\n${USAGE}\n`);
    return EXIT_USAGE;
  }
  if (options === "help") {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  let adopted: ReturnType<typeof describeResourceGroup>;
  const arm = new ArmHttp({
    endpoint: options.endpoint,
    credential: io.credential(),
    limits: DEFAULT_LIMITS,
    clock: systemClock,
  });
  try {
    const found = await readResourceGroup(arm, options.subscriptionId, options.resourceGroup);
    adopted = describeResourceGroup(found, options.environment);
  } catch (error) {
    const safe = (text: string) => printable(text, 1_500, arm.knownSecrets());
    if (isCredentialError(error)) {
      io.stderr(`${LOGIN_HELP}\n\nDetails: ${safe(error.message)}\n`);
      return EXIT_AZURE_UNREACHABLE;
    }
    if (!(error instanceof ArmError)) throw error;
    io.stderr(`${safe(describeArmError(error, options.endpoint))}\n`);
    return EXIT_AZURE_UNREACHABLE;
  }

  const config: Record<string, unknown> = { "azure-native:subscriptionId": options.subscriptionId };
  for (const [key, value] of Object.entries(adopted.values)) config[`${CONFIG_NAMESPACE}:${key}`] = value;
  const document = stringify({ config }, { lineWidth: 0 });
  writeFileSync(options.out, `${HEADER.replace(/^/gm, "# ")}\n${document}`);
  const snapshot = observedStatePath(options.out);
  writeFileSync(snapshot, `${JSON.stringify(adopted.observed, null, 2)}\n`);

  const lines = [
    `Adopted ${adopted.observed.resources.length} resource(s) of ${options.resourceGroup} into ${options.out} (snapshot: ${snapshot}).`,
    ...adopted.observed.notAdopted.map((n) => `  not adopted: ${n.id}: ${n.reason}`),
    ...(typeof adopted.values.primaryAccount === "string"
      ? [
          `  primaryAccount: ${adopted.values.primaryAccount} (the first account; set the one apps reach through AZURE_OPENAI_ENDPOINT)`,
        ]
      : []),
  ];
  // The same validation as every hand-written stack file: read back what was written with the plan's reader.
  try {
    loadStackConfig({ stack: options.stack, configFile: options.out });
  } catch (error) {
    if (!(error instanceof ConfigError || error instanceof StackFileError)) throw error;
    io.stdout(`${lines.join("\n")}\n`);
    if (error instanceof StackFileError) {
      io.stderr(`${error.message}\n`);
      return EXIT_INVALID_CONFIG;
    }
    io.stderr(
      `${options.out} describes the resource group as it is, and that breaks the stack's rules; change these values (or the resources) before pulumi up:\n${error.problems.map((p) => `  - ${p.key}: ${p.value}: ${p.message}`).join("\n")}\n`,
    );
    return EXIT_INVALID_CONFIG;
  }
  io.stdout(
    `${[...lines, `Next: npm run plan -- --stack ${options.stack} --config-file ${options.out}`].join("\n")}\n`,
  );
  return 0;
}
