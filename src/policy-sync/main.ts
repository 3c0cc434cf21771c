/**
 * npm run policy-sync -- --stack <name> [--config-file <path>] [--subscription <id>] [--arm-endpoint <url>]
 *
 * Read-only: asks Resource Manager which Azure Policy assignments apply to the stack's resource
 * group (at it or above: `$filter=atScope()`), their definitions (initiatives with every member),
 * parameter values and the exemptions there, and writes them into `policy/azure/<stack>/` next to
 * the stack file, where the offline plan and the policy pack evaluate exactly those.
 * Sign-in, endpoint handling and every read are preflight's (src/preflight: DefaultAzureCredential,
 * ArmHttp with its limits and retries, https only except 127.0.0.1). REST: Microsoft.Authorization policyAssignments / policyDefinitions /
 * policySetDefinitions 2023-04-01 and policyExemptions 2022-07-01-preview
 * (specification/resources/resource-manager/Microsoft.Authorization in Azure/azure-rest-api-specs).
 * Exit 0 written; 2 invalid config or usage; 3 Azure could not be asked.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import type { TokenCredential } from "@azure/identity";
import { z } from "zod";
import { definitionKey } from "../../policy/azure/language";
import { SYNC_FILES, syncFolder } from "../../policy/azure/stack";
import { STACK_OPTIONS, stackCommandLine } from "../cli/commandLine";
import { ConfigError } from "../config/errors";
import { loadStackConfig } from "../plan/loadConfig";
import { StackFileError } from "../plan/stackFile";
import { ArmEndpointError, resolveArmEndpoint } from "../preflight/armEndpoint";
import { ArmError, ArmHttp, type ArmReader } from "../preflight/armHttp";
import { isCredentialError, LOGIN_HELP } from "../preflight/auth";
import { systemClock } from "../preflight/clock";
import { DEFAULT_LIMITS } from "../preflight/limits";
import { printable } from "../preflight/redact";

const USAGE =
  "usage: npm run policy-sync -- --stack <name> [--config-file <path>] [--subscription <id>] [--arm-endpoint <url>]";
export const EXIT_INVALID = 2;
const EXIT_AZURE_UNREACHABLE = 3;

/** API versions of the Microsoft.Authorization policy operations read. */
export const POLICY_API_VERSION = "2023-04-01";
export const EXEMPTIONS_API_VERSION = "2022-07-01-preview";

const SUBSCRIPTION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface PolicySyncIo {
  env: Record<string, string | undefined>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  credential: () => TokenCredential;
}

class UsageError extends Error {}

type Json = Record<string, unknown>;

/** Resource Manager's JSON as read: kept whole, only `name` and `properties` are required. */
const armObject = z.looseObject({ name: z.string(), properties: z.looseObject({}) });
type ArmObject = z.output<typeof armObject>;

function subscriptionOf(
  flag: string | undefined,
  env: PolicySyncIo["env"],
  values: Record<string, string>,
): string {
  const value = flag ?? env.AZURE_SUBSCRIPTION_ID ?? values["azure-native:subscriptionId"];
  if (value === undefined)
    throw new UsageError(
      "no subscription: pass --subscription <id>, set AZURE_SUBSCRIPTION_ID, or set azure-native:subscriptionId in the stack config",
    );
  if (!SUBSCRIPTION_ID.test(value))
    throw new UsageError(`subscription "${value}" is not a subscription id (a GUID)`);
  return value;
}

/** Does an assignment's notScopes exclude the resource group? */
function excluded(assignment: Json, groupId: string): boolean {
  const notScopes = ((assignment.properties as Json | undefined)?.notScopes as string[] | undefined) ?? [];
  const group = groupId.toLowerCase();
  return notScopes.some(
    (scope) => group === scope.toLowerCase() || group.startsWith(`${scope.toLowerCase()}/`),
  );
}

export interface SyncResult {
  assignments: Json[];
  definitions: Json[];
  initiatives: Json[];
  exemptions: Json[];
}

/** Reads everything that applies to the resource group (read-only: GETs only). */
export async function readPolicyState(arm: ArmReader, groupId: string): Promise<SyncResult> {
  const provider = `${groupId}/providers/Microsoft.Authorization`;
  const assignments = (
    await arm.list(`${provider}/policyAssignments?$filter=atScope()`, POLICY_API_VERSION, armObject)
  ).filter((a) => !excluded(a, groupId));
  const definitions = new Map<string, ArmObject>();
  const initiatives = new Map<string, ArmObject>();
  const read = async (id: string) => {
    const found = await arm.get(id, POLICY_API_VERSION, armObject);
    if (!found)
      throw new SyncError(`GET ${id}: not found; an assignment refers to a definition that is gone`);
    return found;
  };
  for (const assignment of assignments) {
    const id = String(assignment.properties.policyDefinitionId);
    const key = definitionKey(id);
    if (/\/policySetDefinitions\//i.test(id)) {
      if (initiatives.has(key)) continue;
      const set = await read(id);
      initiatives.set(key, set);
      for (const member of (set.properties.policyDefinitions as Json[] | undefined) ?? []) {
        const memberId = String(member.policyDefinitionId);
        if (!definitions.has(definitionKey(memberId)))
          definitions.set(definitionKey(memberId), await read(memberId));
      }
    } else if (!definitions.has(key)) definitions.set(key, await read(id));
  }
  const exemptions = await arm.list(
    `${provider}/policyExemptions?$filter=atScope()`,
    EXEMPTIONS_API_VERSION,
    armObject,
  );
  return {
    assignments,
    definitions: [...definitions.values()],
    initiatives: [...initiatives.values()],
    exemptions,
  };
}

/** A synced state that cannot be written as is (a dangling definition id). */
class SyncError extends Error {}

const fileName = (d: Json) => `${String(d.name).replace(/[^A-Za-z0-9._-]/g, "_")}.json`;

/** Replaces the synced folder's contents with what was read (only the files sync owns). */
export function writeSyncFolder(dir: string, result: SyncResult): void {
  for (const sub of [SYNC_FILES.definitions, SYNC_FILES.initiatives]) {
    const folder = join(dir, sub);
    mkdirSync(folder, { recursive: true });
    for (const file of readdirSync(folder).filter((f) => f.endsWith(".json"))) rmSync(join(folder, file));
  }
  const write = (path: string, value: unknown) => writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
  for (const d of result.definitions) write(join(dir, SYNC_FILES.definitions, fileName(d)), d);
  for (const s of result.initiatives) write(join(dir, SYNC_FILES.initiatives, fileName(s)), s);
  write(join(dir, SYNC_FILES.assignments), result.assignments);
  write(join(dir, SYNC_FILES.exemptions), result.exemptions);
}

export async function runPolicySync(argv: string[], io: PolicySyncIo): Promise<number> {
  const values = stackCommandLine(argv, (args) => parseOptions(args).values, USAGE, io);
  if (typeof values === "number") return values;
  const { stack } = values;
  const configFile = values["config-file"] ?? `Pulumi.${stack}.yaml`;
  let setup: { groupId: string; endpoint: ReturnType<typeof resolveArmEndpoint> };
  try {
    const { file, config } = loadStackConfig({ stack, configFile });
    const subscriptionId = subscriptionOf(values.subscription, io.env, file.values);
    setup = {
      groupId: `/subscriptions/${subscriptionId}/resourceGroups/${config.resourceGroup.name}`,
      endpoint: resolveArmEndpoint(values["arm-endpoint"], io.env),
    };
  } catch (error) {
    if (![ConfigError, StackFileError, UsageError, ArmEndpointError].some((t) => error instanceof t))
      throw error;
    io.stderr(`${(error as Error).message}\n`);
    return EXIT_INVALID;
  }
  const arm = new ArmHttp({
    endpoint: setup.endpoint,
    credential: io.credential(),
    limits: DEFAULT_LIMITS,
    clock: systemClock,
  });
  const safe = (text: string) => printable(text, 1_500, arm.knownSecrets());
  try {
    const result = await readPolicyState(arm, setup.groupId);
    const dir = syncFolder(dirname(configFile), stack);
    writeSyncFolder(dir, result);
    io.stdout(
      `${result.assignments.length} assignment(s), ${result.initiatives.length} initiative(s), ${result.definitions.length} definition(s), ${result.exemptions.length} exemption(s) applying to ${setup.groupId} written to ${dir}\n`,
    );
    return 0;
  } catch (error) {
    if (isCredentialError(error)) {
      io.stderr(`${LOGIN_HELP}\n\nDetails: ${safe(error.message)}\n`);
      return EXIT_AZURE_UNREACHABLE;
    }
    if (error instanceof ArmError) {
      io.stderr(`${safe(`${error.asked}: ${error.happened}; ${error.todo}`)}\n`);
      return EXIT_AZURE_UNREACHABLE;
    }
    if (error instanceof SyncError) {
      io.stderr(`${safe(error.message)}\n`);
      return EXIT_AZURE_UNREACHABLE;
    }
    throw error;
  }
}

function parseOptions(argv: string[]) {
  return parseArgs({
    args: argv,
    options: {
      ...STACK_OPTIONS,
      subscription: { type: "string" },
      "arm-endpoint": { type: "string" },
    },
    strict: true,
    allowPositionals: false,
  });
}
