/**
 * jest's test sequencer, plus: before the run, the builds that the selected test files need,
 * and only those, and only when stale. A test file says what it needs in its first docblock:
 *
 *     /** @needs dist *\/   the webpack build in dist/ (the taskpane page, functions.json)
 *     /** @needs cli *\/    the compiled command line in build/ (tests that run bin/casemix.js)
 *
 * So `npx jest test/engine` builds nothing, and `npx jest test/functions/metadata.test.ts`
 * builds dist/ first if the sources changed since it was built. Freshness is by content hash
 * (scripts/stamp.js): dist/.build-stamp.json lists the files the webpack build reads from
 * this repository (all of src/, assets/, scripts/, the manifest, the configs and the lock
 * file, a superset of its inputs), build/.cli-stamp.json the command line's sources.
 *
 * The webpack build here skips ts-loader's type check (`--env transpileOnly`): `npm test`
 * type-checks the whole project once with `tsc --noEmit` before jest starts.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");
const Sequencer = require("@jest/test-sequencer").default;
const { extract, parse } = require("jest-docblock");
const { checkStamp, filesUnder, writeStamp } = require("./stamp");

const ROOT = path.join(__dirname, "..");
const DIST_STAMP = path.join(ROOT, "dist", ".build-stamp.json");
const DIST_INPUTS = [
  "src",
  "assets",
  "scripts",
  "manifest.xml",
  "webpack.config.js",
  "tsconfig.json",
  "package.json",
  "package-lock.json",
];

/** What a test file declares with `@needs` (one or more of "dist", "cli"). */
function needsOf(file) {
  const value = parse(extract(fs.readFileSync(file, "utf8"))).needs;
  return (Array.isArray(value) ? value : value ? [value] : []).map((v) => String(v).split(/[\s:,]/)[0]);
}

function run(what, args) {
  process.stderr.write(`jest: building ${what} first (stale or missing)...\n`);
  const r = spawnSync(process.execPath, args, {
    cwd: ROOT,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    maxBuffer: 1 << 26,
  });
  if (r.status !== 0) {
    process.stderr.write(r.stdout + r.stderr);
    throw new Error(`building ${what} failed (output above): the tests that need it cannot run`);
  }
}

const BUILDS = {
  cli: () => {
    if (!checkStamp(path.join(ROOT, "build", ".cli-stamp.json"), ROOT).fresh) {
      run("the command line (scripts/build-cli.js)", [path.join(ROOT, "scripts", "build-cli.js")]);
    }
  },
  dist: () => {
    if (checkStamp(DIST_STAMP, ROOT).fresh && fs.existsSync(path.join(ROOT, "dist", "taskpane.html"))) return;
    // The inputs as they are before building: an edit during the build makes the next run build again.
    const inputs = filesUnder(ROOT, DIST_INPUTS);
    const webpack = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
    run("dist/ (webpack --mode production)", [webpack, "--mode", "production", "--env", "transpileOnly"]);
    writeStamp(DIST_STAMP, ROOT, inputs);
  },
};

class BuildFirstSequencer extends Sequencer {
  async sort(tests) {
    const needed = new Set(tests.flatMap((t) => needsOf(t.path)));
    for (const need of needed) {
      if (!BUILDS[need]) throw new Error(`unknown @needs "${need}" (known: ${Object.keys(BUILDS).join(", ")})`);
      BUILDS[need]();
    }
    return super.sort(tests);
  }
}

module.exports = BuildFirstSequencer;
