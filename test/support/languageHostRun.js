// Runs the program through the Pulumi Node.js language host's own entry point
// (@pulumi/pulumi/cmd/run), with the argv and environment the host gives it: runtime option
// `typescript: true` becomes PULUMI_NODEJS_TYPESCRIPT=true, and the program path is Pulumi.yaml
// `main`. The one substitution: the resource monitor is Pulumi's in-process mock instead of the
// engine's gRPC server (the address passed is never dialled because a monitor is already set).
// The config arrives as the host passes it: PULUMI_CONFIG (a JSON map of `namespace:key` to string)
// and PULUMI_CONFIG_SECRET_KEYS, in the environment.
// Prints the exit code, the registered resource types and the stack outputs as JSON at exit.
// Usage: PULUMI_CONFIG=... node test/support/languageHostRun.js <program> <stack>
const pulumi = require("@pulumi/pulumi");

const [program, stack] = process.argv.slice(2);
const types = [];
let outputs;

async function main() {
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        types.push(args.type);
        return { id: `${args.name}-id`, state: { ...args.inputs, name: args.name } };
      },
      call: (args) => ({ ...args.inputs }),
    },
    "aoai-platform",
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
  pulumi.runtime.setAllConfig(
    JSON.parse(process.env.PULUMI_CONFIG ?? "{}"),
    JSON.parse(process.env.PULUMI_CONFIG_SECRET_KEYS ?? "[]"),
  );
  process.env.PULUMI_NODEJS_TYPESCRIPT = "true";
  process.argv = [
    process.argv[0],
    require.resolve("@pulumi/pulumi/cmd/run"),
    "--monitor=in-process-mock",
    "--project=aoai-platform",
    `--stack=${stack}`,
    "--dry-run",
    program,
  ];
  require("@pulumi/pulumi/cmd/run");
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
