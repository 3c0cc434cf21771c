// Runs a Pulumi project through the Node.js language host's own entry point
// (@pulumi/pulumi/cmd/run) the way `pulumi preview` does, with only the resource monitor replaced by
// Pulumi's in-process mock. What pulumi-language-nodejs (pulumi/pulumi
// sdk/nodejs/cmd/pulumi-language-nodejs/main.go: parseOptions, execRuntime, constructArguments)
// derives from Pulumi.yaml is derived here the same way:
// - `main: src/index.ts` is program directory src/ and entry point index.ts; the host passes
//   `--pwd <program directory>` and cmd/run chdirs there, so a relative `tsconfig` option and the
//   default tsconfig.json are looked up in src/, not the project root (pulumi/pulumi#10022);
// - runtime option `typescript` (default true) becomes PULUMI_NODEJS_TYPESCRIPT=true, `tsconfig`
//   becomes PULUMI_NODEJS_TSCONFIG_PATH, `nodeargs` become Node flags of this process's caller;
// - the stack's config is PULUMI_CONFIG, its secret keys PULUMI_CONFIG_SECRET_KEYS;
// - argv: --monitor --engine --sync --organization --project --root-directory --stack --pwd
//   --dry-run --parallel <entry point>.
// Prints {exitCode, types, outputs} as JSON on exit.
// Usage: node test/support/languageHostRun.js <project dir> <stack config file> <stack>
const fs = require("node:fs");
const path = require("node:path");

const [projectArg, configFile, stack] = process.argv.slice(2);
const projectDir = path.resolve(projectArg);
const load = require("node:module").createRequire(path.join(projectDir, "package.json"));
const YAML = load("yaml");
const project = YAML.parse(fs.readFileSync(path.join(projectDir, "Pulumi.yaml"), "utf8"));
const options = project.runtime?.options ?? {};
const mainPath = path.join(projectDir, project.main ?? ".");
const mainIsFile = fs.existsSync(mainPath) && fs.statSync(mainPath).isFile();
const programDirectory = mainIsFile ? path.dirname(mainPath) : mainPath;
const entryPoint = mainIsFile ? path.basename(mainPath) : ".";

// The config as the host passes it (PULUMI_CONFIG, PULUMI_CONFIG_SECRET_KEYS) when the caller set
// it, else read from the stack file.
const stackConfig = YAML.parse(fs.readFileSync(path.resolve(configFile), "utf8")).config ?? {};
const fileSecretKeys = [];
const fileConfig = Object.fromEntries(
  Object.entries(stackConfig).map(([key, value]) => {
    if (value && typeof value === "object" && "secure" in value) fileSecretKeys.push(key);
    return [key, typeof value === "string" ? value : JSON.stringify(value)];
  }),
);
const config = process.env.PULUMI_CONFIG ? JSON.parse(process.env.PULUMI_CONFIG) : fileConfig;
const secretKeys = process.env.PULUMI_CONFIG_SECRET_KEYS
  ? JSON.parse(process.env.PULUMI_CONFIG_SECRET_KEYS)
  : fileSecretKeys;
process.env.PULUMI_CONFIG = JSON.stringify(config);
process.env.PULUMI_CONFIG_SECRET_KEYS = JSON.stringify(secretKeys);
if (options.typescript ?? true) process.env.PULUMI_NODEJS_TYPESCRIPT = "true";
if (options.tsconfig) process.env.PULUMI_NODEJS_TSCONFIG_PATH = options.tsconfig;

// The offline plan's mocks, which answer like Azure Resource Manager, from their cached bundle.
const { azureMocks } = require(require("../../src/bundleCache.cjs").freshBundle("src/plan/azureMocks.ts"));
const location = config[`${project.name}:location`];

const pulumi = load("@pulumi/pulumi");
const types = [];
let outputs;

async function main() {
  const azure = azureMocks(location);
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        types.push(args.type);
        return azure.newResource(args);
      },
      call: (args) => azure.call(args),
    },
    project.name,
    stack,
    true,
  );
  const monitor = pulumi.runtime.getMonitor();
  // The engine's shutdown handshake; the mock monitor has nothing to wait for.
  monitor.signalAndWaitForShutdown = (_request, callback) => callback(null, {});
  const registerOutputs = monitor.registerResourceOutputs.bind(monitor);
  monitor.registerResourceOutputs = (request, callback) => {
    if (request.getUrn().includes("::pulumi:pulumi:Stack::")) outputs = request.getOutputs().toJavaScript();
    registerOutputs(request, callback);
  };
  pulumi.runtime.setAllConfig(config, secretKeys);
  const runPath = load.resolve("@pulumi/pulumi/cmd/run");
  process.argv = [
    process.argv[0],
    runPath,
    "--monitor=127.0.0.1:0",
    "--engine=127.0.0.1:0",
    "--organization=organization",
    `--project=${project.name}`,
    `--root-directory=${projectDir}`,
    `--stack=${stack}`,
    `--pwd=${programDirectory}`,
    "--dry-run",
    "--parallel=16",
    entryPoint,
  ];
  load(runPath);
  // Registered after the host's own exit handler, which turns an unhandled program error into
  // a non-zero exit code.
  process.on("exit", () => {
    process.stdout.write(JSON.stringify({ exitCode: process.exitCode ?? 0, types, outputs }));
  });
}

main().catch((error) => {
  process.stderr.write(String(error?.stack ?? error));
  process.exitCode = 1;
});
