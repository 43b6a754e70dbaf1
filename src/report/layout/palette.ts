/**
 * The colours, fonts and cell styles of the reports: one palette for the Excel and the .xlsx
 * output. PALETTE holds the renderers' own colours; FILLS, HIGHLIGHTS, SERIES_COLORS and
 * BAR_COLORS those the report modules choose for their data (quadrant fills, red for a gap),
 * which travel in the model.
 *
 * Where the two renderers used to differ, the choice and the reason:
 * - header fill #DDEBF7 (Excel) against #D9E1F2 (.xlsx): #DDEBF7, Excel's own "Blue, Accent 1,
 *   lighter 80%" of the default Office theme, so a report matches the table styles users pick;
 * - warning colour #C00000 (Excel) against #C65911 (.xlsx): #C00000, Excel's standard "Dark
 *   Red", which reads as a warning; the orange was close to the money fills of the reports;
 * - total rows: bold with a top border in both, and the light grey fill of the .xlsx in both;
 * - captions: bold 12 pt (the .xlsx choice) in both, one step under the 14 pt titles.
 *
 * Fonts: every styled cell names its font. Chinese reports use "Microsoft YaHei" (微软雅黑), on
 * every Chinese Windows since Vista and shipped with Office for Mac, whose Latin letters and
 * digits are clear too; English reports use "Calibri", the Excel default on Windows and Mac, so
 * the styled cells match the unstyled body cells.
 */
import { Lang } from "../../engine/text";

export const PALETTE = {
  headerFill: "#DDEBF7",
  headerBorder: "#8EA9DB",
  totalFill: "#F2F2F2",
  totalBorder: "#808080",
  note: "#595959",
  warning: "#C00000",
  tab: "#2F5597",
  /** Cut lines and fitted lines of scatter charts, and the quadrant names in their corners. */
  chartLine: "#7F7F7F",
  /** Bars of a series without a colour of its own. */
  bar: "#5B9BD5",
  /** Lines of a line chart without a colour of their own, in turn (Office's default accents). */
  lines: ["#2F5597", "#ED7D31", "#70AD47", "#FFC000", "#5B9BD5", "#A5A5A5", "#7030A0", "#C00000"],
  gridline: "#E7E6E6",
  chartBorder: "#D9D9D9",
} as const;

/**
 * The colours reports give their data, by name: cell fills (with the text colour that goes
 * on them, Excel's own conditional-format pairs "light red fill with dark red text" and so on),
 * the quadrant and curve-flag series, and data bars. Report modules take their colours from
 * here, never as hex literals (test/report/palette.test.ts), so one change recolours every report.
 */
export const FILLS = {
  red: "#FFC7CE",
  green: "#C6EFCE",
  yellow: "#FFEB9C",
  blue: "#DDEBF7",
  grey: "#EDEDED",
  orange: "#F8CBAD",
  paleGreen: "#E2EFDA",
  paleYellow: "#FFF2CC",
  paleOrange: "#FCE4D6",
} as const;

/** A fill and the text colour drawn on it. */
export interface Highlight {
  fill: string;
  font: string;
}

/** Cells that read as bad (a loss, a gap), good (a gain, the best model), a caution or a note. */
export const HIGHLIGHTS = {
  bad: { fill: FILLS.red, font: "#9C0006" },
  good: { fill: FILLS.green, font: "#006100" },
  caution: { fill: FILLS.yellow, font: "#9C5700" },
  info: { fill: FILLS.blue, font: "#1F4E78" },
} as const satisfies Record<string, Highlight>;

/** Colours of chart series and markers that stand for a meaning (a quadrant, a flag). */
export const SERIES_COLORS = {
  green: "#2E7D32",
  blue: "#1F77B4",
  amber: "#E0A000",
  red: "#C62828",
  grey: "#9E9E9E",
} as const;

/** Data bars and bar charts: rises and falls, points and money. */
export const BAR_COLORS = {
  up: "#4472C4",
  down: PALETTE.warning,
  points: PALETTE.bar,
  money: "#63BE7B",
  /** A group's balance on the DRG P&L chart: a loss, a gain. */
  loss: "#C0504D",
  gain: "#70AD47",
} as const;

export const FONTS: Record<Lang, string> = { zh: "Microsoft YaHei", en: "Calibri" };

/** Font size of body cells, and the sizes of the styled ones. */
export const FONT_SIZES = { body: 11, title: 14, caption: 12 } as const;

export interface FontStyle {
  name: string;
  size: number;
  bold?: boolean;
  italic?: boolean;
  color?: string;
}

/** How one cell (or a range of cells of one kind) looks; both renderers draw exactly this. */
export interface CellStyle {
  font: FontStyle;
  fill?: string;
  /** A thin line above or below the cell. */
  border?: { edge: "top" | "bottom"; color: string };
  horizontal?: "left" | "center";
  vertical?: "middle";
  wrap?: boolean;
}

/** The styled kinds of cells of a report sheet. */
export type CellRole =
  "title" | "note" | "warning" | "caption" | "header" | "numberHeader" | "total" | "label" | "value";

/** The style of each kind of cell in a report of the given language. */
export function cellStyle(role: CellRole, lang: Lang): CellStyle {
  const font = (extra: Partial<FontStyle> = {}): FontStyle => ({ name: FONTS[lang], size: FONT_SIZES.body, ...extra });
  switch (role) {
    case "title":
      return { font: font({ bold: true, size: FONT_SIZES.title }) };
    case "note":
      return { font: font({ italic: true, color: PALETTE.note }) };
    case "warning":
      return { font: font({ bold: true, color: PALETTE.warning }) };
    case "caption":
      return { font: font({ bold: true, size: FONT_SIZES.caption }) };
    case "header":
    case "numberHeader":
      // Text columns read from the left; numbers sit under a centred header.
      return {
        font: font({ bold: true }),
        fill: PALETTE.headerFill,
        border: { edge: "bottom", color: PALETTE.headerBorder },
        horizontal: role === "header" ? "left" : "center",
        vertical: "middle",
        wrap: true,
      };
    case "total":
      return {
        font: font({ bold: true }),
        fill: PALETTE.totalFill,
        border: { edge: "top", color: PALETTE.totalBorder },
      };
    case "label":
      return { font: font({ color: PALETTE.note }) };
    case "value":
      return { font: font(), horizontal: "left" };
  }
}
