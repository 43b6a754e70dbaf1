/**
 * `npm run bench`: the engine against DuckDB, against LibreOffice's native formulas, and the
 * command line against DuckDB on a CSV, on the same deterministic data, with peak memory.
 * Prints the table and writes it to BENCHMARKS.md.
 *
 *     npm run bench -- [--quick] [--rounds N] [--reps N] [--no-libreoffice] [--no-cli]
 *     (bench/index.js compiles, then runs build/bench/run.js)
 *
 * Every side runs in its own process (bench/child.ts), so that its peak memory is its own,
 * and the engine and DuckDB processes alternate over several rounds, so that a burst of load
 * from elsewhere on the machine falls on both sides alike. Medians are reported.
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { cliEntry, CliRun, runCli, warmCli } from "./cliSide";
import { ReportRun, reportRuns, sampleCsv } from "./reportsSide";
import { generateCases, writeCsv } from "./data";
import { compareReports, compareResults, median, ReportResults, Results, SideReport } from "./results";
import { convert, findSoffice, makeProfile, readFormulaResults, writeFormulaWorkbook } from "./spreadsheetSide";

const REPO = path.resolve(__dirname, "..", "..");
const DATA = path.join(REPO, "build", "bench-data");
const ENGINE_ROWS = [100_000, 1_000_000];
const SPREADSHEET_ROWS = 100_000;
const CLI_ROWS = 1_000_000;
/** Past Excel's sheet: the command line once on a region-sized CSV (memory should stay bounded). */
const REGION_ROWS = 3_000_000;
/** The payment, trends and audit reports: a year of a large hospital group (the sample's columns). */
const REPORTS_ROWS = 1_000_000;

/**
 * Engine variants measured side by side (bench/child.ts): the committed engine. (The proposals
 * once measured here as extra columns, a direct readCaseArgs and closure-free kernels, are
 * now part of src/.)
 */
const VARIANTS = [{ side: "engine", label: "engine", column: "engine" }];

interface Options {
  rounds: number;
  reps: number;
  spreadsheetReps: number;
  cliReps: number;
  libreoffice: boolean;
  cli: boolean;
  region: boolean;
  reports: boolean;
  out: string;
}

const USAGE = `npm run bench -- [options]
  --quick           one round, fewer repetitions (a smoke run)
  --rounds N        rounds of alternating engine / DuckDB processes (default 3)
  --reps N          timed repetitions per process (default 3)
  --no-libreoffice  skip the spreadsheet-formula comparison
  --no-cli          skip the command-line comparison
  --no-region       skip the command line on a 3M-row CSV
  --no-reports      skip the payment, trends and audit reports from the command line
  --out FILE        where to write the table (default BENCHMARKS.md)
`;

function parseOptions(argv: string[]): Options {
  const o: Options = { rounds: 3, reps: 3, spreadsheetReps: 3, cliReps: 5, libreoffice: true, cli: true, region: true, reports: true, out: path.join(REPO, "BENCHMARKS.md") };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--quick") Object.assign(o, { rounds: 1, reps: 2, spreadsheetReps: 1, cliReps: 1 });
    else if (a === "--rounds") o.rounds = Number(argv[++i]);
    else if (a === "--reps") o.reps = Number(argv[++i]);
    else if (a === "--no-libreoffice") o.libreoffice = false;
    else if (a === "--no-cli") o.cli = false;
    else if (a === "--no-region") o.region = false;
    else if (a === "--no-reports") o.reports = false;
    else if (a === "--out") o.out = path.resolve(argv[++i]);
    else if (a === "--help" || a === "-h") {
      process.stdout.write(USAGE);
      process.exit(0);
    } else throw new Error(`unknown option ${a}\n${USAGE}`);
  }
  return o;
}

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

function csvFile(rows: number): string {
  const file = path.join(DATA, `cases-${rows}.csv`);
  log(`writing ${path.relative(REPO, file)}`);
  writeCsv(generateCases(rows), file);
  return file;
}

/** Runs one side in a child process (bench/child.ts) and returns its report. */
function child(side: string, rows: number, reps: number, csv: string): SideReport {
  const out = path.join(DATA, `${side}-${rows}.json`);
  const args = ["--expose-gc", path.join(__dirname, "child.js"), side, String(rows), String(reps), csv, out];
  const r = spawnSync(process.execPath, args, { stdio: ["ignore", "inherit", "inherit"] });
  if (r.status !== 0) throw new Error(`${side} at ${rows} rows failed (exit ${r.status})`);
  return JSON.parse(fs.readFileSync(out, "utf8")) as SideReport;
}

/** Pools the repetitions of several rounds of one side. */
function pool(reports: SideReport[]): SideReport {
  const first = reports[0];
  const times: Record<string, number[]> = {};
  for (const r of reports) for (const [k, v] of Object.entries(r.times)) (times[k] ??= []).push(...v);
  return { ...first, times, peakRss: Math.max(...reports.map((r) => r.peakRss)) };
}

const ms = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? "–" : x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : x >= 100 ? `${x.toFixed(0)} ms` : `${x.toFixed(1)} ms`);
const mb = (bytes: number | undefined) => (bytes === undefined ? "–" : `${(bytes / 2 ** 20).toFixed(0)} MB`);
const ratio = (x: number) => (Number.isFinite(x) ? `${x.toFixed(2)} x` : "–");
const times = (x: number) => (Number.isFinite(x) ? `${x >= 100 ? x.toFixed(0) : x.toFixed(1)} x faster` : "–");
const step = (r: SideReport | undefined, name: string) => (r ? median(r.times[name] ?? []) : NaN);
const rowsLabel = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`);

function version(cmd: string, args: string[]): string | undefined {
  try {
    return execFileSync(cmd, args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim().split("\n")[0];
  } catch {
    return undefined;
  }
}

interface Spreadsheet {
  status: string;
  recalcAlways?: number[];
  recalcNever?: number[];
  peakRss?: number;
  results?: Results;
}

async function spreadsheetSide(reps: number): Promise<Spreadsheet> {
  const soffice = findSoffice();
  if (!soffice) return { status: "LibreOffice (soffice) is not installed: spreadsheet comparison skipped" };
  const dir = path.join(DATA, "libreoffice");
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const book = path.join(dir, `cases-${SPREADSHEET_ROWS}.xlsx`);
  log(`writing the formula workbook (${SPREADSHEET_ROWS} rows)`);
  await writeFormulaWorkbook(generateCases(SPREADSHEET_ROWS), book);
  const always = makeProfile(path.join(dir, "profile-recalc-always"), 0);
  const never = makeProfile(path.join(dir, "profile-recalc-never"), 1);
  // First starts of a new profile are slow: start both once on a tiny workbook, untimed.
  const tiny = path.join(dir, "tiny.xlsx");
  await writeFormulaWorkbook(generateCases(100), tiny);
  convert(soffice, always, tiny, path.join(dir, "warm"));
  convert(soffice, never, tiny, path.join(dir, "warm"));
  const recalcAlways: number[] = [];
  const recalcNever: number[] = [];
  let peakRss = 0;
  const outAlways = path.join(dir, "recalculated");
  const outNever = path.join(dir, "cached");
  for (let rep = 0; rep < reps; rep++) {
    log(`LibreOffice: recalculate on load, ${rep + 1}/${reps}`);
    const a = convert(soffice, always, book, outAlways);
    recalcAlways.push(a.ms);
    log(`LibreOffice: load with cached values, ${rep + 1}/${reps}`);
    const b = convert(soffice, never, path.join(outAlways, path.basename(book)), outNever);
    recalcNever.push(b.ms);
    peakRss = Math.max(peakRss, a.peakRss ?? 0, b.peakRss ?? 0);
  }
  const results = readFormulaResults(path.join(outAlways, path.basename(book)));
  return { status: version(soffice, ["--version"]) ?? "LibreOffice", recalcAlways, recalcNever, peakRss: peakRss || undefined, results };
}

interface Cli {
  status: string;
  runs: CliRun[];
  duckdb?: SideReport;
  region?: { run: CliRun; duckdb: SideReport; diffs: string[] };
}

function cliSide(reps: number, rounds: number, csv: string, regionCsv: string | undefined): Cli {
  const bin = cliEntry(REPO);
  if (!bin) return { status: "bin/casemix.js not found: command-line comparison skipped", runs: [] };
  warmCli(bin);
  const runs: CliRun[] = [];
  const duck: SideReport[] = [];
  const perRound = Math.max(1, Math.ceil(reps / rounds));
  for (let round = 0; round < rounds; round++) {
    for (let rep = 0; rep < perRound; rep++) {
      log(`command line: casemix report --json (${rowsLabel(CLI_ROWS)} rows), round ${round + 1}`);
      runs.push(runCli(bin, csv));
    }
    log(`DuckDB: read_csv + report queries (${rowsLabel(CLI_ROWS)} rows), round ${round + 1}`);
    duck.push(child("duckdb-csv", CLI_ROWS, perRound, csv));
  }
  let region: Cli["region"];
  if (regionCsv) {
    log(`command line: casemix report --json (${rowsLabel(REGION_ROWS)} rows)`);
    const run = runCli(bin, regionCsv);
    log(`DuckDB: read_csv + report queries (${rowsLabel(REGION_ROWS)} rows)`);
    const d = child("duckdb-csv", REGION_ROWS, 1, regionCsv);
    region = { run, duckdb: d, diffs: compareReports(run.report, d.report!, 1e-9, ["casemix", "DuckDB"]) };
  }
  return { status: "ok", runs, duckdb: pool(duck), region };
}

function agreement(label: string, diffs: string[]): string {
  if (diffs.length === 0) return `- ${label}: agree to 1e-9`;
  return `- ${label}: **${diffs.length} differences** (first: ${diffs.slice(0, 3).join("; ")})`;
}

async function main(): Promise<void> {
  const o = parseOptions(process.argv.slice(2));
  fs.mkdirSync(DATA, { recursive: true });
  const started = new Date();
  const loadStart = os.loadavg();
  const csvs = new Map<number, string>();
  for (const n of new Set([...ENGINE_ROWS, CLI_ROWS])) csvs.set(n, csvFile(n));

  // 1. Engine (as committed) and DuckDB on the same data, alternating.
  const variants = VARIANTS;
  const engines = new Map<string, Map<number, SideReport>>(variants.map((v) => [v.side, new Map()]));
  const engine = engines.get("engine")!;
  const duck = new Map<number, SideReport>();
  for (const n of ENGINE_ROWS) {
    const e = new Map<string, SideReport[]>(variants.map((v) => [v.side, []]));
    const d: SideReport[] = [];
    for (let round = 0; round < o.rounds; round++) {
      for (const v of variants) {
        log(`${v.label}, ${rowsLabel(n)} rows, round ${round + 1}/${o.rounds}`);
        e.get(v.side)!.push(child(v.side, n, o.reps, csvs.get(n)!));
      }
      log(`DuckDB in-memory table, ${rowsLabel(n)} rows, round ${round + 1}/${o.rounds}`);
      d.push(child("duckdb-table", n, o.reps, csvs.get(n)!));
    }
    for (const v of variants) engines.get(v.side)!.set(n, pool(e.get(v.side)!));
    duck.set(n, pool(d));
  }
  const checks: string[] = [];
  let failed = false;
  for (const n of ENGINE_ROWS) {
    for (const v of variants) {
      const r = engines.get(v.side)!.get(n)!.results!;
      const diffs = compareResults(r, duck.get(n)!.results!, 1e-9, [v.label, "DuckDB"]);
      failed ||= diffs.length > 0;
      checks.push(agreement(`${v.label} and DuckDB, ${rowsLabel(n)} rows (weights of ${r.weights.length} groups, CMI and cost index of ${r.cmiByDepartment.length} departments, overall CMI)`, diffs));
    }
  }

  // 2. LibreOffice.
  const sheet: Spreadsheet = o.libreoffice ? await spreadsheetSide(o.spreadsheetReps) : { status: "skipped (--no-libreoffice)" };
  if (sheet.results) {
    const diffs = compareResults(engine.get(SPREADSHEET_ROWS)!.results!, sheet.results, 1e-9, ["engine", "LibreOffice"]);
    failed ||= diffs.length > 0;
    checks.push(agreement(`engine and LibreOffice formulas, ${rowsLabel(SPREADSHEET_ROWS)} rows (group count by department not computed by the formulas)`, diffs));
  }

  // 3. Command line against DuckDB on the CSV.
  const regionCsv = o.cli && o.region ? csvFile(REGION_ROWS) : undefined;
  const cli: Cli = o.cli ? cliSide(o.cliReps, o.rounds, csvs.get(CLI_ROWS)!, regionCsv) : { status: "skipped (--no-cli)", runs: [] };
  if (cli.runs.length > 0 && cli.duckdb?.report) {
    const diffs = compareReports(cli.runs[0].report as ReportResults, cli.duckdb.report, 1e-9, ["casemix", "DuckDB"]);
    failed ||= diffs.length > 0;
    checks.push(agreement(`casemix report --json and DuckDB, ${rowsLabel(CLI_ROWS)} rows (${cli.runs[0].report.groups.length} groups, ${cli.runs[0].report.units.length} departments)`, diffs));
  }
  if (cli.region) {
    failed ||= cli.region.diffs.length > 0;
    checks.push(agreement(`casemix report --json and DuckDB, ${rowsLabel(REGION_ROWS)} rows`, cli.region.diffs));
  }

  // 4. The other reports from the command line.
  const reportsBin = o.reports ? cliEntry(REPO) : undefined;
  let reports: ReportRun[] = [];
  if (reportsBin) {
    warmCli(reportsBin);
    const sample = path.join(DATA, `sample-${REPORTS_ROWS}.csv`);
    log(`writing ${path.relative(REPO, sample)} (casemix sample)`);
    sampleCsv(reportsBin, REPORTS_ROWS, sample);
    reports = reportRuns(reportsBin, sample, REPO, Math.max(1, Math.ceil(o.cliReps / 2)), log);
  }

  // 5. The table.
  const lines: string[] = [];
  const cpus = os.cpus();
  const duckVersion = (() => {
    try {
      return (JSON.parse(fs.readFileSync(path.join(REPO, "node_modules", "@duckdb", "node-api", "package.json"), "utf8")) as { version: string }).version;
    } catch {
      return "?";
    }
  })();
  lines.push("# Benchmarks");
  lines.push("");
  lines.push("Written by `npm run bench` (bench/run.ts); do not edit by hand. Times are medians over the repetitions; every side runs in its own process.");
  lines.push("");
  lines.push(`- Machine: ${cpus.length} cores (${cpus[0]?.model ?? "?"}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM, ${os.platform()} ${os.release()}`);
  lines.push(`- Node ${process.version}, DuckDB (@duckdb/node-api) ${duckVersion} with ${cpus.length} threads, ${sheet.status.startsWith("LibreOffice ") ? sheet.status : `LibreOffice: ${sheet.status}`}`);
  lines.push(`- Run ${started.toISOString()}; load average at start ${loadStart.map((x) => x.toFixed(1)).join(" / ")}, at end ${os.loadavg().map((x) => x.toFixed(1)).join(" / ")} (1 / 5 / 15 min)`);
  lines.push(`- Data (bench/data.ts, fixed seed): ~600 DRG groups with Zipf-like frequencies, 40 departments, lognormal costs with a few extreme values; ${o.rounds} rounds x ${o.reps} repetitions per side and size`);
  lines.push("");
  lines.push("## Engine (custom functions) against DuckDB on an in-memory table");
  lines.push("");
  lines.push("Each call receives its own copy of its ranges as Excel passes them (`any[][]` deserialized from JSON, header row included); the copies are made before the clock starts. The engine's intern cache is cleared at the start of every repetition, so the first call pays for reading the codes. DuckDB: the cases already in a table, each query's result read back into JavaScript.");
  lines.push("");
  const pairs: [string, string, string][] = [
    ["DRG_WEIGHT (logsd trimming) / weights query", "DRG_WEIGHT", "weights"],
    ["CMI by department", "CMI by department", "CMI by department"],
    ["COST_INDEX by department", "COST_INDEX by department", "cost index by department"],
    ["**target: the three together**", "target: the three calls", "target: the three queries"],
    ["the three again, data unchanged (codes from the intern cache)", "again, unchanged data: the three calls", "target: the three queries"],
    ["CMI overall", "CMI overall", "CMI overall"],
  ];
  for (const n of ENGINE_ROWS) {
    lines.push(`### ${rowsLabel(n)} cases`);
    lines.push("");
    const header = ["step", ...variants.map((v) => v.column), "DuckDB", ...variants.map((v) => `${v.column} / DuckDB`)];
    lines.push(`| ${header.join(" | ")} |`);
    lines.push(`|${header.map((_, i) => (i === 0 ? "---" : "---:")).join("|")}|`);
    for (const [label, e, d] of pairs) {
      const td = step(duck.get(n), d);
      const te = variants.map((v) => step(engines.get(v.side)!.get(n), e));
      lines.push(`| ${[label, ...te.map(ms), ms(td), ...te.map((t) => ratio(t / td))].join(" | ")} |`);
    }
    lines.push("");
  }
  lines.push("Ratio = engine time / DuckDB time (below 1: the engine is faster).");
  lines.push("");

  lines.push(`## Engine against LibreOffice's native formulas (${rowsLabel(SPREADSHEET_ROWS)} cases)`);
  lines.push("");
  const engineAll = (n: number) => {
    const r = engine.get(n)!;
    const reps = r.times["DRG_WEIGHT"].length;
    const sums: number[] = [];
    for (let i = 0; i < reps; i++) sums.push(r.times["target: the three calls"][i] + r.times["CMI overall"][i]);
    return median(sums);
  };
  const engineSheet = engineAll(SPREADSHEET_ROWS);
  let recalc = NaN;
  if (sheet.recalcAlways) {
    const always = median(sheet.recalcAlways);
    const never = median(sheet.recalcNever!);
    recalc = always - never;
    lines.push("The workbook computes the same weights (logsd trimming with COUNTIF / AVERAGEIF / SUMIF / COUNTIFS / SUMIFS and MATCH / INDEX helper columns), CMI and cost index by department and the overall CMI; LibreOffice recalculates it headless on load (OOXMLRecalcMode = always in a private profile) and saves it. The recalculation is that run minus loading and saving the recalculated file with its cached values (OOXMLRecalcMode = never).");
    lines.push("");
    lines.push("| measure | time |");
    lines.push("|---|---:|");
    lines.push(`| LibreOffice: start, load, recalculate, save | ${ms(always)} |`);
    lines.push(`| LibreOffice: start, load cached values, save | ${ms(never)} |`);
    lines.push(`| LibreOffice: recalculation (difference) | ${ms(recalc)} |`);
    lines.push(`| engine: DRG_WEIGHT + CMI by department + COST_INDEX by department + CMI overall | ${ms(engineSheet)} |`);
    lines.push(`| **engine against the recalculation** | **${times(recalc / engineSheet)}** |`);
  } else {
    lines.push(sheet.status);
  }
  lines.push("");

  lines.push(`## Command line against DuckDB on a ${rowsLabel(CLI_ROWS)}-row CSV`);
  lines.push("");
  let cliMs = NaN;
  let cliDuck = NaN;
  if (cli.runs.length > 0) {
    cliMs = median(cli.runs.map((r) => r.ms));
    cliDuck = step(cli.duckdb, "end to end: read_csv + queries");
    lines.push("`casemix report <csv> --json` (weights from the costs, margins, quadrants and incentives by department), timed from process start to exit, against DuckDB (same process kind, database already open) running read_csv into a table plus the same computations in SQL.");
    lines.push("");
    lines.push("| measure | time |");
    lines.push("|---|---:|");
    lines.push(`| casemix report --json, end to end | ${ms(cliMs)} |`);
    lines.push(`| DuckDB read_csv into a table | ${ms(step(cli.duckdb, "read_csv into a table"))} |`);
    lines.push(`| DuckDB report queries | ${ms(step(cli.duckdb, "report queries"))} |`);
    lines.push(`| DuckDB read_csv + queries | ${ms(cliDuck)} |`);
    lines.push(`| **ratio command line / DuckDB** | **${ratio(cliMs / cliDuck)}** |`);
    if (cli.region) {
      const rd = step(cli.region.duckdb, "end to end: read_csv + queries");
      lines.push(`| casemix report --json, ${rowsLabel(REGION_ROWS)}-row CSV (one run) | ${ms(cli.region.run.ms)} |`);
      lines.push(`| DuckDB read_csv + queries, ${rowsLabel(REGION_ROWS)}-row CSV (one run) | ${ms(rd)} |`);
      lines.push(`| ratio at ${rowsLabel(REGION_ROWS)} rows | ${ratio(cli.region.run.ms / rd)} |`);
    }
  } else {
    lines.push(cli.status);
  }
  lines.push("");

  lines.push(`## The other reports from the command line (${rowsLabel(REPORTS_ROWS)}-case sample)`);
  lines.push("");
  if (reports.length > 0) {
    lines.push("`casemix sample --cases 1000000` (the command line's own generator, fixed seed, Harbin 2024 group codes, every column of a 病案首页 summary export), then each report timed from process start to exit (median of the runs) with its peak memory. No DuckDB side: the point is that a whole year of a large hospital group runs on an office machine.");
    lines.push("");
    lines.push("| report | time | peak RSS | check |");
    lines.push("|---|---:|---:|---|");
    for (const r of reports) lines.push(`| casemix ${r.label} | ${ms(median(r.ms))} | ${mb(r.peakRss)} | ${r.check ?? "workbook written"} |`);
  } else {
    lines.push(o.reports ? "bin/casemix.js not found: skipped" : "skipped (--no-reports)");
  }
  lines.push("");

  lines.push("## Peak memory (resident set size of each process)");
  lines.push("");
  lines.push("| process | peak RSS |");
  lines.push("|---|---:|");
  for (const n of ENGINE_ROWS) {
    lines.push(`| engine, ${rowsLabel(n)} rows (holds the input ranges as Excel passes them, plus their JSON) | ${mb(engine.get(n)!.peakRss)} |`);
    for (const v of variants.slice(1)) lines.push(`| ${v.label}, ${rowsLabel(n)} rows | ${mb(engines.get(v.side)!.get(n)!.peakRss)} |`);
    lines.push(`| DuckDB in-memory table, ${rowsLabel(n)} rows | ${mb(duck.get(n)!.peakRss)} |`);
  }
  if (sheet.peakRss) lines.push(`| LibreOffice, ${rowsLabel(SPREADSHEET_ROWS)} rows | ${mb(sheet.peakRss)} |`);
  const cliRss = cli.runs.length > 0 ? Math.max(...cli.runs.map((r) => r.peakRss ?? 0)) : undefined;
  if (cli.runs.length > 0) {
    lines.push(`| **casemix report, ${rowsLabel(CLI_ROWS)}-row CSV** | **${mb(cliRss || undefined)}** |`);
    lines.push(`| DuckDB read_csv + queries, ${rowsLabel(CLI_ROWS)}-row CSV | ${mb(cli.duckdb?.peakRss)} |`);
    if (cli.region) {
      lines.push(`| casemix report, ${rowsLabel(REGION_ROWS)}-row CSV | ${mb(cli.region.run.peakRss)} |`);
      lines.push(`| DuckDB read_csv + queries, ${rowsLabel(REGION_ROWS)}-row CSV | ${mb(cli.region.duckdb.peakRss)} |`);
    }
  }
  lines.push("");

  lines.push("## Results agree");
  lines.push("");
  lines.push(...checks);
  lines.push("");

  lines.push("## Targets");
  lines.push("");
  const target = step(engine.get(1_000_000), "target: the three calls") / step(duck.get(1_000_000), "target: the three queries");
  const verdict = (ok: boolean | undefined) => (ok === undefined ? "not measured" : ok ? "met" : "**not met**");
  lines.push(`| target | measured | |`);
  lines.push(`|---|---:|---|`);
  lines.push(`| DRG_WEIGHT + CMI by department + COST_INDEX by department, 1M cases: at most 1.0 x DuckDB (aim 0.5) | ${ratio(target)} | ${verdict(target <= 1)}${target <= 0.5 ? ", aim met" : ""} |`);
  for (const v of variants.slice(1)) {
    const tp = step(engines.get(v.side)!.get(1_000_000), "target: the three calls") / step(duck.get(1_000_000), "target: the three queries");
    lines.push(`| the same, ${v.label} | ${ratio(tp)} | ${verdict(tp <= 1)}${tp <= 0.5 ? ", aim met" : ""} |`);
  }
  lines.push(`| engine against LibreOffice formulas, 100k cases: at least 100 x faster | ${times(recalc / engineSheet)} | ${verdict(Number.isFinite(recalc) ? recalc / engineSheet >= 100 : undefined)} |`);
  lines.push(`| command line end to end, 1M-row CSV: at most 1.0 x DuckDB | ${ratio(cliMs / cliDuck)} | ${verdict(Number.isFinite(cliMs) ? cliMs / cliDuck <= 1 : undefined)} |`);
  lines.push(`| command line peak memory, 1M rows: under 400 MB | ${mb(cliRss || undefined)} | ${verdict(cliRss ? cliRss < 400 * 2 ** 20 : undefined)} |`);
  lines.push("");

  const text = lines.join("\n");
  process.stdout.write(text + "\n");
  fs.writeFileSync(o.out, text);
  log(`wrote ${path.relative(process.cwd(), o.out) || o.out}`);
  if (failed) {
    log("results differ between sides: see 'Results agree'");
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
