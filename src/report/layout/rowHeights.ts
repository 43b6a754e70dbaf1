/**
 * Row heights of the rows whose wrapped cells take more than one line, one rule for both
 * renderers. Neither Excel nor LibreOffice grows a row to its wrapped text on opening a file
 * (the audit's details and code lists printed over the rows below them), so the layout sets it:
 * the lines of the tallest wrapped cell, estimated from its width as shown over the column's
 * width less the padding, times a line's height; a note merged across the block columns
 * (layout/sheetLayout.ts textSpan) over their widths together.
 */
import { Lang } from "../../engine/text";
import { CellValue, ColumnType, SheetModel, placeBlocks } from "../model";
import { keyValueFormat } from "./formats";
import { textSpan } from "./sheetLayout";
import { ColumnLayout, PADDING, cellWidth, displayWidth } from "./widths";

/** Height of a line of 11 pt text: Calibri 15 pt (Excel's default row), Microsoft YaHei 16 pt. */
export const LINE_POINTS: Record<Lang, number> = { en: 15, zh: 16 };

/** Lines a text of display width `w` takes in a column `width` characters wide. */
export function lineCount(w: number, width: number): number {
  return Math.max(1, Math.ceil(w / Math.max(1, width - PADDING)));
}

/** The heights in points of the rows (0-based) that need more than one line. */
export function rowHeights(sheet: SheetModel, columns: ColumnLayout, lang: Lang): Map<number, number> {
  const lines = new Map<number, number>();
  const need = (row: number, n: number) => {
    if (n > 1) lines.set(row, Math.max(lines.get(row) ?? 1, n));
  };
  const widthOf = (j: number) => columns.widths[j] ?? 0;
  const cell = (b: number, j: number, value: CellValue, type: ColumnType) =>
    columns.wrapped.has(`${b}:${j}`) ? lineCount(cellWidth(value, type), widthOf(j)) : 1;
  placeBlocks(sheet).forEach((p, b) => {
    const block = sheet.blocks[b];
    const span = textSpan(sheet, b);
    if (block.kind === "text" && span !== undefined) {
      // A note over its merged columns: their widths together.
      let width = 0;
      for (let j = 0; j < span; j++) width += widthOf(j);
      need(p.top, lineCount(displayWidth(block.text), width));
    } else if (block.kind === "keyValue") {
      block.rows.forEach(([k, v], i) => {
        const number = keyValueFormat(v, block.types?.[i]) !== undefined;
        need(p.firstDataRow + i, Math.max(cell(b, 0, k, "text"), number ? 1 : cell(b, 1, v, "text")));
      });
    } else if (block.kind === "table") {
      // Header cells always wrap.
      need(p.headerRow, Math.max(...block.columns.map((c, j) => lineCount(displayWidth(c.header), widthOf(j)))));
      const rows = block.totalRow ? [...block.rows, block.totalRow] : block.rows;
      rows.forEach((row, i) =>
        need(p.firstDataRow + i, Math.max(1, ...block.columns.map((c, j) => cell(b, j, row[j], c.type)))),
      );
    }
  });
  return new Map([...lines].map(([row, n]) => [row, n * LINE_POINTS[lang]]));
}
