/** A table block through the Excel API: header, number formats, rows, total row, wraps, conditional formats. */
import { Lang } from "../../engine/text";
import { BlockPlacement, ConditionalFormat, TableBlock } from "../model";
import { cellAddress } from "../layout/addresses";
import { columnFormat } from "../layout/formats";
import { cellStyle } from "../layout/palette";
import { ColumnLayout } from "../layout/widths";
import { cellBytes, excelCell, rowCells } from "./cells";
import { Requests, writeRows } from "./requests";
import { applyStyle, horizontalAlignment, styleOps } from "./style";

/* global Excel */

export async function drawTable(
  sheet: Excel.Worksheet,
  block: TableBlock,
  index: number,
  at: BlockPlacement,
  columns: ColumnLayout,
  lang: Lang,
  requests: Requests,
): Promise<void> {
  const width = block.columns.length;
  if (width === 0) return;
  const n = block.rows.length;
  await drawHeader(sheet, block, at, lang, requests);
  // Number formats and wraps, one call per column over the data and total rows.
  const bodyRows = n + (block.totalRow ? 1 : 0);
  for (let j = 0; bodyRows > 0 && j < width; j++) {
    const format = columnFormat(block.columns[j].type);
    const wrap = columns.wrapped.has(`${index}:${j}`);
    if (format === undefined && !wrap) continue;
    await requests.ops(2);
    const range = sheet.getRangeByIndexes(at.firstDataRow, j, bodyRows, 1);
    // A single value applies to every cell of the range.
    if (format !== undefined) (range as { numberFormat: unknown }).numberFormat = format;
    if (wrap) range.format.wrapText = true;
  }
  await writeRows(sheet, at.firstDataRow, 0, width, n, (i) => rowCells(block.rows[i], width), requests);
  if (block.totalRow) {
    const cells = rowCells(block.totalRow, width);
    const style = cellStyle("total", lang);
    await requests.reserve(cells.reduce((s: number, v) => s + cellBytes(v), 0));
    await requests.ops(styleOps(style) + 1);
    const total = sheet.getRangeByIndexes(at.firstDataRow + n, 0, 1, width);
    total.values = [cells];
    applyStyle(total, style);
  }
  for (const cf of n > 0 ? (block.conditionalFormats ?? []) : []) {
    const j = block.columns.findIndex((c) => c.id === cf.columnId);
    if (j < 0) continue;
    await requests.ops(2);
    addConditionalFormat(sheet.getRangeByIndexes(at.firstDataRow, j, n, 1), at.firstDataRow, j, cf);
  }
}

/** The header row in the header style; the headers of number columns get the number-header alignment. */
async function drawHeader(
  sheet: Excel.Worksheet,
  block: TableBlock,
  at: BlockPlacement,
  lang: Lang,
  requests: Requests,
): Promise<void> {
  const headers = block.columns.map((c) => excelCell(c.header));
  const style = cellStyle("header", lang);
  await requests.reserve(headers.reduce((s: number, v) => s + cellBytes(v), 0));
  await requests.ops(styleOps(style) + 1);
  const header = sheet.getRangeByIndexes(at.headerRow, 0, 1, block.columns.length);
  header.values = [headers];
  applyStyle(header, style);
  const numbers = horizontalAlignment(cellStyle("numberHeader", lang));
  for (let j = 0; numbers && j < block.columns.length; j++) {
    if (block.columns[j].type === "text") continue;
    await requests.ops(1);
    sheet.getRangeByIndexes(at.headerRow, j, 1, 1).format.horizontalAlignment = numbers;
  }
}

function addConditionalFormat(range: Excel.Range, row: number, column: number, cf: ConditionalFormat): void {
  const rule = cf.rule;
  if (rule.kind === "dataBar") {
    const format = range.conditionalFormats.add("DataBar");
    format.dataBar.positiveFormat.fillColor = rule.color;
    return;
  }
  if (rule.kind === "textEquals") {
    const format = range.conditionalFormats.add("Custom");
    const text = rule.text.replace(/"/g, '""');
    format.custom.rule.formula = `=${cellAddress(row, column)}="${text}"`;
    format.custom.format.fill.color = rule.fill;
    if (rule.font) format.custom.format.font.color = rule.font;
    return;
  }
  const format = range.conditionalFormats.add("CellValue");
  format.cellValue.format.fill.color = rule.fill;
  if (rule.font) format.cellValue.format.font.color = rule.font;
  format.cellValue.rule = {
    formula1: String(rule.value),
    operator: rule.kind === "lessThan" ? "LessThan" : "GreaterThan",
  };
}
