/** Sheet-wide placement both renderers share: the filtered table and the columns a sheet uses. */
import { chartAnchors, placeBlocks, SheetModel, TableBlock } from "../model";

/**
 * The block that gets the sheet's filter buttons: Excel allows one filter per sheet, so the
 * first table that asks for one and has rows and columns (undefined when none does).
 */
export function filteredTable(sheet: SheetModel): number | undefined {
  const at = sheet.blocks.findIndex(
    (b) => b.kind === "table" && b.autoFilter === true && b.rows.length > 0 && b.columns.length > 0,
  );
  return at >= 0 ? at : undefined;
}

/** The table block at `index` (callers pass the index of a table). */
export function tableAt(sheet: SheetModel, index: number): TableBlock {
  const block = sheet.blocks[index];
  if (block?.kind !== "table") throw new Error(`block ${index} is not a table`);
  return block;
}

/** The first column right of every block of a sheet (its charts left out). */
export function blockColumns(sheet: SheetModel): number {
  let used = 0;
  for (const block of sheet.blocks)
    used = Math.max(used, block.kind === "table" ? block.columns.length : block.kind === "keyValue" ? 2 : 1);
  return used;
}

/** The first column right of everything a sheet shows: its blocks and its charts. */
export function usedColumns(sheet: SheetModel): number {
  let used = blockColumns(sheet);
  for (const a of chartAnchors(sheet)) used = Math.max(used, a.column + a.width);
  return used;
}

/**
 * Rows a sheet freezes at most. A laptop shows some 25 rows of a sheet; the quadrant sheet's
 * summary and header took 17 of them, so its groups scrolled in the bottom third. A header
 * further down than this is not frozen (its key columns still are), and prints as the title row.
 */
export const MAX_FROZEN_ROWS = 5;

/**
 * Freezes the key columns of the table at `index` and, when they fit under MAX_FROZEN_ROWS, the
 * rows down to its header; the printed pages repeat that header only (not a summary above it).
 */
export function freezeTable(sheet: SheetModel, index: number, columns: number): void {
  const placed = placeBlocks(sheet)[index];
  tableAt(sheet, index);
  const rows = placed.firstDataRow <= MAX_FROZEN_ROWS ? placed.firstDataRow : 0;
  sheet.freeze = { rows, columns };
  sheet.printTitles = { first: placed.headerRow, last: placed.headerRow };
}

/**
 * The columns a note or warning of a sheet spans: every block column, so the text wraps inside
 * the printed width instead of running past the page's edge (the trends notes of 300 to 500
 * characters were cut there); undefined for titles, or when the sheet has one column.
 */
export function textSpan(sheet: SheetModel, index: number): number | undefined {
  const block = sheet.blocks[index];
  if (block?.kind !== "text" || (block.style !== "note" && block.style !== "warning")) return undefined;
  const columns = blockColumns(sheet);
  return columns > 1 ? columns : undefined;
}
