/**
 * The four-quadrant and incentive report (DOMAIN.md "Four-quadrant analysis and incentives"):
 * engine results turned into numbers (`computeQuadrantReport`), into a workbook model
 * (`quadrantWorkbook`: sheets 四象限分析 / 绩效激励 / 参数) and into the JSON of the command line
 * (`quadrantJson`). Knows nothing about Office.js or files.
 *
 * Steps, so that an auditor can redo them:
 * 1. Weights: computed from every row of the data (relativeWeights on 住院总费用, trimmed, years
 *    blended 1:2:7) or taken from a weight table.
 * 2. Rows analysed: each row is counted once under the first reason that leaves it out:
 *    blank row, empty group, blank or zero case count, other year (or no year) when one year is
 *    analysed, group without a weight. The others are the cases of the report.
 * 3. Per group: cases, revenue (insurance + self-pay), cost at the layer, contribution, rate,
 *    RW; the quadrant and coefficient (quadrants.ts) with x cut at the hospital CMI of the
 *    analysed cases (caseMix), 1, the median RW or a number, and y cut at 0, the median rate or
 *    a number; points = cases x RW x coefficient.
 * 4. Per unit (department, doctor or both): cases, total weight, CMI, points, amount
 *    (incentives.ts). Rows with an empty unit are left out of the unit table only.
 */
import { CaseTable, missingColumnsError } from "../engine/caseTable";
import { caseMix } from "../engine/caseMix";
import { compareCodes, normalizeCode } from "../engine/codes";
import { ColumnName } from "../engine/columns";
import { mappingRows, sourceColumns } from "./columnSources";
import { standardizedWeightTable } from "./standardizedSource";
import { CATEGORY_COLUMNS } from "../engine/exportLayouts";
import { IncentiveMoney, unitIncentives } from "../engine/incentives";
import { CostParts, layerParts, marginContribution, MarginLayer } from "../engine/margins";
import {
  classifyQuadrants,
  Coefficients,
  DEFAULT_COEFFICIENTS,
  Quadrant,
  QUADRANTS,
  XCutRule,
  YCutRule,
} from "../engine/quadrants";
import { relativeWeights } from "../engine/relativeWeights";
import { CaseMixError, Lang } from "../engine/text";
import { DEFAULT_K, DEFAULT_TRIM, TrimOptions } from "../engine/trimming";
import { WeightTable } from "../engine/weightTable";
import {
  COST_LABELS,
  CONTRIBUTION_LABELS,
  label,
  LABELS,
  quadrantLabel,
  RATE_LABELS,
  SKIP_LABELS,
  SkipReason,
} from "./i18n";
import {
  CellValue,
  ChartModel,
  ColumnModel,
  ConditionalFormat,
  KeyValueBlock,
  SheetModel,
  TableBlock,
  WorkbookModel,
  placeBlocks,
} from "./model";

export type UnitDimension = "department" | "doctor";
export type UnitChoice = UnitDimension | "both";

export type WeightSource =
  | {
      source: "data";
      trim?: TrimOptions;
      /** One per distinct year, oldest first (default 1, 2, 7 for three years). */
      yearWeights?: number[];
      /** Groups with fewer cases are not trimmed and flagged (default: the report's minCases). */
      minCases?: number;
    }
  | { source: "table"; table: WeightTable; /** File name or range address, for the parameters sheet. */ name: string }
  /** The five-category standardized weight (standardizedSource.ts); shares default 0.2 each. */
  | { source: "standardized"; shares?: number[] };

export interface QuadrantSettings {
  layer: MarginLayer;
  xCut: XCutRule;
  yCut: YCutRule;
  minCases: number;
  coefficients: Coefficients;
  /** The user's own quadrant names, in the report's language. */
  labels?: Partial<Record<Quadrant, string>>;
  money: IncentiveMoney;
  unit: UnitChoice;
  weights: WeightSource;
  /** Analyse only the cases of this year (weights still come from every year). */
  year?: string;
}

export const DEFAULT_QUADRANT_SETTINGS: Readonly<QuadrantSettings> = {
  layer: "marginal",
  xCut: "cmi",
  yCut: 0,
  minCases: 5,
  coefficients: { ...DEFAULT_COEFFICIENTS },
  money: { mode: "perPoint", moneyPerPoint: 1 },
  unit: "department",
  weights: { source: "data" },
};

export interface ReportContext {
  /** Where the data came from: a file path or a range address. */
  source: string;
  sheet?: string;
  encoding?: string;
  /** CaseMix version (package.json). */
  version: string;
  /** When the report was built (default now). */
  time?: Date;
}

export interface GroupRow {
  group: string;
  name: string;
  cases: number;
  rw: number;
  revenue: number;
  cost: number;
  contribution: number;
  /** NaN when the group has no revenue. */
  rate: number;
  quadrant: Quadrant;
  coefficient: number;
  /** cases x RW x coefficient. */
  points: number;
}

export interface UnitRow {
  unit: string;
  cases: number;
  totalWeight: number;
  cmi: number;
  points: number;
  amount: number;
}

export interface UnitTable {
  dimension: UnitDimension;
  rows: UnitRow[];
  total: UnitRow;
  /** Rows with an empty unit cell, left out of this table. */
  emptyUnitRows: number;
}

export interface QuadrantReport {
  settings: QuadrantSettings;
  context: ReportContext & { time: Date };
  /** Canonical column -> header of the source ("A + B" when added up: columnSources.ts). */
  columns: Partial<Record<ColumnName, string>>;
  /** Rows kept but flagged (five categories off the total). */
  flagged?: CaseTable["flagged"];
  headerRow: number;
  rowsRead: number;
  rowsUsed: number;
  /** Rows left out, by reason (only reasons that occurred). */
  skipped: Partial<Record<SkipReason, number>>;
  weights: {
    source: "data" | "table" | "standardized";
    /** The shares of the five categories applied (standardized weights). */
    shares?: number[];
    tableName?: string;
    trim?: { method: string; k: number; pLow?: number; pHigh?: number };
    minCases?: number;
    years?: string[];
    yearWeights?: number[];
    allCaseMean?: number;
    /** Groups of the analysed rows that have no weight (their rows are skipped). */
    missingCodes: string[];
  };
  hospital: {
    cases: number;
    totalWeight: number;
    cmi: number;
    groups: number;
    revenue: number;
    cost: number;
    contribution: number;
    rate: number;
    points: number;
  };
  cuts: { x: number; y: number };
  quadrantCounts: Record<Quadrant, number>;
  /** Sorted by quadrant (strategic, competitive, suitable, weak, unclassified), then by code. */
  groups: GroupRow[];
  units: UnitTable[];
}

/** The units a choice stands for. */
export function unitDimensions(unit: UnitChoice): UnitDimension[] {
  return unit === "both" ? ["department", "doctor"] : [unit];
}

/** Columns the report cannot be built without, for these settings. */
export function requiredColumns(settings: Pick<QuadrantSettings, "layer" | "unit" | "weights" | "year">): ColumnName[] {
  const out: ColumnName[] = ["drg", "insurancePaid", "selfPay", "drugCost", "materialCost"];
  if (settings.layer !== "marginal") out.push("allocatedDirect");
  if (settings.layer === "gross" || settings.layer === "net") out.push("allocatedAux");
  if (settings.layer === "net") out.push("allocatedAdmin");
  if (settings.weights.source === "data") out.push("totalCost");
  if (settings.weights.source === "standardized") out.push(...CATEGORY_COLUMNS);
  out.push(...unitDimensions(settings.unit));
  return out;
}

/** Columns the report reads (the required ones, the group name, counts and the year). */
export function reportColumns(settings: Pick<QuadrantSettings, "layer" | "unit" | "weights" | "year">): ColumnName[] {
  const out: ColumnName[] = [...requiredColumns(settings), "drgName", "cases", "year", "dischargeDate"];
  // With the five categories read, the total is read too: records off it are counted.
  if (settings.weights.source === "standardized") out.push("totalCost");
  return out;
}

function checkColumns(table: CaseTable, settings: QuadrantSettings): void {
  const missing = requiredColumns(settings).filter((c) => {
    if (c === "drg") return false;
    if (c === "department" || c === "doctor") return table[c] === undefined;
    return table.numbers[c as keyof CaseTable["numbers"]] === undefined;
  });
  if (missing.length > 0) throw missingColumnsError(missing, table.headers);
}

function dataWeights(table: CaseTable, settings: QuadrantSettings, w: Extract<WeightSource, { source: "data" }>) {
  const groups = relativeWeights(
    {
      groups: table.groups,
      costs: table.numbers.totalCost as Float64Array,
      counts: table.numbers.cases,
      years: table.years,
    },
    {
      trim: w.trim ?? DEFAULT_TRIM,
      minCases: w.minCases ?? settings.minCases,
      yearWeights: w.yearWeights,
      firstRow: table.firstDataRow,
    },
  );
  const index = new Map<string, number>();
  groups.codes.forEach((code, i) => index.set(code, i));
  const wt: WeightTable = {
    codes: groups.codes,
    weights: groups.weight,
    index,
    weightOf: (code) => {
      const at = index.get(normalizeCode(code));
      return at === undefined ? NaN : groups.weight[at];
    },
  };
  return { table: wt, groups };
}

/**
 * Computes the report from a case table; see the module comment. Throws (with the column
 * names) when a column the settings need is missing, and on the engine's errors.
 */
export function computeQuadrantReport(
  table: CaseTable,
  settings: QuadrantSettings,
  context: ReportContext,
): QuadrantReport {
  checkColumns(table, settings);
  const n = table.rowCount;
  const ids = table.groups.ids;
  const counts = table.numbers.cases;
  const skipped: Partial<Record<SkipReason, number>> = {};
  const bump = (reason: SkipReason, by = 1) => {
    skipped[reason] = (skipped[reason] ?? 0) + by;
  };
  if (table.skipped.blankRows) bump("blankRow", table.skipped.blankRows);
  if (table.skipped.emptyGroup) bump("emptyGroup", table.skipped.emptyGroup);

  // 1. Weights.
  let weights: WeightTable;
  let weightInfo: QuadrantReport["weights"];
  if (settings.weights.source === "data") {
    const computed = dataWeights(table, settings, settings.weights);
    weights = computed.table;
    const trim = settings.weights.trim ?? DEFAULT_TRIM;
    weightInfo = {
      source: "data",
      trim: {
        method: trim.method,
        k: trim.k ?? DEFAULT_K[trim.method],
        ...(trim.method === "percentile" ? { pLow: trim.pLow ?? 0.05, pHigh: trim.pHigh ?? 0.95 } : {}),
      },
      minCases: settings.weights.minCases ?? settings.minCases,
      years: computed.groups.years,
      yearWeights: computed.groups.yearWeights,
      allCaseMean: computed.groups.allCaseMean,
      missingCodes: [],
    };
    if (computed.groups.skipped.missingCost) bump("noCost", computed.groups.skipped.missingCost);
  } else if (settings.weights.source === "standardized") {
    const computed = standardizedWeightTable(table, settings.weights.shares, settings.minCases);
    weights = computed.table;
    weightInfo = {
      source: "standardized",
      shares: computed.groups.usedShares,
      minCases: settings.minCases,
      missingCodes: [],
    };
    if (computed.groups.skipped.missingCost) bump("noCost", computed.groups.skipped.missingCost);
  } else {
    weights = settings.weights.table;
    weightInfo = { source: "table", tableName: settings.weights.name, missingCodes: [] };
  }

  // 2. The rows analysed: effective case count per row, 0 when left out.
  const weightById = new Float64Array(table.groups.codes.length);
  table.groups.codes.forEach((code, g) => {
    const at = weights.index.get(code);
    weightById[g] = at === undefined ? NaN : weights.weights[at];
  });
  let yearId = -1;
  if (settings.year !== undefined) {
    if (!table.years) {
      throw new CaseMixError("value", {
        en: `year ${settings.year}: the data has no year or discharge date column`,
        zh: `年份 ${settings.year}：数据中没有年份或出院日期列`,
      });
    }
    yearId = table.years.codes.indexOf(settings.year);
    if (yearId < 0) {
      throw new CaseMixError("value", {
        en: `year ${settings.year}: no case of that year; the data has ${table.years.codes.join(", ")}`,
        zh: `年份 ${settings.year}：没有该年份的病例；数据中的年份为 ${table.years.codes.join("、")}`,
      });
    }
  }
  const yearIds = table.years?.ids;
  const eff = new Float64Array(n);
  const missing = new Set<number>();
  let rowsUsed = 0;
  for (let i = 0; i < n; i++) {
    const g = ids[i];
    if (g < 0) continue; // blank row or empty group, counted by the table
    const c = counts ? counts[i] : 1;
    if (!(c > 0)) {
      bump("noCases");
      continue;
    }
    if (yearId >= 0) {
      const y = (yearIds as Int32Array)[i];
      if (y < 0) {
        bump("noYear");
        continue;
      }
      if (y !== yearId) {
        bump("otherYear");
        continue;
      }
    }
    const w = weightById[g];
    if (!(w === w)) {
      bump("noWeight");
      missing.add(g);
      continue;
    }
    eff[i] = c;
    rowsUsed++;
  }
  weightInfo.missingCodes = [...missing].map((g) => table.groups.codes[g]).sort(compareCodes);

  // 3. Groups: margins, RW, quadrants, points.
  const mix = caseMix({ groups: table.groups, counts: eff }, weights, { missing: "exclude" });
  const num = table.numbers;
  const parts: CostParts = {
    drug: num.drugCost as Float64Array,
    material: num.materialCost as Float64Array,
    allocatedDirect: num.allocatedDirect,
    allocatedAux: num.allocatedAux,
    allocatedAdmin: num.allocatedAdmin,
  };
  // Revenue and the layer's cost added across inside the one pass (no per-row columns made).
  const margin = marginContribution({
    revenue: [num.insurancePaid as Float64Array, num.selfPay as Float64Array],
    cost: layerParts(settings.layer).map((name) => parts[name] as Float64Array),
    counts: eff,
    by: table.groups,
  });
  const marginRows = (margin.rows ?? []).slice().sort((a, b) => compareCodes(a.key, b.key));
  const idOf = new Map<string, number>();
  table.groups.codes.forEach((code, g) => idOf.set(code, g));
  const rw = Float64Array.from(marginRows, (r) => weightById[idOf.get(r.key) as number]);
  const quadrants = classifyQuadrants(
    { rw, rate: Float64Array.from(marginRows, (r) => r.rate), cases: Float64Array.from(marginRows, (r) => r.cases) },
    {
      xCut: settings.xCut,
      yCut: settings.yCut,
      cmi: mix.overall.cmi,
      minCases: settings.minCases,
      coefficients: settings.coefficients,
    },
  );
  const groups: GroupRow[] = marginRows.map((r, j) => ({
    group: r.key,
    name: table.groupNames[idOf.get(r.key) as number] ?? "",
    cases: r.cases,
    rw: rw[j],
    revenue: r.revenue,
    cost: r.cost,
    contribution: r.contribution,
    rate: r.rate,
    quadrant: quadrants.quadrant[j],
    coefficient: quadrants.coefficient[j],
    points: r.cases * rw[j] * quadrants.coefficient[j],
  }));
  const rank = (q: Quadrant) => QUADRANTS.indexOf(q);
  groups.sort((a, b) => rank(a.quadrant) - rank(b.quadrant) || compareCodes(a.group, b.group));
  let totalPoints = 0;
  for (const g of groups) totalPoints += g.points;

  // 4. Units.
  const coefficientOf = new Map<string, number>();
  for (const g of groups) coefficientOf.set(g.group, g.coefficient);
  const units: UnitTable[] = unitDimensions(settings.unit).map((dimension) => {
    const by = table[dimension];
    if (!by) throw missingColumnsError([dimension], table.headers);
    const r = unitIncentives({ groups: table.groups, counts: eff, by }, weights, coefficientOf, settings.money);
    if (r.skipped.emptyKey) bump("emptyUnit", r.skipped.emptyKey);
    const row = (x: (typeof r.rows)[number]): UnitRow => ({
      unit: x.key,
      cases: x.cases,
      totalWeight: x.totalWeight,
      cmi: x.cmi,
      points: x.points,
      amount: x.amount,
    });
    return { dimension, rows: r.rows.map(row), total: row(r.total), emptyUnitRows: r.skipped.emptyKey };
  });

  const columns = sourceColumns(table);

  const o = margin.overall;
  return {
    settings,
    context: { ...context, time: context.time ?? new Date() },
    columns,
    headerRow: table.headerRowNumber,
    rowsRead: n,
    rowsUsed,
    skipped,
    flagged: table.flagged,
    weights: weightInfo,
    hospital: {
      cases: mix.overall.cases,
      totalWeight: mix.overall.totalWeight,
      cmi: mix.overall.cmi,
      groups: mix.overall.groupCount,
      revenue: o.revenue,
      cost: o.cost,
      contribution: o.contribution,
      rate: o.rate,
      points: totalPoints,
    },
    cuts: { x: quadrants.xCut, y: quadrants.yCut },
    quadrantCounts: quadrants.counts,
    groups,
    units,
  };
}

// ---------------------------------------------------------------------------------------
// JSON (command line --json)
// ---------------------------------------------------------------------------------------

/** A number for JSON: NaN and infinities become null. */
function jsonNumber(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

function cutRule(rule: XCutRule | YCutRule): string | number {
  return rule;
}

/** The report's settings and bookkeeping as plain JSON (the `parameters` of --json and of the 参数 sheet). */
export function reportParameters(report: QuadrantReport): Record<string, unknown> {
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
    rows: { read: report.rowsRead, used: report.rowsUsed, skipped: report.skipped, flagged: report.flagged ?? null },
    weights: report.weights,
    year: s.year ?? null,
    layer: s.layer,
    xCut: { rule: cutRule(s.xCut), value: jsonNumber(report.cuts.x) },
    yCut: { rule: cutRule(s.yCut), value: jsonNumber(report.cuts.y) },
    minCases: s.minCases,
    coefficients: s.coefficients,
    labels: s.labels ?? null,
    incentive: s.money,
    unit: s.unit,
    hospital: Object.fromEntries(Object.entries(report.hospital).map(([k, v]) => [k, jsonNumber(v)])),
    quadrants: report.quadrantCounts,
  };
}

/**
 * The JSON of `casemix report --json`: groups, units (with `dimension` added when both
 * departments and doctors are reported) and parameters. NaN becomes null.
 */
export function quadrantJson(report: QuadrantReport): {
  groups: Record<string, unknown>[];
  units: Record<string, unknown>[];
  parameters: Record<string, unknown>;
} {
  const both = report.units.length > 1;
  return {
    groups: report.groups.map((g) => ({
      group: g.group,
      name: g.name,
      cases: g.cases,
      rw: jsonNumber(g.rw),
      revenue: g.revenue,
      cost: g.cost,
      contribution: g.contribution,
      rate: jsonNumber(g.rate),
      quadrant: g.quadrant,
      coefficient: g.coefficient,
      points: jsonNumber(g.points),
    })),
    units: report.units.flatMap((t) =>
      t.rows.map((u) => ({
        ...(both ? { dimension: t.dimension } : {}),
        unit: u.unit,
        cases: u.cases,
        totalWeight: u.totalWeight,
        cmi: jsonNumber(u.cmi),
        points: u.points,
        amount: u.amount,
      })),
    ),
    parameters: reportParameters(report),
  };
}

// ---------------------------------------------------------------------------------------
// Workbook model
// ---------------------------------------------------------------------------------------

/** Fills of the quadrant cells and colours of the chart's series. */
export const QUADRANT_FILLS: Record<Quadrant, string> = {
  strategic: "#C6EFCE",
  competitive: "#DDEBF7",
  suitable: "#FFEB9C",
  weak: "#FFC7CE",
  unclassified: "#EDEDED",
};
export const QUADRANT_COLORS: Record<Quadrant, string> = {
  strategic: "#2E7D32",
  competitive: "#1F77B4",
  suitable: "#E0A000",
  weak: "#C62828",
  unclassified: "#9E9E9E",
};

const cell = (x: number): CellValue => (Number.isFinite(x) ? x : null);
const colon = (lang: Lang) => (lang === "zh" ? "：" : ": ");
const paren = (text: string, lang: Lang) => (lang === "zh" ? `（${text}）` : ` (${text})`);

function formatNumber(x: number, digits: number, lang: Lang): string {
  if (!Number.isFinite(x)) return "—";
  return x.toLocaleString(lang === "zh" ? "zh-CN" : "en-US", {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

function xCutText(report: QuadrantReport, lang: Lang): string {
  const rule = report.settings.xCut;
  const how =
    rule === "cmi" ? label("cmiRule", lang) : rule === "median" ? label("medianRule", lang) : label("fixedRule", lang);
  return `${formatNumber(report.cuts.x, 4, lang)}${paren(how, lang)}`;
}

function yCutText(report: QuadrantReport, lang: Lang): string {
  const rule = report.settings.yCut;
  const how = rule === "median" ? label("medianRule", lang) : label("fixedRule", lang);
  return `${formatNumber(report.cuts.y * 100, 2, lang)}%${paren(how, lang)}`;
}

function quadrantSheet(report: QuadrantReport, lang: Lang): SheetModel {
  const s = report.settings;
  const columns: ColumnModel[] = [
    { id: "group", header: label("group", lang), type: "text", width: 10 },
    { id: "name", header: label("groupName", lang), type: "text", width: 34 },
    { id: "cases", header: label("cases", lang), type: "integer", width: 9 },
    { id: "rw", header: label("rw", lang), type: "weight", width: 12 },
    { id: "revenue", header: label("revenue", lang), type: "money", width: 15 },
    { id: "cost", header: COST_LABELS[s.layer][lang], type: "money", width: 15 },
    { id: "contribution", header: CONTRIBUTION_LABELS[s.layer][lang], type: "money", width: 15 },
    { id: "rate", header: RATE_LABELS[s.layer][lang], type: "percent", width: 12 },
    { id: "quadrant", header: label("quadrant", lang), type: "text", width: 12 },
    { id: "coefficient", header: label("coefficient", lang), type: "number", width: 10 },
    { id: "points", header: label("points", lang), type: "number", width: 12 },
  ];
  const rows: CellValue[][] = report.groups.map((g) => [
    g.group,
    g.name,
    g.cases,
    cell(g.rw),
    g.revenue,
    g.cost,
    g.contribution,
    cell(g.rate),
    quadrantLabel(g.quadrant, lang, s.labels),
    g.coefficient,
    cell(g.points),
  ]);
  const h = report.hospital;
  const conditionalFormats: ConditionalFormat[] = [
    { columnId: "rate", rule: { kind: "lessThan", value: 0, fill: "#FFC7CE", font: "#9C0006" } },
    { columnId: "contribution", rule: { kind: "lessThan", value: 0, fill: "#FFC7CE", font: "#9C0006" } },
    ...QUADRANTS.map((q): ConditionalFormat => ({
      columnId: "quadrant",
      rule: { kind: "textEquals", text: quadrantLabel(q, lang, s.labels), fill: QUADRANT_FILLS[q] },
    })),
    { columnId: "points", rule: { kind: "dataBar", color: "#5B9BD5" } },
  ];
  const table: TableBlock = {
    kind: "table",
    columns,
    rows,
    totalRow: [
      label("total", lang),
      "",
      h.cases,
      cell(h.cmi),
      h.revenue,
      h.cost,
      h.contribution,
      cell(h.rate),
      "",
      "",
      cell(h.points),
    ],
    conditionalFormats,
    autoFilter: true,
  };
  const note =
    lang === "zh"
      ? `${label("cutX", lang)} RW = ${xCutText(report, lang)}；${label("cutY", lang)} ${RATE_LABELS[s.layer].zh} = ${yCutText(report, lang)}；` +
        `病例数少于 ${s.minCases} 的病组不分类（系数 ${s.coefficients.unclassified}）；合计行的相对权重列为医院 CMI。`
      : `${label("cutX", lang)}: RW = ${xCutText(report, lang)}; ${label("cutY", lang)}: ${RATE_LABELS[s.layer].en.toLowerCase()} = ${yCutText(report, lang)}; ` +
        `groups with fewer than ${s.minCases} cases are not classified (coefficient ${s.coefficients.unclassified}); the total row's RW is the hospital CMI.`;
  const sheet: SheetModel = {
    name: label("sheetQuadrants", lang),
    blocks: [
      {
        kind: "text",
        text: `${label("quadrantTitle", lang)}${colon(lang)}${label("rw", lang)} × ${RATE_LABELS[s.layer][lang]}`,
        style: "title",
      },
      { kind: "text", text: note, style: "note" },
      table,
    ],
  };
  const placement = placeBlocks(sheet);
  sheet.freeze = { rows: placement[2].firstDataRow, columns: 2 };
  sheet.charts = [quadrantChart(report, lang, 2, columns.length + 1)];
  return sheet;
}

function quadrantChart(report: QuadrantReport, lang: Lang, blockIndex: number, column: number): ChartModel {
  const s = report.settings;
  // The unclassified groups have too few cases for their rates to mean much: the table lists
  // them, the chart leaves them out.
  const series = QUADRANTS.filter((q) => q !== "unclassified")
    .map((q) => {
      const rows: number[] = [];
      report.groups.forEach((g, i) => {
        if (g.quadrant === q && Number.isFinite(g.rw) && Number.isFinite(g.rate)) rows.push(i);
      });
      return {
        name: `${quadrantLabel(q, lang, s.labels)} (${report.quadrantCounts[q]})`,
        x: { blockIndex, columnId: "rw" },
        y: { blockIndex, columnId: "rate" },
        rows,
        color: QUADRANT_COLORS[q],
      };
    })
    .filter((x) => x.rows.length > 0);
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of series) {
    for (const i of s.rows) {
      lo = Math.min(lo, report.groups[i].rw);
      hi = Math.max(hi, report.groups[i].rw);
    }
  }
  return {
    logX: lo > 0 && hi / lo > 20,
    kind: "scatter",
    title: label("chartTitle", lang),
    xTitle: label("rw", lang),
    yTitle: RATE_LABELS[s.layer][lang],
    series,
    cutLines: { x: report.cuts.x, y: report.cuts.y },
    cornerLabels: {
      topRight: quadrantLabel("strategic", lang, s.labels),
      bottomRight: quadrantLabel("competitive", lang, s.labels),
      topLeft: quadrantLabel("suitable", lang, s.labels),
      bottomLeft: quadrantLabel("weak", lang, s.labels),
    },
    anchor: { row: 2, column, width: 10, height: 26 },
  };
}

function unitBlock(t: UnitTable, lang: Lang): TableBlock {
  const name = t.dimension === "department" ? label("department", lang) : label("doctor", lang);
  const u = t.total;
  return {
    kind: "table",
    caption: name,
    columns: [
      { id: "unit", header: name, type: "text", width: 18 },
      { id: "cases", header: label("cases", lang), type: "integer", width: 10 },
      { id: "totalWeight", header: label("totalWeight", lang), type: "number", width: 14 },
      { id: "cmi", header: label("cmi", lang), type: "weight", width: 10 },
      { id: "points", header: label("points", lang), type: "number", width: 14 },
      { id: "amount", header: label("amount", lang), type: "money", width: 16 },
    ],
    rows: t.rows.map((r) => [r.unit, r.cases, r.totalWeight, cell(r.cmi), r.points, r.amount]),
    totalRow: [label("total", lang), u.cases, u.totalWeight, cell(u.cmi), u.points, u.amount],
    conditionalFormats: [{ columnId: "amount", rule: { kind: "dataBar", color: "#63BE7B" } }],
    autoFilter: true,
  };
}

function incentiveSheet(report: QuadrantReport, lang: Lang): SheetModel {
  const m = report.settings.money;
  const how =
    m.mode === "pool"
      ? `${label("pool", lang)} ${formatNumber(m.pool, 2, lang)}${colon(lang)}${label("poolNote", lang)}`
      : `${label("perPoint", lang)} ${formatNumber(m.moneyPerPoint, 2, lang)}${colon(lang)}${label("perPointNote", lang)}`;
  const sep = lang === "zh" ? "；" : "; ";
  const blocks: SheetModel["blocks"] = [
    { kind: "text", text: label("incentiveTitle", lang), style: "title" },
    { kind: "text", text: label("pointsNote", lang) + sep + how, style: "note" },
  ];
  for (const t of report.units) {
    blocks.push(unitBlock(t, lang));
    if (t.emptyUnitRows > 0) {
      blocks.push({
        kind: "text",
        text: `${SKIP_LABELS.emptyUnit[lang]}${colon(lang)}${t.emptyUnitRows}`,
        style: "warning",
      });
    }
  }
  const sheet: SheetModel = { name: label("sheetIncentives", lang), blocks };
  if (report.units.length === 1) sheet.freeze = { rows: placeBlocks(sheet)[2].firstDataRow, columns: 1 };
  return sheet;
}

function trimText(report: QuadrantReport, lang: Lang): string {
  const t = report.weights.trim;
  if (!t) return "";
  const zh = lang === "zh";
  switch (t.method) {
    case "none":
      return zh ? "不去除 (none)" : "none";
    case "percentile":
      return zh
        ? `保留第 ${(t.pLow ?? 0) * 100} 至第 ${(t.pHigh ?? 1) * 100} 百分位（percentile）`
        : `keep percentiles ${(t.pLow ?? 0) * 100} to ${(t.pHigh ?? 1) * 100} (percentile)`;
    case "iqr":
      return zh ? `Q1 − ${t.k}×IQR 至 Q3 + ${t.k}×IQR（iqr）` : `Q1 − ${t.k} IQR to Q3 + ${t.k} IQR (iqr)`;
    case "sd":
      return zh ? `均值 ± ${t.k} 倍标准差（sd）` : `mean ± ${t.k} SD (sd)`;
    default:
      return zh ? `对数费用均值 ± ${t.k} 倍标准差（logsd）` : `ln(cost) mean ± ${t.k} SD (logsd)`;
  }
}

function parametersSheet(report: QuadrantReport, lang: Lang): SheetModel {
  const s = report.settings;
  const L = (k: keyof typeof LABELS) => label(k, lang);
  const list = (xs: readonly (string | number)[]) => xs.join(lang === "zh" ? "、" : ", ");
  const settings: [string, CellValue][] = [
    [
      L("weightSource"),
      report.weights.source === "data"
        ? L("weightsFromData")
        : report.weights.source === "standardized"
          ? `${L("weightsStandardized")}${colon(lang)}${list(report.weights.shares ?? [])}`
          : `${L("weightsFromTable")}${colon(lang)}${report.weights.tableName}`,
    ],
  ];
  if (report.weights.source === "data") {
    settings.push([L("trim"), trimText(report, lang)]);
    settings.push([L("weightMinCases"), report.weights.minCases ?? null]);
    if (report.weights.years) settings.push([L("years"), list(report.weights.years)]);
    if (report.weights.yearWeights) settings.push([L("yearWeights"), list(report.weights.yearWeights)]);
    settings.push([L("allCaseMean"), cell(report.weights.allCaseMean ?? NaN)]);
  }
  settings.push(
    [L("yearFilter"), s.year ?? L("allYears")],
    [L("layer"), CONTRIBUTION_LABELS[s.layer][lang]],
    [L("xCut"), xCutText(report, lang)],
    [L("yCut"), yCutText(report, lang)],
    [L("minCases"), s.minCases],
    ...QUADRANTS.map((q): [string, CellValue] => [
      `${L("coefficients")}${colon(lang)}${quadrantLabel(q, lang, s.labels)}`,
      s.coefficients[q],
    ]),
    [L("incentiveMode"), s.money.mode === "pool" ? L("pool") : L("perPoint")],
    s.money.mode === "pool" ? [L("pool"), s.money.pool] : [L("perPoint"), s.money.moneyPerPoint],
    [
      L("unit"),
      unitDimensions(s.unit)
        .map((d) => L(d))
        .join(" + "),
    ],
  );
  const data: [string, CellValue][] = [
    [L("source"), report.context.source],
    ...(report.context.sheet ? [[L("sheet"), report.context.sheet] as [string, CellValue]] : []),
    ...(report.context.encoding ? [[L("encoding"), report.context.encoding] as [string, CellValue]] : []),
    [L("headerRow"), report.headerRow],
    [L("rowsRead"), report.rowsRead],
    [L("rowsUsed"), report.rowsUsed],
    ...(Object.entries(report.skipped) as [SkipReason, number][]).map(([reason, rows]): [string, CellValue] => [
      `${L("skipped")}${colon(lang)}${SKIP_LABELS[reason][lang]}`,
      rows,
    ]),
  ];
  if (report.weights.missingCodes.length > 0) {
    const codes = report.weights.missingCodes;
    data.push([L("missingWeights"), list(codes.length > 30 ? [...codes.slice(0, 30), "…"] : codes)]);
  }
  const mapping = mappingRows(report.columns, lang, report.flagged);
  const h = report.hospital;
  const results: [string, CellValue][] = [
    [L("hospitalCases"), h.cases],
    [L("hospitalCmi"), cell(h.cmi)],
    [L("totalWeight"), h.totalWeight],
    [L("groupCount"), h.groups],
    [`${L("cutX")} (RW)`, cell(report.cuts.x)],
    [`${L("cutY")}`, cell(report.cuts.y)],
    ...QUADRANTS.map((q): [string, CellValue] => [
      `${L("groupsPerQuadrant")}${colon(lang)}${quadrantLabel(q, lang, s.labels)}`,
      report.quadrantCounts[q],
    ]),
    [L("points"), cell(h.points)],
  ];
  const about: [string, CellValue][] = [
    [L("version"), report.context.version],
    [L("time"), report.context.time.toISOString()],
    [L("language"), lang],
  ];
  const kv = (caption: string, rows: [string, CellValue][]): KeyValueBlock => ({ kind: "keyValue", caption, rows });
  return {
    name: L("sheetParameters"),
    blocks: [
      { kind: "text", text: L("parametersTitle"), style: "title" },
      kv(L("settings"), settings),
      kv(L("data"), data),
      kv(L("columnMapping"), mapping),
      kv(L("results"), results),
      kv(L("about"), about),
    ],
  };
}

/** The workbook model of the report: 四象限分析, 绩效激励, 参数 (English names in English). */
export function quadrantWorkbook(report: QuadrantReport, lang: Lang): WorkbookModel {
  return { lang, sheets: [quadrantSheet(report, lang), incentiveSheet(report, lang), parametersSheet(report, lang)] };
}
