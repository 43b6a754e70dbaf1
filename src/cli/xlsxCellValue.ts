/** What a cell of an .xlsx file holds, as the engine reads it (shared by the whole and the streaming reader). */
import type * as ExcelJS from "exceljs";

/** The plain value of an ExcelJS cell value: formula results, rich text, hyperlinks, errors. */
export function plainCellValue(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v !== "object" || v instanceof Date) return v;
  const o = v as unknown as Record<string, unknown>;
  if ("result" in o) return plainCellValue(o.result as ExcelJS.CellValue);
  if ("formula" in o || "sharedFormula" in o) return null;
  if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((r) => r.text).join("");
  if ("text" in o) return plainCellValue(o.text as ExcelJS.CellValue);
  if ("error" in o) return String(o.error);
  return String(v);
}
