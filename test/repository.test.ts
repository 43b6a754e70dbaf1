/**
 * The repository stands on its own: no code, test, script, benchmark or doc of it reads or names
 * a path outside it (a folder beside the clone, a machine's home or work folder). A fresh clone
 * has nothing there, so such a path is an ENOENT for everyone else.
 *
 * This file is left out of the scan: its examples are the paths the scan must flag.
 */
import { execFileSync } from "child_process";
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import { dataFile, repositoryRoot } from "../src/cli/repository";
import { outsidePaths, runFolders, Tree } from "./helpers/outsidePaths";

const ROOT = repositoryRoot()!;
const SELF = path.relative(ROOT, __filename).split(path.sep).join("/");

/** The scanned part of the repository: sources, tests, scripts, docs and configs. */
const SCANNED = [
  /^(src|test|bench|scripts|bin|\.ci|docs)\//,
  /^[^/]+\.md$/,
  /^[^/]+\.config\.m?js$/,
  /^package\.json$/,
  /^tsconfig[^/]*\.json$/,
];
/**
 * Files that name places outside any repository on purpose, as data and never to read them:
 * the browser finder's tests give it made-up install locations (home folders, Program Files).
 */
const EXEMPT = new Map([["test/browser/findBrowser.test.ts", "made-up browser install locations for the finder"]]);
const BINARY = /\.(png|jpe?g|gif|ico|xlsx|gz|zip|pdf)$/i;

/** Git's files, and new ones not yet added (so a path is caught before it is committed). */
function trackedFiles(): string[] {
  const out = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  return out.split("\0").filter((f) => f !== "" && fs.existsSync(path.join(ROOT, f)));
}

const tracked = trackedFiles();
const tree: Tree = { files: tracked };
const scan = (file: string, text: string) => outsidePaths(file, text, tree).map((f) => f.resolved);

describe("paths that leave the repository", () => {
  it("flags a folder beside the clone, joined to __dirname or named in a doc", () => {
    expect(scan("test/cli/x.test.ts", 'const D = path.join(__dirname, "../../../shared/data");')).toEqual([
      "../shared/data",
    ]);
    expect(scan("test/x.ts", 'path.resolve(__dirname, "..", "..", "shared")')).toEqual(["../shared"]);
    expect(scan("test/x.ts", "path.join(__dirname, `../../shared/${name}`)")).toEqual(["../shared"]);
    expect(scan("README.md", "    npx casemix audit ../shared/data/a.csv --out a.xlsx")).toEqual([
      "../shared/data/a.csv",
    ]);
    expect(scan("docs/methods.md", "see `../shared/DOMAIN.md`")).toEqual(["../shared/DOMAIN.md"]);
    expect(scan("docs/methods.md", "see [the guide](../../guide.md)")).toEqual(["../guide.md"]);
    expect(scan("package.json", '"demo": "node bin/casemix.js report ../cases.csv"')).toEqual(["../cases.csv"]);
    expect(scan("test/cli/x.test.ts", 'run(["audit", "../outside.csv"])')).toEqual(["../outside.csv"]);
  });

  it("flags an import above the root and a machine's own folders", () => {
    expect(scan("test/x.ts", 'import { a } from "../../shared/a";')).toEqual(["../shared/a"]);
    expect(scan("src/cli/x.ts", 'const f = "/work/shared/data/a.csv";')).toEqual(["/work/shared/data/a.csv"]);
    expect(scan("README.md", "--out /tmp/cases.csv and ~/cases.csv")).toEqual(["/tmp/cases.csv", "~/cases.csv"]);
    expect(scan("test/x.ts", 'const w = "C:\\\\Users\\\\me\\\\a.csv";')).toHaveLength(1);
  });

  it("judges __dirname from where the code runs: src from src/ and build/, bench only from build/", () => {
    expect(runFolders("src/cli/sample.ts")).toEqual(["src/cli", "build/cli", "build/src/cli"]);
    expect(runFolders("bench/run.ts")).toEqual(["build/bench"]);
    expect(scan("bench/run.ts", 'const REPO = path.resolve(__dirname, "..", "..");')).toEqual([]);
    expect(scan("test/run.ts", 'const REPO = path.resolve(__dirname, "..", "..");')).toEqual([".."]);
    expect(scan("src/cli/x.ts", 'path.join(__dirname, "../../data", name)')).toEqual([]);
    expect(scan("src/cli/x.ts", 'path.join(__dirname, "../../../package.json")')).toEqual(["../package.json"]);
  });

  it("passes the paths inside: imports, tracked files, zip-internal and built names, configs", () => {
    const inside = [
      [
        "test/cli/x.test.ts",
        'import { main } from "../../src/cli/main";\nconst C = path.join(__dirname, "../../samples/cases.csv");',
      ],
      ["test/functions/x.test.ts", '} from "../../src/functions/excel";'],
      ["src/report/x.ts", "const t = `../drawings/drawing${id}.xml`;"],
      ["bench/tsconfig.json", '{ "extends": "../tsconfig.json", "outDir": "../build", "rootDir": ".." }'],
      ["src/cli/x.ts", '// a fixed number of "..", and ... an ellipsis, a..b, https://example.org/home/x'],
      [".ci/run", 'cd "$(dirname "$0")/.."'],
      ["README.md", "[the guide](docs/methods.md), `npx casemix audit data/a.csv`, xl/_rels/workbook.xml.rels"],
    ];
    for (const [file, text] of inside) expect({ file, found: scan(file, text) }).toEqual({ file, found: [] });
  });

  it("reports the line of each path", () => {
    const found = outsidePaths("README.md", "a\nb ../x\nc\n/home/me", tree);
    expect(found.map((f) => [f.line, f.text])).toEqual([
      [2, "../x"],
      [4, "/home/me"],
    ]);
  });
});

describe("the repository's own files", () => {
  const files = tracked.filter((f) => f !== SELF && !EXEMPT.has(f) && SCANNED.some((r) => r.test(f)) && !BINARY.test(f));
  const findings = files.flatMap((f) => outsidePaths(f, fs.readFileSync(path.join(ROOT, f), "utf8"), tree));

  it("are scanned: sources, tests, bench, scripts, bin, CI, docs and configs", () => {
    for (const f of [
      "src/cli/sample.ts",
      "test/helpers/cmsData.ts",
      "bin/casemix.js",
      ".ci/run",
      "README.md",
      "package.json",
    ]) {
      expect(files).toContain(f);
    }
    expect(files).not.toContain(SELF);
    // An exemption must not outlive its file.
    for (const f of EXEMPT.keys()) expect(tracked).toContain(f);
  });

  it("name no path outside the repository", () => {
    const outside = findings.map((f) => `${f.file}:${f.line}: ${f.text} -> ${f.resolved}`);
    expect(outside).toEqual([]);
  });
});
