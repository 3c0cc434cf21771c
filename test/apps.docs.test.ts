import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { APP_SETTING_NAMES } from "../components/facts/appSettings";
import { planJson } from "./support/planCli";
import { tempDir } from "./support/tempDir";

const DOC = "docs/APPS.md";
const markdown = readFileSync(DOC, "utf8");

function blocks(language: string): string[] {
  return [...markdown.matchAll(new RegExp(`\`\`\`${language}\\n([\\s\\S]*?)\`\`\``, "g"))].map(
    (m) => m[1] ?? "",
  );
}
const tsBlocks = blocks("ts");
const pythonBlocks = blocks("python");

/** Type-checks in-memory ES module files next to the project's node_modules; diagnostics per file. */
function typeCheck(files: Record<string, string>): Record<string, string[]> {
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: ["node"],
    // Not the DOM (the default lib of the target): the snippets run on Node; it halves the check's time.
    lib: ["lib.es2022.d.ts"],
  };
  const virtual = new Map(Object.entries(files).map(([name, text]) => [resolve(name), text]));
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (name) => virtual.has(resolve(name)) || fileExists.call(host, name);
  host.readFile = (name) => virtual.get(resolve(name)) ?? readFile.call(host, name);
  host.getSourceFile = (name, language, onError) => {
    const text = virtual.get(resolve(name));
    return text === undefined
      ? getSourceFile.call(host, name, language, onError)
      : ts.createSourceFile(name, text, language, true);
  };
  const program = ts.createProgram([...virtual.keys()], options, host);
  // Only the snippets' own diagnostics: the libraries' declarations are not ours to check.
  return Object.fromEntries(
    [...virtual.keys()].map((name) => {
      const file = program.getSourceFile(name);
      const diagnostics = file
        ? [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)]
        : [];
      return [name, diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"))];
    }),
  );
}

/** Environment variables a snippet reads. */
function envNames(code: string): string[] {
  const patterns = [
    /os\.environ\[\s*"([A-Z0-9_]+)"\s*\]/g,
    /os\.(?:getenv|environ\.get)\(\s*"([A-Z0-9_]+)"/g,
    /process\.env\.([A-Z0-9_]+)/g,
    /process\.env\[\s*"([A-Z0-9_]+)"\s*\]/g,
  ];
  return patterns.flatMap((pattern) => [...code.matchAll(pattern)].map((m) => m[1] ?? ""));
}

describe("docs/APPS.md", () => {
  it("has the snippets for each SDK", () => {
    expect(tsBlocks.length).toBeGreaterThanOrEqual(3);
    expect(pythonBlocks.length).toBeGreaterThanOrEqual(6);
    const all = [...tsBlocks, ...pythonBlocks].join("\n");
    for (const needle of [
      "getBearerTokenProvider",
      "get_bearer_token_provider",
      "AzureChatOpenAI",
      "AzureOpenAIEmbeddings",
      "llama_index",
      "semantic_kernel",
      "content_filter",
      "retry-after",
    ]) {
      expect(all).toContain(needle);
    }
    expect(all).not.toMatch(/api_key|apiKey|AZURE_OPENAI_API_KEY/);
    const scopes = all.match(/"https:\/\/cognitiveservices\.azure\.com\/\.default"/g) ?? [];
    expect(scopes.length).toBeGreaterThanOrEqual(tsBlocks.length);
  });

  it("TypeScript snippets type-check against the real openai and @azure/identity packages", () => {
    const files = Object.fromEntries(tsBlocks.map((code, i) => [`docs/.apps-snippet-${i}.mts`, code]));
    // A broken snippet proves the check is live (a wrong option name and a wrong argument type).
    files["docs/.apps-snippet-broken.mts"] = [
      'import { AzureOpenAI } from "openai";',
      "new AzureOpenAI({ azureAdTokenProvider: async () => 1 });",
    ].join("\n");
    const diagnostics = typeCheck(files);
    const broken = diagnostics[resolve("docs/.apps-snippet-broken.mts")];
    expect(broken?.join("\n")).toMatch(/azureAdTokenProvider/);
    for (const [name, messages] of Object.entries(diagnostics)) {
      if (!name.endsWith("broken.mts")) expect({ name, messages }).toEqual({ name, messages: [] });
    }
  });

  it("Python snippets parse (python3 ast)", () => {
    const dir = tempDir("aoai-apps-py-");
    const paths = pythonBlocks.map((code, i) => {
      const path = join(dir, `snippet_${i}.py`);
      writeFileSync(path, code);
      return path;
    });
    const broken = join(dir, "broken.py");
    writeFileSync(broken, "client = AzureOpenAI(\n");
    // The suite's machines (this one, GitHub's runners) have python3; say so plainly where one does not.
    expect(() => execFileSync("python3", ["--version"], { stdio: "pipe" }), "python3 on PATH").not.toThrow();
    const parse = (files: string[]) =>
      execFileSync(
        "python3",
        ["-c", "import ast, sys\nfor f in sys.argv[1:]: ast.parse(open(f).read(), f)", ...files],
        { encoding: "utf8", stdio: "pipe" },
      );
    expect(() => parse(paths)).not.toThrow();
    expect(() => parse([broken])).toThrow(/SyntaxError/);
  });

  it("reads only settings the stack exports (or OPENAI_API_KEY on the OpenAI side of the switch)", async () => {
    const used = new Set([...tsBlocks, ...pythonBlocks].flatMap(envNames));
    expect(used.size).toBeGreaterThanOrEqual(4);
    const { outputs } = await planJson("--stack", "prod");
    const allowed = new Set([...Object.keys(outputs), APP_SETTING_NAMES.clientId.name, "OPENAI_API_KEY"]);
    expect([...used].filter((name) => !allowed.has(name))).toEqual([]);
    // The table's names are the facts module's names.
    for (const { name } of Object.values(APP_SETTING_NAMES)) {
      if (name !== APP_SETTING_NAMES.instanceName.name) expect(markdown).toContain(name);
    }
  });
});
