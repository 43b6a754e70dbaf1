/**
 * Column widths, one rule for both renderers: a column is as wide as its widest cell as shown
 * (East Asian wide characters count 2) plus 2 of padding, at least the width the report asks
 * for and at least 8, at most 60; text wider than that wraps. Headers count up to 20: a longer
 * header wraps onto a second line (header cells wrap) instead of widening a column of numbers.
 * Titles, notes and captions do not count: they run over the empty cells to their right.
 *
 * Then the page: a sheet prints at one page wide, so the sum of its widths sets the scale. When
 * that would print under READABLE_SCALE (the audit's 72-character details beside code lists
 * printed at 42%), the text columns give way, widest first, down to TEXT_FLOOR, and wrap; the
 * numbers keep their widths, since a number cut onto two lines is misread.
 *
 * Before, the Excel renderer took the model's width or the header, the .xlsx renderer the
 * model's width or 12, and neither looked at the cells.
 */
import { Block, CellValue, ColumnType, SheetModel } from "../model";
import { keyValueFormat } from "./formats";
import { MARGINS } from "./pageSetup";

export const MIN_WIDTH = 8;
export const MAX_WIDTH = 60;
export const HEADER_WIDTH = 20;
export const PADDING = 2;
/** The narrowest a text column gets to fit the page: 8 Chinese or 16 Latin characters a line. */
export const TEXT_FLOOR = 16;
/** The smallest fit-to-width print scale the widths aim at: 60% of 11 pt is a 6.6 pt font. */
export const READABLE_SCALE = 0.6;
/** Width between the margins of an A4 page in landscape (297 mm = 11.69 in), in points. */
export const PRINT_WIDTH_POINTS = (297 / 25.4 - MARGINS.left - MARGINS.right) * 72;

/** True for East Asian wide and full-width code points (Unicode East Asian Width W and F). */
function isWide(c: number): boolean {
  return (
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0x303e) ||
    (c >= 0x3041 && c <= 0x33ff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xa000 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    (c >= 0x1f300 && c <= 0x1f64f) ||
    (c >= 0x1f900 && c <= 0x1f9ff) ||
    (c >= 0x20000 && c <= 0x3fffd)
  );
}

/** Display width of a text in character units: East Asian wide characters count 2. */
export function displayWidth(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.codePointAt(i) as number;
    if (c > 0xffff) i++;
    w += isWide(c) ? 2 : 1;
  }
  return w;
}

const DECIMALS: Partial<Record<ColumnType, number>> = {
  number: 2,
  money: 2,
  weight: 4,
  percent: 2,
  ratio: 3,
  integer: 0,
  year: 0,
};
const GROUPED = new Set<ColumnType>(["integer", "number", "money"]);

/** Width of a number as its format shows it (#,##0.00 etc.), without formatting the text. */
function numberWidth(value: number, type: ColumnType | "keyValue"): number {
  if (!Number.isFinite(value)) return 0;
  if (type === "keyValue") type = Number.isInteger(value) ? "integer" : "number";
  const decimals = DECIMALS[type];
  if (decimals === undefined) return String(value).length;
  const shown = Math.abs(type === "percent" ? value * 100 : value).toFixed(decimals);
  const point = shown.indexOf(".");
  const whole = point < 0 ? shown.length : point;
  const separators = GROUPED.has(type) ? Math.floor((whole - 1) / 3) : 0;
  return shown.length + separators + (value < 0 ? 1 : 0) + (type === "percent" ? 1 : 0);
}

/** Width of a cell as shown in a column of the given type. */
export function cellWidth(value: CellValue | undefined, type: ColumnType | "keyValue"): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === "number") return numberWidth(value, type === "text" ? "boolean" : type);
  if (typeof value === "boolean") return value ? 4 : 5;
  return displayWidth(value);
}

export interface ColumnLayout {
  /** Width in characters of each column that holds a table or key/value block (undefined: untouched). */
  widths: (number | undefined)[];
  /** The block columns whose cells wrap, as "block:column" (their text is wider than the column). */
  wrapped: Set<string>;
}

function clamp(chars: number): number {
  return Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, Math.ceil(chars)));
}

/**
 * The content width of each column of a block (before padding and bounds) and the part of it
 * that cannot wrap (its numbers; 0 for text); [] for text blocks.
 */
function blockWidths(block: Block): { content: number; rigid: number }[] {
  if (block.kind === "text") return [];
  if (block.kind === "keyValue") {
    let label = 0;
    let value = 0;
    let rigid = 0;
    for (const [i, [k, v]] of block.rows.entries()) {
      const type = block.types?.[i];
      label = Math.max(label, displayWidth(k));
      const number = keyValueFormat(v, type) !== undefined;
      const w = number ? numberWidth(v as number, type ?? "keyValue") : cellWidth(v, "text");
      value = Math.max(value, w);
      if (number) rigid = Math.max(rigid, w);
    }
    return [
      { content: label, rigid: 0 },
      { content: value, rigid },
    ];
  }
  return block.columns.map((column, j) => {
    let w = Math.min(HEADER_WIDTH, displayWidth(column.header));
    for (const row of block.rows) w = Math.max(w, cellWidth(row[j], column.type));
    if (block.totalRow) w = Math.max(w, cellWidth(block.totalRow[j], column.type));
    return { content: w, rigid: column.type === "text" ? 0 : w };
  });
}

/** The fit-to-width print scale of columns of these widths (in characters), at most 1. */
export function printScale(widths: readonly (number | undefined)[]): number {
  const points = widths.reduce<number>((sum, w) => sum + widthPoints(w ?? MIN_WIDTH), 0);
  return points > 0 ? Math.min(1, PRINT_WIDTH_POINTS / points) : 1;
}

/**
 * The widths capped so the columns print at READABLE_SCALE or larger: each column at most
 * `cap` but not under its floor, for the largest cap that fits (the floors when none does).
 */
function fitToPage(widths: number[], floors: number[]): number[] {
  if (printScale(widths) >= READABLE_SCALE) return widths;
  const capped = (cap: number) => widths.map((w, j) => Math.max(floors[j], Math.min(w, cap)));
  for (let cap = Math.max(...widths) - 1; cap > TEXT_FLOOR; cap--)
    if (printScale(capped(cap)) >= READABLE_SCALE) return capped(cap);
  return capped(TEXT_FLOOR);
}

/** The column widths of a sheet and the block columns that wrap. */
export function columnLayout(sheet: SheetModel): ColumnLayout {
  const natural: number[] = [];
  const floors: number[] = [];
  const content = sheet.blocks.map(blockWidths);
  sheet.blocks.forEach((block, b) => {
    content[b].forEach(({ content: w, rigid }, j) => {
      const asked = block.kind === "table" ? (block.columns[j].width ?? 0) : 0;
      const width = clamp(Math.max(asked, w + PADDING));
      natural[j] = Math.max(natural[j] ?? 0, width);
      // Numbers keep their width (and a number column the model's); text may wrap to the floor.
      const floor = rigid > 0 ? clamp(Math.max(asked, rigid + PADDING)) : Math.min(width, TEXT_FLOOR);
      floors[j] = Math.max(floors[j] ?? 0, floor);
    });
  });
  const widths: (number | undefined)[] = fitToPage(natural, floors);
  const wrapped = new Set<string>();
  content.forEach((columns, b) =>
    columns.forEach(({ content: w }, j) => {
      if (w + PADDING > (widths[j] as number)) wrapped.add(`${b}:${j}`);
    }),
  );
  return { widths, wrapped };
}

/**
 * Excel's column width in points for a width in characters, as the Excel API sets it: 7 pixels
 * a character of the default 11 pt font plus 5 pixels of padding, at 0.75 points a pixel.
 */
export function widthPoints(chars: number): number {
  return Math.trunc(chars * 7 + 5) * 0.75;
}
