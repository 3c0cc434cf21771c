/**
 * What every CLI's thin `cli.ts` does with its injectable main: exit with its code once output is
 * flushed (a sign-in still running in the background must not keep CI waiting), and print an
 * unexpected failure truncated and scrubbed of tokens and keys.
 */
import { printable } from "../preflight/redact";

export function runEntry(name: string, main: Promise<number>, failureCode: number): void {
  const exit = (code: number) => {
    process.exitCode = code;
    process.stdout.write("", () => process.stderr.write("", () => process.exit(code)));
  };
  main.then(exit, (error: unknown) => {
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`${name} failed: ${printable(text, 2_000)}\n`);
    exit(failureCode);
  });
}
