#!/usr/bin/env node
/**
 * casemix: the command line (see src/cli/main.ts).
 *
 * The command line is TypeScript compiled by tsc (a devDependency) into build/ with
 * tsconfig.cli.json. This launcher compiles on first use and again whenever a source file is
 * newer than the last build, so `npx casemix ...` works on a fresh clone after `npm install`
 * with no separate build step, and never runs stale code (src/cli, src/engine and src/report
 * are what it compiles and watches).
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const root = path.join(__dirname, "..");
const entry = path.join(root, "build", "cli", "main.js");
const stamp = path.join(root, "build", ".cli-stamp");

function newest(dir) {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newest(p));
    else if (/\.(ts|json)$/.test(e.name)) t = Math.max(t, fs.statSync(p).mtimeMs);
  }
  return t;
}

function stale() {
  if (!fs.existsSync(entry) || !fs.existsSync(stamp)) return true;
  const built = fs.statSync(stamp).mtimeMs;
  const sources = Math.max(
    ...["cli", "engine", "report"].map((d) => newest(path.join(root, "src", d))),
    fs.statSync(path.join(root, "tsconfig.json")).mtimeMs,
    fs.statSync(path.join(root, "tsconfig.cli.json")).mtimeMs,
  );
  return sources > built;
}

function build() {
  let tsc;
  try {
    tsc = require.resolve("typescript/bin/tsc", { paths: [root] });
  } catch {
    process.stderr.write("casemix: TypeScript is not installed; run `npm install` in " + root + " first\n");
    process.exit(1);
  }
  process.stderr.write("casemix: compiling the command line (tsc -p tsconfig.cli.json)...\n");
  const r = spawnSync(process.execPath, [tsc, "-p", path.join(root, "tsconfig.cli.json")], { cwd: root, stdio: ["ignore", "inherit", "inherit"] });
  if (!fs.existsSync(entry)) {
    process.stderr.write("casemix: the build failed\n");
    process.exit(1);
  }
  if (r.status !== 0) process.stderr.write("casemix: tsc reported errors (above); running the compiled output anyway\n");
  fs.writeFileSync(stamp, new Date().toISOString() + "\n");
}

if (stale()) build();
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
