/** Entry of `npm run schema` (see main.ts). */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runEntry } from "../cli/entry";
import { generatePackageSchema, SCHEMA_FILE } from "./generate";
import { runSchema } from "./main";

const root = join(__dirname, "..", "..");
const file = join(root, SCHEMA_FILE);

runEntry(
  "schema",
  runSchema(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    generate: () => generatePackageSchema(root),
    read: () => (existsSync(file) ? readFileSync(file, "utf8") : undefined),
    changelog: () => readFileSync(join(root, "CHANGELOG.md"), "utf8"),
    write: (text) => writeFileSync(file, text),
  }),
  1,
);
