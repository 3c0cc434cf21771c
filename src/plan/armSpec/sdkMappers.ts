/**
 * Loads the mappers (and, where the build allows, the path parameters) of the `@azure/arm-*` releases the
 * facts name, lazily and once per process: only the packages of the types a plan creates are read.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { ArmSpecBinding, SdkRelease, SpecDifference } from "./facts";
import type { Mapper, MapperRegistry } from "./types";

type Module = Record<string, unknown>;

const modules = new Map<string, Module>();

function packageRoot(release: SdkRelease): string {
  const manifestPath = require.resolve(`${release.install}/package.json`);
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { name?: string; version?: string };
  if (manifest.name !== release.package || manifest.version !== release.version) {
    throw new Error(
      `${release.install} is ${manifest.name}@${manifest.version}; the ARM spec facts need ${release.package}@${release.version} (npm ci)`,
    );
  }
  return dirname(manifestPath);
}

function load(release: SdkRelease, file: string): Module {
  const key = `${release.install}/${file}`;
  let loaded = modules.get(key);
  if (!loaded) {
    // The ES-module builds (dist-esm) load through require(esm), which Node >= 20.19 supports.
    loaded = require(join(packageRoot(release), file)) as Module;
    modules.set(key, loaded);
  }
  return loaded;
}

const isMapper = (value: unknown): value is Mapper =>
  typeof value === "object" && value !== null && "type" in value;

function registryOf(module: Module): MapperRegistry {
  const classes: Record<string, Mapper> = {};
  for (const [name, value] of Object.entries(module)) if (isMapper(value)) classes[name] = value;
  const discriminators = (module.discriminators ?? {}) as Record<string, Mapper>;
  return { classes, discriminators };
}

/** The SDK's classes with the binding's transcribed differences applied (copies; the SDK's objects stay). */
export function applyDifferences(
  registry: MapperRegistry,
  differences: readonly SpecDifference[],
): MapperRegistry {
  if (differences.length === 0) return registry;
  const classes = { ...registry.classes };
  for (const difference of differences) {
    const base = classes[difference.definition];
    if (!base?.type.modelProperties) {
      throw new Error(`ARM spec facts: the SDK has no mapper class ${difference.definition}`);
    }
    const existing = base.type.modelProperties[difference.property];
    const merged = { ...existing, ...difference.mapper } as Mapper;
    if (!merged.type || merged.serializedName === undefined) {
      throw new Error(
        `ARM spec facts: ${difference.definition}.${difference.property} needs a serializedName and type`,
      );
    }
    const patched: Mapper = {
      ...base,
      type: {
        ...base.type,
        modelProperties: { ...base.type.modelProperties, [difference.property]: merged },
      },
    };
    classes[difference.definition] = patched;
  }
  // Subtypes are looked up through the discriminators: point them at the patched classes as well.
  const discriminators = Object.fromEntries(
    Object.entries(registry.discriminators).map(([key, mapper]) => {
      const name = mapper?.type.className;
      return [key, name && classes[name] !== registry.classes[name] ? classes[name] : mapper];
    }),
  );
  return { classes, discriminators };
}

export interface LoadedSpec {
  registry: MapperRegistry;
  body: Mapper;
  /** The parameter mappers of the SDK release's CommonJS build, by export name. */
  parameters: Readonly<Record<string, Mapper | undefined>>;
}

const loadedSpecs = new Map<string, LoadedSpec>();

export function loadSpec(binding: ArmSpecBinding): LoadedSpec {
  const cached = loadedSpecs.get(binding.token);
  if (cached) return cached;
  const registry = applyDifferences(registryOf(load(binding.sdk, binding.sdk.mappers)), binding.differences);
  const body = registry.classes[binding.body];
  if (!body) throw new Error(`ARM spec facts: ${binding.sdk.package} has no mapper class ${binding.body}`);
  const parameters: Record<string, Mapper | undefined> = {};
  if (binding.sdk.parameters) {
    for (const [name, value] of Object.entries(load(binding.sdk, binding.sdk.parameters))) {
      const mapper = (value as { mapper?: unknown } | null)?.mapper;
      if (isMapper(mapper)) parameters[name] = mapper;
    }
  }
  const spec = { registry, body, parameters };
  loadedSpecs.set(binding.token, spec);
  return spec;
}
