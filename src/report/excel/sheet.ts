/** One report sheet through the Excel API: marker, tab, widths, blocks, filter, panes, print setup, charts. */
import { Lang } from "../../engine/text";
import { Block, BlockPlacement, KeyValueBlock, SheetModel, WorkbookModel, placeBlocks } from "../model";
import { planBar, planLine, planSheetCharts } from "../layout/charts";
import { keyValueFormat } from "../layout/formats";
import { pageSetup } from "../layout/pageSetup";
import { PALETTE, cellStyle } from "../layout/palette";
import { filteredTable, tableAt, textSpan } from "../layout/sheetLayout";
import { ColumnLayout, columnLayout, widthPoints } from "../layout/widths";
import { rowHeights } from "../layout/rowHeights";
import { excelCell } from "./cells";
import { drawBarChart, drawLineChart, drawScatterCharts } from "./charts";
import { REPORT_MARKER } from "./sheetNames";
import { Requests, writeCell, writeRows } from "./requests";
import { applyPageSetup, applyStyle, PAGE_SETUP_OPS, styleOps } from "./style";
import { drawTable } from "./tables";

/* global Excel */

function markerComment(lang: Lang, stamp: string): string {
  return lang === "zh"
    ? `由 CaseMix 加载项生成的报表（${stamp}）；再次生成时加载项可在征得同意后替换此表。`
    : `Report written by the CaseMix add-in (${stamp}); a new build may replace this sheet after asking.`;
}

export async function drawSheet(
  sheet: Excel.Worksheet,
  model: SheetModel,
  book: Pick<WorkbookModel, "lang" | "print">,
  requests: Requests,
  stamp: string,
): Promise<void> {
  const lang = book.lang;
  await requests.ops(8 + PAGE_SETUP_OPS);
  sheet.names.add(REPORT_MARKER, sheet.getRange("A1"), markerComment(lang, stamp));
  sheet.tabColor = PALETTE.tab;
  applyPageSetup(sheet, pageSetup(model, book));
  const placements = placeBlocks(model);
  const columns = columnLayout(model);
  await requests.ops(columns.widths.length);
  columns.widths.forEach((w, j) => {
    if (w !== undefined) sheet.getRangeByIndexes(0, j, 1, 1).format.columnWidth = widthPoints(w);
  });
  const heights = rowHeights(model, columns, lang);
  await requests.ops(heights.size);
  for (const [r, h] of heights) sheet.getRangeByIndexes(r, 0, 1, 1).format.rowHeight = h;
  for (let b = 0; b < model.blocks.length; b++) {
    await drawBlock(sheet, model.blocks[b], b, placements[b], columns, lang, requests, textSpan(model, b));
  }
  const filtered = filteredTable(model);
  if (filtered !== undefined) {
    const table = tableAt(model, filtered);
    await requests.ops(1);
    sheet.autoFilter.apply(
      sheet.getRangeByIndexes(placements[filtered].headerRow, 0, table.rows.length + 1, table.columns.length),
    );
  }
  if (model.freeze && (model.freeze.rows > 0 || model.freeze.columns > 0)) {
    await requests.ops(1);
    const { rows, columns: frozen } = model.freeze;
    if (rows > 0 && frozen > 0) sheet.freezePanes.freezeAt(sheet.getRangeByIndexes(0, 0, rows, frozen));
    else if (rows > 0) sheet.freezePanes.freezeRows(rows);
    else sheet.freezePanes.freezeColumns(frozen);
  }
  await drawScatterCharts(sheet, planSheetCharts(model, placements, lang), lang, requests);
  for (const bar of model.barCharts ?? []) {
    const plan = planBar(model, placements, bar);
    if (plan) await drawBarChart(sheet, plan, requests);
  }
  for (const line of model.lineCharts ?? []) {
    const plan = planLine(model, placements, line);
    if (plan) await drawLineChart(sheet, plan, requests);
  }
}

async function drawBlock(
  sheet: Excel.Worksheet,
  block: Block,
  index: number,
  at: BlockPlacement,
  columns: ColumnLayout,
  lang: Lang,
  requests: Requests,
  /** The columns a note spans (merged and wrapped), layout/sheetLayout.ts textSpan. */
  span: number | undefined,
): Promise<void> {
  if (block.kind === "text") {
    const cell = await writeCell(sheet, at.top, 0, excelCell(block.text), requests);
    if (span !== undefined) {
      await requests.ops(1);
      sheet.getRangeByIndexes(at.top, 0, 1, span).merge(false);
    }
    if (block.style) {
      const style = { ...cellStyle(block.style, lang), ...(span !== undefined ? { wrap: true } : {}) };
      await requests.ops(styleOps(style));
      applyStyle(cell, style);
    }
    return;
  }
  if (block.caption) {
    const cell = await writeCell(sheet, at.top, 0, excelCell(block.caption), requests);
    const style = cellStyle("caption", lang);
    await requests.ops(styleOps(style));
    applyStyle(cell, style);
  }
  if (block.kind === "keyValue") await drawKeyValue(sheet, block, index, at, columns, lang, requests);
  else await drawTable(sheet, block, index, at, columns, lang, requests);
}

async function drawKeyValue(
  sheet: Excel.Worksheet,
  block: KeyValueBlock,
  index: number,
  at: BlockPlacement,
  columns: ColumnLayout,
  lang: Lang,
  requests: Requests,
): Promise<void> {
  const n = block.rows.length;
  const cells = (i: number) => [excelCell(block.rows[i][0]), excelCell(block.rows[i][1])];
  await writeRows(sheet, at.headerRow, 0, 2, n, cells, requests);
  if (n === 0) return;
  const labels = cellStyle("label", lang);
  const values = cellStyle("value", lang);
  await requests.ops(styleOps(labels) + styleOps(values) + 1);
  await requests.reserve(n * 16);
  const labelRange = sheet.getRangeByIndexes(at.headerRow, 0, n, 1);
  const valueRange = sheet.getRangeByIndexes(at.headerRow, 1, n, 1);
  applyStyle(labelRange, { ...labels, wrap: columns.wrapped.has(`${index}:0`) || undefined });
  applyStyle(valueRange, { ...values, wrap: columns.wrapped.has(`${index}:1`) || undefined });
  // One format a pair: whole numbers #,##0, others with decimals, text General.
  valueRange.numberFormat = block.rows.map(([, v], i) => [keyValueFormat(v, block.types?.[i]) ?? "General"]);
}
