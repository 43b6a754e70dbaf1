/**
 * Number formats: of a table column by its type, of a key/value pair by its value, and of the
 * chart axes and bar labels. One table for both renderers.
 */
import { CellValue, ColumnType } from "../model";

export const NUMBER_FORMATS: Record<ColumnType, string> = {
  text: "@",
  integer: "#,##0",
  number: "#,##0.00",
  weight: "0.0000",
  money: "#,##0.00",
  percent: "0.00%",
  ratio: "0.000",
  boolean: "General",
  /** A year: a number (so it sorts and filters as one) shown 2024, not 2,024 or as text. */
  year: "0",
  /** A row number of the source file (row 1931, not 1,931), to find the case there. */
  rowNumber: "0",
};

/**
 * The format of the numbers of a table column, or undefined for text columns: those stay
 * General, since an "@" column would show the apostrophe that keeps text as text in Excel.
 */
export function columnFormat(type: ColumnType): string | undefined {
  return type === "text" ? undefined : NUMBER_FORMATS[type];
}

/**
 * The format of the value of a key/value pair: the format of its type when the pair gives one
 * (a rate as 0.00%), else whole numbers with thousands separators and other numbers with two
 * to six decimals (a factor of 1.056338 shows as such, 1.5 as 1.50); none for text.
 */
export function keyValueFormat(value: CellValue, type?: ColumnType): string | undefined {
  if (typeof value !== "number" || !Number.isFinite(value)) return undefined;
  if (type !== undefined && type !== "text") return NUMBER_FORMATS[type];
  return Number.isInteger(value) ? "#,##0" : "#,##0.00####";
}

/** Decimals needed to show every multiple of `step` exactly (at most 6). */
export function stepDecimals(step: number): number {
  for (let d = 0; d < 6; d++) if (Math.abs(Math.round(step * 10 ** d) - step * 10 ** d) < 1e-9) return d;
  return 6;
}

/**
 * The format of a scatter chart's axis: as many decimals as the tick step needs (0.25 -> 0.00,
 * 5,000 -> #,##0), in per cent for percentage columns; General on a logarithmic axis, whose
 * ticks are the powers of two.
 */
export function axisFormat(type: ColumnType | undefined, step: number | undefined): string {
  if (step === undefined) return "General";
  const percent = type === "percent";
  const d = stepDecimals(percent ? step * 100 : step);
  const digits = d > 0 ? "." + "0".repeat(d) : "";
  return percent ? `0${digits}%` : `#,##0${digits}`;
}

/** The format of a bar chart's value axis (whole per cent for rates) and of its bar labels. */
export function barFormats(type: ColumnType = "number"): { axis: string; label: string } {
  const label = type === "text" ? "General" : NUMBER_FORMATS[type];
  return { axis: type === "percent" ? "0%" : label, label };
}
