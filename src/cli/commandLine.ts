/** The command-line preamble the stack CLIs (preflight, policy-sync, app-env) share. */

export interface CommandLineIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/**
 * The options every stack CLI takes, for its `parseArgs` options: `--stack`, `--config-file` (a
 * stack file other than Pulumi.<stack>.yaml) and `--help` (what stackCommandLine reads).
 */
export const STACK_OPTIONS = {
  stack: { type: "string" },
  "config-file": { type: "string" },
  help: { type: "boolean", short: "h", default: false },
} as const;

/** Exit status of a usage error, as in every CLI here. */
const EXIT_USAGE = 2;

/**
 * Parses argv with the command's own parser. `--help` prints the usage (exit 0); a parse error or a
 * missing `--stack` prints the reason and the usage (exit 2). Returns the values, or the exit code.
 */
export function stackCommandLine<T extends { help?: boolean; stack?: string }>(
  argv: string[],
  parse: (argv: string[]) => T,
  usage: string,
  io: CommandLineIo,
): (T & { stack: string }) | number {
  let values: T;
  try {
    values = parse(argv);
  } catch (error) {
    io.stderr(`${(error as Error).message}\n${usage}\n`);
    return EXIT_USAGE;
  }
  if (values.help) {
    io.stdout(`${usage}\n`);
    return 0;
  }
  const { stack } = values;
  if (!stack) {
    io.stderr(`--stack is required\n${usage}\n`);
    return EXIT_USAGE;
  }
  return { ...values, stack };
}
