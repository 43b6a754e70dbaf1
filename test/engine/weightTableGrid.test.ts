/**
 * The one reader of weight tables from grids (src/engine/weightTableGrid.ts): the layouts
 * it finds, hand-checked, and the error when no code column can be told from the weight.
 */
import { gridFromRows } from "../../src/engine/caseTable";
import { CaseMixError } from "../../src/engine/text";
import { auditTableFromGrid } from "../../src/engine/weightAudit/fromGrid";
import { weightTableFromGrid, weightTableLayout } from "../../src/engine/weightTableGrid";

const layout = (rows: unknown[][]) => weightTableLayout(gridFromRows(rows), "w.csv");
const read = (rows: unknown[][], firstRow = 1) =>
  weightTableFromGrid(gridFromRows(rows), { argName: "w.csv", firstRow });

function failure(f: () => unknown): CaseMixError {
  try {
    f();
  } catch (e) {
    if (e instanceof CaseMixError) return e;
    throw e;
  }
  throw new Error("expected a CaseMixError");
}

describe("weightTableLayout: good tables", () => {
  test("code and weight by header, in either order, with a name column", () => {
    expect(layout([["drg_code", "drg_name", "weight"]])).toEqual({ headerRow: 0, code: 0, weight: 2, name: 1 });
    expect(layout([["权重", "DRG编码"]])).toEqual({ headerRow: 0, code: 1, weight: 0 });
    expect(layout([["病组名称", "RW", "分组编码"]])).toEqual({ headerRow: 0, code: 2, weight: 1, name: 0 });
  });
  test("a loose weight header (调整后权重值) beside a code header", () => {
    expect(layout([["编码", "调整后权重值"]])).toEqual({ headerRow: 0, code: 0, weight: 1 });
  });
  test("title rows above the header", () => {
    expect(layout([["2024 年 DRG 权重表"], [], ["DRG编码", "权重"]])).toEqual({ headerRow: 2, code: 0, weight: 1 });
  });
  test("two columns, one named exactly as the weight: the other is the code", () => {
    expect(layout([["组别", "weight"]])).toEqual({ headerRow: 0, code: 0, weight: 1 });
    expect(layout([["weight", "组别"]])).toEqual({ headerRow: 0, code: 1, weight: 0 });
  });
  test("no header: the first column is the code, the second the weight", () => {
    expect(layout([["GB11", 1.2, "胃"]])).toEqual({ headerRow: -1, code: 0, weight: 1 });
  });
});

describe("weightTableFromGrid", () => {
  test("reads the rows below the header (hand-checked weights)", () => {
    const t = read([
      ["说明：2024"],
      ["名称", "weight", "DRG"],
      ["胃", "1.25", "gb11"],
      ["", "", ""],
      ["呼吸", 0.8, "ES21"],
    ]);
    expect(t.codes).toEqual(["GB11", "ES21"]);
    expect(Array.from(t.weights)).toEqual([1.25, 0.8]);
  });
  test("row numbers in messages count from the grid's first row", () => {
    // Header on row 10, GB11 on row 11, the bad weight on row 12.
    const e = failure(() =>
      read(
        [
          ["DRG编码", "权重"],
          ["GB11", 1],
          ["GB13", "abc"],
        ],
        10,
      ),
    );
    expect(e.messageIn("en")).toBe('w.csv row 12: "abc" is not a number');
  });
  test("a header row without a weight header is skipped when its weight cell is text (as before)", () => {
    const t = read([
      ["编号", "值"],
      ["GB11", 2],
    ]);
    expect(t.codes).toEqual(["GB11"]);
  });
});

describe("a weight column with no code column told apart", () => {
  const rows = [
    ["weight", "分组", "备注"],
    [1.2, "GB11", ""],
  ];
  test("is an error naming the file, row and column, in English and Chinese", () => {
    const e = failure(() => read(rows, 3));
    expect(e.kind).toBe("value");
    expect(e.messageIn("en")).toBe(
      'w.csv row 3: "weight" (column 1) names the weight, but no column is headed as the group code, so the code column cannot be told apart from the weight column; head the code column DRG编码, drg_code or code',
    );
    expect(e.messageIn("zh")).toBe(
      "w.csv 第 3 行：“weight”（第 1 列）是权重列，但没有一列的表头是病组编码，无法区分编码列和权重列；请把编码列的表头写成 DRG编码、drg_code 或 code",
    );
  });
  test("the audit reads the same way", () => {
    const e = failure(() => auditTableFromGrid(gridFromRows(rows), { source: "w.csv" }));
    expect(e.messageIn("en")).toMatch(/^w\.csv row 1: "weight" \(column 1\) names the weight/);
  });
});
