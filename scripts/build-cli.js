#!/usr/bin/env node
/**
 * Compiles the command line (src/cli and what it imports) into build/ with tsconfig.cli.json,
 * as `tsc -p tsconfig.cli.json` does (same diagnostics, incremental), and then writes
 * build/.cli-stamp.json: the content hash of every source file the compiler read (the files of
 * the program, found by the compiler, not guessed from folders) and of the two tsconfig files.
 * bin/casemix.js runs the compiled output only while that stamp matches the sources.
 *
 * On any error nothing compiled is left: the stamp is removed before compiling, nothing is
 * emitted when there are errors (noEmitOnError), and build/ is then removed, so no earlier
 * output can be run as if it were this build's.
 *
 * Run by `npm run build:cli`, `npm run build`, `npm test` and `prepare` (npm install / npm ci).
 */
"use strict";
const fs = require("fs");
const path = require("path");
const ts = require("typescript");
const { writeStamp } = require("./stamp");

const ROOT = path.join(__dirname, "..");
const CONFIG = path.join(ROOT, "tsconfig.cli.json");
const OUT = path.join(ROOT, "build");
const STAMP = path.join(OUT, ".cli-stamp.json");

const formatHost = {
  getCanonicalFileName: (f) => f,
  getCurrentDirectory: () => ROOT,
  getNewLine: () => ts.sys.newLine,
};

function report(diagnostics) {
  const pretty = process.stderr.isTTY;
  const text = pretty
    ? ts.formatDiagnosticsWithColorAndContext(diagnostics, formatHost)
    : ts.formatDiagnostics(diagnostics, formatHost);
  process.stderr.write(text);
}

/**
 * Compiles; returns the program's own source files (absolute) and their missing outputs, or
 * undefined after errors.
 */
function compile() {
  const unrecoverable = [];
  const parsed = ts.getParsedCommandLineOfConfigFile(
    CONFIG,
    { noEmitOnError: true },
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => unrecoverable.push(d),
    },
  );
  if (!parsed) return void report(unrecoverable);
  const program = ts.createIncrementalProgram({
    rootNames: parsed.fileNames,
    options: parsed.options,
    projectReferences: parsed.projectReferences,
    configFileParsingDiagnostics: ts.getConfigFileParsingDiagnostics(parsed),
  });
  const diagnostics = [
    ...program.getConfigFileParsingDiagnostics(),
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...program.getSyntacticDiagnostics(),
    ...program.getSemanticDiagnostics(),
  ];
  const emitted = program.emit();
  diagnostics.push(...emitted.diagnostics);
  if (diagnostics.length > 0 || emitted.emitSkipped) return void report(diagnostics);
  const sources = program
    .getProgram()
    .getSourceFiles()
    .map((f) => path.resolve(f.fileName))
    .filter((f) => f.startsWith(ROOT + path.sep) && !f.split(path.sep).includes("node_modules"));
  const { rootDir, outDir } = parsed.options;
  const missing = sources
    .filter((f) => /\.tsx?$/.test(f) && !/\.d\.ts$/.test(f))
    .map((f) => path.join(outDir, path.relative(rootDir, f)).replace(/\.tsx?$/, ".js"))
    .filter((f) => !fs.existsSync(f));
  return { sources, missing };
}

fs.rmSync(STAMP, { force: true });
let built = compile();
if (built && built.missing.length > 0) {
  // Outputs deleted by hand while the incremental state says they are current: build afresh.
  fs.rmSync(OUT, { recursive: true, force: true });
  built = compile();
}
const sources = built && built.missing.length === 0 ? built.sources : undefined;
if (!sources) {
  fs.rmSync(OUT, { recursive: true, force: true });
  process.stderr.write(
    "casemix: 命令行编译失败（见上方错误），build/ 已删除。\n" +
      "casemix: the command line did not compile (errors above); build/ was removed.\n",
  );
  process.exit(1);
}
writeStamp(STAMP, ROOT, [...sources, CONFIG, path.join(ROOT, "tsconfig.json")]);
