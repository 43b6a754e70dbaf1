/**
 * What the reports share: where the data came from, where the weights come from, and the small text
 * and number helpers every report's sheets and JSON use.
 */
import { ColumnName } from "../engine/columns";
import type { CaseTable } from "../engine/caseTable";
import { TrimOptions } from "../engine/trimming";
import { Lang } from "../engine/text";
import { WeightTable } from "../engine/weightTable";
import { machineOffset } from "./localTime";
import { CellValue } from "./model";

export interface ReportContext {
  /** Where the data came from: a file path or a range address. */
  source: string;
  sheet?: string;
  encoding?: string;
  /** CaseMix version (package.json). */
  version: string;
  /** When the report was built (default now). */
  time?: Date;
  /** Minutes east of UTC its times are shown in (default the machine's at `time`; Beijing 480). */
  utcOffset?: number;
}

/** A context with its time and zone set. */
export type TimedContext<C> = C & { time: Date; utcOffset: number };

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

/** What a report records about its weights (the parameters sheet and the JSON's `weights`). */
export interface WeightsInfo {
  source: "data" | "table" | "standardized";
  /** The shares of the five categories applied (standardized weights). */
  shares?: number[];
  tableName?: string;
  trim?: TrimInfo;
  minCases?: number;
  years?: string[];
  yearWeights?: number[];
  allCaseMean?: number;
  /** Groups of the rows used that have no weight. */
  missingCodes: string[];
}

/** What every report records about the data it read, whatever it computes from it. */
export interface ReportBookkeeping<Skip extends string> {
  context: TimedContext<ReportContext>;
  /** Canonical column -> header of the source ("A + B" when added up: columnSources.ts). */
  columns: Partial<Record<ColumnName, string>>;
  headerRow: number;
  rowsRead: number;
  rowsUsed: number;
  /** Rows left out, by reason (only reasons that occurred). */
  skipped: Partial<Record<Skip, number>>;
  /** Rows kept but flagged (five categories off the total). */
  flagged?: CaseTable["flagged"];
  weights: WeightsInfo;
}

/** The context with its time (now when the caller gave none) and zone (the machine's) set. */
export function timedContext<C extends { time?: Date; utcOffset?: number }>(context: C): TimedContext<C> {
  const time = context.time ?? new Date();
  return { ...context, time, utcOffset: context.utcOffset ?? machineOffset(time) };
}

/** Adds rows to a reason's count of skipped rows; a reason with no row is not recorded. */
export function skipCounter<Skip extends string>(
  skipped: Partial<Record<Skip, number>>,
): (reason: Skip, rows?: number) => void {
  return (reason, rows = 1) => {
    if (rows > 0) skipped[reason] = (skipped[reason] ?? 0) + rows;
  };
}

/** A number for JSON: NaN and infinities become null. */
export function jsonNumber(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

/** A number for a cell: NaN, infinities and missing values become an empty cell. */
export function numberCell(x: number | undefined): CellValue {
  return x !== undefined && Number.isFinite(x) ? x : null;
}

/**
 * A year as a number (2024), written with the "year" format ("0"); any other text (a list of
 * years, "全部年份", "2024H1") stays text.
 */
export function yearCell(text: string): CellValue {
  const t = text.trim();
  return /^\d{4}$/.test(t) ? Number(t) : text;
}

export const colon = (lang: Lang): string => (lang === "zh" ? "：" : ": ");
export const paren = (text: string, lang: Lang): string => (lang === "zh" ? `（${text}）` : ` (${text})`);
export const listText = (xs: readonly (string | number)[], lang: Lang): string => xs.join(lang === "zh" ? "、" : ", ");

/** A number with fixed decimals in the reader's locale; "—" when it is not finite. */
export function formatNumber(x: number, digits: number, lang: Lang): string {
  if (!Number.isFinite(x)) return "—";
  return x.toLocaleString(lang === "zh" ? "zh-CN" : "en-US", {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

/** How data-derived weights were trimmed, as the reports record it. */
export interface TrimInfo {
  method: string;
  k: number;
  pLow?: number;
  pHigh?: number;
}

/** The trimming rule of data-derived weights, in words (the parameters sheets). */
export function trimText(trim: TrimInfo | undefined, lang: Lang): string {
  if (!trim) return "";
  const zh = lang === "zh";
  switch (trim.method) {
    case "none":
      return zh ? "不去除 (none)" : "none";
    case "percentile":
      return zh
        ? `保留第 ${(trim.pLow ?? 0) * 100} 至第 ${(trim.pHigh ?? 1) * 100} 百分位（percentile）`
        : `keep percentiles ${(trim.pLow ?? 0) * 100} to ${(trim.pHigh ?? 1) * 100} (percentile)`;
    case "iqr":
      return zh ? `Q1 − ${trim.k}×IQR 至 Q3 + ${trim.k}×IQR（iqr）` : `Q1 − ${trim.k} IQR to Q3 + ${trim.k} IQR (iqr)`;
    case "sd":
      return zh ? `均值 ± ${trim.k} 倍标准差（sd）` : `mean ± ${trim.k} SD (sd)`;
    default:
      return zh ? `对数费用均值 ± ${trim.k} 倍标准差（logsd）` : `ln(cost) mean ± ${trim.k} SD (logsd)`;
  }
}
