/**
 * Years from what users have in their year column: a year (2024), a discharge date as text
 * ("2024-03-05", "2024/3/5", "2024年3月5日") or an Excel date serial (45356 is 2024-03-05).
 *
 *     yearOf(45356)          // "2024"
 *     yearOf("2024-03-05")   // "2024"
 *     yearOf("2023年度")      // "2023"
 */
import { basicCellValue } from "./cellValue";
import { normalizeKey } from "./codes";

/** Excel's day 0 is 1899-12-30 in the 1900 date system (serial 60 being the phantom 1900-02-29). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86400000;

export function yearOf(cell: unknown): string {
  const value = basicCellValue(cell);
  if (typeof value === "number" && Number.isFinite(value)) {
    if (value >= 1900 && value <= 2200 && Number.isInteger(value)) return String(value);
    if (value > 2200 && value < 2958466) {
      return String(new Date(EXCEL_EPOCH_MS + Math.floor(value) * DAY_MS).getUTCFullYear());
    }
    return normalizeKey(value);
  }
  if (value instanceof Date && !Number.isNaN(value.getTime())) return String(value.getFullYear());
  const key = normalizeKey(value);
  const match = /^((?:19|20|21)\d\d)(?:\D|$)/.exec(key);
  return match ? match[1] : key;
}
