/**
 * Which Azure Policy assignments judge a stack: the ones `npm run policy-sync` wrote into
 * `policy/azure/<stack>/` when that folder exists (exactly what Azure will evaluate), else our
 * baseline; plus the stack's own definitions and initiatives (`policy.azureDefinitions`) with
 * their assignment parameters. Everything resolves to plain JSON (`AzurePolicySet`), which the
 * plan evaluates and hands to the policy pack through its config file.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { z } from "zod";
import type { ApprovedModel, AzureDefinitionFile } from "../rules/settings";
import { openAiAssetId } from "./arm";
import {
  builtInId,
  type ResolvedAssignment,
  type ResolvedExemption,
  resolveAssignment,
  resolveExemption,
} from "./assignments";
import {
  APPROVED_MODELS_BUILT_IN,
  APPROVED_MODELS_DEFINITION,
  BASELINE,
  GUARDRAIL_DEFINITIONS,
  GUARDRAIL_INITIATIVE,
} from "./baseline";
import { parameterValues } from "./evaluator";
import {
  definitionKey,
  type PolicyDefinition,
  type PolicySetDefinition,
  policyAssignmentSchema,
  policyDefinitionSchema,
  policyExemptionSchema,
  policySetDefinitionSchema,
} from "./language";

/** A bad policy file: names the file and what is wrong. */
export class PolicyFileError extends Error {
  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = "PolicyFileError";
  }
}

export interface AzurePolicySet {
  /** `synced`: policy/azure/<stack>/ from policy-sync; `baseline`: ours. */
  source: "synced" | "baseline";
  assignments: ResolvedAssignment[];
  exemptions: ResolvedExemption[];
}

/** The folder policy-sync writes for a stack, relative to the project directory. */
export const syncFolder = (projectDir: string, stack: string) => join(projectDir, "policy", "azure", stack);

/** File layout of a synced folder. */
export const SYNC_FILES = {
  assignments: "assignments.json",
  exemptions: "exemptions.json",
  definitions: "policyDefinitions",
  initiatives: "policySetDefinitions",
} as const;

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new PolicyFileError(file, "cannot be read");
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new PolicyFileError(file, `not JSON (${(error as Error).message})`);
  }
}

function parse<T extends z.ZodType>(schema: T, value: unknown, file: string): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new PolicyFileError(file, `${issue?.path.join(".") || "(root)"}: ${issue?.message ?? "invalid"}`);
}

/** A definition or an initiative file, told apart by `properties.policyDefinitions`. */
function readDefinitionFile(file: string): PolicyDefinition | PolicySetDefinition {
  const json = readJson(file);
  const isSet =
    json !== null &&
    typeof json === "object" &&
    "properties" in json &&
    typeof json.properties === "object" &&
    json.properties !== null &&
    "policyDefinitions" in json.properties;
  return isSet ? parse(policySetDefinitionSchema, json, file) : parse(policyDefinitionSchema, json, file);
}

function jsonFiles(dir: string): string[] {
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith(".json"))
        .sort()
        .map((f) => join(dir, f))
    : [];
}

function addToLibrary(
  library: Map<string, PolicyDefinition | PolicySetDefinition>,
  d: PolicyDefinition | PolicySetDefinition,
) {
  library.set(definitionKey(d.id ?? d.name), d);
  library.set(definitionKey(d.name), d);
}

/** The baseline's assignments: every mirrored built-in, the guardrail initiative, and approved models when listed. */
export function baselineAssignments(
  approvedModels: readonly ApprovedModel[] | undefined,
): ResolvedAssignment[] {
  const assignments: ResolvedAssignment[] = BASELINE.map((entry) => {
    const definitionId = /^[0-9a-f-]{36}$/.test(entry.builtIn.id)
      ? builtInId(entry.builtIn.id)
      : entry.builtIn.id;
    return {
      name: entry.definition.name,
      displayName: entry.builtIn.displayName,
      origin: "baseline",
      level: entry.level,
      enforcementMode: "Default",
      policyDefinitionId: definitionId,
      members: [
        { definitionId, definition: entry.definition, parameters: parameterValues(entry.definition, {}) },
      ],
    };
  });
  const library = new Map<string, PolicyDefinition | PolicySetDefinition>();
  for (const d of [...GUARDRAIL_DEFINITIONS, GUARDRAIL_INITIATIVE, APPROVED_MODELS_DEFINITION])
    addToLibrary(library, d);
  assignments.push(
    resolveAssignment(
      policyAssignmentSchema.parse({
        name: "aoai-content-filter-guardrail",
        properties: { policyDefinitionId: builtInId(GUARDRAIL_INITIATIVE.name) },
      }),
      library,
      "baseline",
    ),
  );
  if (approvedModels && approvedModels.length > 0) {
    const allowedAssetIds = approvedModels.flatMap((m) =>
      m.versions
        ? m.versions.map((v) => openAiAssetId(m.model, v))
        : [`azureml://registries/azure-openai/models/${m.model}/`],
    );
    assignments.push(
      resolveAssignment(
        policyAssignmentSchema.parse({
          name: "aoai-approved-models",
          properties: {
            displayName: APPROVED_MODELS_BUILT_IN.displayName,
            policyDefinitionId: builtInId(APPROVED_MODELS_BUILT_IN.id),
            parameters: { allowedAssetIds: { value: allowedAssetIds }, allowedPublishers: { value: [] } },
          },
        }),
        library,
        "baseline",
      ),
    );
  }
  return assignments;
}

/** Reads what policy-sync wrote: definitions, initiatives, assignments and exemptions. */
export function readSyncedFolder(dir: string): Omit<AzurePolicySet, "source"> {
  const library = new Map<string, PolicyDefinition | PolicySetDefinition>();
  for (const file of [
    ...jsonFiles(join(dir, SYNC_FILES.definitions)),
    ...jsonFiles(join(dir, SYNC_FILES.initiatives)),
  ])
    addToLibrary(library, readDefinitionFile(file));
  const assignmentsFile = join(dir, SYNC_FILES.assignments);
  const raw = readJson(assignmentsFile);
  if (!Array.isArray(raw))
    throw new PolicyFileError(assignmentsFile, "must be a JSON array of policy assignments");
  const assignments = raw.map((a, i) =>
    resolveAssignment(parse(policyAssignmentSchema, a, `${assignmentsFile}[${i}]`), library, "synced"),
  );
  const exemptionsFile = join(dir, SYNC_FILES.exemptions);
  const exemptions = existsSync(exemptionsFile) ? readJson(exemptionsFile) : [];
  if (!Array.isArray(exemptions))
    throw new PolicyFileError(exemptionsFile, "must be a JSON array of policy exemptions");
  return {
    assignments,
    exemptions: exemptions.map((e, i) =>
      resolveExemption(parse(policyExemptionSchema, e, `${exemptionsFile}[${i}]`)),
    ),
  };
}

/** The stack's own definition / initiative files (`policy.azureDefinitions`), each assigned with its parameters. */
export function stackAssignments(
  files: readonly AzureDefinitionFile[],
  projectDir: string,
): ResolvedAssignment[] {
  const library = new Map<string, PolicyDefinition | PolicySetDefinition>();
  const loaded = files.map((entry) => {
    const definition = readDefinitionFile(resolve(projectDir, entry.file));
    addToLibrary(library, definition);
    return { entry, definition };
  });
  // Initiative members may be other stack files; definitions are all loaded before resolving.
  return loaded
    .filter(({ entry }) => entry.assign)
    .map(({ entry, definition }) =>
      resolveAssignment(
        policyAssignmentSchema.parse({
          name: definition.name,
          properties: {
            policyDefinitionId: definition.id ?? definition.name,
            enforcementMode: entry.enforcementMode,
            parameters: Object.fromEntries(
              Object.entries(entry.parameters).map(([k, value]) => [k, { value }]),
            ),
          },
        }),
        library,
        "stack",
      ),
    );
}

/** Everything that judges a stack; the synced folder replaces the baseline when present. */
export function azurePolicySet(options: {
  projectDir: string;
  stack: string;
  definitions: readonly AzureDefinitionFile[];
  approvedModels?: readonly ApprovedModel[];
}): AzurePolicySet {
  const dir = syncFolder(options.projectDir, options.stack);
  const own = stackAssignments(options.definitions, options.projectDir);
  if (existsSync(join(dir, SYNC_FILES.assignments))) {
    const synced = readSyncedFolder(dir);
    return { source: "synced", assignments: [...synced.assignments, ...own], exemptions: synced.exemptions };
  }
  return {
    source: "baseline",
    assignments: [...baselineAssignments(options.approvedModels), ...own],
    exemptions: [],
  };
}
