/**
 * Loads the mappers (and, where the build allows, the path parameters) of the `@azure/arm-*` releases the
 * facts name, lazily and once per process: only the packages of the types a plan creates are read, and
 * the part a type needs is cached on disk for the next plan.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join, sep } from "node:path";
import type { ArmSpecBinding, SdkRelease, SpecDifference } from "./facts";
import type { Mapper, MapperRegistry } from "./types";

type Module = Record<string, unknown>;

const modules = new Map<string, Module>();

const roots = new Map<string, string>();

function packageRoot(release: SdkRelease): string {
  const known = roots.get(release.install);
  if (known) return known;
  const manifestPath = require.resolve(`${release.install}/package.json`);
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { name?: string; version?: string };
  if (manifest.name !== release.package || manifest.version !== release.version) {
    throw new Error(
      `${release.install} is ${manifest.name}@${manifest.version}; the ARM spec facts need ${release.package}@${release.version} (npm ci)`,
    );
  }
  const root = dirname(manifestPath);
  roots.set(release.install, root);
  return root;
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
  /** The classes and subtypes reachable from the body definition. */
  registry: MapperRegistry;
  body: Mapper;
  /** The path parameters' mappers of the SDK release's CommonJS build, by export name. */
  parameters: Readonly<Record<string, Mapper | undefined>>;
}

/** The classes and discriminated subtypes a body definition reaches: all the check ever reads. */
function reachableRegistry(body: Mapper, registry: MapperRegistry): MapperRegistry {
  const classes: Record<string, Mapper> = {};
  const discriminators: Record<string, Mapper> = {};
  const visit = (mapper: Mapper | undefined) => {
    if (!mapper) return;
    const type = mapper.type;
    const name = type.className;
    if (name && !type.modelProperties) {
      const target = registry.classes[name];
      if (target && !classes[name]) {
        classes[name] = target;
        visit(target);
      }
      return;
    }
    if (name) classes[name] = mapper;
    for (const property of Object.values(type.modelProperties ?? {})) visit(property);
    visit(type.element);
    visit(type.value);
    visit(type.additionalProperties);
    const root = type.polymorphicDiscriminator && (type.uberParent ?? name);
    if (!root) return;
    for (const [key, subtype] of Object.entries(registry.discriminators)) {
      if (subtype && key.startsWith(`${root}.`) && !discriminators[key]) {
        discriminators[key] = subtype;
        visit(subtype);
      }
    }
  };
  visit(body);
  return { classes, discriminators };
}

/** Reads the SDK release's modules: the reachable mappers with the differences applied, the path parameters. */
function specFromSdk(binding: ArmSpecBinding): LoadedSpec {
  const registry = applyDifferences(registryOf(load(binding.sdk, binding.sdk.mappers)), binding.differences);
  const body = registry.classes[binding.body];
  if (!body) throw new Error(`ARM spec facts: ${binding.sdk.package} has no mapper class ${binding.body}`);
  const parameters: Record<string, Mapper | undefined> = {};
  if (binding.sdk.parameters) {
    const module = load(binding.sdk, binding.sdk.parameters);
    for (const { sdkParameter } of binding.pathParameters) {
      const mapper = sdkParameter
        ? (module[sdkParameter] as { mapper?: unknown } | undefined)?.mapper
        : undefined;
      if (sdkParameter && isMapper(mapper)) parameters[sdkParameter] = mapper;
    }
  }
  return { registry: reachableRegistry(body, registry), body, parameters };
}

/** Bumped when what is cached (or how it is derived from the SDK) changes. */
const CACHE_FORMAT = 1;

const toJson = (_key: string, value: unknown) =>
  value instanceof RegExp ? { $pattern: value.source, $flags: value.flags } : value;
const fromJson = (_key: string, value: unknown) => {
  const pattern = value as { $pattern?: unknown; $flags?: unknown } | null;
  return typeof pattern?.$pattern === "string"
    ? new RegExp(pattern.$pattern, String(pattern.$flags ?? ""))
    : value;
};

/** The default cache: beside the plan's bundle, in the node_modules folder that holds the SDK releases. */
export function defaultCacheDir(binding: ArmSpecBinding): string {
  const root = packageRoot(binding.sdk);
  const marker = `${sep}node_modules${sep}`;
  return join(root.slice(0, root.lastIndexOf(marker) + marker.length), ".cache", "aoai-arm-spec");
}

/**
 * The binding's spec, from the cache when a previous plan wrote it (the SDK's mapper modules take
 * ~0.3 s of CPU to evaluate; the cached subset a few ms). The file name carries a hash of the binding
 * (API version, SDK release, differences) and of the cache format, so a changed fact never reads a stale
 * file. A missing, unreadable or unwritable cache only costs time.
 */
export function readSpec(binding: ArmSpecBinding, cacheDir: string): LoadedSpec {
  const digest = createHash("sha256")
    .update(JSON.stringify({ CACHE_FORMAT, binding }))
    .digest("hex")
    .slice(0, 16);
  const file = join(cacheDir, `${binding.token.replace(/[^A-Za-z0-9]+/g, "-")}-${digest}.json`);
  try {
    const cached = JSON.parse(readFileSync(file, "utf8"), fromJson) as Partial<LoadedSpec>;
    if (cached.body && cached.registry && cached.parameters) return cached as LoadedSpec;
  } catch {
    // not cached yet, or unreadable: read the SDK
  }
  const spec = specFromSdk(binding);
  try {
    mkdirSync(cacheDir, { recursive: true });
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, JSON.stringify(spec, toJson));
    renameSync(partial, file);
  } catch {
    // a read-only checkout: plan without the cache
  }
  return spec;
}

const loadedSpecs = new Map<string, LoadedSpec>();

/** The binding's spec, once per process. */
export function loadSpec(binding: ArmSpecBinding): LoadedSpec {
  let spec = loadedSpecs.get(binding.token);
  if (!spec) {
    // defaultCacheDir checks that the installed release is the one the facts name, cached or not
    spec = readSpec(binding, defaultCacheDir(binding));
    loadedSpecs.set(binding.token, spec);
  }
  return spec;
}
