/**
 * `casemix trends <cases.csv|xlsx> [--before Y] [--after Y] [--unit department|doctor]
 * [--weights table.csv] [--json] [--out trends.xlsx] [--lang zh|en]`: the "Trends and
 * quality" view of the taskpane (same engine, same workbook model, src/report/trends/)
 * from a file, into an .xlsx file or JSON.
 *
 * More options: --benchmark FILE (risk levels from a region's cases: DRG and died columns),
 * --min-cases N, --flag X (actual / expected outside 1 +- X is flagged), --top N (ADRGs
 * listed), --sheet, --encoding and --map column=header as for `casemix report`. The targets
 * sheet: --target-share X (0 to 1), --target-benchmark hospital|pNN (LOS and cost),
 * --los-benchmark / --cost-benchmark hospital|pNN|VALUE (one of them), --cmi-benchmark FILE.
 * The monitoring sheet: --period year|quarter|month|column (default year; quarter and month
 * from the discharge date, column from a period column such as 统计期 or 月份).
 */
import { CURVE_MODEL_NAMES } from "../../engine/curveFit";
import { DiedKind } from "../../engine/mortalityRisk";
import { Lang, countOf } from "../../engine/text";
import {
  DEFAULT_TRENDS_SETTINGS,
  TrendsSettings,
  trendsColumns,
  trendsRequiredColumns,
} from "../../report/trends/settings";
import { TrendsReport } from "../../report/trends/types";
import { TargetBenchmark } from "../../engine/standardizedTarget";
import { parseTargetBenchmark } from "../../report/trends/targetSettings";
import { TargetUnitRow } from "../../report/trends/targetTypes";
import { TRENDS_PERIODS, TrendsPeriod } from "../../report/trends/monitorTypes";
import { benchmarkRisk } from "../../report/trends/quality";
import { computeTrendsReport } from "../../report/trends/compute";
import { trendsJson } from "../../report/trends/json";
import { trendsWorkbook } from "../../report/trends/sheets";
import { caseFileArg, choice, CommandArgs, commandArgs, nonNegativeOption, usage } from "../args";
import { ColumnMapping, encodingOption, parseMapOptions, showMapping } from "../columnOptions";
import { Command, ReportCommand, ReportCommandOptions, runReportCommand } from "../commandRunner";
import { Encoding } from "../csv/encoding";
import { readCaseFile } from "../readInput";
import { readWeightFile } from "../weightFile";

export interface TrendsCliOptions extends ReportCommandOptions {
  input: string;
  sheet?: string;
  encoding?: Encoding;
  mapping: ColumnMapping;
  before?: string;
  after?: string;
  unit: TrendsSettings["unit"];
  weights?: string;
  benchmark?: string;
  minCases: number;
  flagTolerance: number;
  topAdrgs: number;
  targetShare: number;
  losBenchmark: TargetBenchmark;
  costBenchmark: TargetBenchmark;
  /** A table of unit -> benchmark CMI. */
  cmiBenchmark?: string;
  period: TrendsPeriod;
  /** Print the column mapping instead of building the report. */
  showMapping: boolean;
}

const TRENDS_OPTIONS = new Set([
  "before",
  "after",
  "unit",
  "weights",
  "benchmark",
  "min-cases",
  "flag",
  "top",
  "target-share",
  "target-benchmark",
  "los-benchmark",
  "cost-benchmark",
  "cmi-benchmark",
  "period",
  "sheet",
  "encoding",
  "map",
  "json",
  "out",
  "force",
  "show-mapping",
  "lang",
  "help",
]);
/** A benchmark rule option (hospital, pNN, or a positive value when `value`), or `fallback`. */
function benchmarkOption(args: CommandArgs, name: string, fallback: TargetBenchmark, value: boolean): TargetBenchmark {
  const text = args.one(name);
  if (text === undefined) return fallback;
  const rule = text.trim() === "" ? undefined : parseTargetBenchmark(text, value);
  if (rule) return rule;
  return value
    ? usage(
        `--${name}: "${text}" is not hospital, a percentile pNN (p0 to p100) or a standardized value above 0`,
        `--${name}："${text}" 不是 hospital、百分位数 pNN（p0 到 p100）或大于 0 的标化值`,
      )
    : usage(
        `--${name}: "${text}" is not hospital or a percentile pNN (p0 to p100); give a value with --los-benchmark or --cost-benchmark`,
        `--${name}："${text}" 不是 hospital 或百分位数 pNN（p0 到 p100）；给定值请用 --los-benchmark 或 --cost-benchmark`,
      );
}

/** --target-share: a number from 0 to 1. */
function shareOption(args: CommandArgs): number {
  const text = args.one("target-share");
  if (text === undefined) return DEFAULT_TRENDS_SETTINGS.targetShare;
  const v = Number(text);
  if (text.trim() === "" || !(v >= 0 && v <= 1)) {
    usage(
      `--target-share: "${text}" is not a number from 0 to 1 (the share of the gap to the benchmark CMI to close)`,
      `--target-share："${text}" 不是 0 到 1 之间的数（向标杆 CMI 缩小差距的比例）`,
    );
  }
  return v;
}

/** Parses the arguments after `casemix trends`; `defaultLang` is the language already chosen. */
export function parseTrendsArgs(argv: readonly string[], defaultLang: Lang): TrendsCliOptions {
  const args = commandArgs(argv, TRENDS_OPTIONS, new Set(["json", "force", "help", "show-mapping"]), "casemix --help");
  const { positional, options, one } = args;
  const input = caseFileArg(positional, "trends");
  const optionalChoice = <T extends string>(name: string, fallback: T, allowed: readonly T[]): T => {
    const text = one(name);
    return text === undefined ? fallback : choice(name, text, allowed);
  };
  const number = (name: string, fallback: number, integer: boolean, below = Infinity): number =>
    nonNegativeOption(args, name, fallback, integer, below);
  const mapping = parseMapOptions(options.get("map") ?? []);
  const encoding = encodingOption(one("encoding"));
  const both = benchmarkOption(args, "target-benchmark", DEFAULT_TRENDS_SETTINGS.losBenchmark, false);
  return {
    input,
    sheet: one("sheet"),
    encoding,
    mapping,
    before: one("before"),
    after: one("after"),
    unit: optionalChoice("unit", "department", ["department", "doctor"] as const),
    weights: one("weights"),
    benchmark: one("benchmark"),
    minCases: number("min-cases", DEFAULT_TRENDS_SETTINGS.minCases, true),
    flagTolerance: number("flag", DEFAULT_TRENDS_SETTINGS.flagTolerance, false, 1),
    topAdrgs: number("top", DEFAULT_TRENDS_SETTINGS.topAdrgs, true),
    targetShare: shareOption(args),
    losBenchmark: benchmarkOption(args, "los-benchmark", both, true),
    costBenchmark: benchmarkOption(args, "cost-benchmark", both, true),
    cmiBenchmark: one("cmi-benchmark"),
    period: optionalChoice("period", DEFAULT_TRENDS_SETTINGS.period, TRENDS_PERIODS),
    json: one("json") === "true",
    out: one("out"),
    force: one("force") === "true",
    showMapping: one("show-mapping") === "true",
    lang: optionalChoice("lang", defaultLang, ["zh", "en"] as const),
  };
}

/** Reads the files and computes the report (without writing anything). */
export async function buildTrends(o: TrendsCliOptions, version: string, time?: Date): Promise<TrendsReport> {
  const weights = o.weights !== undefined ? await readWeightFile(o.weights) : undefined;
  const cmiBenchmark = o.cmiBenchmark !== undefined ? await readWeightFile(o.cmiBenchmark) : undefined;
  let levels: TrendsSettings["levels"] = { source: "data" };
  // The benchmark's died encoding settles a data died column of only 1s (one decision per run).
  let benchmarkDied: DiedKind | undefined;
  if (o.benchmark !== undefined) {
    const { table } = await readCaseFile(
      o.benchmark,
      {},
      { columns: ["drg", "died", "cases"], required: ["drg", "died"] },
    );
    levels = { source: "benchmark", name: o.benchmark, risk: benchmarkRisk(table) };
    if (table.diedEncoding !== "count") benchmarkDied = table.diedEncoding;
  }
  const settings: TrendsSettings = {
    ...DEFAULT_TRENDS_SETTINGS,
    unit: o.unit,
    weights: weights ? { source: "table", table: weights, name: o.weights as string } : { source: "data" },
    before: o.before,
    after: o.after,
    levels,
    minCases: o.minCases,
    flagTolerance: o.flagTolerance,
    topAdrgs: o.topAdrgs,
    targetShare: o.targetShare,
    losBenchmark: o.losBenchmark,
    costBenchmark: o.costBenchmark,
    cmiBenchmark: cmiBenchmark && { table: cmiBenchmark, name: o.cmiBenchmark as string },
    period: o.period,
  };
  const { input, table } = await readCaseFile(
    o.input,
    { sheet: o.sheet, encoding: o.encoding },
    {
      mapping: o.mapping,
      columns: trendsColumns(settings),
      required: trendsRequiredColumns(settings),
      died: benchmarkDied ? { alongside: [benchmarkDied] } : undefined,
    },
  );
  return computeTrendsReport(table, settings, {
    source: o.input,
    sheet: input.sheet,
    encoding: input.encoding,
    version,
    time,
  });
}

/** The lines printed on stderr after a report written to a file. */
export function trendsSummary(report: TrendsReport, out: string | undefined, lang: Lang): string {
  const zh = lang === "zh";
  const parts: string[] = [];
  const q = report.quality;
  const d = report.decomposition;
  const c = report.curve;
  const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(2)}%` : "—");
  const f4 = (x: number) => (Number.isFinite(x) ? x.toFixed(4) : "—");
  parts.push(
    zh
      ? `读取 ${report.rowsRead} 行，使用 ${report.rowsUsed} 行`
      : `Read ${countOf(report.rowsRead, "row")}, used ${report.rowsUsed}`,
  );
  if (q.available) {
    parts.push(
      zh
        ? `低风险组死亡率 ${pct(q.overall.rate)}（${q.overall.deaths} / ${q.overall.cases}）`
        : `low-risk mortality ${pct(q.overall.rate)} (${q.overall.deaths} / ${q.overall.cases})`,
    );
  }
  if (d.available) {
    const o = d.overall;
    parts.push(
      zh
        ? `CMI ${d.before} → ${d.after}：${f4(o.cmiBefore)} → ${f4(o.cmiAfter)}（结构 ${f4(o.mix)}，严重程度 ${f4(o.severity)}）`
        : `CMI ${d.before} → ${d.after}: ${f4(o.cmiBefore)} → ${f4(o.cmiAfter)} (mix ${f4(o.mix)}, severity ${f4(o.severity)})`,
    );
  }
  if (c.available && c.models[0]) {
    const flagged = c.units.filter((u) => u.flag === "high" || u.flag === "low").length;
    const best = c.models[0];
    parts.push(
      zh
        ? `曲线最优模型 ${CURVE_MODEL_NAMES[best.model].zh}（R² ${best.rSquared.toFixed(3)}），标记 ${flagged} 个单元`
        : `best curve ${CURVE_MODEL_NAMES[best.model].en} (R² ${best.rSquared.toFixed(3)}), ${flagged} units flagged`,
    );
  }
  const t = report.targets;
  if (t.available) {
    const above = (gap: (u: TargetUnitRow) => number | undefined) => t.units.filter((u) => (gap(u) ?? 0) > 0).length;
    parts.push(
      zh
        ? `目标：${t.units.length} 个单元，平均住院日高于目标 ${above((u) => u.los?.gap)} 个，例均费用高于目标 ${above((u) => u.cost?.gap)} 个`
        : `targets: ${t.units.length} units, ${above((u) => u.los?.gap)} above their LOS target, ${above((u) => u.cost?.gap)} above their cost target`,
    );
  }
  const m = report.monitor;
  if (m.available && m.hospital.length > 0) {
    const first = m.hospital[0];
    const last = m.hospital[m.hospital.length - 1];
    parts.push(
      zh
        ? `监测：${m.periods.length} 个统计期，全院 CMI ${first.period} ${f4(first.cmi)} → ${last.period} ${f4(last.cmi)}`
        : `monitoring: ${countOf(m.periods.length, "period")}, hospital CMI ${first.period} ${f4(first.cmi)} → ${last.period} ${f4(last.cmi)}`,
    );
  }
  for (const section of [q, d, c, t, m]) if (!section.available) parts.push(section.reason[lang]);
  return (out ? (zh ? `已写出 ${out}\n` : `Wrote ${out}\n`) : "") + parts.join(zh ? "；" : "; ") + "\n";
}

const TRENDS: ReportCommand<TrendsCliOptions, TrendsReport> = {
  parse: parseTrendsArgs,
  defaultOut: "trends.xlsx",
  inputs: (o) => [o.input, o.weights, o.benchmark, o.cmiBenchmark],
  build: (o, version) => buildTrends(o, version),
  workbook: trendsWorkbook,
  json: trendsJson,
  summary: trendsSummary,
  showMapping: async (o) => (o.showMapping ? showMapping(o.input, o, o.lang) : undefined),
};

/** `casemix trends ...`: returns the exit code. */
export const runTrends: Command = (argv, context) => runReportCommand(TRENDS, argv, context);
