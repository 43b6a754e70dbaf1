#!/usr/bin/env node
/**
 * casemix: the command line (see src/cli/main.ts).
 *
 * The command line is TypeScript compiled into build/ by `npm run build:cli`
 * (scripts/build-cli.js), which `npm install`, `npm run build` and `npm test` run. This launcher
 * never compiles: it runs the compiled output only when build/.cli-stamp.json (written by a
 * successful build) matches the content of every source file that build compiled, and
 * otherwise stops, saying which file changed and what to run. So it starts at once and never
 * runs stale code, also after a `git checkout` or `git pull`.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { checkStamp } = require("../scripts/stamp");

const root = path.join(__dirname, "..");
const entry = path.join(root, "build", "cli", "main.js");
const stamped = checkStamp(path.join(root, "build", ".cli-stamp.json"), root);
const state = stamped.fresh && !fs.existsSync(entry) ? { fresh: false, missing: true } : stamped;
if (!state.fresh) {
  const zh = state.missing
    ? "命令行尚未编译（或上次编译失败）"
    : `命令行的编译已过期：${state.changed} 在编译之后有改动`;
  const en = state.missing
    ? "the command line is not compiled (or its last build failed)"
    : `the compiled command line is out of date: ${state.changed} changed since it was compiled`;
  process.stderr.write(
    `casemix: ${zh}。请在 ${root} 中运行：npm run build:cli\n` + `casemix: ${en}. Run in ${root}: npm run build:cli\n`,
  );
  process.exit(1);
}

// `casemix report x.csv --json | head`: the reader closing the pipe early is not an error.
process.stdout.on("error", (e) => {
  if (e && e.code === "EPIPE") process.exit(0);
  throw e;
});
require(entry)
  .main(process.argv.slice(2))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write("casemix: " + (e && e.stack ? e.stack : String(e)) + "\n");
      process.exitCode = 1;
    },
  );
