/**
 * The taskpane's form: what the user types (text, so a half-typed number is not lost) and its
 * translation into the report settings, with plain messages for anything that is not valid.
 */
import { MarginLayer } from "../engine/margins";
import { Coefficients, DEFAULT_COEFFICIENTS, Quadrant, QUADRANTS, XCutRule, YCutRule } from "../engine/quadrants";
import { Lang } from "../engine/text";
import { TrimMethod, TrimOptions } from "../engine/trimming";
import { WeightTable } from "../engine/weightTable";
import { WeightSource } from "../report/common";
import { PaymentRevenue, QuadrantSettings, RevenueSource, UnitChoice } from "../report/quadrant/settings";
import { DataSource } from "./excelData";
import { StringKey, paneText } from "./i18n";

export type SourceKind = DataSource["kind"];

export interface FormState {
  source: SourceKind;
  tableName: string;
  rangeName: string;
  weightMode: "data" | "table" | "standardized";
  /** Shares of the five categories (standardized weights); blank: 0.2 each. */
  shares: string;
  weightSource: SourceKind;
  weightTableName: string;
  weightRangeName: string;
  trim: TrimMethod;
  trimK: string;
  pLow: string;
  pHigh: string;
  yearWeights: string;
  layer: MarginLayer;
  /** Revenue from the settlement columns or the expected DRG payment (with its rate and factors). */
  revenue: RevenueSource;
  rate: string;
  pointValue: string;
  paymentCoefficient: string;
  xCut: "cmi" | "one" | "median" | "custom";
  xCutValue: string;
  yCut: "hospital" | "zero" | "median" | "custom";
  yCutValue: string;
  minCases: string;
  coefficients: Record<Quadrant, string>;
  labels: Record<Quadrant, string>;
  moneyMode: "perPoint" | "pool";
  perPoint: string;
  pool: string;
  unit: UnitChoice;
  year: string;
}

export const DEFAULT_FORM: FormState = {
  source: "selection",
  tableName: "",
  rangeName: "",
  weightMode: "data",
  weightSource: "selection",
  weightTableName: "",
  weightRangeName: "",
  trim: "logsd",
  trimK: "3",
  pLow: "0.05",
  pHigh: "0.95",
  yearWeights: "",
  shares: "",
  layer: "marginal",
  revenue: "settlement",
  rate: "",
  pointValue: "1",
  paymentCoefficient: "1",
  xCut: "cmi",
  xCutValue: "1",
  yCut: "hospital",
  yCutValue: "0",
  minCases: "5",
  coefficients: Object.fromEntries(QUADRANTS.map((q) => [q, String(DEFAULT_COEFFICIENTS[q])])) as Record<
    Quadrant,
    string
  >,
  labels: { strategic: "", competitive: "", suitable: "", weak: "", unclassified: "" },
  moneyMode: "perPoint",
  perPoint: "1",
  pool: "1000000",
  unit: "department",
  year: "",
};

/** The default k of each trimming method, put in the k box when the method changes. */
export const TRIM_K_DEFAULT: Record<TrimMethod, string> = { none: "", iqr: "1.5", sd: "3", logsd: "3", percentile: "" };

/** The data source the form names. */
export function sourceOf(kind: SourceKind, table: string, name: string): DataSource {
  if (kind === "table") return { kind, name: table };
  if (kind === "name") return { kind, name };
  return { kind: "selection" };
}

/** A weight table read from the workbook, and where from. */
export type ReadWeights = { table: WeightTable; name: string };

/** The weights a report uses: the table read when the user chose one (and read it), else the data's. */
export function weightSourceOf(
  mode: "data" | "table" | "standardized",
  weights: ReadWeights | undefined,
): WeightSource {
  if (mode === "standardized") return { source: "standardized" };
  return mode === "table" && weights
    ? { source: "table", table: weights.table, name: weights.name }
    : { source: "data" };
}

/** A source as picked on the screen: its kind, and the table and the name typed for it. */
export type SourceChoice = { kind: SourceKind; table: string; name: string };
export const NO_CHOICE: SourceChoice = { kind: "selection", table: "", name: "" };
export const sourceOfChoice = (c: SourceChoice): DataSource => sourceOf(c.kind, c.table, c.name);

/** Identifies a source, to tell whether values read still belong to the source now chosen. */
export const sourceKey = (s: DataSource): string => (s.kind === "selection" ? "selection" : `${s.kind}:${s.name}`);

/** Reads a number typed by the user: thousands separators and full-width digits allowed. */
export function parseNumber(text: string): number | undefined {
  let s = "";
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    s += c >= 0xff01 && c <= 0xff5e ? String.fromCharCode(c - 0xfee0) : ch;
  }
  s = s.replace(/[,\s]/g, "");
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) return undefined;
  return Number(s);
}

export type SettingsResult = { settings: QuadrantSettings; errors: [] } | { settings?: undefined; errors: string[] };

/** The items of a list field: numbers apart by commas, semicolons or spaces (ASCII or full-width). */
function listItems(text: string): string[] {
  return text.split(/[,，;；\s]+/).filter((s) => s !== "");
}

/**
 * The report settings of a form, or the list of what is wrong with it (in the user's language).
 * `weightTable` is the weight table read by the user, needed in "table" mode.
 */
export function settingsFromForm(
  form: FormState,
  lang: Lang,
  weightTable?: { table: WeightTable; name: string },
): SettingsResult {
  const errors: string[] = [];
  const num = (field: StringKey | string, text: string, min: number, max = Infinity): number => {
    const name = field in STRING_FIELDS ? paneText(lang, field as StringKey) : field;
    const v = parseNumber(text);
    if (v === undefined) {
      errors.push(paneText(lang, "notANumber", { field: name, value: text }));
      return NaN;
    }
    if (v < min || v > max) {
      errors.push(paneText(lang, "notInRange", { field: name, value: text, min, max: max === Infinity ? "∞" : max }));
      return NaN;
    }
    return v;
  };

  let xCut: XCutRule = "cmi";
  if (form.xCut === "one") xCut = 1;
  else if (form.xCut === "median") xCut = "median";
  else if (form.xCut === "custom") xCut = num("xCut", form.xCutValue, 0);
  let yCut: YCutRule = "hospital";
  if (form.yCut === "zero") yCut = 0;
  else if (form.yCut === "median") yCut = "median";
  else if (form.yCut === "custom") yCut = num("yCut", form.yCutValue, -Infinity);
  const minCases = num("minCases", form.minCases, 0);
  const coefficients = { ...DEFAULT_COEFFICIENTS } as Coefficients;
  for (const q of QUADRANTS) coefficients[q] = num(`${paneText(lang, "coefficient")} (${q})`, form.coefficients[q], 0);
  const labels: Partial<Record<Quadrant, string>> = {};
  for (const q of QUADRANTS) if (form.labels[q].trim() !== "") labels[q] = form.labels[q].trim();

  const money: QuadrantSettings["money"] =
    form.moneyMode === "pool"
      ? { mode: "pool", pool: num("pool", form.pool, 0) }
      : { mode: "perPoint", moneyPerPoint: num("perPoint", form.perPoint, 0) };

  let payment: PaymentRevenue | undefined;
  if (form.revenue === "payment") {
    const positive = (field: StringKey, text: string): number => {
      const v = num(field, text, 0);
      if (v === 0) errors.push(paneText(lang, "notAboveZero", { field: paneText(lang, field), value: text }));
      return v;
    };
    let rate = NaN;
    if (form.rate.trim() === "") errors.push(paneText(lang, "rateNeeded"));
    else rate = positive("paymentRate", form.rate);
    payment = {
      rate,
      pointValue: positive("paymentPointValue", form.pointValue),
      coefficient: positive("paymentCoefficient", form.paymentCoefficient),
    };
  }

  let weights: QuadrantSettings["weights"];
  if (form.weightMode === "table") {
    if (!weightTable) errors.push(paneText(lang, "weightTableNeeded"));
    weights = weightSourceOf("table", weightTable);
  } else if (form.weightMode === "standardized") {
    const parts = listItems(form.shares);
    if (parts.length === 0) weights = { source: "standardized" };
    else {
      if (parts.length !== 5) errors.push(paneText(lang, "sharesCount", { count: parts.length }));
      weights = { source: "standardized", shares: parts.map((s) => num("shares", s, 0)) };
    }
  } else {
    let trim: TrimOptions = { method: form.trim };
    if (form.trim === "percentile") {
      trim = { method: "percentile", pLow: num("pLow", form.pLow, 0, 1), pHigh: num("pHigh", form.pHigh, 0, 1) };
    } else if (form.trim !== "none") {
      trim = { method: form.trim, k: num("trimK", form.trimK, 0) };
    }
    const yearWeights =
      form.yearWeights.trim() === "" ? undefined : listItems(form.yearWeights).map((s) => num("yearWeights", s, 0));
    weights = { source: "data", trim, yearWeights };
  }
  if (errors.length > 0) return { errors };
  return {
    errors: [],
    settings: {
      layer: form.layer,
      revenue: form.revenue,
      ...(payment ? { payment } : {}),
      xCut,
      yCut,
      minCases,
      coefficients,
      labels: Object.keys(labels).length > 0 ? labels : undefined,
      money,
      unit: form.unit,
      weights,
      year: form.year.trim() === "" ? undefined : form.year.trim(),
    },
  };
}

/** Form fields whose label is a string key (the others are built in place). */
const STRING_FIELDS: Partial<Record<StringKey, true>> = {
  xCut: true,
  yCut: true,
  minCases: true,
  pool: true,
  perPoint: true,
  pLow: true,
  pHigh: true,
  trimK: true,
  yearWeights: true,
  shares: true,
  paymentRate: true,
  paymentPointValue: true,
  paymentCoefficient: true,
};
