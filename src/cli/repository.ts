/**
 * The project's own files at run time: its root folder (where the casemix package.json is) and
 * the real tables it ships in `data/` (see data/SOURCES.md).
 *
 * The same code runs from three folders: src/cli (ts-jest), build/cli (tsc -p tsconfig.cli.json,
 * run by bin/casemix.js) and build/src/cli (the benchmark's compile). So the root is found by
 * walking up to the package.json named casemix rather than by a fixed number of "..", and it
 * never leaves the repository.
 */
import * as fs from "fs";
import * as path from "path";

export interface PackageJson {
  name?: string;
  version?: string;
}

function readPackageJson(dir: string): PackageJson | null {
  const file = path.join(dir, "package.json");
  if (!fs.existsSync(file)) return null;
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as PackageJson;
  } catch {
    return null;
  }
}

let root: string | null | undefined;

/** The repository's root folder, or null when no casemix package.json is above this file. */
export function repositoryRoot(): string | null {
  if (root !== undefined) return root;
  root = null;
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (readPackageJson(dir)?.name === "casemix") {
      root = dir;
      break;
    }
    if (path.dirname(dir) === dir) break;
  }
  return root;
}

/** The project's package.json (name, version), or null when it cannot be found or read. */
export function packageJson(): PackageJson | null {
  const dir = repositoryRoot();
  return dir === null ? null : readPackageJson(dir);
}

/**
 * A file of the repository's data/ folder. Without a root (a copy of the compiled files alone)
 * the name is taken from the layout of src/cli and build/cli, so the reader of the file reports
 * it missing by its path.
 */
export function dataFile(name: string): string {
  return path.join(repositoryRoot() ?? path.join(__dirname, "..", ".."), "data", name);
}
