/**
 * Years, months and quarters from what users have in their year or discharge date column: a
 * year (2024), a discharge date as text ("2024-03-05", "2024/3/5", "2024年3月5日"), yyyymmdd
 * (20240305) or an Excel date serial (45356 is 2024-03-05).
 *
 *     yearOf(45356)            // "2024"
 *     yearOf("2024-03-05")     // "2024"
 *     yearOf("2023年度")        // "2023"
 *     monthOf("2024/3/5")      // "2024-03"
 *     monthOf(45356)           // "2024-03"
 *     quarterOf("2024年8月1日") // "2024Q3"
 */
import { basicCellValue } from "./cellValue";
import { normalizeKey } from "./codes";
import { isBlankCell } from "./input";

/** Excel's day 0 is 1899-12-30 in the 1900 date system (serial 60 being the phantom 1900-02-29). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86400000;

/** Whether a number can be an Excel date serial (after 2200, so years are not taken for dates). */
export function isDateSerial(n: number): boolean {
  return n > 2200 && n < 2958466;
}

/** The UTC date of an Excel date serial (the fraction, the time of day, dropped). */
export function excelSerialDate(serial: number): Date {
  return new Date(EXCEL_EPOCH_MS + Math.floor(serial) * DAY_MS);
}

export function yearOf(cell: unknown): string {
  const value = basicCellValue(cell);
  if (typeof value === "number" && Number.isFinite(value)) {
    if (value >= 1900 && value <= 2200 && Number.isInteger(value)) return String(value);
    if (isDateSerial(value)) return String(excelSerialDate(value).getUTCFullYear());
    return normalizeKey(value);
  }
  if (value instanceof Date && !Number.isNaN(value.getTime())) return String(value.getFullYear());
  const key = normalizeKey(value);
  const match = /^((?:19|20|21)\d\d)(?:\D|$)/.exec(key);
  return match ? match[1] : key;
}

/**
 * The year and month (1 to 12) of a date cell: a Date, an Excel serial, yyyymmdd, or text
 * starting with a year and a month ("2024-03-05", "2024/3/5", "2024.3", "2024年3月5日").
 * "" for a blank cell, undefined for anything else (a year alone has no month).
 */
export function yearMonthOf(cell: unknown): { year: number; month: number } | "" | undefined {
  if (isBlankCell(cell)) return "";
  const value = basicCellValue(cell);
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? undefined : { year: value.getUTCFullYear(), month: value.getUTCMonth() + 1 };
  }
  let n: number | undefined;
  if (typeof value === "number") n = value;
  else if (typeof value === "string") {
    const s = value.trim();
    if (s === "") return "";
    const text = /^(\d{4})\s*[-/.年]\s*(\d{1,2})(?:\D|$)/.exec(s);
    if (text) {
      const month = Number(text[2]);
      return month >= 1 && month <= 12 ? { year: Number(text[1]), month } : undefined;
    }
    if (/^\d+(\.\d+)?$/.test(s)) n = Number(s);
  }
  if (n === undefined || !Number.isFinite(n)) return undefined;
  if (n >= 19000101 && n <= 22001231 && Number.isInteger(n)) {
    const month = Math.floor(n / 100) % 100;
    return month >= 1 && month <= 12 ? { year: Math.floor(n / 10000), month } : undefined;
  }
  if (isDateSerial(n)) {
    const d = excelSerialDate(n);
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 };
  }
  return undefined;
}

/** The month of a date cell as "2024-03"; "" when blank, undefined when not a date with a month. */
export function monthOf(cell: unknown): string | undefined {
  const ym = yearMonthOf(cell);
  if (ym === "" || ym === undefined) return ym;
  return `${ym.year}-${String(ym.month).padStart(2, "0")}`;
}

/** The quarter of a date cell as "2024Q1"; "" when blank, undefined when not a date with a month. */
export function quarterOf(cell: unknown): string | undefined {
  const ym = yearMonthOf(cell);
  if (ym === "" || ym === undefined) return ym;
  return `${ym.year}Q${Math.floor((ym.month - 1) / 3) + 1}`;
}

/**
 * The key of a period cell (统计期, 月份) as written, except dates: a Date or an Excel date serial
 * (what Excel gives for a cell formatted as a date) becomes its month. Years (2024) and yyyymm
 * numbers (202403) stay as written.
 *
 *     periodKey("2024上半年")  // "2024上半年"
 *     periodKey(45356)         // "2024-03"
 *     periodKey(202403)        // "202403"
 */
export function periodKey(cell: unknown): string {
  const value = basicCellValue(cell);
  if (value instanceof Date) return monthOf(value) ?? "";
  if (typeof value === "number" && isDateSerial(value) && !isYearMonthNumber(value)) return monthOf(value) ?? "";
  return normalizeKey(value);
}

/** 190001 .. 220012 with a month 01 to 12: a period written yyyymm, not a date serial. */
function isYearMonthNumber(n: number): boolean {
  const month = n % 100;
  return Number.isInteger(n) && n >= 190001 && n <= 220012 && month >= 1 && month <= 12;
}
