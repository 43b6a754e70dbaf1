/**
 * Rows with wrapped cells get the height of their lines (layout/rowHeights.ts), the same from
 * both renderers (test/report/parity.test.ts compares the heights read back).
 */
import { rowHeights, lineCount, LINE_POINTS } from "../../src/report/layout/rowHeights";
import { columnLayout } from "../../src/report/layout/widths";
import { textSpan } from "../../src/report/layout/sheetLayout";
import { SheetModel } from "../../src/report/model";

test("lines: the display width over the column width less 2 of padding, rounded up", () => {
  // a 72-character detail in a 35-character column: 72 / 33 = 2.2 -> 3 lines
  expect(lineCount(72, 35)).toBe(3);
  expect(lineCount(33, 35)).toBe(1);
  expect(lineCount(0, 10)).toBe(1);
});

test("a wrapped cell, a wrapped header and a wrapped key/value label get their lines' height", () => {
  const sheet: SheetModel = {
    name: "s",
    blocks: [
      {
        kind: "keyValue",
        rows: [
          ["标".repeat(40), 1],
          ["short", "x"],
        ],
      },
      {
        kind: "table",
        columns: [
          { id: "a", header: "A header longer than twenty characters", type: "text", width: 10 },
          { id: "b", header: "n", type: "integer" },
        ],
        rows: [["x".repeat(50)], ["y"]],
      },
    ],
  };
  const layout = columnLayout(sheet);
  // column A: the label 80 wide -> 60 (the most); the header counts 20 and "x" x 50 52: the widest, 60.
  expect(layout.widths[0]).toBe(60);
  // the label 80 / 58 -> 2 lines (row 0); the table's header (row 3) 38 / 58 -> 1; "x" x 50 fits (52 <= 60)
  expect(rowHeights(sheet, layout, "zh")).toEqual(new Map([[0, 2 * LINE_POINTS.zh]]));
  // narrower by hand: column A 20 wide -> the header 38 / 18 = 3 lines, "x" x 50 / 18 = 3 lines, the label 80 / 18 = 5
  const narrow = { widths: [20, 8], wrapped: new Set(["0:0", "1:0"]) };
  expect(rowHeights(sheet, narrow, "en")).toEqual(
    new Map([
      [0, 5 * 15],
      [3, 3 * 15],
      [4, 3 * 15],
    ]),
  );
});

test("a note spans the block columns: merged, and as tall as its lines over their widths together", () => {
  const sheet: SheetModel = {
    name: "s",
    blocks: [
      { kind: "text", text: "T", style: "title" },
      { kind: "text", text: "说".repeat(60), style: "note" },
      {
        kind: "table",
        columns: [
          { id: "a", header: "a", type: "text", width: 20 },
          { id: "b", header: "b", type: "integer", width: 20 },
        ],
        rows: [["x", 1]],
      },
    ],
  };
  expect([textSpan(sheet, 0), textSpan(sheet, 1), textSpan(sheet, 2)]).toEqual([undefined, 2, undefined]);
  // the note is 120 wide over 20 + 20 = 40 columns less 2: 120 / 38 = 3.2 -> 4 lines of 16 pt
  expect(rowHeights(sheet, columnLayout(sheet), "zh").get(1)).toBe(4 * 16);
});
