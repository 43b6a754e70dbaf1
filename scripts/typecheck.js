#!/usr/bin/env node
/**
 * `npm run typecheck` (the first step of `npm test`): `tsc --noEmit` on the whole project
 * (tsconfig.json: src, test, bench, scripts) and the command line's build (scripts/build-cli.js,
 * tsc on tsconfig.cli.json, which type-checks it with Node's types only), side by side: two
 * processes, so two cores. Fails when either fails; each prints its own errors.
 */
"use strict";
const path = require("path");
const { spawn } = require("child_process");

const ROOT = path.join(__dirname, "..");
const tsc = require.resolve("typescript/bin/tsc", { paths: [ROOT] });
const jobs = [
  ["tsc --noEmit -p tsconfig.json", [tsc, "--noEmit", "-p", path.join(ROOT, "tsconfig.json")]],
  ["scripts/build-cli.js", [path.join(ROOT, "scripts", "build-cli.js")]],
];

Promise.all(
  jobs.map(
    ([name, args]) =>
      new Promise((resolve) => {
        const child = spawn(process.execPath, args, { cwd: ROOT, stdio: "inherit" });
        child.on("error", (e) => resolve(`${name}: ${e.message}`));
        child.on("exit", (code, signal) => resolve(code === 0 ? null : `${name} failed (${signal ?? code})`));
      }),
  ),
).then((failures) => {
  const failed = failures.filter(Boolean);
  for (const f of failed) process.stderr.write(`typecheck: ${f}\n`);
  process.exitCode = failed.length > 0 ? 1 : 0;
});
