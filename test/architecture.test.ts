/**
 * The shape of src: no import circle anywhere, and no upward import between the layers
 * (src/engine is pure TypeScript: nothing outside it, no Office, no Node built-ins; src/words,
 * the display text that report and functions share, imports only the engine and itself; the
 * report layer knows neither the taskpane nor the command line; the custom functions do not use
 * the report layer). Imports are read from the source text: relative ones are followed, bare ones
 * (packages, Node built-ins) are checked against the engine's rule.
 */
import * as fs from "fs";
import * as path from "path";
import { builtinModules } from "module";

const SRC = path.join(__dirname, "..", "src");

/** Every .ts/.tsx file under `dir`, absolute. */
function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [full] : [];
  });
}

/** The module specifiers of a file: static imports and re-exports (type-only too), `import("x")`, `require("x")`. */
export function specifiersOf(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
  const found: string[] = [];
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?["']([^"']+)["']/g,
    /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
    /\brequire\s*\(\s*["']([^"']+)["']\s*\)/g,
  ];
  for (const re of patterns) for (const m of code.matchAll(re)) found.push(m[1]);
  return found;
}

/** The file of `files` a relative specifier names (x.ts, x.tsx or x/index.ts[x]), or undefined when none is. */
function resolveRelative(files: ReadonlySet<string>, from: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(from), specifier);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")];
  return candidates.find((c) => files.has(c));
}

export interface ImportGraph {
  /** file (relative to src, with /) to the src files it imports. */
  edges: Map<string, string[]>;
  /** file to the bare specifiers it imports (packages and Node built-ins). */
  bare: Map<string, string[]>;
}

export function importGraph(
  files: readonly string[],
  root: string,
  read = (f: string) => fs.readFileSync(f, "utf8"),
): ImportGraph {
  const rel = (f: string) => path.relative(root, f).split(path.sep).join("/");
  const known = new Set(files);
  const edges = new Map<string, string[]>();
  const bare = new Map<string, string[]>();
  for (const file of files) {
    const specifiers = specifiersOf(read(file));
    const targets = specifiers
      .filter((s) => s.startsWith("."))
      .map((s) => resolveRelative(known, file, s) ?? path.resolve(path.dirname(file), s));
    edges.set(rel(file), [...new Set(targets.map(rel))]);
    bare.set(
      rel(file),
      specifiers.filter((s) => !s.startsWith(".")),
    );
  }
  return { edges, bare };
}

/** Each import circle once, as the files in order with the first repeated at the end. */
export function importCircles(edges: ReadonlyMap<string, readonly string[]>): string[][] {
  const circles: string[][] = [];
  const seen = new Set<string>();
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (node: string): void => {
    state.set(node, "open");
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      if (state.get(next) === "open") {
        const circle = [...stack.slice(stack.indexOf(next)), next];
        const key = [...circle.slice(0, -1)].sort().join(" ");
        if (!seen.has(key)) (circles.push(circle), seen.add(key));
      } else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, "done");
  };
  for (const node of [...edges.keys()].sort()) if (!state.has(node)) visit(node);
  return circles;
}

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** The imports that go against the layering, as "importer -> imported (rule)". */
export function upwardImports(graph: ImportGraph): string[] {
  const wrong: string[] = [];
  const under = (f: string, dir: string) => f.startsWith(`${dir}/`);
  for (const [file, targets] of graph.edges) {
    for (const t of targets) {
      if (under(file, "engine") && !under(t, "engine")) wrong.push(`${file} -> ${t} (engine imports only engine)`);
      if (under(file, "report") && (under(t, "taskpane") || under(t, "cli")))
        wrong.push(`${file} -> ${t} (report imports neither taskpane nor cli)`);
      if (under(file, "words") && !under(t, "engine") && !under(t, "words"))
        wrong.push(`${file} -> ${t} (words import only engine and words)`);
      if (under(file, "functions") && under(t, "report"))
        wrong.push(`${file} -> ${t} (functions do not import report)`);
    }
  }
  for (const [file, specifiers] of graph.bare) {
    if (!under(file, "engine") && !under(file, "words")) continue;
    for (const s of specifiers)
      if (NODE_BUILTINS.has(s) || /^office(-js)?$|^@microsoft\/office-js/.test(s))
        wrong.push(`${file} -> ${s} (engine and words use no Office and no Node built-ins)`);
  }
  return wrong;
}

describe("architecture of src", () => {
  const graph = importGraph(sourceFiles(SRC), SRC);

  it("reads the imports of every source file", () => {
    expect(graph.edges.size).toBeGreaterThan(50);
    expect(graph.edges.get("cli/main.ts")).toContain("cli/commandRunner.ts");
    expect(graph.bare.get("cli/commandRunner.ts")).toEqual([]);
  });

  it("has no import circle", () => {
    const circles = importCircles(graph.edges).map((c) => c.join(" -> "));
    expect(circles).toEqual([]);
  });

  it("has no upward import between the layers", () => {
    expect(upwardImports(graph)).toEqual([]);
  });

  it("finds a circle and an upward import when there is one (the checks can fail)", () => {
    const files = ["/s/engine/a.ts", "/s/engine/b.ts", "/s/report/c.ts", "/s/words/d.ts"].map((f) => path.normalize(f));
    const text: Record<string, string> = {
      a: 'import { b } from "./b";\nimport * as fs from "fs";',
      b: 'import type { A } from "./a";',
      c: 'export { x } from "../cli/main";',
      d: 'import { y } from "../report/c";\nimport { b } from "../engine/b";',
    };
    const fake = importGraph(files, path.normalize("/s"), (f) => text[path.basename(f, ".ts")]);
    expect(importCircles(fake.edges).map((c) => c.join(" -> "))).toEqual(["engine/a.ts -> engine/b.ts -> engine/a.ts"]);
    expect(upwardImports(fake)).toEqual([
      "report/c.ts -> cli/main (report imports neither taskpane nor cli)",
      "words/d.ts -> report/c.ts (words import only engine and words)",
      "engine/a.ts -> fs (engine and words use no Office and no Node built-ins)",
    ]);
  });
});
