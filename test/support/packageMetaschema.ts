/**
 * Pulumi's package metaschema and the checks the CLI's schema binder adds to it, transcribed as
 * checks (no npm package ships the metaschema, and the Pulumi CLI is not installable offline: the
 * `pulumi` npm package downloads the binary on first use). Each rule names its source:
 * - M: pulumi/pulumi pkg/codegen/schema/pulumi.json (the metaschema, JSON Schema 2020-12, which
 *   bind.go embeds and validates every schema against), at commit 01c4ec37f501a3eb579e0a092da0e63fc43cf03c,
 *   by JSON pointer;
 * - B: pulumi/pulumi pkg/codegen/schema/bind.go (bindSpec and the binders it calls), at commit
 *   001ffec8f0332df67ea4069234291c016c0eaa73, by function;
 * - D: https://www.pulumi.com/docs/iac/guides/building-extending/packages/schema/ (the package schema page).
 * Only the parts a component package uses are transcribed (no provider, config, functions' bodies,
 * parameterization or language overrides beyond their type), and a few rules are stricter than
 * Pulumi where Pulumi only warns or tolerates; those say so.
 */

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const PRIMITIVES = ["boolean", "integer", "number", "string"];

// M #/properties/name/pattern (also #/properties/dependencies/items/properties/name).
const PACKAGE_NAME = /^[a-zA-Z][-a-zA-Z0-9_]*$/;
// M #/properties/version/pattern: semver, an optional leading "v".
const SEMVER =
  /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
// M #/$defs/token/pattern; D: tokens are pkg:module:Type.
const TOKEN = /^[a-zA-Z][-a-zA-Z0-9_]*:([^0-9][a-zA-Z0-9._/-]*)?:[^0-9][a-zA-Z0-9._/-]*$/;
// M #/properties/namespace/pattern.
const NAMESPACE = /^([a-z][a-z0-9]*)(-[a-z0-9]+)*$/;
// B parseTypeSpecRef: refPathRegex, the path of a reference to another package's schema.
const EXTERNAL_SCHEMA_PATH = /^\/?([-\w]+)\/(v[^/]*)\/schema\.json$/;
// B bindTypeSpecRef: the built-in types.
const BUILTIN_REFS = ["pulumi.json#/Archive", "pulumi.json#/Asset", "pulumi.json#/Json", "pulumi.json#/Any"];

// M #/properties and #/additionalProperties: false: the keys a package schema may have.
const TOP_LEVEL_KEYS = [
  "name",
  "displayName",
  "version",
  "description",
  "keywords",
  "homepage",
  "license",
  "attribution",
  "repository",
  "logoUrl",
  "pluginDownloadURL",
  "configurationDocsUrl",
  "validateCredentialsOnNew",
  "publisher",
  "namespace",
  "meta",
  "config",
  "types",
  "dependencies",
  "provider",
  "resources",
  "functions",
  "language",
  "parameterization",
  "allowedPackageNames",
];
// M #/properties/<key>: "type": "string".
const TOP_LEVEL_STRINGS = [
  "displayName",
  "description",
  "homepage",
  "license",
  "attribution",
  "repository",
  "logoUrl",
  "pluginDownloadURL",
  "configurationDocsUrl",
  "publisher",
];

class Checker {
  readonly problems: string[] = [];
  constructor(private readonly root: Json) {}

  problem(path: string, message: string) {
    this.problems.push(`${path}: ${message}`);
  }

  string(path: string, value: unknown) {
    if (value !== undefined && typeof value !== "string") this.problem(path, "must be a string");
  }

  boolean(path: string, value: unknown) {
    if (value !== undefined && typeof value !== "boolean") this.problem(path, "must be a boolean");
  }

  object(path: string, value: unknown) {
    if (value !== undefined && !isObject(value)) this.problem(path, "must be an object");
  }

  stringArray(path: string, value: unknown) {
    if (value === undefined) return;
    if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) {
      this.problem(path, "must be an array of strings");
    }
  }

  /** M #/$defs/typeSpec: exactly one of the five shapes (oneOf), recursively; `plain` a boolean. */
  typeSpec(path: string, spec: unknown) {
    if (!isObject(spec)) {
      this.problem(path, "must be an object (a type reference)");
      return;
    }
    this.boolean(`${path}/plain`, spec.plain);
    const has = (key: string) => key in spec;
    const primitiveType = typeof spec.type === "string" && PRIMITIVES.includes(spec.type);
    const shapes = {
      // oneOf/0, Primitive Type: "type" one of the primitives; no additionalProperties, items, oneOf, $ref.
      primitive:
        primitiveType && !has("additionalProperties") && !has("items") && !has("oneOf") && !has("$ref"),
      // oneOf/1, Array Type: "type": "array" and "items"; no additionalProperties, oneOf, $ref.
      array:
        spec.type === "array" &&
        has("items") &&
        !has("additionalProperties") &&
        !has("oneOf") &&
        !has("$ref"),
      // oneOf/2, Map Type: "type": "object", "additionalProperties" optional; no items, oneOf, $ref.
      map: spec.type === "object" && !has("items") && !has("oneOf") && !has("$ref"),
      // oneOf/3, Named Type: "$ref" (a string; "type" ignored if a string); no additionalProperties, items, oneOf.
      named:
        typeof spec.$ref === "string" &&
        (spec.type === undefined || typeof spec.type === "string") &&
        !has("additionalProperties") &&
        !has("items") &&
        !has("oneOf"),
      // oneOf/4, Union Type: "oneOf" of at least two types, "type" one of the primitives if present.
      union:
        Array.isArray(spec.oneOf) &&
        spec.oneOf.length >= 2 &&
        (spec.type === undefined || primitiveType) &&
        !has("additionalProperties") &&
        !has("items") &&
        !has("$ref"),
    };
    const matched = Object.entries(shapes).filter(([, ok]) => ok);
    if (matched.length !== 1) {
      this.problem(
        path,
        `must be exactly one of a primitive, array, map, named or union type (matches ${matched.length}: ${JSON.stringify({ type: spec.type, $ref: spec.$ref })})`,
      );
      return;
    }
    if (shapes.array) this.typeSpec(`${path}/items`, spec.items);
    if (shapes.map && spec.additionalProperties !== undefined) {
      this.typeSpec(`${path}/additionalProperties`, spec.additionalProperties);
    }
    if (shapes.union && Array.isArray(spec.oneOf)) {
      spec.oneOf.forEach((element, i) => {
        this.typeSpec(`${path}/oneOf/${i}`, element);
      });
    }
    if (shapes.named && typeof spec.$ref === "string") this.reference(`${path}/$ref`, spec.$ref);
  }

  /**
   * B parseTypeSpecRef and bindTypeSpecRef: a built-in type; `#/types/<token>`, `#/resources/<token>` or
   * `#/provider` of this package; or the same fragments after `/<package>/v<semver>/schema.json`.
   * A local reference must name a member of this schema (B: "resource type %v not found in package";
   * for types stricter than bind.go, which binds an unknown local type as an opaque token, but codegen
   * then has no type to generate; M #/$defs/typeSpec/oneOf/3/properties/$ref/description).
   */
  reference(path: string, ref: string) {
    if (BUILTIN_REFS.includes(ref)) return;
    const hash = ref.indexOf("#");
    if (hash < 0) {
      this.problem(path, `reference ${ref} has no #/types/, #/resources/ or #/provider fragment`);
      return;
    }
    const schemaPath = ref.slice(0, hash);
    const fragment = ref.slice(hash + 1).replace(/^\//, "");
    if (schemaPath !== "") {
      const match = EXTERNAL_SCHEMA_PATH.exec(schemaPath);
      if (!match || !SEMVER.test(match[2] ?? "")) {
        this.problem(path, `reference ${ref}: the schema path must be /<package>/v<semver>/schema.json`);
        return;
      }
    }
    const slash = fragment.indexOf("/");
    const kind = slash < 0 ? fragment : fragment.slice(0, slash);
    const token = slash < 0 ? "" : decodeURIComponent(fragment.slice(slash + 1));
    if (kind === "provider") {
      if (token !== "") this.problem(path, `invalid provider reference ${ref}`);
      return;
    }
    if (kind !== "types" && kind !== "resources") {
      this.problem(
        path,
        `invalid type reference ${ref} (the fragment must be #/types/, #/resources/ or #/provider)`,
      );
      return;
    }
    if (schemaPath !== "") return; // another package's member: resolved by loading that package
    const members = this.root[kind];
    if (!isObject(members) || !(token in members)) {
      this.problem(path, `reference ${ref}: no ${kind} member ${token} in this schema`);
    }
  }

  /** M #/$defs/propertySpec: a typeSpec plus description, const, default, and flags. */
  propertySpec(path: string, spec: unknown) {
    this.typeSpec(path, spec);
    if (!isObject(spec)) return;
    this.string(`${path}/description`, spec.description);
    this.string(`${path}/deprecationMessage`, spec.deprecationMessage);
    this.object(`${path}/language`, spec.language);
    for (const flag of ["secret", "replaceOnChanges", "willReplaceOnChanges"]) {
      this.boolean(`${path}/${flag}`, spec[flag]);
    }
    for (const key of ["const", "default"]) {
      const value = spec[key];
      if (value !== undefined && !["boolean", "number", "string"].includes(typeof value)) {
        this.problem(`${path}/${key}`, "must be a boolean, number or string");
      }
    }
  }

  /**
   * A property map and its required list: M #/$defs/objectTypeSpec (properties, required) and
   * #/$defs/resourceSpec (inputProperties, requiredInputs); B bindProperties: every required name
   * must be a declared property ("unknown required property").
   */
  properties(path: string, map: unknown, requiredPath: string, required: unknown) {
    if (map !== undefined && !isObject(map)) {
      this.problem(path, "must be an object (a map from property name to propertySpec)");
      return;
    }
    for (const [name, spec] of Object.entries(map ?? {})) this.propertySpec(`${path}/${name}`, spec);
    this.stringArray(requiredPath, required);
    if (!Array.isArray(required)) return;
    required.forEach((name, i) => {
      if (typeof name === "string" && !(name in (map ?? {}))) {
        this.problem(`${requiredPath}/${i}`, `unknown required property "${name}"`);
      }
    });
  }

  /**
   * M #/$defs/objectTypeSpec (description, properties, type, required, language, isOverlay); B
   * bindObjectTypeDetails and bindResourceDetails: the old `plain` lists are refused.
   */
  objectType(path: string, spec: Json) {
    this.string(`${path}/description`, spec.description);
    this.string(`${path}/type`, spec.type);
    this.object(`${path}/language`, spec.language);
    this.boolean(`${path}/isOverlay`, spec.isOverlay);
    this.properties(`${path}/properties`, spec.properties, `${path}/required`, spec.required);
    if (spec.plain !== undefined)
      this.problem(`${path}/plain`, "plain has been removed; mark property types plain");
  }

  /** M #/$defs/resourceSpec; B bindResourceDetails. */
  resource(path: string, spec: unknown) {
    if (!isObject(spec)) {
      this.problem(path, "must be an object (a resourceSpec)");
      return;
    }
    this.objectType(path, spec);
    this.properties(
      `${path}/inputProperties`,
      spec.inputProperties,
      `${path}/requiredInputs`,
      spec.requiredInputs,
    );
    this.boolean(`${path}/isComponent`, spec.isComponent);
    this.string(`${path}/deprecationMessage`, spec.deprecationMessage);
    if (spec.plainInputs !== undefined) {
      this.problem(`${path}/plainInputs`, "plainInputs has been removed; mark property types plain");
    }
    if (spec.methods !== undefined) {
      if (!isObject(spec.methods) || Object.values(spec.methods).some((t) => typeof t !== "string")) {
        this.problem(`${path}/methods`, "must map method names to function tokens");
      }
    }
    if (spec.aliases !== undefined && !Array.isArray(spec.aliases))
      this.problem(`${path}/aliases`, "must be an array");
    // B bindResourceDetails warns: urn is reserved on every resource, id on custom resources
    // (stricter here: a warning fails the check, so no SDK is generated with a shadowed name).
    const outputs = isObject(spec.properties) ? spec.properties : {};
    if ("urn" in outputs) this.problem(`${path}/properties/urn`, "urn is a reserved property name");
    if (spec.isComponent !== true && "id" in outputs) {
      this.problem(`${path}/properties/id`, "id is a reserved property name for resources");
    }
  }

  /** M #/$defs/complexTypeSpec: an object type (type "object") or an enum (M #/$defs/enumTypeSpec). */
  complexType(path: string, spec: unknown) {
    if (!isObject(spec)) {
      this.problem(path, "must be an object (a complexTypeSpec)");
      return;
    }
    this.string(`${path}/description`, spec.description);
    this.object(`${path}/language`, spec.language);
    this.boolean(`${path}/isOverlay`, spec.isOverlay);
    const isEnum =
      typeof spec.type === "string" && PRIMITIVES.includes(spec.type) && Array.isArray(spec.enum);
    const isObjectType = spec.type === undefined || spec.type === "object";
    if (isEnum === isObjectType) {
      this.problem(
        path,
        "must be either an object type (type: object) or an enum (a primitive type and enum values)",
      );
      return;
    }
    if (isObjectType) {
      this.objectType(path, spec);
      return;
    }
    // M #/$defs/enumTypeSpec/properties/enum/items: each value required, of a primitive type;
    // B bindEnumType and bindConstValue: of the enum's own type.
    (spec.enum as unknown[]).forEach((entry, i) => {
      const at = `${path}/enum/${i}`;
      if (!isObject(entry) || !("value" in entry)) {
        this.problem(at, "an enum value must be an object with a value");
        return;
      }
      this.string(`${at}/name`, entry.name);
      this.string(`${at}/description`, entry.description);
      this.string(`${at}/deprecationMessage`, entry.deprecationMessage);
      const { value } = entry;
      const ok =
        spec.type === "integer"
          ? Number.isInteger(value)
          : spec.type === "number"
            ? typeof value === "number"
            : typeof value === spec.type;
      if (!ok)
        this.problem(`${at}/value`, `invalid constant ${JSON.stringify(value)} for a ${spec.type} enum`);
    });
  }

  /**
   * M #/properties/{resources,types,functions}/propertyNames: tokens; B validateTypeToken: three
   * parts, the package's own name (or an allowedPackageNames entry), and `provider` reserved in the
   * index module.
   */
  tokens(section: string, members: Json) {
    const allowed = [
      this.root.name,
      ...(Array.isArray(this.root.allowedPackageNames) ? this.root.allowedPackageNames : []),
    ];
    for (const token of Object.keys(members)) {
      const path = `#/${section}/${token}`;
      if (!TOKEN.test(token)) {
        this.problem(path, `invalid token '${token}' (must be <package>:<module>:<name>)`);
        continue;
      }
      // The pattern admits exactly three parts (B validateTypeToken: "should have three parts").
      const [pkg, module, name] = token.split(":");
      if (!allowed.includes(pkg))
        this.problem(path, `invalid token '${token}' (must have package name '${this.root.name}')`);
      if ((module === "" || module?.toLowerCase() === "index") && name?.toLowerCase() === "provider") {
        this.problem(path, `invalid token '${token}' (provider is a reserved word for the root module)`);
      }
    }
  }
}

/** Every rule the package schema breaks, as `<JSON pointer>: <what>`; empty when it is valid. */
export function packageSchemaProblems(schema: unknown): string[] {
  if (!isObject(schema)) return ["#: a package schema must be an object"];
  const check = new Checker(schema);
  for (const key of Object.keys(schema).filter((k) => !TOP_LEVEL_KEYS.includes(k))) {
    check.problem(`#/${key}`, "is not a package schema property (additionalProperties: false)");
  }
  // M #/required: ["name"]; B newBinder: "no name provided".
  if (typeof schema.name !== "string" || !PACKAGE_NAME.test(schema.name)) {
    check.problem("#/name", `must be a package name matching ${PACKAGE_NAME.source}`);
  }
  if (schema.version !== undefined && (typeof schema.version !== "string" || !SEMVER.test(schema.version))) {
    check.problem("#/version", "must be a semver version");
  }
  if (
    schema.namespace !== undefined &&
    (typeof schema.namespace !== "string" || !NAMESPACE.test(schema.namespace))
  ) {
    check.problem("#/namespace", `must match ${NAMESPACE.source}`);
  }
  for (const key of TOP_LEVEL_STRINGS) check.string(`#/${key}`, schema[key]);
  check.boolean("#/validateCredentialsOnNew", schema.validateCredentialsOnNew);
  check.stringArray("#/keywords", schema.keywords);
  check.stringArray("#/allowedPackageNames", schema.allowedPackageNames);
  for (const key of ["meta", "config", "language", "provider", "parameterization"]) {
    check.object(`#/${key}`, schema[key]);
  }
  // M #/properties/dependencies: package descriptors, each with a name and a semver version.
  if (schema.dependencies !== undefined) {
    if (!Array.isArray(schema.dependencies)) check.problem("#/dependencies", "must be an array");
    else
      schema.dependencies.forEach((dep, i) => {
        if (!isObject(dep) || typeof dep.name !== "string" || !PACKAGE_NAME.test(dep.name)) {
          check.problem(`#/dependencies/${i}/name`, "must be a package name");
        } else if (
          dep.version !== undefined &&
          (typeof dep.version !== "string" || !SEMVER.test(dep.version))
        ) {
          check.problem(`#/dependencies/${i}/version`, "must be a semver version");
        }
      });
  }
  for (const [section, checkMember] of [
    ["resources", (path: string, spec: unknown) => check.resource(path, spec)],
    ["types", (path: string, spec: unknown) => check.complexType(path, spec)],
    ["functions", (path: string, spec: unknown) => check.object(path, spec)],
  ] as const) {
    const members = schema[section];
    if (members === undefined) continue;
    if (!isObject(members)) {
      check.problem(`#/${section}`, "must be an object (a map from token to definition)");
      continue;
    }
    check.tokens(section, members);
    for (const [token, spec] of Object.entries(members)) checkMember(`#/${section}/${token}`, spec);
  }
  // B checkDuplicates: no two resource or function tokens may differ only in case.
  const seen = new Map<string, string>();
  for (const section of ["resources", "functions"]) {
    const members = schema[section];
    for (const token of isObject(members) ? Object.keys(members) : []) {
      const other = seen.get(token.toLowerCase());
      if (other)
        check.problem(
          `#/${section}/${token}`,
          `multiple tokens map to ${token.toLowerCase()} (also ${other})`,
        );
      seen.set(token.toLowerCase(), `#/${section}/${token}`);
    }
  }
  return check.problems;
}
