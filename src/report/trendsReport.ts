/**
 * The trends and quality report (DOMAIN.md "Quality", "Curve model", "CMI change
 * decomposition"): engine results turned into numbers (`computeTrendsReport`), into a one-sheet
 * workbook model (`trendsWorkbook`: 趋势与质量 / Trends and Quality) and into the JSON of the
 * command line (`trendsJson`). Knows nothing about Office.js or files.
 *
 * Steps, so that an auditor can redo them:
 * 1. Rows: every row with a DRG group and a case count (1 per row without a 病例数 column).
 *    Blank rows, rows with an empty group and rows with a blank or zero count are left out
 *    and counted.
 * 2. Weights: computed from every row of the data (relativeWeights on 住院总费用, trimmed,
 *    years blended 1:2:7) or taken from a weight table. A group without a weight leaves its
 *    rows out of (b) and (c), counted.
 * 3. Periods: the year column (or the discharge date) gives each row a year; "before" and
 *    "after" are two of them, by default the two latest.
 * (a) Quality: risk levels of the groups from every row of the data (all years), or from a
 *     benchmark data set; low-risk mortality = deaths / cases in level-1 groups, per unit and
 *     overall, over all years and in each of the two periods.
 * (b) CMI change between the periods with one weight table: mix across ADRGs + severity
 *     inside ADRGs (cmiDecomposition.ts), overall, per unit, and the ADRGs contributing most.
 * (c) Curve (decision where DOMAIN.md leaves room): one point per unit with at least
 *     `minCases` cases in the "after" year (every year when the data has no year): x = its
 *     CMI, y = ln(mean cost per case), as the source fits it, with every SPSS curve model;
 *     the best R^2 gives expected cost = e^(fitted value), and actual / expected outside
 *     1 +- `flagTolerance` flags the unit. Mean cost and CMI are over the same cases (rows
 *     with a weight and a cost).
 * A section the data cannot give (no died column, fewer than two years, no cost column) is
 * replaced by a note saying why; the others are still built.
 */
import { CaseTable, missingColumnsError } from "../engine/caseTable";
import { AdrgRow, decomposeCmi, DecompositionRow } from "../engine/cmiDecomposition";
import { compareCodes, Interned } from "../engine/codes";
import { ColumnName } from "../engine/columns";
import { mappingRows, sourceColumns } from "./columnSources";
import {
  CURVE_MODEL_NAMES,
  CurveFailure,
  CurveFit,
  curveLine,
  CurveModel,
  fitCurves,
  predictCurve,
} from "../engine/curveFit";
import { sortedOrder } from "../engine/grouping";
import { GroupRisk, lowRiskMortality, riskLevels } from "../engine/mortalityRisk";
import { relativeWeights, yearOrder } from "../engine/relativeWeights";
import { CaseMixError, Lang, Text } from "../engine/text";
import { DEFAULT_K, DEFAULT_TRIM } from "../engine/trimming";
import { WeightTable, weightTable } from "../engine/weightTable";
import { label, LABELS } from "./i18n";
import {
  CellValue,
  ChartModel,
  ColumnModel,
  KeyValueBlock,
  placeBlocks,
  SheetModel,
  TableBlock,
  WorkbookModel,
} from "./model";
import { ReportContext, WeightSource } from "./quadrantReport";

export type TrendsUnit = "department" | "doctor";

/** Where the mortality risk levels come from. */
export type LevelSource =
  { source: "data" } | { source: "benchmark"; /** File name or range address. */ name: string; risk: GroupRisk };

export interface TrendsSettings {
  unit: TrendsUnit;
  weights: WeightSource;
  /** The year compared from (default: the one before the latest). */
  before?: string;
  /** The year compared to (default: the latest). */
  after?: string;
  levels: LevelSource;
  /** Units with fewer cases are listed but not fitted; also the weights' minimum (default 5). */
  minCases: number;
  /** actual / expected above 1 + t or below 1 - t is flagged (default 0.2). */
  flagTolerance: number;
  /** ADRGs listed as top contributors to the CMI change (default 10). */
  topAdrgs: number;
}

export const DEFAULT_TRENDS_SETTINGS: Readonly<TrendsSettings> = {
  unit: "department",
  weights: { source: "data" },
  levels: { source: "data" },
  minCases: 5,
  flagTolerance: 0.2,
  topAdrgs: 10,
};

/** Why rows were left out of the whole report or of one section. */
export type TrendsSkip =
  "blankRow" | "emptyGroup" | "noCases" | "noYear" | "otherYear" | "noWeight" | "noCost" | "emptyUnit";

export interface SectionRows {
  used: number;
  skipped: Partial<Record<TrendsSkip, number>>;
}

/** A section the data cannot give, and why. */
export interface Unavailable {
  available: false;
  reason: Text;
}

export interface RiskGroupRow {
  group: string;
  name: string;
  cases: number;
  deaths: number;
  mortality: number;
  /** NaN without deaths. */
  z: number;
  level: number;
}

export interface LowRiskUnitRow {
  unit: string;
  cases: number;
  deaths: number;
  /** NaN without level-1 cases. */
  rate: number;
  /** In the two periods (NaN when not compared or no level-1 case). */
  rateBefore: number;
  rateAfter: number;
}

export interface QualitySection {
  available: true;
  levelSource: "data" | "benchmark";
  benchmarkName?: string;
  /** Groups of the level source, by code. */
  groups: RiskGroupRow[];
  /** Groups at level 0, 1, 2, 3, 4. */
  levelCounts: number[];
  meanLn: number;
  sdLn: number;
  units: LowRiskUnitRow[];
  overall: LowRiskUnitRow;
  /** Cases whose group the benchmark does not know (not low-risk). */
  casesWithoutLevel: number;
  diedEncoding?: string;
  rows: SectionRows;
}

export type Driver = "mix" | "severity" | "";

export interface DecompositionUnitRow extends DecompositionRow {
  /** The larger of the two terms (by size); "" when not both periods or no change. */
  driver: Driver;
}

export interface DecompositionSection {
  available: true;
  before: string;
  after: string;
  overall: DecompositionUnitRow;
  units: DecompositionUnitRow[];
  /** The top ADRGs by |mix + severity|, largest first. */
  adrgs: AdrgRow[];
  /** ADRGs with cases in either period. */
  adrgCount: number;
  /** Rows of each period used. */
  rowsBefore: number;
  rowsAfter: number;
  rows: SectionRows;
}

export type CurveFlag = "high" | "low" | "inLine" | "notFitted" | "noModel";

export interface CurveUnitRow {
  unit: string;
  cases: number;
  cmi: number;
  meanCost: number;
  /** ln(mean cost per case): the y of the fit. */
  lnCost: number;
  /** e^(best model at the unit's CMI); NaN without a model. */
  expected: number;
  ratio: number;
  /** Units with fewer than minCases cases or no positive mean cost are not fitted. */
  fitted: boolean;
  flag: CurveFlag;
}

export interface CurveSection {
  available: true;
  /** The year of the cases (the "after" year), or undefined for every row. */
  year?: string;
  units: CurveUnitRow[];
  /** Best R^2 first. */
  models: CurveFit[];
  failures: CurveFailure[];
  /** The fitted line (CMI, money), sampled over the fitted units' CMI, inside their cost range. */
  line: [number, number][];
  rows: SectionRows;
}

export interface TrendsReport {
  settings: TrendsSettings;
  context: ReportContext & { time: Date };
  columns: Partial<Record<ColumnName, string>>;
  headerRow: number;
  rowsRead: number;
  /** Rows with a group and cases (the others are in `skipped`). */
  rowsUsed: number;
  skipped: Partial<Record<TrendsSkip, number>>;
  /** Distinct years, oldest first. */
  years: string[];
  weights: {
    source: "data" | "table";
    tableName?: string;
    trim?: { method: string; k: number; pLow?: number; pHigh?: number };
    minCases?: number;
    years?: string[];
    yearWeights?: number[];
    allCaseMean?: number;
    /** Groups of the rows that have no weight. */
    missingCodes: string[];
  };
  quality: QualitySection | Unavailable;
  decomposition: DecompositionSection | Unavailable;
  curve: CurveSection | Unavailable;
}

// ---------------------------------------------------------------------------------------
// Labels
// ---------------------------------------------------------------------------------------

const t = (en: string, zh: string): Text => ({ en, zh });

export const TRENDS_LABELS = {
  sheet: t("Trends and Quality", "趋势与质量"),
  title: t(
    "Trends and quality: low-risk mortality, CMI change, CMI and cost",
    "趋势与质量：低风险组死亡率、CMI 变化分解、CMI 与费用曲线",
  ),
  qualityTitle: t("(a) Low-risk mortality", "（一）低风险组死亡率"),
  levelsTitle: t("Mortality risk level of each DRG group", "各 DRG 组死亡风险等级"),
  decompositionTitle: t(
    "(b) CMI change: mix across ADRGs and severity inside ADRGs",
    "（二）CMI 变化分解：ADRG 间结构与 ADRG 内严重程度",
  ),
  curveTitle: t("(c) CMI and mean cost per case", "（三）CMI 与例均费用曲线"),
  parametersTitle: t("Parameters: everything needed to reproduce this sheet", "参数：复现本表所需的全部设置"),
  lowRiskCases: t("Low-risk cases", "低风险组病例数"),
  lowRiskDeaths: t("Low-risk deaths", "低风险组死亡数"),
  lowRiskRate: t("Low-risk mortality", "低风险组死亡率"),
  rateIn: t("Low-risk mortality {year}", "低风险组死亡率（{year} 年）"),
  overall: t("Hospital", "全院"),
  deaths: t("Deaths", "死亡数"),
  mortality: t("Mortality", "死亡率"),
  z: t("z (ln mortality)", "z 值（对数死亡率）"),
  level: t("Level", "风险等级"),
  risk: t("Risk", "风险"),
  casesIn: t("Cases {year}", "病例数（{year} 年）"),
  cmiIn: t("CMI {year}", "CMI（{year} 年）"),
  change: t("Change", "变化"),
  mix: t("Mix across ADRGs", "ADRG 间结构"),
  severity: t("Severity inside ADRGs", "ADRG 内严重程度"),
  driver: t("Larger part", "主要来源"),
  adrg: t("ADRG", "核心 DRG (ADRG)"),
  shareIn: t("Share {year}", "占比（{year} 年）"),
  weightIn: t("Mean weight {year}", "平均权重（{year} 年）"),
  contribution: t("Mix + severity", "合计贡献"),
  model: t("Model", "模型"),
  modelsCaption: t("Curve models, best R² first", "曲线模型（按 R² 从高到低）"),
  rSquared: t("R²", "R²"),
  f: t("F", "F"),
  n: t("Units", "单元数"),
  note: t("Note", "说明"),
  meanCost: t("Mean cost per case", "例均费用"),
  lnCost: t("ln(mean cost)", "ln(例均费用)"),
  expected: t("Expected cost", "预期例均费用"),
  ratio: t("Actual / expected", "实际 / 预期"),
  flag: t("Flag", "标记"),
  chartTitle: t("CMI and mean cost per case", "CMI 与例均费用"),
  fittedLine: t("Fitted: {model} (R² {r2})", "拟合：{model}（R² {r2}）"),
  levelSource: t("Risk levels from", "风险等级来源"),
  levelsFromData: t("the data itself (every year)", "本数据（全部年份）"),
  levelsFromBenchmark: t("benchmark", "标杆数据"),
  period: t("Years compared (before → after)", "对比年份（前 → 后）"),
  curveYear: t("Cases of the curve", "曲线所用病例"),
  allRows: t("every year", "全部年份"),
  minCases: t("Minimum cases of a unit on the curve", "进入曲线拟合的单元最少病例数"),
  flagTolerance: t("Flag when actual / expected is outside", "实际 / 预期超出以下范围时标记"),
  topAdrgs: t("ADRGs listed", "列出的 ADRG 数"),
  rowsSection: t("Rows used: {section}", "使用行数：{section}"),
  sectionQuality: t("low-risk mortality", "低风险组死亡率"),
  sectionDecomposition: t("CMI change", "CMI 变化分解"),
  sectionCurve: t("curve", "曲线"),
  curveY: t("Curve fitted to", "曲线拟合对象"),
  curveYValue: t(
    "y = ln(mean cost per case), x = CMI, one point a unit (as the source)",
    "y = ln(例均费用)，x = CMI，每个单元一个点（同原文方法）",
  ),
  lowRiskTotal: t("Low-risk mortality, hospital", "全院低风险组死亡率"),
  cmiChange: t("CMI change, hospital", "全院 CMI 变化"),
  bestModel: t("Best model", "最优模型"),
  unitsFlagged: t("Units flagged", "被标记的单元数"),
} satisfies Record<string, Text>;

export const RISK_LEVEL_LABELS: readonly Text[] = [
  t("no deaths", "无死亡"),
  t("low", "低风险"),
  t("mid-low", "中低风险"),
  t("mid-high", "中高风险"),
  t("high", "高风险"),
];

export const DRIVER_LABELS: Record<Exclude<Driver, "">, Text> = {
  mix: t("mix across ADRGs", "ADRG 间结构"),
  severity: t("severity inside ADRGs", "ADRG 内严重程度"),
};

export const FLAG_LABELS: Record<CurveFlag, Text> = {
  high: t("above expected", "高于预期"),
  low: t("below expected", "低于预期"),
  inLine: t("in line", "正常"),
  notFitted: t("not fitted (too few cases)", "未拟合（病例数不足）"),
  noModel: t("no model", "无可用模型"),
};

export const TRENDS_SKIP_LABELS: Record<TrendsSkip, Text> = {
  blankRow: t("blank rows", "空行"),
  emptyGroup: t("rows with an empty DRG group", "DRG 组为空的行"),
  noCases: t("rows with a blank or zero case count", "病例数为空或为 0 的行"),
  noYear: t("rows without a year", "年份为空的行"),
  otherYear: t("rows of other years", "其他年份的行"),
  noWeight: t("rows whose group has no weight", "病组无权重的行"),
  noCost: t("rows with a blank total cost", "住院总费用为空的行"),
  emptyUnit: t("rows with an empty unit (not in any unit's row)", "核算单元为空的行（不计入任何单元）"),
};

function fill(text: Text, lang: Lang, params: Record<string, string | number>): string {
  return text[lang].replace(/\{(\w+)\}/g, (whole, k: string) => (k in params ? String(params[k]) : whole));
}

// ---------------------------------------------------------------------------------------
// Columns
// ---------------------------------------------------------------------------------------

/** Columns the report cannot be built without. */
export function trendsRequiredColumns(settings: Pick<TrendsSettings, "unit" | "weights">): ColumnName[] {
  const out: ColumnName[] = ["drg", settings.unit];
  if (settings.weights.source === "data") out.push("totalCost");
  return out;
}

/** Columns the report reads: the required ones and those of the sections (died, year, cost). */
export function trendsColumns(settings: Pick<TrendsSettings, "unit" | "weights">): ColumnName[] {
  const out = trendsRequiredColumns(settings);
  for (const c of ["drgName", "cases", "died", "year", "dischargeDate", "totalCost"] as ColumnName[])
    if (!out.includes(c)) out.push(c);
  return out;
}

/**
 * Risk levels from a benchmark case table (a region): its groups, died column and counts.
 * Throws when the table has no died column.
 */
export function benchmarkRisk(table: CaseTable): GroupRisk {
  if (!table.deaths) throw missingColumnsError(["died"], table.headers);
  return riskLevels({ groups: table.groups, deaths: table.deaths, counts: table.numbers.cases });
}

// ---------------------------------------------------------------------------------------
// Computation
// ---------------------------------------------------------------------------------------

function unavailable(en: string, zh: string): Unavailable {
  return { available: false, reason: { en, zh } };
}

function bumper(map: Partial<Record<TrendsSkip, number>>) {
  return (reason: TrendsSkip, by = 1) => {
    if (by > 0) map[reason] = (map[reason] ?? 0) + by;
  };
}

function weightsOf(
  table: CaseTable,
  settings: TrendsSettings,
): { weights: WeightTable; info: TrendsReport["weights"] } {
  const w = settings.weights;
  if (w.source === "table") return { weights: w.table, info: { source: "table", tableName: w.name, missingCodes: [] } };
  if (w.source === "standardized") {
    throw new CaseMixError("value", {
      en: "trends: the standardized five-category weight is offered by the quadrant report only; give a weight table or compute the weights from the data",
      zh: "趋势报告暂不支持标准化五类费用权重（仅四象限报告支持）；请给出权重表或由数据计算权重",
    });
  }
  const trim = w.trim ?? DEFAULT_TRIM;
  const minCases = w.minCases ?? settings.minCases;
  const groups = relativeWeights(
    {
      groups: table.groups,
      costs: table.numbers.totalCost as Float64Array,
      counts: table.numbers.cases,
      years: table.years,
    },
    { trim, minCases, yearWeights: w.yearWeights, firstRow: table.firstDataRow },
  );
  // Blank (not NaN) for a group without a weight: weightTable reads it as "no weight".
  const weights = weightTable(
    groups.codes,
    Array.from(groups.weight, (x) => (x === x ? x : "")),
  );
  return {
    weights,
    info: {
      source: "data",
      trim: {
        method: trim.method,
        k: trim.k ?? DEFAULT_K[trim.method],
        ...(trim.method === "percentile" ? { pLow: trim.pLow ?? 0.05, pHigh: trim.pHigh ?? 0.95 } : {}),
      },
      minCases,
      years: groups.years,
      yearWeights: groups.yearWeights,
      allCaseMean: groups.allCaseMean,
      missingCodes: [],
    },
  };
}

/** The two years compared: the ones asked for, or the two latest; undefined with a reason when there are not two. */
function resolvePeriods(
  table: CaseTable,
  years: string[],
  settings: TrendsSettings,
): { before: number; after: number } | Unavailable {
  const asked = settings.before !== undefined || settings.after !== undefined;
  if (!table.years) {
    if (asked) {
      throw new CaseMixError("value", {
        en: `years ${settings.before ?? ""} → ${settings.after ?? ""}: the data has no year or discharge date column`,
        zh: `年份 ${settings.before ?? ""} → ${settings.after ?? ""}：数据中没有年份或出院日期列`,
      });
    }
    return unavailable(
      "the data has no year or discharge date column, so there are no two periods to compare",
      "数据中没有年份或出院日期列，无法对比两个时期",
    );
  }
  const find = (year: string, which: Text): number => {
    const id = table.years!.codes.indexOf(year.trim().replace(/年$/, ""));
    if (id < 0) {
      throw new CaseMixError("value", {
        en: `${which.en} year ${year}: no case of that year; the data has ${years.join(", ")}`,
        zh: `${which.zh}年份 ${year}：没有该年份的病例；数据中的年份为 ${years.join("、")}`,
      });
    }
    return id;
  };
  const idOf = (year: string) => table.years!.codes.indexOf(year);
  const latest = years.length > 0 ? years[years.length - 1] : undefined;
  const after =
    settings.after !== undefined
      ? find(settings.after, t("after", "对比后"))
      : latest !== undefined
        ? idOf(latest)
        : -1;
  let before: number;
  if (settings.before !== undefined) before = find(settings.before, t("before", "对比前"));
  else {
    const at = years.indexOf(table.years.codes[after] ?? "");
    before = at > 0 ? idOf(years[at - 1]) : -1;
  }
  if (after < 0 || before < 0) {
    const afterYear = table.years.codes[after] ?? "";
    if (settings.after !== undefined) {
      return unavailable(`no year before ${afterYear} to compare with`, `没有早于 ${afterYear} 年的年份可供对比`);
    }
    return unavailable(
      `the data has ${years.length === 0 ? "no year" : `only the year ${years.join(", ")}`}; two years are needed to compare`,
      `数据中${years.length === 0 ? "没有年份" : `只有 ${years.join("、")} 年`}，需要两个年份才能对比`,
    );
  }
  if (before === after) {
    throw new CaseMixError("value", {
      en: `before and after are the same year (${table.years.codes[after]}); pick two different years`,
      zh: `对比前后为同一年份（${table.years.codes[after]}）；请选择两个不同的年份`,
    });
  }
  return { before, after };
}

function withDriver(r: DecompositionRow): DecompositionUnitRow {
  let driver: Driver = "";
  if (Number.isFinite(r.mix) && Number.isFinite(r.severity) && (r.mix !== 0 || r.severity !== 0)) {
    driver = Math.abs(r.severity) > Math.abs(r.mix) ? "severity" : "mix";
  }
  return { ...r, driver };
}

/**
 * Computes the report from a case table; see the module comment. Throws (with the column
 * names) when a required column is missing, when a year asked for is not in the data, and on
 * the engine's errors.
 */
export function computeTrendsReport(table: CaseTable, settings: TrendsSettings, context: ReportContext): TrendsReport {
  const missing = trendsRequiredColumns(settings).filter((c) => {
    if (c === "drg") return false;
    if (c === "department" || c === "doctor") return table[c] === undefined;
    return table.numbers[c as keyof CaseTable["numbers"]] === undefined;
  });
  if (missing.length > 0) throw missingColumnsError(missing, table.headers);
  const unit = table[settings.unit] as Interned;
  const n = table.rowCount;
  const ids = table.groups.ids;
  const counts = table.numbers.cases;

  // 1. Rows: cases per row, 0 when left out.
  const skipped: Partial<Record<TrendsSkip, number>> = {};
  const bump = bumper(skipped);
  bump("blankRow", table.skipped.blankRows);
  bump("emptyGroup", table.skipped.emptyGroup);
  const cases = new Float64Array(n);
  let rowsUsed = 0;
  for (let i = 0; i < n; i++) {
    if (ids[i] < 0) continue;
    const c = counts ? counts[i] : 1;
    if (!(c > 0)) {
      bump("noCases");
      continue;
    }
    cases[i] = c;
    rowsUsed++;
  }

  // 2. Weights, and 3. periods.
  const { weights, info } = weightsOf(table, settings);
  const weightById = new Float64Array(table.groups.codes.length);
  const missingWeight = new Set<number>();
  table.groups.codes.forEach((code, g) => {
    const at = weights.index.get(code);
    weightById[g] = at === undefined ? NaN : weights.weights[at];
  });
  for (let i = 0; i < n; i++) if (cases[i] > 0 && weightById[ids[i]] !== weightById[ids[i]]) missingWeight.add(ids[i]);
  info.missingCodes = [...missingWeight].map((g) => table.groups.codes[g]).sort(compareCodes);
  const years = table.years ? Array.from(yearOrder(table.years.codes), (y) => table.years!.codes[y]) : [];
  const periods = resolvePeriods(table, years, settings);
  const yearIds = table.years?.ids;
  // Period per row: 0 before, 1 after, -1 neither (or left out).
  const period = new Int8Array(n).fill(-1);
  if (!("available" in periods)) {
    const y = yearIds as Int32Array;
    for (let i = 0; i < n; i++)
      if (cases[i] > 0) period[i] = y[i] === periods.before ? 0 : y[i] === periods.after ? 1 : -1;
  }
  const yearName = (id: number) => (table.years as Interned).codes[id];

  return {
    settings,
    context: { ...context, time: context.time ?? new Date() },
    columns: sourceColumns(table),
    headerRow: table.headerRowNumber,
    rowsRead: n,
    rowsUsed,
    skipped,
    years,
    weights: info,
    quality: quality(table, settings, unit, cases, period),
    decomposition:
      "available" in periods
        ? periods
        : decomposition(
            table,
            settings,
            unit,
            cases,
            period,
            weights,
            weightById,
            yearName(periods.before),
            yearName(periods.after),
          ),
    curve: curve(
      table,
      settings,
      unit,
      cases,
      weightById,
      "available" in periods ? undefined : { id: periods.after, name: yearName(periods.after) },
    ),
  };
}

function quality(
  table: CaseTable,
  settings: TrendsSettings,
  unit: Interned,
  cases: Float64Array,
  period: Int8Array,
): QualitySection | Unavailable {
  const deaths = table.deaths;
  if (!deaths) {
    return unavailable(
      "the data has no died column (死亡, 是否死亡 or 离院方式), so low-risk mortality cannot be computed",
      "数据中没有死亡列（死亡、是否死亡或离院方式），无法计算低风险组死亡率",
    );
  }
  const groups = table.groups;
  const levels =
    settings.levels.source === "benchmark" ? settings.levels.risk : riskLevels({ groups, deaths, counts: cases });
  const all = lowRiskMortality({ groups, deaths, counts: cases }, levels);
  const byUnit = lowRiskMortality({ groups, deaths, counts: cases, by: unit }, levels);
  const inPeriod = (p: 0 | 1) => {
    const c = new Float64Array(cases.length);
    let any = false;
    for (let i = 0; i < c.length; i++) {
      if (period[i] === p) {
        c[i] = cases[i];
        any = true;
      }
    }
    if (!any) return undefined;
    return {
      overall: lowRiskMortality({ groups, deaths, counts: c }, levels).overall,
      rows: new Map(
        (lowRiskMortality({ groups, deaths, counts: c, by: unit }, levels).rows ?? []).map((r) => [r.key, r]),
      ),
    };
  };
  const before = inPeriod(0);
  const after = inPeriod(1);
  const rateOf = (p: typeof before, key: string | undefined) => {
    if (!p) return NaN;
    const r = key === undefined ? p.overall : p.rows.get(key);
    return r ? r.rate : NaN;
  };
  const nameById = new Map<string, string>();
  groups.codes.forEach((code, g) => nameById.set(code, table.groupNames[g]));
  const levelCounts = [0, 0, 0, 0, 0];
  const rows: RiskGroupRow[] = levels.codes.map((code, k) => {
    levelCounts[levels.level[k]]++;
    return {
      group: code,
      name: nameById.get(code) ?? "",
      cases: levels.cases[k],
      deaths: levels.deaths[k],
      mortality: levels.mortality[k],
      z: levels.z[k],
      level: levels.level[k],
    };
  });
  let used = 0;
  for (let i = 0; i < cases.length; i++) if (cases[i] > 0) used++;
  const sectionSkips: Partial<Record<TrendsSkip, number>> = {};
  bumper(sectionSkips)("emptyUnit", byUnit.skipped.emptyKey);
  return {
    available: true,
    levelSource: settings.levels.source,
    benchmarkName: settings.levels.source === "benchmark" ? settings.levels.name : undefined,
    groups: rows,
    levelCounts,
    meanLn: levels.meanLn,
    sdLn: levels.sdLn,
    units: (byUnit.rows ?? []).map((r) => ({
      unit: r.key,
      cases: r.cases,
      deaths: r.deaths,
      rate: r.rate,
      rateBefore: rateOf(before, r.key),
      rateAfter: rateOf(after, r.key),
    })),
    overall: {
      unit: "",
      cases: all.overall.cases,
      deaths: all.overall.deaths,
      rate: all.overall.rate,
      rateBefore: rateOf(before, undefined),
      rateAfter: rateOf(after, undefined),
    },
    casesWithoutLevel: all.casesWithoutLevel,
    diedEncoding: table.diedEncoding,
    rows: { used, skipped: sectionSkips },
  };
}

function decomposition(
  table: CaseTable,
  settings: TrendsSettings,
  unit: Interned,
  cases: Float64Array,
  period: Int8Array,
  weights: WeightTable,
  weightById: Float64Array,
  beforeYear: string,
  afterYear: string,
): DecompositionSection {
  const skipped: Partial<Record<TrendsSkip, number>> = {};
  const bump = bumper(skipped);
  const ids = table.groups.ids;
  const yearIds = (table.years as Interned).ids;
  const p = new Float64Array(period.length).fill(-1);
  let rowsBefore = 0;
  let rowsAfter = 0;
  for (let i = 0; i < p.length; i++) {
    if (!(cases[i] > 0)) continue;
    if (period[i] < 0) {
      bump(yearIds[i] < 0 ? "noYear" : "otherYear");
      continue;
    }
    if (weightById[ids[i]] !== weightById[ids[i]]) {
      bump("noWeight");
      continue;
    }
    p[i] = period[i];
    if (period[i] === 0) rowsBefore++;
    else rowsAfter++;
  }
  const input = { groups: table.groups, period: p, counts: cases };
  const all = decomposeCmi(input, weights, { missing: "exclude" });
  const byUnit = decomposeCmi({ ...input, by: unit }, weights, { missing: "exclude" });
  bump("emptyUnit", byUnit.skipped.emptyKey);
  const adrgs = all.adrgs
    .slice()
    .sort((a, b) => Math.abs(b.mix + b.severity) - Math.abs(a.mix + a.severity) || compareCodes(a.adrg, b.adrg))
    .slice(0, Math.max(0, settings.topAdrgs));
  return {
    available: true,
    before: beforeYear,
    after: afterYear,
    overall: withDriver(all.overall),
    units: (byUnit.rows ?? []).map(withDriver),
    adrgs,
    adrgCount: all.adrgs.length,
    rowsBefore,
    rowsAfter,
    rows: { used: rowsBefore + rowsAfter, skipped },
  };
}

function curve(
  table: CaseTable,
  settings: TrendsSettings,
  unit: Interned,
  cases: Float64Array,
  weightById: Float64Array,
  year: { id: number; name: string } | undefined,
): CurveSection | Unavailable {
  const cost = table.numbers.totalCost;
  if (!cost) {
    return unavailable(
      "the data has no total cost column (住院总费用), so there is no mean cost per case to fit",
      "数据中没有住院总费用列，无法计算例均费用并拟合曲线",
    );
  }
  const skipped: Partial<Record<TrendsSkip, number>> = {};
  const bump = bumper(skipped);
  const ids = table.groups.ids;
  const yearIds = table.years?.ids;
  const nUnits = unit.codes.length;
  const n = new Float64Array(nUnits);
  const w = new Float64Array(nUnits);
  const c = new Float64Array(nUnits);
  let used = 0;
  for (let i = 0; i < cases.length; i++) {
    const k = cases[i];
    if (!(k > 0)) continue;
    if (year && yearIds) {
      if (yearIds[i] < 0) {
        bump("noYear");
        continue;
      }
      if (yearIds[i] !== year.id) {
        bump("otherYear");
        continue;
      }
    }
    const weight = weightById[ids[i]];
    if (weight !== weight) {
      bump("noWeight");
      continue;
    }
    if (cost[i] !== cost[i]) {
      bump("noCost");
      continue;
    }
    const u = unit.ids[i];
    if (u < 0) {
      bump("emptyUnit");
      continue;
    }
    n[u] += k;
    w[u] += k * weight;
    c[u] += k * cost[i];
    used++;
  }
  const units: CurveUnitRow[] = [];
  for (const u of sortedOrder(unit.codes)) {
    if (n[u] === 0) continue;
    const meanCost = c[u] / n[u];
    const fitted = n[u] >= settings.minCases && meanCost > 0;
    units.push({
      unit: unit.codes[u],
      cases: n[u],
      cmi: w[u] / n[u],
      meanCost,
      lnCost: meanCost > 0 ? Math.log(meanCost) : NaN,
      expected: NaN,
      ratio: NaN,
      fitted,
      flag: "notFitted",
    });
  }
  const fit = units.filter((r) => r.fitted);
  const { fits, failures } = fitCurves(
    Float64Array.from(fit, (r) => r.cmi),
    Float64Array.from(fit, (r) => r.lnCost),
  );
  const best = fits[0];
  for (const r of fit) r.flag = "noModel";
  let line: [number, number][] = [];
  if (best) {
    for (const r of units) {
      r.expected = Math.exp(predictCurve(best, r.cmi));
      r.ratio = r.meanCost / r.expected;
      if (!Number.isFinite(r.ratio)) r.expected = r.ratio = NaN;
      if (r.fitted)
        r.flag =
          r.ratio > 1 + settings.flagTolerance ? "high" : r.ratio < 1 - settings.flagTolerance ? "low" : "inLine";
    }
    line = fittedLine(best, fit);
  }
  return { available: true, year: year?.name, units, models: fits, failures, line, rows: { used, skipped } };
}

/**
 * The best model's curve in money, sampled over the fitted units' CMI, keeping the points
 * inside the units' cost range: the renderers size the axes on the points, not on the line.
 */
function fittedLine(best: CurveFit, units: CurveUnitRow[]): [number, number][] {
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (const r of units) {
    x0 = Math.min(x0, r.cmi);
    x1 = Math.max(x1, r.cmi);
    y0 = Math.min(y0, r.meanCost);
    y1 = Math.max(y1, r.meanCost);
  }
  const sampled = curveLine(best, x0, x1, 60);
  const out: [number, number][] = [];
  sampled.x.forEach((x, i) => {
    const y = Math.exp(sampled.y[i]);
    // A point on a unit (the ends of an exact fit) counts as inside despite rounding.
    if (y >= y0 * (1 - 1e-9) && y <= y1 * (1 + 1e-9)) out.push([x, y]);
  });
  return out;
}

// ---------------------------------------------------------------------------------------
// JSON (command line --json)
// ---------------------------------------------------------------------------------------

/** A number for JSON: NaN and infinities become null. */
function jn(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

function jsonRow<T extends object>(row: T): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === "number" ? jn(v) : v]));
}

function trendsParameters(report: TrendsReport): Record<string, unknown> {
  const s = report.settings;
  return {
    version: report.context.version,
    time: report.context.time.toISOString(),
    source: {
      file: report.context.source,
      sheet: report.context.sheet ?? null,
      encoding: report.context.encoding ?? null,
    },
    headerRow: report.headerRow,
    columns: report.columns,
    rows: { read: report.rowsRead, used: report.rowsUsed, skipped: report.skipped },
    years: report.years,
    weights: report.weights,
    unit: s.unit,
    levels: s.levels.source === "benchmark" ? { source: "benchmark", name: s.levels.name } : { source: "data" },
    before: s.before ?? null,
    after: s.after ?? null,
    minCases: s.minCases,
    flagTolerance: s.flagTolerance,
    topAdrgs: s.topAdrgs,
  };
}

/**
 * The JSON of `casemix trends --json`: quality, decomposition, curve and parameters. A section
 * the data cannot give is `{ available: false, reason }` (reason in `lang`). NaN becomes null.
 */
export function trendsJson(report: TrendsReport, lang: Lang): Record<string, unknown> {
  const off = (u: Unavailable) => ({ available: false, reason: u.reason[lang] });
  const q = report.quality;
  const d = report.decomposition;
  const c = report.curve;
  return {
    quality: q.available
      ? {
          available: true,
          levelSource: q.levelSource,
          benchmark: q.benchmarkName ?? null,
          overall: jsonRow({
            cases: q.overall.cases,
            deaths: q.overall.deaths,
            rate: q.overall.rate,
            rateBefore: q.overall.rateBefore,
            rateAfter: q.overall.rateAfter,
          }),
          units: q.units.map(jsonRow),
          levelCounts: q.levelCounts,
          casesWithoutLevel: q.casesWithoutLevel,
          groups: q.groups.map(jsonRow),
          rows: q.rows,
        }
      : off(q),
    decomposition: d.available
      ? {
          available: true,
          before: d.before,
          after: d.after,
          overall: jsonRow({ ...d.overall, key: undefined }),
          units: d.units.map((r) => {
            const { key, ...rest } = r;
            return jsonRow({ unit: key, ...rest });
          }),
          adrgs: d.adrgs.map(jsonRow),
          adrgCount: d.adrgCount,
          rows: { before: d.rowsBefore, after: d.rowsAfter, skipped: d.rows.skipped },
        }
      : off(d),
    curve: c.available
      ? {
          available: true,
          year: c.year ?? null,
          y: "ln(mean cost per case)",
          models: c.models.map((m) => ({
            model: m.model,
            coefficients: m.coefficients.map(jn),
            rSquared: jn(m.rSquared),
            f: jn(m.f),
            n: m.n,
          })),
          failures: c.failures.map((f) => ({ model: f.model, reason: f.reason[lang] })),
          best: c.models[0]?.model ?? null,
          units: c.units.map(jsonRow),
          rows: c.rows,
        }
      : off(c),
    parameters: trendsParameters(report),
  };
}

// ---------------------------------------------------------------------------------------
// Workbook model
// ---------------------------------------------------------------------------------------

const RED = { fill: "#FFC7CE", font: "#9C0006" };
const AMBER = { fill: "#FFEB9C", font: "#9C5700" };
const BLUE = { fill: "#DDEBF7", font: "#1F4E78" };
export const RISK_FILLS = ["#EDEDED", "#C6EFCE", "#FFF2CC", "#FCE4D6", "#FFC7CE"];
const FLAG_COLORS: Record<CurveFlag, string> = {
  high: "#C62828",
  low: "#1F77B4",
  inLine: "#2E7D32",
  notFitted: "#9E9E9E",
  noModel: "#9E9E9E",
};

const cell = (x: number): CellValue => (Number.isFinite(x) ? x : null);
const colon = (lang: Lang) => (lang === "zh" ? "：" : ": ");
const list = (xs: readonly (string | number)[], lang: Lang) => xs.join(lang === "zh" ? "、" : ", ");

function fmt(x: number, digits: number, lang: Lang): string {
  if (!Number.isFinite(x)) return "—";
  return x.toLocaleString(lang === "zh" ? "zh-CN" : "en-US", {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

function unitLabel(report: TrendsReport, lang: Lang): string {
  return label(report.settings.unit, lang);
}

function warningBlock(u: Unavailable, lang: Lang): SheetModel["blocks"][number] {
  return { kind: "text", text: u.reason[lang], style: "warning" };
}

function qualityBlocks(report: TrendsReport, q: QualitySection, lang: Lang): SheetModel["blocks"] {
  const L = TRENDS_LABELS;
  const d = report.decomposition;
  const periods = d.available ? [d.before, d.after] : undefined;
  const columns: ColumnModel[] = [
    { id: "unit", header: unitLabel(report, lang), type: "text", width: 20 },
    { id: "cases", header: L.lowRiskCases[lang], type: "integer", width: 12 },
    { id: "deaths", header: L.lowRiskDeaths[lang], type: "integer", width: 12 },
    { id: "rate", header: L.lowRiskRate[lang], type: "percent", width: 12 },
  ];
  if (periods) {
    columns.push(
      { id: "rateBefore", header: fill(L.rateIn, lang, { year: periods[0] }), type: "percent", width: 14 },
      { id: "rateAfter", header: fill(L.rateIn, lang, { year: periods[1] }), type: "percent", width: 14 },
    );
  }
  const rowOf = (r: LowRiskUnitRow, name: string): CellValue[] => {
    const row: CellValue[] = [name, r.cases, r.deaths, cell(r.rate)];
    if (periods) row.push(cell(r.rateBefore), cell(r.rateAfter));
    return row;
  };
  const source =
    q.levelSource === "benchmark"
      ? `${L.levelsFromBenchmark[lang]}${colon(lang)}${q.benchmarkName}`
      : L.levelsFromData[lang];
  const counts = q.levelCounts.map((c, level) => `${RISK_LEVEL_LABELS[level][lang]} ${c}`);
  const note =
    lang === "zh"
      ? `风险等级：z = (ln 死亡率 − 均值) / 标准差（有死亡的病组）；z < −1 为低风险组。等级来源：${source}；各等级病组数：${list(counts, lang)}。` +
        `低风险组死亡率 = 低风险组死亡数 / 低风险组病例数；低风险组中的每一例死亡都值得逐例复核。` +
        (q.casesWithoutLevel > 0 ? `另有 ${q.casesWithoutLevel} 例所在病组不在标杆数据中，不计为低风险。` : "")
      : `Risk level: z = (ln mortality − mean) / SD over the groups with deaths; z < −1 is low risk. Levels from ${source}; groups per level: ${list(counts, lang)}. ` +
        `Low-risk mortality = deaths / cases in low-risk groups; every death in a low-risk group deserves a case review.` +
        (q.casesWithoutLevel > 0
          ? ` ${q.casesWithoutLevel} cases are in groups the benchmark does not know (not low-risk).`
          : "");
  const table: TableBlock = {
    kind: "table",
    columns,
    rows: q.units.map((r) => rowOf(r, r.unit)),
    totalRow: rowOf(q.overall, L.overall[lang]),
    conditionalFormats: [
      { columnId: "deaths", rule: { kind: "greaterThan", value: 0, ...RED } },
      { columnId: "rate", rule: { kind: "greaterThan", value: 0, ...RED } },
    ],
    autoFilter: true,
  };
  return [
    { kind: "text", text: L.qualityTitle[lang], style: "title" },
    { kind: "text", text: note, style: "note" },
    table,
  ];
}

function decompositionBlocks(report: TrendsReport, d: DecompositionSection, lang: Lang): SheetModel["blocks"] {
  const L = TRENDS_LABELS;
  const y0 = d.before;
  const y1 = d.after;
  const o = d.overall;
  const pct = (x: number) => (Number.isFinite(x) && o.change !== 0 ? fmt((x / o.change) * 100, 1, lang) + "%" : "—");
  const note =
    lang === "zh"
      ? `CMI = Σ p_a × w_a（p_a 为 ADRG a 的病例占比，w_a 为其平均权重），同一权重表。ADRG 间结构 = Σ (p1 − p0) × w0；ADRG 内严重程度 = Σ p1 × (w1 − w0)；两者之和恰等于 CMI 变化。` +
        `全院 CMI ${fmt(o.cmiBefore, 4, lang)} → ${fmt(o.cmiAfter, 4, lang)}，变化 ${fmt(o.change, 4, lang)}：结构 ${fmt(o.mix, 4, lang)}（${pct(o.mix)}），严重程度 ${fmt(o.severity, 4, lang)}（${pct(o.severity)}）。` +
        `CMI 上升若主要来自 ADRG 内严重程度，文献（Carter 与 Ginsburg 1985；Steinwald 与 Dummit 1989）将其与编码强度（高套编码）相联系，而非病人更重，建议抽查病案。`
      : `CMI = Σ p_a × w_a (p_a share of cases in ADRG a, w_a its mean weight), one weight table. Mix across ADRGs = Σ (p1 − p0) × w0; severity inside ADRGs = Σ p1 × (w1 − w0); the two add up to the CMI change exactly. ` +
        `Hospital CMI ${fmt(o.cmiBefore, 4, lang)} → ${fmt(o.cmiAfter, 4, lang)}, change ${fmt(o.change, 4, lang)}: mix ${fmt(o.mix, 4, lang)} (${pct(o.mix)}), severity ${fmt(o.severity, 4, lang)} (${pct(o.severity)}). ` +
        `A rise made mostly of severity inside ADRGs is the pattern the literature (Carter and Ginsburg 1985; Steinwald and Dummit 1989) ties to coding intensity (高套编码) rather than sicker patients: audit a sample of records.`;
  const driverText = (r: DecompositionUnitRow) => (r.driver === "" ? "" : DRIVER_LABELS[r.driver][lang]);
  const rowOf = (r: DecompositionUnitRow, name: string): CellValue[] => [
    name,
    r.casesBefore,
    r.casesAfter,
    cell(r.cmiBefore),
    cell(r.cmiAfter),
    cell(r.change),
    cell(r.mix),
    cell(r.severity),
    driverText(r),
  ];
  const units: TableBlock = {
    kind: "table",
    caption: `${unitLabel(report, lang)}${colon(lang)}${y0} → ${y1}`,
    columns: [
      { id: "unit", header: unitLabel(report, lang), type: "text", width: 20 },
      { id: "casesBefore", header: fill(L.casesIn, lang, { year: y0 }), type: "integer", width: 12 },
      { id: "casesAfter", header: fill(L.casesIn, lang, { year: y1 }), type: "integer", width: 12 },
      { id: "cmiBefore", header: fill(L.cmiIn, lang, { year: y0 }), type: "weight", width: 12 },
      { id: "cmiAfter", header: fill(L.cmiIn, lang, { year: y1 }), type: "weight", width: 12 },
      { id: "change", header: L.change[lang], type: "weight", width: 12 },
      { id: "mix", header: L.mix[lang], type: "weight", width: 14 },
      { id: "severity", header: L.severity[lang], type: "weight", width: 14 },
      { id: "driver", header: L.driver[lang], type: "text", width: 18 },
    ],
    rows: d.units.map((r) => rowOf(r, r.key)),
    totalRow: rowOf(o, L.overall[lang]),
    conditionalFormats: [
      { columnId: "change", rule: { kind: "lessThan", value: 0, ...BLUE } },
      { columnId: "severity", rule: { kind: "greaterThan", value: 0, ...AMBER } },
      { columnId: "driver", rule: { kind: "textEquals", text: DRIVER_LABELS.severity[lang], ...AMBER } },
    ],
    autoFilter: true,
  };
  const caption =
    lang === "zh"
      ? `对 CMI 变化贡献最大的 ADRG（共 ${d.adrgCount} 个，按 |结构 + 严重程度| 列出前 ${d.adrgs.length} 个）`
      : `ADRGs contributing most to the change (top ${d.adrgs.length} of ${d.adrgCount} by |mix + severity|)`;
  const adrgs: TableBlock = {
    kind: "table",
    caption,
    columns: [
      { id: "adrg", header: L.adrg[lang], type: "text", width: 20 },
      { id: "casesBefore", header: fill(L.casesIn, lang, { year: y0 }), type: "integer", width: 12 },
      { id: "casesAfter", header: fill(L.casesIn, lang, { year: y1 }), type: "integer", width: 12 },
      { id: "shareBefore", header: fill(L.shareIn, lang, { year: y0 }), type: "percent", width: 12 },
      { id: "shareAfter", header: fill(L.shareIn, lang, { year: y1 }), type: "percent", width: 12 },
      { id: "weightBefore", header: fill(L.weightIn, lang, { year: y0 }), type: "weight", width: 14 },
      { id: "weightAfter", header: fill(L.weightIn, lang, { year: y1 }), type: "weight", width: 14 },
      { id: "mix", header: L.mix[lang], type: "weight", width: 14 },
      { id: "severity", header: L.severity[lang], type: "weight", width: 14 },
      { id: "total", header: L.contribution[lang], type: "weight", width: 12 },
    ],
    rows: d.adrgs.map((a) => [
      a.adrg,
      a.casesBefore,
      a.casesAfter,
      cell(a.shareBefore),
      cell(a.shareAfter),
      cell(a.weightBefore),
      cell(a.weightAfter),
      cell(a.mix),
      cell(a.severity),
      cell(a.mix + a.severity),
    ]),
    conditionalFormats: [{ columnId: "severity", rule: { kind: "greaterThan", value: 0, ...AMBER } }],
  };
  return [{ kind: "text", text: note, style: "note" }, units, adrgs];
}

function modelName(m: CurveModel, lang: Lang): string {
  return CURVE_MODEL_NAMES[m][lang];
}

function curveBlocks(report: TrendsReport, c: CurveSection, lang: Lang): SheetModel["blocks"] {
  const L = TRENDS_LABELS;
  const s = report.settings;
  const best = c.models[0];
  const year = c.year ?? L.allRows[lang];
  const lo = fmt(1 - s.flagTolerance, 2, lang);
  const hi = fmt(1 + s.flagTolerance, 2, lang);
  const note =
    lang === "zh"
      ? `每个${unitLabel(report, lang)}一个点（${year}，病例数不少于 ${s.minCases}）：x = CMI，y = ln(例均费用)，按 SPSS 曲线估计的各模型拟合（复合、幂、S、增长、指数模型按 SPSS 做法再取对数拟合，其 R² 在该尺度上）。` +
        (best
          ? `按 R² 最优为${modelName(best.model, lang)}模型（R² ${fmt(best.rSquared, 3, lang)}）；预期例均费用 = e^(拟合值)，实际 / 预期高于 ${hi} 或低于 ${lo} 时标记。`
          : `点数太少或数据不允许，没有可用的模型。`)
      : `One point per ${unitLabel(report, lang).toLowerCase()} (${year}, at least ${s.minCases} cases): x = CMI, y = ln(mean cost per case), fitted with each SPSS curve-estimation model (compound, power, S, growth and exponential take ln once more, as SPSS does, and their R² is on that scale). ` +
        (best
          ? `Best by R²: ${modelName(best.model, lang)} (R² ${fmt(best.rSquared, 3, lang)}); expected cost = e^(fitted value); actual / expected above ${hi} or below ${lo} is flagged.`
          : `No model could be fitted (too few points, or the data do not allow it).`);
  const models: TableBlock = {
    kind: "table",
    caption: L.modelsCaption[lang],
    columns: [
      { id: "model", header: L.model[lang], type: "text", width: 20 },
      { id: "b0", header: "b0", type: "ratio", width: 12 },
      { id: "b1", header: "b1", type: "ratio", width: 12 },
      { id: "b2", header: "b2", type: "ratio", width: 12 },
      { id: "b3", header: "b3", type: "ratio", width: 12 },
      { id: "r2", header: L.rSquared[lang], type: "ratio", width: 14 },
      { id: "f", header: L.f[lang], type: "number", width: 14 },
      { id: "n", header: L.n[lang], type: "integer", width: 10 },
      { id: "note", header: L.note[lang], type: "text", width: 18 },
    ],
    rows: [
      ...c.models.map((m, i): CellValue[] => [
        modelName(m.model, lang),
        ...[0, 1, 2, 3].map((j) => (j < m.coefficients.length ? cell(m.coefficients[j]) : null)),
        cell(m.rSquared),
        cell(m.f),
        m.n,
        i === 0 ? L.bestModel[lang] : "",
      ]),
      ...c.failures.map((f): CellValue[] => [
        modelName(f.model, lang),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        f.reason[lang],
      ]),
    ],
    conditionalFormats: [
      { columnId: "note", rule: { kind: "textEquals", text: L.bestModel[lang], fill: "#C6EFCE", font: "#006100" } },
    ],
  };
  const units: TableBlock = {
    kind: "table",
    columns: [
      { id: "unit", header: unitLabel(report, lang), type: "text", width: 20 },
      { id: "cases", header: label("cases", lang), type: "integer", width: 12 },
      { id: "cmi", header: label("cmi", lang), type: "weight", width: 12 },
      { id: "meanCost", header: L.meanCost[lang], type: "money", width: 12 },
      { id: "lnCost", header: L.lnCost[lang], type: "ratio", width: 12 },
      { id: "expected", header: L.expected[lang], type: "money", width: 14 },
      { id: "ratio", header: L.ratio[lang], type: "ratio", width: 14 },
      { id: "flag", header: L.flag[lang], type: "text", width: 18 },
    ],
    rows: c.units.map((r) => [
      r.unit,
      r.cases,
      cell(r.cmi),
      cell(r.meanCost),
      cell(r.lnCost),
      cell(r.expected),
      cell(r.ratio),
      FLAG_LABELS[r.flag][lang],
    ]),
    conditionalFormats: [
      { columnId: "ratio", rule: { kind: "greaterThan", value: 1 + s.flagTolerance, ...RED } },
      { columnId: "ratio", rule: { kind: "lessThan", value: 1 - s.flagTolerance, ...BLUE } },
      { columnId: "flag", rule: { kind: "textEquals", text: FLAG_LABELS.high[lang], ...RED } },
      { columnId: "flag", rule: { kind: "textEquals", text: FLAG_LABELS.low[lang], ...BLUE } },
    ],
    autoFilter: true,
  };
  return [{ kind: "text", text: note, style: "note" }, models, units];
}

function curveChart(
  report: TrendsReport,
  c: CurveSection,
  lang: Lang,
  blockIndex: number,
  anchor: ChartModel["anchor"],
): ChartModel {
  const L = TRENDS_LABELS;
  const flags: CurveFlag[] = ["inLine", "high", "low"];
  const series = flags
    .map((flag) => {
      const rows: number[] = [];
      c.units.forEach((r, i) => {
        if (r.fitted && r.flag === flag) rows.push(i);
      });
      return {
        name: `${FLAG_LABELS[flag][lang]} (${rows.length})`,
        x: { blockIndex, columnId: "cmi" },
        y: { blockIndex, columnId: "meanCost" },
        rows,
        color: FLAG_COLORS[flag],
      };
    })
    .filter((s) => s.rows.length > 0);
  if (series.length === 0) {
    // No model: the fitted units, uncoloured.
    const rows = c.units.flatMap((r, i) => (r.fitted ? [i] : []));
    series.push({
      name: unitLabel(report, lang),
      x: { blockIndex, columnId: "cmi" },
      y: { blockIndex, columnId: "meanCost" },
      rows,
      color: FLAG_COLORS.notFitted,
    });
  }
  const best = c.models[0];
  return {
    kind: "scatter",
    title: `${L.chartTitle[lang]}${c.year ? ` (${c.year})` : ""}`,
    xTitle: label("cmi", lang),
    yTitle: L.meanCost[lang],
    series,
    ...(best && c.line.length > 1
      ? {
          line: {
            name: fill(L.fittedLine, lang, { model: modelName(best.model, lang), r2: fmt(best.rSquared, 3, lang) }),
            points: c.line,
          },
        }
      : {}),
    anchor,
  };
}

function trimText(w: TrendsReport["weights"], lang: Lang): string {
  const tr = w.trim;
  if (!tr) return "";
  const zh = lang === "zh";
  switch (tr.method) {
    case "none":
      return zh ? "不去除 (none)" : "none";
    case "percentile":
      return zh
        ? `保留第 ${(tr.pLow ?? 0) * 100} 至第 ${(tr.pHigh ?? 1) * 100} 百分位（percentile）`
        : `keep percentiles ${(tr.pLow ?? 0) * 100} to ${(tr.pHigh ?? 1) * 100} (percentile)`;
    case "iqr":
      return zh ? `Q1 − ${tr.k}×IQR 至 Q3 + ${tr.k}×IQR（iqr）` : `Q1 − ${tr.k} IQR to Q3 + ${tr.k} IQR (iqr)`;
    case "sd":
      return zh ? `均值 ± ${tr.k} 倍标准差（sd）` : `mean ± ${tr.k} SD (sd)`;
    default:
      return zh ? `对数费用均值 ± ${tr.k} 倍标准差（logsd）` : `ln(cost) mean ± ${tr.k} SD (logsd)`;
  }
}

function skipRows(skipped: Partial<Record<TrendsSkip, number>>, prefix: string, lang: Lang): [string, CellValue][] {
  return (Object.entries(skipped) as [TrendsSkip, number][])
    .filter(([, rows]) => rows > 0)
    .map(([reason, rows]) => [`${prefix}${colon(lang)}${TRENDS_SKIP_LABELS[reason][lang]}`, rows]);
}

function parameterBlocks(report: TrendsReport, lang: Lang): KeyValueBlock[] {
  const L = TRENDS_LABELS;
  const G = (k: keyof typeof LABELS) => label(k, lang);
  const s = report.settings;
  const w = report.weights;
  const d = report.decomposition;
  const c = report.curve;
  const q = report.quality;
  const settings: [string, CellValue][] = [
    [
      G("weightSource"),
      w.source === "data" ? G("weightsFromData") : `${G("weightsFromTable")}${colon(lang)}${w.tableName}`,
    ],
  ];
  if (w.source === "data") {
    settings.push([G("trim"), trimText(w, lang)], [G("weightMinCases"), w.minCases ?? null]);
    if (w.years) settings.push([G("years"), list(w.years, lang)]);
    if (w.yearWeights) settings.push([G("yearWeights"), list(w.yearWeights, lang)]);
    settings.push([G("allCaseMean"), cell(w.allCaseMean ?? NaN)]);
  }
  settings.push(
    [G("unit"), unitLabel(report, lang)],
    [
      L.levelSource[lang],
      s.levels.source === "benchmark"
        ? `${L.levelsFromBenchmark[lang]}${colon(lang)}${s.levels.name}`
        : L.levelsFromData[lang],
    ],
    [L.period[lang], d.available ? `${d.before} → ${d.after}` : "—"],
    [L.curveYear[lang], c.available ? (c.year ?? L.allRows[lang]) : "—"],
    [L.curveY[lang], L.curveYValue[lang]],
    [L.minCases[lang], s.minCases],
    [L.flagTolerance[lang], `${fmt(1 - s.flagTolerance, 2, lang)} – ${fmt(1 + s.flagTolerance, 2, lang)}`],
    [L.topAdrgs[lang], s.topAdrgs],
  );
  const data: [string, CellValue][] = [
    [G("source"), report.context.source],
    ...(report.context.sheet ? [[G("sheet"), report.context.sheet] as [string, CellValue]] : []),
    ...(report.context.encoding ? [[G("encoding"), report.context.encoding] as [string, CellValue]] : []),
    [G("headerRow"), report.headerRow],
    [G("rowsRead"), report.rowsRead],
    [G("rowsUsed"), report.rowsUsed],
    ...skipRows(report.skipped, G("skipped"), lang),
    [G("years"), report.years.length > 0 ? list(report.years, lang) : "—"],
  ];
  const section = (name: Text, rows: SectionRows | undefined) => {
    if (!rows) return;
    const title = fill(L.rowsSection, lang, { section: name[lang] });
    data.push([title, rows.used], ...skipRows(rows.skipped, title, lang));
  };
  section(L.sectionQuality, q.available ? q.rows : undefined);
  section(L.sectionDecomposition, d.available ? d.rows : undefined);
  section(L.sectionCurve, c.available ? c.rows : undefined);
  if (w.missingCodes.length > 0) {
    const codes = w.missingCodes;
    data.push([G("missingWeights"), list(codes.length > 30 ? [...codes.slice(0, 30), "…"] : codes, lang)]);
  }
  const results: [string, CellValue][] = [];
  if (q.available) results.push([L.lowRiskTotal[lang], cell(q.overall.rate)]);
  if (d.available)
    results.push(
      [L.cmiChange[lang], cell(d.overall.change)],
      [L.mix[lang], cell(d.overall.mix)],
      [L.severity[lang], cell(d.overall.severity)],
    );
  if (c.available && c.models[0]) {
    results.push(
      [L.bestModel[lang], `${modelName(c.models[0].model, lang)} (R² ${fmt(c.models[0].rSquared, 4, lang)})`],
      [L.unitsFlagged[lang], c.units.filter((u) => u.flag === "high" || u.flag === "low").length],
    );
  }
  const mapping = mappingRows(report.columns, lang);
  const about: [string, CellValue][] = [
    [G("version"), report.context.version],
    [G("time"), report.context.time.toISOString()],
    [G("language"), lang],
  ];
  const kv = (caption: string, rows: [string, CellValue][]): KeyValueBlock => ({ kind: "keyValue", caption, rows });
  return [
    kv(G("settings"), settings),
    kv(G("data"), data),
    kv(G("columnMapping"), mapping),
    kv(G("results"), results),
    kv(G("about"), about),
  ];
}

function levelsBlock(q: QualitySection, lang: Lang): TableBlock {
  const L = TRENDS_LABELS;
  return {
    kind: "table",
    caption: L.levelsTitle[lang],
    columns: [
      { id: "group", header: label("group", lang), type: "text", width: 20 },
      { id: "name", header: label("groupName", lang), type: "text", width: 12 },
      { id: "cases", header: label("cases", lang), type: "integer", width: 12 },
      { id: "deaths", header: L.deaths[lang], type: "integer", width: 12 },
      { id: "mortality", header: L.mortality[lang], type: "percent", width: 12 },
      { id: "z", header: L.z[lang], type: "ratio", width: 14 },
      { id: "level", header: L.level[lang], type: "integer", width: 14 },
      { id: "risk", header: L.risk[lang], type: "text", width: 14 },
    ],
    rows: q.groups.map((g) => [
      g.group,
      g.name,
      g.cases,
      g.deaths,
      cell(g.mortality),
      cell(g.z),
      g.level,
      RISK_LEVEL_LABELS[g.level][lang],
    ]),
    conditionalFormats: RISK_LEVEL_LABELS.map((text, level) => ({
      columnId: "risk",
      rule: { kind: "textEquals" as const, text: text[lang], fill: RISK_FILLS[level] },
    })),
    autoFilter: true,
  };
}

/** The workbook model: one sheet 趋势与质量 (Trends and Quality in English). */
export function trendsWorkbook(report: TrendsReport, lang: Lang): WorkbookModel {
  const L = TRENDS_LABELS;
  const blocks: SheetModel["blocks"] = [{ kind: "text", text: L.title[lang], style: "title" }];
  const q = report.quality;
  const d = report.decomposition;
  const c = report.curve;
  if (q.available) blocks.push(...qualityBlocks(report, q, lang));
  else blocks.push({ kind: "text", text: L.qualityTitle[lang], style: "title" }, warningBlock(q, lang));
  blocks.push({ kind: "text", text: L.decompositionTitle[lang], style: "title" });
  if (d.available) blocks.push(...decompositionBlocks(report, d, lang));
  else blocks.push(warningBlock(d, lang));
  blocks.push({ kind: "text", text: L.curveTitle[lang], style: "title" });
  let curveAt = -1;
  if (c.available) {
    blocks.push(...curveBlocks(report, c, lang));
    curveAt = blocks.length - 1;
  } else blocks.push(warningBlock(c, lang));
  blocks.push({ kind: "text", text: L.parametersTitle[lang], style: "title" }, ...parameterBlocks(report, lang));
  if (q.available) blocks.push(levelsBlock(q, lang));
  const sheet: SheetModel = { name: L.sheet[lang], blocks };
  if (c.available && curveAt >= 0 && c.units.some((u) => u.fitted)) {
    let widest = 0;
    for (const b of blocks) if (b.kind === "table") widest = Math.max(widest, b.columns.length);
    // Beside the curve's model table (the block before the units), right of every table.
    const at = placeBlocks(sheet)[curveAt - 1].top;
    sheet.charts = [curveChart(report, c, lang, curveAt, { row: at, column: widest + 1, width: 9, height: 24 })];
  }
  return { lang, sheets: [sheet] };
}
