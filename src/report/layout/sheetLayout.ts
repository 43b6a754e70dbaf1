/** Sheet-wide placement both renderers share: the filtered table and the columns a sheet uses. */
import { chartAnchors, SheetModel, TableBlock } from "../model";

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
