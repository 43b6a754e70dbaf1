/** Regional group mean cost tables read by header as weight tables are (src/engine/groupMeansGrid.ts). */
import { gridFromRows } from "../../src/engine/caseTable";
import { groupMeansFromGrid } from "../../src/engine/groupMeansGrid";

const read = (rows: unknown[][]) => groupMeansFromGrid(gridFromRows(rows), { argName: "region.csv" });

test.each(["次均费用", "例均费用", "平均费用", "组均费用", "mean cost", "Mean_Cost", "病组次均费用（元）"])(
  "the mean column headed %s, in any position, below a title row",
  (header) => {
    const t = read([["2024 年区域病组均值"], ["病组名称", header, "DRG编码"], ["甲组", "12,000", "gb11"]]);
    expect(t.codes).toEqual(["GB11"]);
    expect(t.weightOf("GB11")).toBe(12000);
  },
);

test("without a header the first column is the code and the second the mean", () => {
  expect(
    read([
      ["GB11", 12000],
      ["FR13", 8000],
    ]).weightOf("FR13"),
  ).toBe(8000);
});

test("errors name the file, the row and the mean cost", () => {
  expect(() =>
    read([
      ["DRG编码", "次均费用"],
      ["GB11", -5],
    ]),
  ).toThrow("region.csv row 2: value -5 of GB11 is negative");
  expect(() => read([["名称", "次均费用", "x"]])).toThrow(/row 1: "次均费用" \(column 2\) names the mean cost/);
  expect(() => read([["GB11"]])).toThrow(
    "region.csv: a table of group mean costs needs two columns, group code and mean cost",
  );
});

test("a weight table given as the means (a code header, no mean column) is refused, not read as means", () => {
  expect(() =>
    read([
      ["DRG编码", "权重"],
      ["GB11", 1.2],
    ]),
  ).toThrow('region.csv row 1: "DRG编码" names the group code, but no column is headed as the mean cost');
});
