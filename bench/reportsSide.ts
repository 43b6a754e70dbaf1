/**
 * The other reports from the command line on a year of a large hospital group: `casemix payment`,
 * `casemix trends --period month` and `casemix audit --volume`, each timed from spawn to exit
 * with its peak memory, as JSON and as a workbook. The case file is the command line's own
 * sample (`casemix sample`, fixed seed, Harbin 2024 group codes), which has every column these
 * reports need (years, discharge dates, LOS, deaths, settlement); bench/data.ts has only those
 * of the quadrant report. There is no DuckDB side: the point is the size a hospital can run.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { timedCli } from "./cliSide";

export interface ReportRun {
  label: string;
  ms: number[];
  peakRss?: number;
  /** A figure read from the JSON, so that the table shows the run did the work. */
  check?: string;
}

type Json = Record<string, unknown>;

interface ReportCase {
  label: string;
  args: (csv: string, repo: string, out: string) => string[];
  /** Reads a figure from the JSON (undefined for a workbook run). */
  check?: (json: Json) => string;
}

const weights = (repo: string, year: number) => path.join(repo, "data", `harbin_chsdrg_weights_${year}.csv`);

const CASES: ReportCase[] = [
  {
    label: "payment --json (rate 12000, Harbin 2024 weights)",
    args: (csv, repo) => ["payment", csv, "--weights", weights(repo, 2024), "--rate", "12000", "--json"],
    check: (j) => {
      const groups = j.groups as Json[];
      return `${groups.length} groups`;
    },
  },
  {
    label: "payment to .xlsx",
    args: (csv, repo, out) => ["payment", csv, "--weights", weights(repo, 2024), "--rate", "12000", "--out", out],
  },
  {
    label: "trends --period month --json",
    args: (csv) => ["trends", csv, "--period", "month", "--json"],
    check: (j) => {
      const monitor = j.monitor as { periods?: unknown[] } | undefined;
      return `${monitor?.periods?.length ?? "?"} months`;
    },
  },
  {
    label: "trends --period month to .xlsx",
    args: (csv, _repo, out) => ["trends", csv, "--period", "month", "--out", out],
  },
  {
    label: "audit 2022 against 2024 --volume --json",
    args: (csv, repo) => ["audit", weights(repo, 2022), "--adjusted", weights(repo, 2024), "--volume", csv, "--json"],
    check: (j) => `${Object.keys(j).length} sections`,
  },
];

/** Writes the sample case file of `rows` cases with the command line's own generator. */
export function sampleCsv(bin: string, rows: number, file: string): void {
  if (fs.existsSync(file)) return;
  const r = spawnSync(process.execPath, [bin, "sample", "--cases", String(rows), "--out", file], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (r.status !== 0) throw new Error(`casemix sample failed (${r.status})`);
}

/** Runs every report `reps` times on the case file; a workbook is written afresh each time. */
export function reportRuns(
  bin: string,
  csv: string,
  repo: string,
  reps: number,
  log: (m: string) => void,
): ReportRun[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "casemix-bench-out-"));
  try {
    return CASES.map((c, k) => {
      const run: ReportRun = { label: c.label, ms: [] };
      for (let rep = 0; rep < reps; rep++) {
        log(`command line: casemix ${c.label}, run ${rep + 1}/${reps}`);
        const out = path.join(dir, `out-${k}-${rep}.xlsx`);
        const jsonFile = path.join(dir, "stdout.json");
        const r = timedCli(bin, c.args(csv, repo, out), jsonFile);
        run.ms.push(r.ms);
        run.peakRss = Math.max(run.peakRss ?? 0, r.peakRss ?? 0) || undefined;
        if (c.check && rep === 0) run.check = c.check(JSON.parse(fs.readFileSync(jsonFile, "utf8")) as Json);
        if (!c.check && !fs.existsSync(out)) throw new Error(`casemix ${c.label} wrote no workbook`);
      }
      return run;
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
