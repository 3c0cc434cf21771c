/**
 * `npm run schema`: writes the package schema Pulumi's inference generates to schema.json, unless
 * it breaks the versioning promise (a breaking change without a major version in package.json, while
 * the checked-in schema's version is released: CHANGELOG.md does not mark it unreleased);
 * `--check` only compares (exit 1 when schema.json is not the generated schema).
 */
import { isDeepStrictEqual, parseArgs } from "node:util";
import type { CommandLineIo } from "../cli/commandLine";
import { formatChange, promiseViolations, schemaChanges, unreleasedVersions } from "./compat";
import { formatSchema, SCHEMA_FILE } from "./generate";
import type { PackageSchema } from "./types";

export const USAGE = `usage: npm run schema [-- --check]
  Generates ${SCHEMA_FILE} from the hosted components with Pulumi's schema inference.
  --check  compare only: exit 1 when ${SCHEMA_FILE} is not the generated schema`;

export interface SchemaDeps extends CommandLineIo {
  generate(): Promise<PackageSchema>;
  /** The checked-in file's text, undefined when there is none. */
  read(): string | undefined;
  /** CHANGELOG.md's text: a version it marks unreleased may still break. */
  changelog(): string;
  write(text: string): void;
}

export async function runSchema(argv: string[], deps: SchemaDeps): Promise<number> {
  let check: boolean;
  try {
    const { values } = parseArgs({
      args: argv,
      options: { check: { type: "boolean" }, help: { type: "boolean" } },
    });
    if (values.help) {
      deps.stdout(`${USAGE}\n`);
      return 0;
    }
    check = values.check === true;
  } catch (error) {
    deps.stderr(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const generated = await deps.generate();
  const text = deps.read();
  let current: PackageSchema | undefined;
  try {
    current = text === undefined ? undefined : (JSON.parse(text) as PackageSchema);
  } catch {
    deps.stderr(`${SCHEMA_FILE} is not JSON: it is regenerated\n`);
  }
  if (current && isDeepStrictEqual(current, JSON.parse(formatSchema(generated)))) {
    deps.stdout(`${SCHEMA_FILE} is up to date (version ${generated.version})\n`);
    return 0;
  }
  const changes = current ? schemaChanges(current, generated) : [];
  const violations = current
    ? promiseViolations(current, generated, unreleasedVersions(deps.changelog()))
    : [];
  const listed = changes.map((c) => `  ${formatChange(c)}\n`).join("");
  if (check) {
    deps.stderr(`${SCHEMA_FILE} is not the generated schema; run npm run schema\n${listed}`);
    return 1;
  }
  if (violations.length > 0) {
    deps.stderr(`${violations.join("\n")}\n${SCHEMA_FILE} is left as it is.\n`);
    return 1;
  }
  deps.write(formatSchema(generated));
  deps.stdout(`wrote ${SCHEMA_FILE} (version ${generated.version})\n${listed}`);
  return 0;
}
