/**
 * What the unit tables of the reports share (科室 / 医师 under the payment P&L and the version
 * comparison): the table block with its unit column, and the warning under it counting the rows
 * whose unit cell is empty.
 */
import { Lang, Text } from "../engine/text";
import { colon } from "./common";
import { CellValue, ColumnModel, ConditionalFormat, TableBlock, TextBlock } from "./model";

/** A unit table: captioned by the unit, its column first, then the figures, a total row and filters. */
export function unitTableBlock(
  unit: string,
  figures: ColumnModel[],
  rows: CellValue[][],
  totalRow: CellValue[],
  conditionalFormats: ConditionalFormat[],
): TableBlock {
  return {
    kind: "table",
    caption: unit,
    columns: [{ id: "unit", header: unit, type: "text", width: 18 }, ...figures],
    rows,
    totalRow,
    conditionalFormats,
    autoFilter: true,
  };
}

/**
 * The warning under a unit table, `text` with {unit} filled (lower case in English) and the
 * count after a colon; none when no row had an empty unit.
 */
export function emptyUnitWarning(text: Text, unit: string, rows: number, lang: Lang): TextBlock[] {
  if (rows <= 0) return [];
  const name = lang === "zh" ? unit : unit.toLowerCase();
  return [{ kind: "text", text: `${text[lang].replace("{unit}", name)}${colon(lang)}${rows}`, style: "warning" }];
}
