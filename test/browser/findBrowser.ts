/**
 * Where the browser tests find Chromium or Chrome: `CHROME_PATH` when set (and then only
 * there), else the usual install locations of the platform, else each of the usual command
 * names on PATH. Without one the browser suite is skipped with the reason, unless
 * CASEMIX_REQUIRE_BROWSER=1 (set by .ci/run), where a missing browser fails the run.
 */
import * as fs from "fs";
import * as path from "path";

export type BrowserSearch = { path: string } | { path: undefined; reason: string };

interface Where {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  /** Whether a file exists and is a file (injected by the tests of this module). */
  isFile: (file: string) => boolean;
}

const LINUX = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/snap/bin/chromium",
];
const MAC_APPS = ["Google Chrome.app/Contents/MacOS/Google Chrome", "Chromium.app/Contents/MacOS/Chromium"];
const WINDOWS_APPS = ["Google\\Chrome\\Application\\chrome.exe", "Chromium\\Application\\chrome.exe"];
const COMMANDS = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"];

/** The install locations looked at, in order, for this platform (CHROME_PATH and PATH aside). */
export function installLocations({ env, platform }: Pick<Where, "env" | "platform">): string[] {
  if (platform === "darwin") {
    const homeApps = env.HOME ? [path.posix.join(env.HOME, "Applications")] : [];
    return ["/Applications", ...homeApps].flatMap((dir) => MAC_APPS.map((app) => path.posix.join(dir, app)));
  }
  if (platform === "win32") {
    const roots = [env.PROGRAMFILES, env["PROGRAMFILES(X86)"], env.LOCALAPPDATA].filter((d): d is string => !!d);
    return roots.flatMap((root) => WINDOWS_APPS.map((app) => path.win32.join(root, app)));
  }
  return LINUX;
}

/** The usual command names in each folder of PATH. */
function onPath({ env, platform }: Pick<Where, "env" | "platform">): string[] {
  const p = platform === "win32" ? path.win32 : path.posix;
  const dirs = (env.PATH ?? env.Path ?? "").split(p.delimiter).filter(Boolean);
  return dirs.flatMap((dir) => COMMANDS.map((c) => p.join(dir, platform === "win32" ? c + ".exe" : c)));
}

export function findBrowser(where: Where = { env: process.env, platform: process.platform, isFile }): BrowserSearch {
  const chosen = where.env.CHROME_PATH;
  if (chosen) {
    if (where.isFile(chosen)) return { path: chosen };
    return { path: undefined, reason: `CHROME_PATH is ${chosen}, which is not a file` };
  }
  const locations = installLocations(where);
  const found = [...locations, ...onPath(where)].find((p) => where.isFile(p));
  if (found) return { path: found };
  return {
    path: undefined,
    reason:
      `no Chromium or Chrome found (looked at ${locations.join(", ") || "no install location"} and for ` +
      `${COMMANDS.join(", ")} on PATH); install one or set CHROME_PATH to its executable`,
  };
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
