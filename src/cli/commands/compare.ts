/**
 * `casemix compare <cases.csv|xlsx> --weights a.csv [--weights-b b.csv] [--by department|doctor]
 * [--missing error|exclude] [--names "医疗DRG,医保DRG"] --out compare.xlsx | --json`: two DRG
 * versions side by side (src/report/compare/), into an .xlsx file or JSON.
 *
 * Version A is the case file's group column (DRG编码) with --weights; version B its second group
 * column (医保DRG编码, or --map drgB=<header>) with --weights-b, which defaults to --weights. A
 * file without a second group column compares its groups under two tables: --weights-b is then
 * required. More: --sheet, --encoding, --map, --show-mapping.
 */
import { MissingWeightRule } from "../../engine/weightTable";
import { HEADER_WORDS } from "../../engine/columns";
import { Lang, countOf } from "../../engine/text";
import { formatNumber } from "../../report/common";
import { computeCompareReport } from "../../report/compare/compute";
import { compareJson } from "../../report/compare/json";
import {
  compareColumns,
  compareRequiredColumns,
  CompareSettings,
  CompareUnit,
  DEFAULT_COMPARE_SETTINGS,
} from "../../report/compare/settings";
import { compareWorkbook } from "../../report/compare/sheets";
import { CompareReport, regroupedShare } from "../../report/compare/types";
import { caseFileArg, choice, commandArgs, langOption, usage } from "../args";
import { ColumnMapping, encodingOption, mappingWhenAsked, parseMapOptions } from "../columnOptions";
import { Command, ReportCommand, ReportCommandOptions, runReportCommand } from "../commandRunner";
import { Encoding } from "../csv/encoding";
import { readCaseFile } from "../readInput";
import { readWeightFile } from "../weightFile";

export interface CompareCliOptions extends ReportCommandOptions {
  input: string;
  sheet?: string;
  encoding?: Encoding;
  mapping: ColumnMapping;
  weights: string;
  /** Version B's table as given; undefined: --weights (only with a second group column). */
  weightsB?: string;
  names?: [string, string];
  missing: MissingWeightRule;
  unit?: CompareUnit;
  showMapping: boolean;
}

const COMPARE_OPTIONS = new Set([
  "weights",
  "weights-b",
  "by",
  "missing",
  "names",
  "sheet",
  "encoding",
  "map",
  "out",
  "json",
  "lang",
  "force",
  "show-mapping",
  "help",
]);
const FLAGS = new Set(["json", "force", "help", "show-mapping"]);

/** --names "医疗DRG,医保DRG": two names, a comma (or 、，) between them. */
function namesOption(text: string | undefined): [string, string] | undefined {
  if (text === undefined) return undefined;
  const names = text.split(/[,，、]/).map((s) => s.trim());
  if (names.length !== 2 || names.some((n) => n === ""))
    usage(
      `--names: "${text}" is not two names with a comma between them, e.g. --names "医疗DRG,医保DRG"`,
      `--names："${text}" 应为以逗号分隔的两个名称，如 --names "医疗DRG,医保DRG"`,
    );
  return names as [string, string];
}

/** Parses the options of `casemix compare`; `defaultLang` is the language already chosen. */
export function parseCompareArgs(argv: readonly string[], defaultLang: Lang): CompareCliOptions {
  const { positional, options, one } = commandArgs(argv, COMPARE_OPTIONS, FLAGS, "casemix compare --help");
  const input = caseFileArg(positional, "compare");
  const showMap = one("show-mapping") === "true";
  const weights = one("weights");
  if (!showMap && weights === undefined)
    usage(
      "--weights is required: the weight table of version A (CSV or .xlsx)",
      "缺少 --weights：版本A的权重表（CSV 或 .xlsx）",
    );
  const by = one("by");
  return {
    input,
    sheet: one("sheet"),
    encoding: encodingOption(one("encoding")),
    mapping: parseMapOptions(options.get("map") ?? []),
    weights: weights ?? "",
    weightsB: one("weights-b"),
    names: namesOption(one("names")),
    missing: choice("missing", one("missing") ?? DEFAULT_COMPARE_SETTINGS.missing, ["error", "exclude"] as const),
    unit: by === undefined ? undefined : choice("by", by, ["department", "doctor"] as const),
    out: one("out"),
    json: one("json") === "true",
    force: one("force") === "true",
    lang: langOption(one("lang"), defaultLang),
    showMapping: showMap,
  };
}

/** No second group column and no --weights-b: the two versions would be one. */
function noVersionB(input: string): never {
  const words = HEADER_WORDS.drgB.slice(0, 3);
  return usage(
    `${input} has no second group column for version B (a header such as ${words.join(", ")}): give --weights-b b.csv to compare its groups under a second table, or name the column with --map drgB=<header>`,
    `${input} 没有版本B的第二分组列（表头如 ${words.join("、")}）：请用 --weights-b b.csv 给出第二张权重表以对比同一分组，或用 --map drgB=<表头> 指定该列`,
  );
}

/** Builds the report for the options (without writing anything). */
export async function buildCompareReport(o: CompareCliOptions, version: string, time?: Date): Promise<CompareReport> {
  const weightsA = await readWeightFile(o.weights);
  const weightsB = o.weightsB !== undefined ? await readWeightFile(o.weightsB) : weightsA;
  const settings: CompareSettings = {
    ...DEFAULT_COMPARE_SETTINGS,
    weightsA: { table: weightsA, name: o.weights },
    weightsB: { table: weightsB, name: o.weightsB ?? o.weights },
    ...(o.names ? { names: o.names } : {}),
    missing: o.missing,
    unit: o.unit,
  };
  const { input, table } = await readCaseFile(
    o.input,
    { sheet: o.sheet, encoding: o.encoding },
    { mapping: o.mapping, columns: compareColumns(settings), required: compareRequiredColumns(settings) },
  );
  if (!table.drgB && o.weightsB === undefined) noVersionB(o.input);
  return computeCompareReport(table, settings, {
    source: o.input,
    sheet: input.sheet,
    encoding: input.encoding,
    version,
    time,
  });
}

const signed = (x: number, digits: number, lang: Lang) => (x > 0 ? "+" : "") + formatNumber(x, digits, lang);

/** The lines printed on stderr after a report written to a file. */
export function compareSummary(report: CompareReport, out: string | undefined, lang: Lang): string {
  const o = report.overall;
  const c = report.crosswalk;
  const share = regroupedShare(report);
  const pct = Number.isFinite(share) ? `${(share * 100).toFixed(2)}%` : "—";
  const dCmi = signed(o.cmiChange, 4, lang);
  const dTw = signed(o.totalWeightChange, 2, lang);
  if (lang === "zh") {
    return (
      (out ? `已写出 ${out}\n` : "") +
      `读取 ${report.rowsRead} 行，对比 ${o.a.cases} 例；CMI ${formatNumber(o.a.cmi, 4, lang)} → ${formatNumber(o.b.cmi, 4, lang)}（${dCmi}），` +
      `总权重 ${formatNumber(o.a.totalWeight, 2, lang)} → ${formatNumber(o.b.totalWeight, 2, lang)}（${dTw}），病组 ${o.a.groupCount} → ${o.b.groupCount}；` +
      `改组 ${c.regroupedCases} 例（${pct}）\n`
    );
  }
  return (
    (out ? `Wrote ${out}\n` : "") +
    `Read ${countOf(report.rowsRead, "row")}, compared ${countOf(o.a.cases, "case")}; CMI ${formatNumber(o.a.cmi, 4, lang)} -> ${formatNumber(o.b.cmi, 4, lang)} (${dCmi}), ` +
    `total weight ${formatNumber(o.a.totalWeight, 2, lang)} -> ${formatNumber(o.b.totalWeight, 2, lang)} (${dTw}), groups ${o.a.groupCount} -> ${o.b.groupCount}; ` +
    `${countOf(c.regroupedCases, "case")} regrouped (${pct})\n`
  );
}

const COMPARE: ReportCommand<CompareCliOptions, CompareReport> = {
  parse: parseCompareArgs,
  defaultOut: "compare.xlsx",
  inputs: (o) => [o.input, o.weights, o.weightsB],
  build: (o, version) => buildCompareReport(o, version),
  workbook: compareWorkbook,
  json: (report) => compareJson(report),
  summary: compareSummary,
  showMapping: mappingWhenAsked,
};

/** `casemix compare ...`: returns the exit code. */
export const runCompare: Command = (argv, context) => runReportCommand(COMPARE, argv, context);
