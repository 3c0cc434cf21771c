/**
 * npm run app-env -- --stack <name> [--format dotenv|json|github] [--identity <name>] [--offline] [--config-file <path>]
 * Prints the settings an app needs from the stack's outputs; notes go to stderr. Never a key or secret.
 * Exit 0: printed. 1: no outputs could be read. 2: usage, or outputs that cannot give the settings.
 */
import { parseArgs } from "node:util";
import { STACK_OPTIONS, stackCommandLine } from "../cli/commandLine";
import { FORMATS, type Format, formatSettings } from "./format";
import { AppSettingsError, appSettingsFromOutputs } from "./settings";
import { OutputsUnavailableError, type Runner, readOutputs } from "./sources";

export const USAGE =
  "usage: npm run -s app-env -- --stack <name> [--format dotenv|json|github] [--identity <name>] [--offline] [--config-file <path>]";

export const EXIT_UNAVAILABLE = 1;
export const EXIT_INVALID = 2;

export interface AppEnvIo {
  run: Runner;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

function parseOptions(argv: string[]) {
  return parseArgs({
    args: argv,
    options: {
      ...STACK_OPTIONS,
      format: { type: "string", default: "dotenv" },
      identity: { type: "string" },
      offline: { type: "boolean", default: false },
    },
    strict: true,
    allowPositionals: false,
  });
}

const isFormat = (value: string): value is Format => (FORMATS as readonly string[]).includes(value);

export async function runAppEnv(argv: string[], io: AppEnvIo): Promise<number> {
  const values = stackCommandLine(argv, (args) => parseOptions(args).values, USAGE, io);
  if (typeof values === "number") return values;
  const { stack, format } = values;
  if (!isFormat(format)) {
    io.stderr(`--format: "${format}": use one of ${FORMATS.join(", ")}\n${USAGE}\n`);
    return EXIT_INVALID;
  }
  try {
    const read = await readOutputs(io.run, {
      stack,
      offline: values.offline,
      configFile: values["config-file"],
    });
    const { settings, notes } = appSettingsFromOutputs(read.outputs, {
      source: read.source,
      identity: values.identity,
    });
    const from = read.source === "stack" ? "pulumi stack output" : "the offline plan";
    io.stdout(formatSettings(settings, format, `aoai-platform app settings of stack ${stack}, from ${from}`));
    for (const note of [...read.notes, ...notes]) io.stderr(`note: ${note}\n`);
    return 0;
  } catch (error) {
    if (error instanceof OutputsUnavailableError) {
      io.stderr(`${error.message}\n`);
      return EXIT_UNAVAILABLE;
    }
    if (error instanceof AppSettingsError) {
      io.stderr(`${error.message}\n`);
      return EXIT_INVALID;
    }
    throw error;
  }
}
