/**
 * Finds the paths a repository file names that lie outside the repository: absolute paths of a
 * machine (home, work and temporary folders), and relative paths that climb above the root when
 * resolved from where they are used. The project must stand on its own in a fresh clone, so its
 * code, tests and docs may not read or point at anything beside it.
 *
 * Paths are repository-relative and POSIX-style ("" is the root). How a relative path is
 * resolved depends on where it stands:
 * - `path.join(__dirname, ...)` / `path.resolve(__dirname, ...)`: from every folder the file
 *   runs from (compiled files run from build/, see runFolders);
 * - import and require specifiers, JSON config values, Markdown link targets: from the file's
 *   own folder;
 * - any other relative path (a command line in a doc or a script, a string in code): from the
 *   root, where npm, jest and the docs' commands run, unless it names an existing tracked file
 *   or folder from the file's own folder.
 */
import * as path from "path";

export interface OutsidePath {
  file: string;
  line: number;
  text: string;
  resolved: string;
}

/** Everything the scan needs to know about the repository: its tracked files. */
export interface Tree {
  files: readonly string[];
}

const P = path.posix;
/** A machine's own folders: a path under one of them is never part of a clone. */
const MACHINE_PATH =
  /(?<![\w./\\\-$@~:])(?:\/(?:work|home|Users|root|mnt|tmp|private)(?=[/"'`\s)\],;:]|$)|~\/|[A-Za-z]:\\)[^\s"'`)\],;]*/g;
/** A relative path with a parent step: `..` alone or followed by segments. */
const PARENT_PATH = /(?<![\w./\\\-$@~])\.\.(?=[/"'`\s)\],;:]|$)(?:\/[^\s"'`)\],;:*?<>|{}$]*)?/g;
const DIRNAME_JOIN =
  /(?:path\.)?(?:join|resolve)\(\s*(__dirname|process\.cwd\(\))((?:\s*,\s*(?:"[^"\n]*"|'[^'\n]*'|`[^`]*`))*)/g;
const SPECIFIER = /(?:\bfrom|\bimport|\brequire|jest\.mock|jest\.requireActual)\s*\(?\s*(["'])(\.[^"'\n]*)\1/g;
const MD_LINK = /\]\(([^)\s]+)\)/g;
const STRING_LITERAL = /"([^"\n]*)"|'([^'\n]*)'|`([^`]*)`/g;

/** Repository-relative, normalized; starts with ".." when it escapes the root. */
function resolveFrom(base: string, rel: string): string {
  return P.normalize(P.join(base || ".", rel)).replace(/(.)\/$/, "$1");
}

/** The folder of a repository-relative file, "" for the root. */
function folderOf(file: string): string {
  return P.dirname(file) === "." ? "" : P.dirname(file);
}

function escapes(resolved: string): boolean {
  return resolved === ".." || resolved.startsWith("../");
}

/**
 * The folders a file's code runs from: its own (ts-jest, node), and for compiled sources their
 * place under build/: tsconfig.cli.json puts src/x into build/x, bench/tsconfig.json puts every
 * file at its own path under build/ (bench runs only from there).
 */
export function runFolders(file: string): string[] {
  const dir = folderOf(file);
  if (dir === "bench" || dir.startsWith("bench/")) return [P.join("build", dir)];
  if (dir === "src" || dir.startsWith("src/")) return [dir, P.join("build", dir.slice(4)), P.join("build", dir)];
  return [dir];
}

function lineOf(text: string, index: number): number {
  let n = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < index; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

/** The same text with a span blanked (newlines kept, so later matches keep their lines). */
function blank(text: string, start: number, end: number): string {
  return text.slice(0, start) + text.slice(start, end).replace(/[^\n]/g, " ") + text.slice(end);
}

/** The joined literal arguments after __dirname; a template stops the join at its first `${`. */
function joinedLiterals(args: string): string {
  const parts: string[] = [];
  for (const m of args.matchAll(STRING_LITERAL)) {
    const s = m[1] ?? m[2] ?? m[3];
    const dynamic = s.indexOf("${");
    if (dynamic >= 0) {
      parts.push(s.slice(0, dynamic));
      break;
    }
    parts.push(s);
  }
  return P.join(".", ...parts);
}

function isTracked(tree: Tree, p: string): boolean {
  return tree.files.some((f) => f === p || f.startsWith(p + "/"));
}

/** Scans one file's text; `file` is its repository-relative path. */
export function outsidePaths(file: string, content: string, tree: Tree): OutsidePath[] {
  const found: OutsidePath[] = [];
  const dir = folderOf(file);
  const ext = P.extname(file);
  const code = [".ts", ".tsx", ".js", ".mjs", ".cjs"].includes(ext);
  const report = (index: number, text: string, resolved: string) =>
    found.push({ file, line: lineOf(content, index), text, resolved });
  let rest = content;

  for (const m of content.matchAll(MACHINE_PATH)) report(m.index, m[0], m[0]);
  rest = rest.replace(MACHINE_PATH, (s) => " ".repeat(s.length));

  const fromOwnFolder = (pattern: RegExp, group: number) => {
    for (const m of rest.matchAll(pattern)) {
      const target = m[group].split("#")[0];
      if (/^[a-z][\w+.-]*:/i.test(target)) continue;
      const resolved = resolveFrom(dir, target);
      if (escapes(resolved)) report(m.index, m[0], resolved);
      rest = blank(rest, m.index, m.index + m[0].length);
    }
  };
  if (code) {
    for (const m of rest.matchAll(DIRNAME_JOIN)) {
      const rel = joinedLiterals(m[2]);
      const bases = m[1] === "__dirname" ? runFolders(file) : [""];
      const bad = bases.map((b) => resolveFrom(b, rel)).find(escapes);
      if (bad !== undefined) report(m.index, m[0], bad);
      rest = blank(rest, m.index, m.index + m[0].length);
    }
    fromOwnFolder(SPECIFIER, 2);
  }
  if (ext === ".md") fromOwnFolder(MD_LINK, 1);

  for (const m of rest.matchAll(PARENT_PATH)) {
    if (rest[m.index + m[0].length] === "$") continue; // built at run time (`${...}`): not a path here
    if (ext === ".json") {
      const resolved = resolveFrom(dir, m[0]); // tsconfig and package.json paths: from their folder
      if (escapes(resolved)) report(m.index, m[0], resolved);
      continue;
    }
    const fromRoot = resolveFrom("", m[0]);
    const fromHere = resolveFrom(dir, m[0]);
    if (escapes(fromRoot) && !(!escapes(fromHere) && isTracked(tree, fromHere))) report(m.index, m[0], fromRoot);
  }
  return found.sort((a, b) => a.line - b.line);
}
