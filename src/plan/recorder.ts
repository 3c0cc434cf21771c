/**
 * Records every resource registration the program sends to the (mock) resource monitor, with the
 * resource options the mocks API leaves out: parent, dependencies and protect.
 */
import * as pulumi from "@pulumi/pulumi";
import type { RegisterResourceRequest, RegisterResourceResponse } from "@pulumi/pulumi/proto/resource_pb";
import type { PlannedResource } from "./resource";

type RegisterCallback = (error: Error | null, response: RegisterResourceResponse | undefined) => void;

/** The part of the mock monitor we wrap (its published type says `any`). */
interface RegisteringMonitor {
  registerResource(request: RegisterResourceRequest, callback: RegisterCallback): Promise<void>;
}

/** Secrets and unknowns as they may appear in deserialized inputs, made safe to print. */
export function sanitize(value: unknown): unknown {
  if (value === pulumi.runtime.unknownValue) return "[unknown]";
  if (Array.isArray(value)) return value.map(sanitize);
  if (value !== null && typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (record[pulumi.runtime.specialSigKey] === pulumi.runtime.specialSecretSig) return "[secret]";
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, sanitize(v)]));
  }
  return value;
}

function explicitDependencies(request: RegisterResourceRequest): string[] {
  const viaInputs = new Set<string>();
  request.getPropertydependenciesMap().forEach((deps) => {
    for (const urn of deps.getUrnsList()) viaInputs.add(urn);
  });
  return request.getDependenciesList().filter((urn) => !viaInputs.has(urn));
}

function inputsOf(request: RegisterResourceRequest): Record<string, unknown> {
  const object = request.getObject();
  return object ? (sanitize(pulumi.runtime.deserializeProperties(object)) as Record<string, unknown>) : {};
}

/** The URN as the engine spells it: the mocks keep the root stack in the parent type chain, the engine does not. */
function engineUrn(urn: string): string {
  return urn.replace("::pulumi:pulumi:Stack$", "::");
}

/**
 * The engine refuses a program that registers one URN twice (pulumi/pulumi
 * pkg/resource/deploy/step_generator.go, diagnostic 2001 in pkg/diag/errors.go); Pulumi's mocks
 * accept it. The plan refuses it with the engine's message.
 */
export class DuplicateUrnError extends Error {
  constructor(readonly urns: readonly string[]) {
    super(
      urns.map((urn) => `Duplicate resource URN '${engineUrn(urn)}'; try giving it a unique name`).join("\n"),
    );
    this.name = "DuplicateUrnError";
  }
}

/** Throws DuplicateUrnError when two recorded registrations share a URN. */
export function assertUniqueUrns(resources: readonly PlannedResource[]): void {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const { urn } of resources) {
    if (seen.has(urn)) duplicates.add(urn);
    seen.add(urn);
  }
  if (duplicates.size > 0) throw new DuplicateUrnError([...duplicates]);
}

/** Wraps the active mock monitor; returns the list that fills as resources register. */
export function recordRegistrations(): PlannedResource[] {
  const monitor = pulumi.runtime.getMonitor() as unknown as RegisteringMonitor | undefined;
  if (!monitor) throw new Error("recordRegistrations needs pulumi.runtime.setMocks first");
  const recorded: PlannedResource[] = [];
  const register = monitor.registerResource.bind(monitor);
  monitor.registerResource = (request: RegisterResourceRequest, callback: RegisterCallback) =>
    register(request, (error, response) => {
      if (!error && response) {
        recorded.push({
          urn: response.getUrn(),
          type: request.getType(),
          name: request.getName(),
          custom: request.getCustom(),
          parent: request.getParent() || null,
          dependsOn: explicitDependencies(request),
          dependencies: request.getDependenciesList(),
          protect: request.getProtect() ?? false,
          retainOnDelete: request.getRetainondelete() ?? false,
          import: request.getImportid() || null,
          inputs: inputsOf(request),
        });
      }
      callback(error, response);
    });
  return recorded;
}
