/** The layout both renderers draw from: addresses, sheet names, widths, formats, axis bounds. */
import * as fc from "fast-check";
import { cellAddress, columnLetters, columnRange } from "../../src/report/layout/addresses";
import { axisBounds, logAxisBounds, niceStep } from "../../src/report/layout/axes";
import { axisFormat, keyValueFormat } from "../../src/report/layout/formats";
import { cleanSheetName, sheetNamesBeside } from "../../src/report/layout/sheetNames";
import { cellWidth, columnLayout, displayWidth, widthPoints } from "../../src/report/layout/widths";
import { planLine } from "../../src/report/layout/charts";
import { PALETTE } from "../../src/report/layout/palette";
import { LineChartModel, placeBlocks, SheetModel, TableBlock } from "../../src/report/model";

describe("addresses", () => {
  test("column letters and ranges", () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetters)).toEqual(["A", "Z", "AA", "AB", "ZZ", "AAA"]);
    expect(cellAddress(3, 7)).toBe("H4");
    expect(columnRange("Bob's", 3, 3, 17)).toBe("'Bob''s'!$D$4:$D$20");
  });
});

describe("sheet names", () => {
  test("cleaned the Excel way: _ for refused characters, CaseMix when empty, 31 characters", () => {
    expect(cleanSheetName("a/b:c")).toBe("a_b_c");
    expect(cleanSheetName("  '' ")).toBe("CaseMix");
    expect(cleanSheetName("'quoted'")).toBe("quoted");
    expect(cleanSheetName("History")).toBe("History_");
    expect(cleanSheetName("x".repeat(40))).toBe("x".repeat(31));
  });
  test("one suffix for the whole report, and names repeated inside a report made unique", () => {
    expect(sheetNamesBeside(["四象限分析", "参数"], ["参数"])).toEqual({
      names: ["四象限分析 (2)", "参数 (2)"],
      suffix: 2,
    });
    expect(sheetNamesBeside(["A", "a"], [])).toEqual({ names: ["A", "a (2)"], suffix: 1 });
  });
});

describe("column widths", () => {
  test("East Asian wide characters count 2", () => {
    expect(displayWidth("心内科 GB11")).toBe(3 * 2 + 5);
    expect(displayWidth("ｇｂ")).toBe(4);
  });
  test("numbers as their format shows them", () => {
    expect(cellWidth(1234567.891, "money")).toBe("1,234,567.89".length);
    expect(cellWidth(-0.0625, "percent")).toBe("-6.25%".length);
    expect(cellWidth(2.5, "weight")).toBe("2.5000".length);
  });
  test("the widest cell plus 2, at least the model's width and 8, at most 60, wider text wraps", () => {
    const layout = columnLayout({
      name: "s",
      blocks: [
        {
          kind: "table",
          columns: [
            { id: "a", header: "病组", type: "text", width: 10 },
            { id: "b", header: "A header longer than twenty characters", type: "integer" },
            { id: "c", header: "说明", type: "text" },
          ],
          rows: [["GB11", 1234567, "长".repeat(40)]],
        },
      ],
    });
    // a: max(10, 4 + 2) = 10; b: header counts 20, "1,234,567" 9: 20 + 2 = 22; c: 80 + 2 -> 60, wraps.
    expect(layout.widths).toEqual([10, 22, 60]);
    expect([...layout.wrapped]).toEqual(["0:2"]);
    expect(widthPoints(10)).toBe(56.25); // trunc(75) px x 0.75
  });
});

describe("formats", () => {
  test("key/value numbers and axis formats from the tick step", () => {
    expect([keyValueFormat(75), keyValueFormat(1.056), keyValueFormat("x")]).toEqual([
      "#,##0",
      "#,##0.00####",
      undefined,
    ]);
    // a typed pair takes its type's format: a rate as per cent, a CMI with 4 decimals; text stays text
    expect([keyValueFormat(0.0625, "percent"), keyValueFormat(1.2, "weight"), keyValueFormat(3, "text")]).toEqual([
      "0.00%",
      "0.0000",
      "#,##0",
    ]);
    expect(keyValueFormat("x", "percent")).toBeUndefined();
    expect(axisFormat("weight", 0.25)).toBe("#,##0.00");
    expect(axisFormat("money", 5000)).toBe("#,##0");
    expect(axisFormat("percent", 0.025)).toBe("0.0%");
    expect(axisFormat("weight", undefined)).toBe("General");
  });
});

describe("axis bounds", () => {
  test("hand-computed", () => {
    // 0.4 .. 2 with the cut 1.27: span 1.6, step 0.2, pad 0.064: floor(0.336 / 0.2) = 1, ceil(2.064 / 0.2) = 11.
    expect(axisBounds([0.4, 2], 1.27)).toEqual({ min: 0.2, max: 2.2, step: 0.2 });
    // -0.17 .. 0.6 with the cut 0: span 0.77, step 0.1, pad 0.0308 -> -0.3 .. 0.7.
    expect(axisBounds([-0.17, 0.6], 0)).toEqual({ min: -0.3, max: 0.7, step: 0.1 });
    // 0.05 .. 5: the pad would cross 0, so the axis starts at 0.
    expect(axisBounds([0.05, 5])).toEqual({ min: 0, max: 6, step: 1 });
    expect(axisBounds([NaN])).toEqual({ min: 0, max: 1, step: 0.2 });
    expect(logAxisBounds([0.077, 27.3], 1)).toEqual({ min: 0.0625, max: 32, logBase: 2 });
    expect(niceStep(7000)).toBe(1000);
  });
  test("values a few units in the last place apart still get bounds around them", () => {
    // Both found by the property below: a step of 1e-11 at 1e6 is finer than the doubles there.
    // The second spans 0.0008, under 1e-9 x 1e6 = 0.001: widened to 0.001, step 0.001 / 8 -> 0.0002.
    const near = axisBounds([-999999.9999995001, -999999.9999995002]);
    expect(near.max).toBeGreaterThanOrEqual(-999999.9999995001);
    expect(near.min).toBeLessThanOrEqual(-999999.9999995002);
    expect(axisBounds([999999.9980680002, 999999.9988680001])).toEqual({
      min: 999999.998,
      max: 999999.999,
      step: 0.0002,
    });
  });

  test("property: the bounds hold every value, sit on the step, and do not cross 0 needlessly", () => {
    const value = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 30 }), (values) => {
        const { min, max, step } = axisBounds(values);
        const lo = Math.min(...values);
        const hi = Math.max(...values);
        expect(min).toBeLessThanOrEqual(lo);
        expect(max).toBeGreaterThanOrEqual(hi);
        expect(max).toBeGreaterThan(min);
        // x / step carries the division's rounding, ~1e-16 of the quotient: 2e-6 at 1e10 steps
        // (999,999.999 / 0.0001 = 9,999,999,989.999998), so the tolerance grows with it.
        const onStep = (x: number) => {
          const q = x / (step as number);
          return Math.abs(q - Math.round(q)) < Math.max(1e-6, 1e-15 * Math.abs(q));
        };
        expect(onStep(min) && onStep(max)).toBe(true);
        if (lo >= 0) expect(min).toBeGreaterThanOrEqual(0);
        if (hi <= 0 && lo < 0) expect(max).toBeLessThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe("line chart plans", () => {
  // Title (row 0; a text block has no blank row after it), then the table: caption row 1,
  // header row 2, data rows 3 and 4.
  const sheet: SheetModel = {
    name: "监测",
    blocks: [
      { kind: "text", text: "监测", style: "title" },
      {
        kind: "table",
        caption: "各期 CMI",
        columns: [
          { id: "period", header: "统计期", type: "text" },
          { id: "a", header: "全院", type: "weight" },
          { id: "b", header: "外科", type: "weight" },
        ],
        rows: [
          ["2024-01", 1.1, null],
          ["2024-02", 1.2, 1.5],
        ],
      },
    ],
  };
  const chart: LineChartModel = {
    kind: "line",
    title: "各期 CMI",
    xTitle: "统计期",
    yTitle: "CMI",
    categories: { blockIndex: 1, columnId: "period" },
    series: [
      { name: "全院", values: { blockIndex: 1, columnId: "a" } },
      { name: "外科", values: { blockIndex: 1, columnId: "b" }, color: "#123456" },
    ],
    valueType: "number",
    anchor: { row: 0, column: 5, width: 8, height: 16 },
  };

  it("refers to the table's cells, blanks as gaps, colours in turn unless given", () => {
    const plan = planLine(sheet, placeBlocks(sheet), chart)!;
    expect(plan.categories).toEqual({ column: 0, row: 3, rows: 2, labels: ["2024-01", "2024-02"] });
    expect(plan.series.map((s) => [s.cells, s.values, s.color])).toEqual([
      [{ column: 1, row: 3, rows: 2 }, [1.1, 1.2], PALETTE.lines[0]],
      [{ column: 2, row: 3, rows: 2 }, [NaN, 1.5], "#123456"],
    ]);
    expect(plan.axisFormat).toBe("#,##0.00");
  });

  it("is left out for an empty table and refuses a line from another block", () => {
    const empty: SheetModel = { ...sheet, blocks: [sheet.blocks[0], { ...(sheet.blocks[1] as TableBlock), rows: [] }] };
    expect(planLine(empty, placeBlocks(empty), chart)).toBeUndefined();
    const wrong = { ...chart, series: [{ name: "x", values: { blockIndex: 0, columnId: "a" } }] };
    expect(() => planLine(sheet, placeBlocks(sheet), wrong)).toThrow(
      "line chart 各期 CMI: series x is not in the labels' table",
    );
  });
});
