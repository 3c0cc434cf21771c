/**
 * A JSON Schema (2020-12) of the Pulumi project file, Pulumi.yaml, for a Node.js program, written
 * from Pulumi's documentation of the file and of the options the Node.js language host reads:
 * - https://www.pulumi.com/docs/iac/concepts/projects/project-file/ (attributes and runtime options)
 * - pulumi/pulumi sdk/nodejs/cmd/pulumi-language-nodejs/main.go, parseOptions: `typescript` (boolean,
 *   default true), `tsconfig` (string), `nodeargs` (string), `packagemanager` (one of auto, npm,
 *   yarn, pnpm, bun); any other type is an error of the language host.
 * Stricter than Pulumi where Pulumi is silent: an attribute or runtime option that is not documented
 * is refused (the CLI and the language host would ignore a typo such as `typeScript: false`).
 */
const nullableString = { type: ["string", "null"] } as const;

const nodejsOptions = {
  type: "object",
  properties: {
    typescript: { type: "boolean" },
    tsconfig: { type: "string", minLength: 1 },
    nodeargs: { type: "string" },
    packagemanager: { enum: ["auto", "npm", "yarn", "pnpm", "bun"] },
  },
  additionalProperties: false,
} as const;

const pluginList = {
  type: "array",
  items: {
    type: "object",
    properties: { name: { type: "string" }, path: { type: "string" }, version: { type: "string" } },
    additionalProperties: false,
  },
} as const;

export const pulumiProjectSchema = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  title: "Pulumi.yaml of a Node.js project",
  type: "object",
  required: ["name", "runtime"],
  properties: {
    name: { type: "string", pattern: "^[A-Za-z0-9_.-]+$" },
    runtime: {
      oneOf: [
        { enum: ["nodejs", "bun"] },
        {
          type: "object",
          required: ["name"],
          properties: { name: { enum: ["nodejs", "bun"] }, options: nodejsOptions },
          additionalProperties: false,
        },
      ],
    },
    description: nullableString,
    author: nullableString,
    website: nullableString,
    license: nullableString,
    main: nullableString,
    stackConfigDir: nullableString,
    config: { type: ["object", "null"] },
    packages: { type: "object", additionalProperties: { type: ["string", "object"] } },
    backend: {
      type: ["object", "null"],
      properties: { url: { type: "string" } },
      additionalProperties: false,
    },
    options: {
      type: ["object", "null"],
      properties: { refresh: { const: "always" } },
      additionalProperties: false,
    },
    template: { type: ["object", "null"] },
    plugins: {
      type: "object",
      properties: { providers: pluginList, analyzers: pluginList, languages: pluginList },
      additionalProperties: false,
    },
  },
  additionalProperties: false,
} as const;
