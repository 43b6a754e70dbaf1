/**
 * The command line end to end: `node bin/casemix.js report <cases.csv> --json` in its own
 * process, timed from spawn to exit, with its peak memory (from /usr/bin/time when the
 * machine has it, else from a --require hook that reads process.resourceUsage() at exit).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ReportResults } from "./results";

export interface CliRun {
  ms: number;
  peakRss?: number;
  report: ReportResults;
}

export function cliEntry(repo: string): string | undefined {
  const bin = path.join(repo, "bin", "casemix.js");
  return fs.existsSync(bin) ? bin : undefined;
}

/** The hook that reports the peak memory of the process it is loaded into. */
export const RSS_HOOK = path.join(__dirname, "rssHook.js");

type Json = Record<string, unknown>;

export function reportOfJson(json: Json): ReportResults {
  const groups = (json.groups as Json[]).map((g) => ({
    group: g.group as string,
    cases: g.cases as number,
    rw: g.rw as number,
    revenue: g.revenue as number,
    cost: g.cost as number,
    contribution: g.contribution as number,
    rate: g.rate as number,
    coefficient: g.coefficient as number,
    points: g.points as number,
  }));
  const units = (json.units as Json[]).map((u) => ({
    unit: u.unit as string,
    cases: u.cases as number,
    totalWeight: u.totalWeight as number,
    cmi: u.cmi as number,
    points: u.points as number,
    amount: u.amount as number,
  }));
  const hospital = (json.parameters as Json).hospital as Json;
  return { cmi: hospital.cmi as number, groups, units };
}

/**
 * Runs `casemix --version` once, untimed: bin/casemix.js compiles the command line on first use
 * and whenever a source file changed, which is not part of a run.
 */
export function warmCli(bin: string): void {
  const r = spawnSync(process.execPath, [bin, "--version"], { stdio: ["ignore", "ignore", "inherit"] });
  if (r.status !== 0) throw new Error(`casemix --version failed (${r.status})`);
}

/**
 * Runs `node <bin> <args>` with its stdout into `stdoutFile`, timed from spawn to exit, with its
 * peak memory (/usr/bin/time when the machine has it, else the --require hook). Throws with the
 * command's stderr when it fails.
 */
export function timedCli(bin: string, args: string[], stdoutFile: string): { ms: number; peakRss?: number } {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "casemix-bench-cli-"));
  const rssFile = path.join(tmp, "rss.txt");
  const haveTime = fs.existsSync("/usr/bin/time");
  const nodeArgs = haveTime ? [bin, ...args] : ["--require", RSS_HOOK, bin, ...args];
  const cmd = haveTime ? "/usr/bin/time" : process.execPath;
  const cmdArgs = haveTime ? ["-f", "%M", "-o", rssFile, process.execPath, ...nodeArgs] : nodeArgs;
  const out = fs.openSync(stdoutFile, "w");
  const t0 = performance.now();
  const r = spawnSync(cmd, cmdArgs, {
    stdio: ["ignore", out, "pipe"],
    env: { ...process.env, BENCH_RSS_FILE: rssFile, LANG: "en_US.UTF-8" },
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  const ms = performance.now() - t0;
  fs.closeSync(out);
  try {
    if (r.status !== 0) throw new Error(`casemix ${args[0]} failed (${r.status}): ${r.stderr}`);
    let peakRss: number | undefined;
    if (fs.existsSync(rssFile)) {
      const kb = Number(fs.readFileSync(rssFile, "utf8").trim().split(/\s+/).pop());
      if (kb > 0) peakRss = kb * 1024;
    }
    return { ms, peakRss };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

export function runCli(bin: string, csv: string): CliRun {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "casemix-bench-cli-"));
  const outFile = path.join(tmp, "report.json");
  try {
    const { ms, peakRss } = timedCli(bin, ["report", csv, "--json"], outFile);
    const report = reportOfJson(JSON.parse(fs.readFileSync(outFile, "utf8")) as Json);
    return { ms, peakRss, report };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
