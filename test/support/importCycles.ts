/**
 * Import cycles among a set of source files, found with the TypeScript compiler's own pre-processor
 * (`ts.preProcessFile`: every `import`, `import type`, `export … from`, `import("…")` and `require`)
 * and module resolution (the repository's tsconfig options), so type-only imports count as edges.
 */
import { readdirSync, readFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import ts from "typescript";

/** Files by absolute path; only edges between these files are followed. */
export type SourceFiles = ReadonlyMap<string, string>;

function compilerOptions(projectDir: string): ts.CompilerOptions {
  const configPath = resolve(projectDir, "tsconfig.json");
  const read = ts.readConfigFile(configPath, (path) => readFileSync(path, "utf8"));
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, "\n"));
  return ts.parseJsonConfigFileContent(read.config, ts.sys, projectDir).options;
}

/** The files each file imports (relative specifiers only: packages cannot import back). */
export function importGraph(files: SourceFiles, options: ts.CompilerOptions): Map<string, string[]> {
  const host: ts.ModuleResolutionHost = {
    fileExists: (path) => files.has(path) || ts.sys.fileExists(path),
    readFile: (path) => files.get(path) ?? ts.sys.readFile(path),
  };
  const graph = new Map<string, string[]>();
  for (const [file, text] of files) {
    const edges: string[] = [];
    for (const { fileName: specifier } of ts.preProcessFile(text, true, true).importedFiles) {
      if (!specifier.startsWith(".")) continue;
      const resolved = ts.resolveModuleName(specifier, file, options, host).resolvedModule?.resolvedFileName;
      if (resolved === undefined) throw new Error(`${file}: cannot resolve the import "${specifier}"`);
      if (files.has(resolved)) edges.push(resolved);
    }
    graph.set(file, edges);
  }
  return graph;
}

/** Each cycle once, as the files along it (the first repeated at the end); none: an empty list. */
export function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  // Tarjan's strongly connected components: every component of two or more files (or a file that
  // imports itself) holds a cycle; one shortest cycle through its first file names it.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  const visit = (file: string): void => {
    index.set(file, index.size);
    low.set(file, index.get(file) ?? 0);
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) {
        low.set(file, Math.min(low.get(file) ?? 0, index.get(next) ?? 0));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
      onStack.delete(member);
      component.push(member);
      if (member === file) break;
    }
    if (component.length > 1 || (graph.get(file) ?? []).includes(file)) components.push(component);
  };
  for (const file of [...graph.keys()].sort()) if (!index.has(file)) visit(file);
  return components.map((component) => shortestCycle(graph, new Set(component)));
}

function shortestCycle(
  graph: ReadonlyMap<string, readonly string[]>,
  component: ReadonlySet<string>,
): string[] {
  const start = [...component].sort()[0] ?? "";
  const previous = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const file = queue[i] ?? "";
    for (const next of graph.get(file) ?? []) {
      if (!component.has(next)) continue;
      if (next === start) {
        const path = [start];
        for (let at: string | undefined = file; at !== undefined && at !== start; at = previous.get(at)) {
          path.splice(1, 0, at);
        }
        return [...path, start];
      }
      if (!previous.has(next)) {
        previous.set(next, file);
        queue.push(next);
      }
    }
  }
  return [start, start];
}

const SOURCE = /\.(?:[cm]?ts|[cm]?js)$/;

/** The cycles among the project's source files under `dirs`, each as project-relative paths. */
export function projectImportCycles(projectDir: string, dirs: readonly string[]): string[][] {
  const sources = new Map<string, string>();
  for (const dir of dirs) {
    for (const entry of readdirSync(resolve(projectDir, dir), { recursive: true, encoding: "utf8" })) {
      const file = resolve(projectDir, dir, entry);
      if (SOURCE.test(file)) sources.set(file, readFileSync(file, "utf8"));
    }
  }
  const cycles = findCycles(importGraph(sources, compilerOptions(projectDir)));
  return cycles.map((cycle) => cycle.map((file) => relative(projectDir, file)));
}
