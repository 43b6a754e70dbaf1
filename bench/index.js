#!/usr/bin/env node
/**
 * `npm run bench`: compiles the benchmark (bench/*.ts and the engine files it imports) with tsc
 * into build/, then runs build/bench/run.js with the same arguments, e.g.
 *     npm run bench -- --quick
 *     npm run bench -- --no-libreoffice --no-cli
 * Not part of `npm test`.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const root = path.join(__dirname, "..");
let tsc;
try {
  tsc = require.resolve("typescript/bin/tsc", { paths: [root] });
} catch {
  process.stderr.write("bench: TypeScript is not installed; run `npm install` first\n");
  process.exit(1);
}
process.stderr.write("[bench] compiling (tsc -p bench/tsconfig.json)\n");
const r = spawnSync(process.execPath, [tsc, "-p", path.join(__dirname, "tsconfig.json")], { cwd: root, stdio: "inherit" });
const entry = path.join(root, "build", "bench", "run.js");
if (!fs.existsSync(entry)) {
  process.stderr.write("bench: the build failed\n");
  process.exit(1);
}
if (r.status !== 0) process.stderr.write("[bench] tsc reported errors (above); running the compiled output anyway\n");
require(entry);
