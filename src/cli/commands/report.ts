/**
 * `casemix report <cases.csv|cases.xlsx>`: the four-quadrant and incentive report of the
 * taskpane (same engine, same workbook model, src/report/quadrant/) from a file, into
 * an .xlsx file or JSON. Every setting of the taskpane has an option.
 */
import { IncentiveMoney } from "../../engine/incentives";
import { MARGIN_LAYERS, MarginLayer } from "../../engine/margins";
import { Coefficients, DEFAULT_COEFFICIENTS, Quadrant, QUADRANTS, XCutRule, YCutRule } from "../../engine/quadrants";
import { Lang, countOf } from "../../engine/text";
import { TRIM_METHODS, TrimMethod, TrimOptions } from "../../engine/trimming";
import { WeightTable } from "../../engine/weightTable";
import {
  PaymentRevenue,
  QuadrantSettings,
  reportColumns,
  REVENUE_SOURCES,
  RevenueSource,
  requiredColumns,
  UnitChoice,
} from "../../report/quadrant/settings";
import { QuadrantReport } from "../../report/quadrant/types";
import { computeQuadrantReport } from "../../report/quadrant/compute";
import { quadrantJson } from "../../report/quadrant/json";
import { quadrantWorkbook } from "../../report/quadrant/sheets";
import { revenueText } from "../../report/quadrant/cutText";
import { label } from "../../report/i18n";
import { caseFileArg, choice, commandArgs, langOption, numberAtLeast, numberList, usage } from "../args";
import { ColumnMapping, encodingOption, parseMapOptions, showMapping } from "../columnOptions";
import { Command, ReportCommand, ReportCommandOptions, runReportCommand } from "../commandRunner";
import { Encoding } from "../csv/encoding";
import { readCaseFile } from "../readInput";
import { readWeightFile } from "../weightFile";

export interface ReportOptions extends ReportCommandOptions {
  input: string;
  sheet?: string;
  /** A weight file, or "standardized" for the five-category weight of the data. */
  weights?: string;
  /** Shares of the five categories (with --weights standardized). */
  shares?: number[];
  money: IncentiveMoney;
  unit: UnitChoice;
  xCut: XCutRule;
  yCut: YCutRule;
  layer: MarginLayer;
  coefficients: Coefficients;
  labels?: Partial<Record<Quadrant, string>>;
  minCases: number;
  year?: string;
  trim: TrimOptions;
  yearWeights?: number[];
  /** Revenue from the settlement columns (default) or the expected DRG payment. */
  revenue: RevenueSource;
  /** With --revenue payment: --rate, --point-value, --coefficient. */
  payment?: PaymentRevenue;
  mapping: ColumnMapping;
  encoding?: Encoding;
  /** Print the column mapping instead of building the report. */
  showMapping: boolean;
}

const REPORT_OPTIONS = new Set([
  "sheet",
  "out",
  "json",
  "lang",
  "weights",
  "shares",
  "pool",
  "per-point",
  "unit",
  "x-cut",
  "y-cut",
  "layer",
  "coefficients",
  "labels",
  "min-cases",
  "year",
  "trim",
  "trim-k",
  "year-weights",
  "revenue",
  "rate",
  "point-value",
  "coefficient",
  "map",
  "encoding",
  "force",
  "show-mapping",
  "help",
]);
/** --weights standardized: the five-category weight of the data instead of a weight file. */
const STANDARDIZED = "standardized";

const FLAGS = new Set(["json", "force", "help", "show-mapping"]);

/** --pool (a sum shared out) or --per-point (money per point, 1 by default). */
function moneyOption(pool: string | undefined, perPoint: string | undefined): IncentiveMoney {
  if (pool !== undefined && perPoint !== undefined)
    usage("give --pool or --per-point, not both", "--pool 与 --per-point 只能给一个");
  return pool !== undefined
    ? { mode: "pool", pool: numberAtLeast("pool", pool) }
    : { mode: "perPoint", moneyPerPoint: perPoint !== undefined ? numberAtLeast("per-point", perPoint) : 1 };
}

/** --coefficients: 4 numbers (strategic, competitive, suitable, weak) and optionally a 5th. */
function coefficientsOption(text: string | undefined): Coefficients {
  const coefficients: Coefficients = { ...DEFAULT_COEFFICIENTS };
  if (text === undefined) return coefficients;
  const list = numberList("coefficients", text);
  if (list.length < 4 || list.length > 5) {
    usage(
      `--coefficients: give 4 numbers (strategic, competitive, suitable, weak) and optionally a 5th for unclassified groups, e.g. 1.5,1.3,1,0.8`,
      `--coefficients：请给 4 个数（战略、竞争、适宜、劣势），可再加第 5 个（未分类），例如 1.5,1.3,1,0.8`,
    );
  }
  list.forEach((v, i) => (coefficients[QUADRANTS[i]] = v));
  return coefficients;
}

/** --labels: 4 or 5 names of the quadrants; an empty one keeps the default name. */
function labelsOption(text: string | undefined): Partial<Record<Quadrant, string>> | undefined {
  if (text === undefined) return undefined;
  const list = text.split(/[,，]/).map((s) => s.trim());
  if (list.length < 4 || list.length > 5)
    usage("--labels: give 4 or 5 names separated by commas", "--labels：请给 4 或 5 个以逗号分隔的名称");
  const labels: Partial<Record<Quadrant, string>> = {};
  list.forEach((v, i) => {
    if (v !== "") labels[QUADRANTS[i]] = v;
  });
  return labels;
}

/** --trim and --trim-k: the k of log-SD or IQR trimming, or the percent cut from each tail. */
function trimOption(methodText: string | undefined, kText: string | undefined): TrimOptions {
  const method = choice("trim", methodText ?? "logsd", TRIM_METHODS as readonly TrimMethod[]);
  if (kText === undefined) return { method };
  const k = numberAtLeast("trim-k", kText);
  if (method !== "percentile") return { method, k };
  if (k >= 50)
    usage(
      "--trim-k: for percentile trimming it is the percent cut from each tail, below 50",
      "--trim-k：百分位去极值时为每端去除的百分比，应小于 50",
    );
  return { method, pLow: k / 100, pHigh: 1 - k / 100 };
}

/** --shares: five numbers (medical, nursing, technical, drugs, administration), only with --weights standardized. */
function sharesOption(text: string | undefined, weights: string | undefined): number[] | undefined {
  if (text === undefined) return undefined;
  if (weights !== STANDARDIZED)
    usage("--shares goes with --weights standardized", "--shares 需与 --weights standardized 一起使用");
  const list = numberList("shares", text);
  if (list.length !== 5 || list.some((x) => !(x >= 0)) || list.every((x) => x === 0))
    usage(
      "--shares: give 5 numbers of zero or more, not all 0 (medical, nursing, technical, drugs, administration), e.g. 0.2,0.2,0.2,0.2,0.2",
      "--shares：请给 5 个大于或等于 0 且不全为 0 的数（医疗、护理、医技、药品、管理），例如 0.2,0.2,0.2,0.2,0.2",
    );
  return list;
}

/** A number above 0 (the payment rate and factors). */
function positiveOption(name: string, text: string): number {
  const v = Number(text.replace(/[,_]/g, ""));
  if (text.trim() === "" || !(v > 0 && v < Infinity))
    usage(`--${name}: "${text}" is not a number above 0`, `--${name}："${text}" 不是大于 0 的数`);
  return v;
}

/** --revenue payment with --rate [--point-value] [--coefficient]; the payment options need it. */
function paymentOption(
  revenue: RevenueSource,
  rate: string | undefined,
  pointValue: string | undefined,
  coefficient: string | undefined,
): PaymentRevenue | undefined {
  if (revenue !== "payment") {
    if (rate !== undefined || pointValue !== undefined || coefficient !== undefined)
      usage(
        "--rate, --point-value and --coefficient go with --revenue payment",
        "--rate、--point-value 和 --coefficient 需与 --revenue payment 一起使用",
      );
    return undefined;
  }
  if (rate === undefined)
    usage(
      "--revenue payment needs --rate (money per weight point), e.g. --rate 5000",
      "--revenue payment 需要 --rate（每权重点金额），例如 --rate 5000",
    );
  return {
    rate: positiveOption("rate", rate),
    pointValue: pointValue === undefined ? 1 : positiveOption("point-value", pointValue),
    coefficient: coefficient === undefined ? 1 : positiveOption("coefficient", coefficient),
  };
}

/** Parses the options of `casemix report`; `defaultLang` is the language already chosen. */
export function parseReportArgs(argv: readonly string[], defaultLang: Lang): ReportOptions {
  const { positional, options, one } = commandArgs(argv, REPORT_OPTIONS, FLAGS, "casemix report --help");
  const input = caseFileArg(positional, "report");
  const lang = langOption(one("lang"), defaultLang);
  const money = moneyOption(one("pool"), one("per-point"));
  const xText = one("x-cut") ?? "cmi";
  const xCut: XCutRule = xText === "cmi" || xText === "median" ? xText : numberAtLeast("x-cut", xText);
  const yText = one("y-cut") ?? "hospital";
  const yCut: YCutRule = yText === "hospital" || yText === "median" ? yText : numberAtLeast("y-cut", yText, -Infinity);
  const coefficients = coefficientsOption(one("coefficients"));
  const labels = labelsOption(one("labels"));
  const trim = trimOption(one("trim"), one("trim-k"));
  const mapping = parseMapOptions(options.get("map") ?? []);
  const encoding = encodingOption(one("encoding"));
  const yw = one("year-weights");
  const revenue = choice("revenue", one("revenue") ?? "settlement", REVENUE_SOURCES);
  return {
    input,
    sheet: one("sheet"),
    out: one("out"),
    json: one("json") === "true",
    lang,
    weights: one("weights"),
    shares: sharesOption(one("shares"), one("weights")),
    money,
    unit: choice("unit", one("unit") ?? "department", ["department", "doctor", "both"] as const),
    xCut,
    yCut,
    layer: choice("layer", one("layer") ?? "marginal", MARGIN_LAYERS),
    coefficients,
    labels,
    minCases: numberAtLeast("min-cases", one("min-cases") ?? "5"),
    year: one("year"),
    trim,
    yearWeights: yw === undefined ? undefined : numberList("year-weights", yw),
    revenue,
    payment: paymentOption(revenue, one("rate"), one("point-value"), one("coefficient")),
    mapping,
    encoding,
    force: one("force") === "true",
    showMapping: one("show-mapping") === "true",
  };
}

/** Settings of the report from the options. */
export function settingsOf(o: ReportOptions, weights: WeightTable | undefined): QuadrantSettings {
  return {
    layer: o.layer,
    xCut: o.xCut,
    yCut: o.yCut,
    minCases: o.minCases,
    coefficients: o.coefficients,
    labels: o.labels,
    money: o.money,
    unit: o.unit,
    revenue: o.revenue,
    ...(o.payment ? { payment: o.payment } : {}),
    weights: weights
      ? { source: "table", table: weights, name: o.weights as string }
      : o.weights === STANDARDIZED
        ? { source: "standardized", shares: o.shares }
        : { source: "data", trim: o.trim, yearWeights: o.yearWeights },
  };
}

/** --year: as given, or the latest year in the data for "latest". */
function reportYear(year: string, years: readonly string[]): string {
  if (year !== "latest") return year;
  return years.length
    ? years.slice().sort((a, b) => Number(a) - Number(b) || (a < b ? -1 : 1))[years.length - 1]
    : "latest";
}

/** Builds the report for the options (without writing anything). */
export async function buildReport(o: ReportOptions, version: string, time?: Date): Promise<QuadrantReport> {
  const weights = o.weights && o.weights !== STANDARDIZED ? await readWeightFile(o.weights) : undefined;
  const settings = settingsOf(o, weights);
  const { input, table } = await readCaseFile(
    o.input,
    { sheet: o.sheet, encoding: o.encoding },
    { mapping: o.mapping, columns: reportColumns(settings), required: requiredColumns(settings) },
  );
  if (o.year !== undefined) settings.year = reportYear(o.year, table.years?.codes ?? []);
  return computeQuadrantReport(table, settings, {
    source: o.input,
    sheet: input.sheet,
    encoding: input.encoding,
    version,
    time,
  });
}

/** The lines printed on stderr after a report written to a file. */
export function reportSummary(report: QuadrantReport, out: string | undefined, lang: Lang): string {
  const h = report.hospital;
  const q = report.quadrantCounts;
  const skipped = Object.values(report.skipped).reduce((a, b) => a + (b ?? 0), 0);
  // The expected payment is named (the settlement is the default and goes unsaid).
  const revenue =
    report.settings.revenue === "payment"
      ? `${label("revenueSource", lang)}${lang === "zh" ? "：" : ": "}${revenueText(report, lang)}\n`
      : "";
  if (lang === "zh") {
    return (
      (out ? `已写出 ${out}\n` : "") +
      `读取 ${report.rowsRead} 行，使用 ${report.rowsUsed} 行` +
      (skipped ? `（跳过原因见“参数”表）` : "") +
      `；病例 ${h.cases}，病组 ${report.groups.length}，CMI ${h.cmi.toFixed(4)}；` +
      `战略 ${q.strategic}、竞争 ${q.competitive}、适宜 ${q.suitable}、劣势 ${q.weak}、未分类 ${q.unclassified}\n` +
      revenue
    );
  }
  return (
    (out ? `Wrote ${out}\n` : "") +
    `Read ${countOf(report.rowsRead, "row")}, used ${report.rowsUsed}` +
    (skipped ? ` (reasons for the others on the Parameters sheet)` : "") +
    `; ${countOf(h.cases, "case")}, ${countOf(report.groups.length, "group")}, CMI ${h.cmi.toFixed(4)}; ` +
    `strategic ${q.strategic}, competitive ${q.competitive}, suitable ${q.suitable}, weak ${q.weak}, not classified ${q.unclassified}\n` +
    revenue
  );
}

const REPORT: ReportCommand<ReportOptions, QuadrantReport> = {
  parse: parseReportArgs,
  defaultOut: "report.xlsx",
  inputs: (o) => [o.input, o.weights === STANDARDIZED ? undefined : o.weights],
  build: (o, version) => buildReport(o, version),
  workbook: quadrantWorkbook,
  json: (report) => quadrantJson(report),
  summary: reportSummary,
  showMapping: async (o) => (o.showMapping ? showMapping(o.input, o, o.lang) : undefined),
};

/** `casemix report ...`: returns the exit code. */
export const runReport: Command = (argv, context) => runReportCommand(REPORT, argv, context);
