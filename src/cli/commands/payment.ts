/**
 * `casemix payment <cases.csv|xlsx> --weights table.csv --rate R [--point-value V]
 * [--coefficient K] [--group-means region.csv] [--layer charges|marginal|direct|gross|net]
 * [--by department|doctor] --out pnl.xlsx | --json`: the DRG payment profit and loss per
 * group (src/report/payment/), into an .xlsx file or JSON.
 *
 * The outlier rules take the keys of DRG.DRG_PAYMENT's `rules`: --rules "high=3,2,1.5;
 * bands=100,200; low=0.4; points=100; base=data", or one key an option (--high, --bands,
 * --low, --points, --base; these win over --rules); --missing error|exclude as its `missing`.
 * More: --top N (bars of losses and of gains), --sheet, --encoding, --map, --show-mapping.
 */
import { MissingWeightRule } from "../../engine/weightTable";
import { paymentRules, ruleEntries } from "../../engine/pointPayment";
import { CaseMixError, Lang, countOf } from "../../engine/text";
import { computePaymentReport, largestLoss } from "../../report/payment/compute";
import { paymentJson } from "../../report/payment/json";
import {
  DEFAULT_PAYMENT_SETTINGS,
  PAYMENT_LAYERS,
  PaymentLayer,
  PaymentSettings,
  PaymentUnit,
  paymentColumns,
  paymentRequiredColumns,
} from "../../report/payment/settings";
import { paymentWorkbook } from "../../report/payment/sheets";
import { PaymentReport } from "../../report/payment/types";
import { caseFileArg, choice, commandArgs, langOption, nonNegative, numberAtLeast, usage, UsageError } from "../args";
import { ColumnMapping, encodingOption, mappingWhenAsked, parseMapOptions } from "../columnOptions";
import { Command, ReportCommand, ReportCommandOptions, runReportCommand } from "../commandRunner";
import { Encoding } from "../csv/encoding";
import { readCaseFile } from "../readInput";
import { readGroupMeansFile, readWeightFile } from "../weightFile";

export interface PaymentCliOptions extends ReportCommandOptions {
  input: string;
  sheet?: string;
  encoding?: Encoding;
  mapping: ColumnMapping;
  weights: string;
  groupMeans?: string;
  rate: number;
  pointValue: number;
  coefficient: number;
  /** The rules as key = value entries (`paymentRules`), checked when parsed. */
  rules: [string, string][];
  missing: MissingWeightRule;
  layer: PaymentLayer;
  unit?: PaymentUnit;
  top: number;
  showMapping: boolean;
}

/** The rule keys that have an option of their own. */
const RULE_OPTIONS = ["high", "bands", "low", "points", "base"] as const;

const PAYMENT_OPTIONS = new Set([
  "weights",
  "rate",
  "point-value",
  "coefficient",
  "group-means",
  "rules",
  ...RULE_OPTIONS,
  "missing",
  "layer",
  "by",
  "top",
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

/** A number above 0 (the rate, point value and coefficient). */
function positive(name: string, text: string): number {
  const v = numberAtLeast(name, text);
  if (!(v > 0)) usage(`--${name}: "${text}" must be above 0`, `--${name}："${text}" 必须大于 0`);
  return v;
}

/**
 * --rules and the one-key options as rule entries, checked now so that a bad rule is a usage
 * error before any file is read.
 */
function ruleOptions(one: (name: string) => string | undefined): [string, string][] {
  try {
    const rules: [string, string][] = [];
    const rulesText = one("rules");
    if (rulesText !== undefined) rules.push(...ruleEntries(rulesText, "--rules"));
    for (const key of RULE_OPTIONS) {
      const v = one(key);
      if (v !== undefined) rules.push([key, v]);
    }
    paymentRules(rules, "--rules");
    return rules;
  } catch (e) {
    if (e instanceof CaseMixError && !(e instanceof UsageError)) usage(e.messageIn("en"), e.messageIn("zh"));
    throw e;
  }
}

/** Parses the options of `casemix payment`; `defaultLang` is the language already chosen. */
export function parsePaymentArgs(argv: readonly string[], defaultLang: Lang): PaymentCliOptions {
  const { positional, options, one } = commandArgs(argv, PAYMENT_OPTIONS, FLAGS, "casemix payment --help");
  const input = caseFileArg(positional, "payment");
  const showMap = one("show-mapping") === "true";
  const weights = one("weights");
  const rateText = one("rate");
  if (!showMap && weights === undefined)
    usage(
      "--weights is required: the published weight table (CSV or .xlsx)",
      "缺少 --weights：发布的权重表（CSV 或 .xlsx）",
    );
  if (!showMap && rateText === undefined)
    usage("--rate is required: money per weight point (费率)", "缺少 --rate：每权重金额（费率）");
  const rules = ruleOptions(one);
  const by = one("by");
  return {
    input,
    sheet: one("sheet"),
    encoding: encodingOption(one("encoding")),
    mapping: parseMapOptions(options.get("map") ?? []),
    weights: weights ?? "",
    groupMeans: one("group-means"),
    rate: rateText === undefined ? NaN : positive("rate", rateText),
    pointValue: positive("point-value", one("point-value") ?? "1"),
    coefficient: positive("coefficient", one("coefficient") ?? "1"),
    rules,
    missing: choice("missing", one("missing") ?? DEFAULT_PAYMENT_SETTINGS.missing, ["error", "exclude"] as const),
    layer: choice("layer", one("layer") ?? DEFAULT_PAYMENT_SETTINGS.layer, PAYMENT_LAYERS),
    unit: by === undefined ? undefined : choice("by", by, ["department", "doctor"] as const),
    top: nonNegative("top", one("top") ?? String(DEFAULT_PAYMENT_SETTINGS.chartGroups), true),
    out: one("out"),
    json: one("json") === "true",
    force: one("force") === "true",
    lang: langOption(one("lang"), defaultLang),
    showMapping: showMap,
  };
}

/** Builds the report for the options (without writing anything). */
export async function buildPaymentReport(o: PaymentCliOptions, version: string, time?: Date): Promise<PaymentReport> {
  const weights = await readWeightFile(o.weights);
  const means = o.groupMeans !== undefined ? await readGroupMeansFile(o.groupMeans) : undefined;
  const settings: PaymentSettings = {
    ...DEFAULT_PAYMENT_SETTINGS,
    rate: o.rate,
    pointValue: o.pointValue,
    coefficient: o.coefficient,
    rules: paymentRules(o.rules, "--rules"),
    missing: o.missing,
    layer: o.layer,
    unit: o.unit,
    weights: { table: weights, name: o.weights },
    ...(means ? { groupMeans: { table: means, name: o.groupMeans as string } } : {}),
    chartGroups: o.top,
  };
  const { input, table } = await readCaseFile(
    o.input,
    { sheet: o.sheet, encoding: o.encoding },
    { mapping: o.mapping, columns: paymentColumns(settings), required: paymentRequiredColumns(settings) },
  );
  return computePaymentReport(table, settings, {
    source: o.input,
    sheet: input.sheet,
    encoding: input.encoding,
    version,
    time,
  });
}

const money = (x: number, lang: Lang) =>
  x.toLocaleString(lang === "zh" ? "zh-CN" : "en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** The lines printed on stderr after a report written to a file. */
export function paymentSummary(report: PaymentReport, out: string | undefined, lang: Lang): string {
  const t = report.total;
  const losing = report.groups.filter((g) => g.balance < 0).length;
  const loss = largestLoss(report.groups);
  const rate = Number.isFinite(t.rate) ? `${(t.rate * 100).toFixed(2)}%` : "—";
  if (lang === "zh") {
    return (
      (out ? `已写出 ${out}\n` : "") +
      `读取 ${report.rowsRead} 行，支付 ${t.cases} 例（正常 ${t.normal}、高倍率 ${t.high}、低倍率 ${t.low}），病组 ${report.groups.length}；` +
      `预收入 ${money(t.revenue, lang)}，成本 ${money(t.cost, lang)}，结余 ${money(t.balance, lang)}（${rate}）；` +
      `亏损病组 ${losing}` +
      (loss ? `，亏损最大 ${loss.group} ${money(loss.balance, lang)}` : "") +
      "\n"
    );
  }
  return (
    (out ? `Wrote ${out}\n` : "") +
    `Read ${countOf(report.rowsRead, "row")}, paid ${countOf(t.cases, "case")} (normal ${t.normal}, high-cost ${t.high}, low-cost ${t.low}), ${countOf(report.groups.length, "group")}; ` +
    `expected revenue ${money(t.revenue, lang)}, cost ${money(t.cost, lang)}, balance ${money(t.balance, lang)} (${rate}); ` +
    `${losing} losing` +
    (loss ? `, largest loss ${loss.group} ${money(loss.balance, lang)}` : "") +
    "\n"
  );
}

const PAYMENT: ReportCommand<PaymentCliOptions, PaymentReport> = {
  parse: parsePaymentArgs,
  defaultOut: "payment.xlsx",
  inputs: (o) => [o.input, o.weights, o.groupMeans],
  build: (o, version) => buildPaymentReport(o, version),
  workbook: paymentWorkbook,
  json: (report) => paymentJson(report),
  summary: paymentSummary,
  showMapping: mappingWhenAsked,
};

/** `casemix payment ...`: returns the exit code. */
export const runPayment: Command = (argv, context) => runReportCommand(PAYMENT, argv, context);
