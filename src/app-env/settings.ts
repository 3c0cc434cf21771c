/**
 * From a stack's outputs to the environment an app needs: endpoint, API version (both names),
 * per-use deployment names, token scope and the managed identity's client id. Only these allowlisted
 * names are ever printed; a secret or key-shaped value is refused.
 */
import { APP_SETTING_NAMES } from "../../components/facts/appSettings";
import { nearMiss } from "../../components/nearMiss";
import { keyProblems } from "../../policy/rules/outputs";

export type OutputSource = "stack" | "plan";

export interface AppSettings {
  /** Environment variable → value, in a fixed order. */
  settings: [name: string, value: string][];
  /** What is missing and why (printed on stderr, never in the settings). */
  notes: string[];
}

/** The outputs cannot give an app its settings (no endpoint, a secret, an unknown identity). */
export class AppSettingsError extends Error {
  override name = "AppSettingsError";
}

const { clientId, ...fromOutputs } = APP_SETTING_NAMES;
/** Set by the platform from outputs of the same name, in this order. */
const OUTPUT_NAMES = Object.values(fromOutputs).map((setting) => setting.name);

/** Values the offline plan prints for what it cannot know. */
const PLACEHOLDERS = new Set(["[unknown]", "[secret]"]);

function identityClientIds(outputs: Record<string, unknown>): Map<string, unknown> {
  const identities = outputs.managedIdentities;
  if (identities === null || typeof identities !== "object") return new Map();
  return new Map(
    Object.entries(identities as Record<string, unknown>).map(([name, value]) => [
      name,
      value !== null && typeof value === "object" ? (value as Record<string, unknown>).clientId : undefined,
    ]),
  );
}

function clientIdSetting(
  outputs: Record<string, unknown>,
  source: OutputSource,
  identity: string | undefined,
): { setting?: [string, string]; note?: string } {
  const ids = identityClientIds(outputs);
  const names = [...ids.keys()];
  if (identity !== undefined && !ids.has(identity)) {
    const near = nearMiss(identity, names);
    const known =
      names.length > 0 ? `; identities: ${names.join(", ")}` : "; the stack creates no managed identity";
    throw new AppSettingsError(
      `--identity: "${identity}": no managed identity of that name${near ? ` (did you mean "${near}"?)` : ""}${known}`,
    );
  }
  const chosen = identity ?? (names.length === 1 ? names[0] : undefined);
  if (chosen === undefined) {
    return names.length === 0
      ? {}
      : {
          note: `${clientId.name}: the stack has several managed identities (${names.join(", ")}); pass --identity <name>`,
        };
  }
  if (source === "plan") {
    return {
      note: `${clientId.name}: Azure assigns ${chosen}'s client id when it is created; read it from the deployed stack (pulumi stack output)`,
    };
  }
  const value = ids.get(chosen);
  return typeof value === "string" && !PLACEHOLDERS.has(value)
    ? { setting: [clientId.name, value] }
    : { note: `${clientId.name}: ${chosen} has no client id in the outputs yet` };
}

export function appSettingsFromOutputs(
  outputs: Record<string, unknown>,
  options: { source: OutputSource; identity?: string | undefined },
): AppSettings {
  const settings: [string, string][] = [];
  const notes: string[] = [];
  for (const name of OUTPUT_NAMES) {
    const value = outputs[name];
    if (value === undefined) continue;
    if (value === "[secret]") {
      throw new AppSettingsError(`output ${name} is a secret; app-env prints no secret`);
    }
    if (typeof value !== "string" || PLACEHOLDERS.has(value)) {
      notes.push(
        `${name}: not known from the ${options.source === "plan" ? "offline plan" : "stack outputs"}`,
      );
      continue;
    }
    settings.push([name, value]);
  }
  if (!settings.some(([name]) => name === APP_SETTING_NAMES.endpoint.name)) {
    throw new AppSettingsError(
      `the outputs have no ${APP_SETTING_NAMES.endpoint.name}; is this an aoai-platform stack, deployed with this version?`,
    );
  }
  const perUse = [APP_SETTING_NAMES.chatDeployment.name, APP_SETTING_NAMES.embeddingDeployment.name];
  for (const name of perUse) {
    if (outputs[name] === undefined) {
      notes.push(
        `${name}: the primary account has no single deployment for this use; pick one from modelDeployments`,
      );
    }
  }
  const client = clientIdSetting(outputs, options.source, options.identity);
  if (client.setting) settings.push(client.setting);
  if (client.note) notes.push(client.note);
  const problems = keyProblems(Object.fromEntries(settings));
  if (problems.length > 0) {
    throw new AppSettingsError(`refusing to print settings: ${problems.join("; ")}`);
  }
  return { settings, notes };
}
