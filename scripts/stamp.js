/**
 * Build stamps: what a build was made from, so that its output can be told fresh or stale
 * without building again.
 *
 * A stamp is a JSON file beside the output listing every input file (relative to the project
 * root) with the SHA-1 of its content. The output is fresh when every listed file still has
 * that content. Content, not modification times: `git checkout`, `git pull`, `git stash` and
 * copies that keep or reset times are all judged by what the files hold. Checking reads the
 * listed files once (the command line's ~60 sources, well under 1 MB: a few milliseconds).
 */
"use strict";
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");

function hashOf(file) {
  return crypto.createHash("sha1").update(fs.readFileSync(file)).digest("hex");
}

/** Writes `stampFile` recording the content of `files` (absolute or relative to `root`). */
function writeStamp(stampFile, root, files) {
  const hashes = {};
  for (const f of [
    ...new Set(files.map((f) => path.relative(root, path.resolve(root, f)).split(path.sep).join("/"))),
  ].sort()) {
    hashes[f] = hashOf(path.join(root, f));
  }
  fs.mkdirSync(path.dirname(stampFile), { recursive: true });
  fs.writeFileSync(stampFile, JSON.stringify({ files: hashes }, null, 1) + "\n");
}

/**
 * Whether the output stamped by `stampFile` is fresh: `{ fresh: true }`, or `{ fresh: false,
 * missing: true }` (never built, or the last build failed), or `{ fresh: false, changed }` with
 * the first input (relative path) whose content differs or that is gone.
 */
function checkStamp(stampFile, root) {
  let stamp;
  try {
    stamp = JSON.parse(fs.readFileSync(stampFile, "utf8"));
  } catch {
    return { fresh: false, missing: true };
  }
  if (!stamp || typeof stamp.files !== "object" || stamp.files === null) return { fresh: false, missing: true };
  for (const [file, hash] of Object.entries(stamp.files)) {
    let now;
    try {
      now = hashOf(path.join(root, file));
    } catch {
      return { fresh: false, changed: file };
    }
    if (now !== hash) return { fresh: false, changed: file };
  }
  return { fresh: true };
}

/** Every file under the given files and folders (relative to `root`), skipping absent ones. */
function filesUnder(root, entries) {
  const out = [];
  const walk = (rel) => {
    const abs = path.join(root, rel);
    if (!fs.existsSync(abs)) return;
    if (!fs.statSync(abs).isDirectory()) return void out.push(rel);
    for (const name of fs.readdirSync(abs).sort()) walk(path.join(rel, name));
  };
  entries.forEach(walk);
  return out;
}

module.exports = { writeStamp, checkStamp, filesUnder };
