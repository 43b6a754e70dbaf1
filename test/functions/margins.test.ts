import * as fc from "fast-check";
import { setLanguage } from "../../src/functions/excel";
import { cmiCostIndexFunction, marginContrib } from "../../src/functions/margins";
import { col } from "../helpers/cells";

function excelErr(f: () => unknown): { code: string; message?: string } {
  try {
    f();
  } catch (e) {
    expect(typeof (e as { code: unknown }).code).toBe("string");
    return e as { code: string; message?: string };
  }
  throw new Error("expected an Excel error");
}

beforeEach(() => setLanguage("en"));
afterAll(() => setLanguage(undefined));

// revenue = 医保结算 + 自付; variable cost = 药品费 + 耗材费; direct adds 分摊直接费用
//   case 1 (A): 8,000 + 2,000 = 10,000; 3,000 + 2,000 = 5,000; direct + 1,000 = 6,000
//   case 2 (A): 4,000 + 1,000 =  5,000; 2,500 + 1,500 = 4,000; direct +   500 = 4,500
//   case 3 (B): 6,000 + blank =  6,000; 4,000 + 3,000 = 7,000; direct +   500 = 7,500
const REVENUE = [["医保结算", "自付"], [8000, 2000], [4000, 1000], [6000, null]];
const VARIABLE = [["药品费", "耗材费"], [3000, 2000], [2500, 1500], [4000, 3000]];
const DIRECT = [["药品费", "耗材费", "分摊直接费用"], [3000, 2000, 1000], [2500, 1500, 500], [4000, 3000, 500]];
const DEPT = col("科室", "A", "A", "B");

describe("DRG.MARGIN_CONTRIB", () => {
  it("adds revenue and cost columns across; amount by default, rate on request", () => {
    // revenue 21,000, variable cost 16,000: contribution 5,000, rate 5,000 / 21,000 = 0.238095
    expect(marginContrib(REVENUE, VARIABLE)).toEqual([[5000]]);
    expect(marginContrib(REVENUE, VARIABLE, undefined, "amount")).toEqual([[5000]]);
    expect(marginContrib(REVENUE, VARIABLE, undefined, "rate")[0][0]).toBeCloseTo(5000 / 21000, 12);
    // direct layer: cost 6,000 + 4,500 + 7,500 = 18,000: contribution 3,000, rate 3,000 / 21,000
    expect(marginContrib(REVENUE, DIRECT)).toEqual([[3000]]);
    expect(marginContrib(REVENUE, DIRECT, null as any, "RATE")[0][0]).toBeCloseTo(3000 / 21000, 12);
  });

  it("by a key: key, revenue, cost, contribution, rate, cases", () => {
    // A: 15,000 - 9,000 = 6,000, rate 0.4, 2 cases; B: 6,000 - 7,000 = -1,000, rate -0.166667, 1 case
    const out = marginContrib(REVENUE, VARIABLE, DEPT);
    expect(out[0]).toEqual(["A", 15000, 9000, 6000, 0.4, 2]);
    expect(out[1].slice(0, 4)).toEqual(["B", 6000, 7000, -1000]);
    expect(out[1][4]).toBeCloseTo(-1 / 6, 12);
    expect(out[1][5]).toBe(1);
    expect(out).toHaveLength(2);
  });

  it("with counts, money is per case and a row is that many cases", () => {
    // A: 10 cases at 10,000 / 5,000 -> 100,000 - 50,000 = 50,000; B: 2 cases at 6,000 / 7,000 -> -2,000
    const out = marginContrib(
      [[10000], [6000]],
      [[5000], [7000]],
      col("A", "B"),
      undefined,
      col(10, 2),
    );
    expect(out).toEqual([
      ["A", 100000, 50000, 50000, 0.5, 10],
      ["B", 12000, 14000, -2000, -2000 / 12000, 2],
    ]);
    expect(marginContrib([[10000], [6000]], [[5000], [7000]], undefined, undefined, col(10, 2))).toEqual([[48000]]);
  });

  it("revenue may be negative (refunds); a negative cost is #VALUE! naming the row", () => {
    expect(marginContrib(col(100, -20), col(10, 10))).toEqual([[60]]);
    expect(excelErr(() => marginContrib(col(100, 50), col(10, -5))).message).toBe(
      "cost row 2: -5 is negative; it must be zero or more",
    );
    expect(excelErr(() => marginContrib(REVENUE, [["药品费", "耗材费"], [1, 2], [3, "免费"], [4, 5]])).message).toBe(
      'cost row 3: "免费" is not a number',
    );
    setLanguage("zh");
    expect(excelErr(() => marginContrib(col(100, 50), col(10, -5))).message).toBe(
      "cost 第 2 行：-5 是负数，应大于或等于 0",
    );
  });

  it("rate with zero revenue is #DIV/0!, never NaN", () => {
    expect(marginContrib(col(0), col(10), undefined, "rate")).toEqual([[{ code: "#DIV/0!" }]]);
    expect(marginContrib(col(0), col(10), col("A"))).toEqual([["A", 0, 10, -10, { code: "#DIV/0!" }, 1]]);
  });

  it("an error value in by is #VALUE! naming the row", () => {
    expect(excelErr(() => marginContrib(col(1, 2), col(1, 1), col("A", { code: "#N/A" }))).message).toBe(
      'by row 2: "#N/A" is an error value',
    );
  });

  it("ranges of different sizes and unknown results are #VALUE!", () => {
    expect(excelErr(() => marginContrib(col(1, 2, 3), col(1, 2))).message).toBe(
      "cost has 2 rows but revenue has 3; they must be the same size",
    );
    expect(excelErr(() => marginContrib(col(1), col(1), undefined, "percent")).message).toBe(
      'result: "percent" is not one of amount, rate',
    );
    expect(excelErr(() => marginContrib([], [])).code).toBe("#VALUE!");
  });

  it("rows blank in every argument (whole-column padding) are not cases; an empty by key is skipped and counted", () => {
    // rows 3 and 4 are padding; row 2 has money but no key
    const revenue = col(100, 80, null, "");
    const cost = col(40, 30, null, null);
    expect(marginContrib(revenue, cost, col("A", "", null, ""))).toEqual([
      ["A", 100, 40, 60, 0.6, 1],
      ["(skipped: 1 with an empty by)", "", "", "", "", ""],
    ]);
    // without by, padding rows do not add cases: contribution (100 - 40) + (80 - 30) = 110
    expect(marginContrib(revenue, cost)).toEqual([[110]]);
  });

  it("by keys recombine to the overall contribution; sorting or duplicating rows keeps the rate", () => {
    const rowsArb = fc.array(
      fc.record({ r: fc.integer({ min: 1, max: 1e6 }), c: fc.integer({ min: 0, max: 1e6 }), k: fc.constantFrom("x", "y", "z") }),
      { minLength: 1, maxLength: 30 },
    );
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const rev = col(...rows.map((x) => x.r));
        const cost = col(...rows.map((x) => x.c));
        const total = marginContrib(rev, cost)[0][0] as number;
        const out = marginContrib(rev, cost, col(...rows.map((x) => x.k)));
        expect(out.reduce((s, r) => s + (r[3] as number), 0)).toBe(total);
        const rate = marginContrib(rev, cost, undefined, "rate")[0][0] as number;
        const sorted = rows.slice().sort((a, b) => a.c - b.c);
        const twice = sorted.concat(rows);
        expect(marginContrib(col(...sorted.map((x) => x.r)), col(...sorted.map((x) => x.c)), undefined, "rate")[0][0]).toBeCloseTo(rate, 12);
        expect(marginContrib(col(...twice.map((x) => x.r)), col(...twice.map((x) => x.c)), undefined, "rate")[0][0]).toBeCloseTo(rate, 12);
      }),
    );
  });
});

describe("DRG.CMI_COST_INDEX", () => {
  const TABLE = [["DRG", "RW"], ["A", 2], ["B", 0.5]];
  // variable cost = drugs + materials: A 7,000 + 5,000 = 12,000 (RW 2: 6,000 per point),
  // B 3,000 + 1,000 = 4,000 (RW 0.5: 8,000 per point); rate 10,000 per point
  // index = (6,000 + 8,000) / 2 / 10,000 = 0.7; contribution index 1 - 0.7 = 0.3
  const groups = col("DRG编码", "A", "B");
  const costs = [["药品费", "耗材费"], [7000, 5000], [3000, 1000]];

  it("sums cost / RW over cases, divides by cases and the rate", () => {
    expect(cmiCostIndexFunction(groups, costs, TABLE, 10000)[0][0]).toBeCloseTo(0.7, 12);
    expect(cmiCostIndexFunction(groups, costs, TABLE, 10000, undefined, "contribution")[0][0]).toBeCloseTo(0.3, 12);
  });

  it("by a key, with counts", () => {
    // x: 3 cases of A (6,000 per point each) + 1 of B (8,000): 26,000 / 4 / 10,000 = 0.65
    // y: 1 case of B at 2,000: 4,000 / 10,000 = 0.4
    const out = cmiCostIndexFunction(
      col("A", "B", "B"),
      col(12000, 4000, 2000),
      TABLE,
      10000,
      col("x", "x", "y"),
      undefined,
      col(3, 1, 1),
    );
    expect(out.map((r) => r[0])).toEqual(["x", "y"]);
    expect(out[0][1]).toBeCloseTo(0.65, 12);
    expect(out[0][2]).toBeCloseTo(0.35, 12);
    expect(out[0][3]).toBe(4);
    expect(out[1][1]).toBeCloseTo(0.4, 12);
  });

  it("rejects a missing or non-positive rate, and a group without a weight unless excluded", () => {
    expect(excelErr(() => cmiCostIndexFunction(groups, costs, TABLE, 0)).message).toBe('rate: "0" must be a number above 0');
    expect(excelErr(() => cmiCostIndexFunction(groups, costs, TABLE, null as any)).code).toBe("#VALUE!");
    const e = excelErr(() => cmiCostIndexFunction(col("A", "Q"), col(12000, 5), TABLE, 10000));
    expect(e.code).toBe("#N/A");
    expect(e.message).toMatch(/^Q has no weight in weight_table \(1 case\)/);
    // excluded: only A, 12,000 / 2 / 10,000 = 0.6
    expect(cmiCostIndexFunction(col("A", "Q"), col(12000, 5), TABLE, 10000, undefined, undefined, undefined, "exclude")[0][0]).toBeCloseTo(
      0.6,
      12,
    );
  });
});
