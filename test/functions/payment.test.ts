import { setLanguage } from "../../src/functions/excel";
import { benchmarkGap, drgPayment, pointValue } from "../../src/functions/payment";

const col = (...xs: unknown[]) => xs.map((x) => [x]);

function thrown(fn: () => unknown): { code: string; message?: string } {
  try {
    fn();
  } catch (e) {
    return e as { code: string; message?: string };
  }
  throw new Error("expected an error");
}

afterEach(() => setLanguage(undefined));

// GB11 RW 1.2 (120 points, band 100 to 200: t = 2); ES21 RW 0.5 (50 points, t = 3)
const table = [
  ["DRG编码", "权重"],
  ["GB11", 1.2],
  ["ES21", 0.5],
];
// GB11 costs 25,000, 3,000, 12,000, 10,000: mean 12,500; ratios 2 (high), 0.24 (low), 0.96, 0.8
//   points 120 + (2 - 2) x 120 = 120, 120 x 0.24 = 28.8, 120, 120
// ES21 costs 4,000, 4,000: mean 4,000, normal, 50 points each
// rate 5,000: payment = points / 100 x 5,000 = 6,000, 1,440, 6,000, 6,000, 2,500, 2,500; total 24,440
const groups = col("DRG编码", "GB11", "GB11", "GB11", "", "GB11", "ES21", "ES21");
const costs = col("住院总费用", 25000, 3000, 12000, null, 10000, 4000, 4000);

describe("DRG_PAYMENT", () => {
  test("total by default", () => {
    const out = drgPayment(groups, costs, table, 5000);
    expect(out).toHaveLength(1);
    expect(out[0][0]).toBeCloseTo(24440, 8);
  });

  test("per case, in line with the input (header row kept), empty rows blank", () => {
    setLanguage("en");
    const out = drgPayment(groups, costs, table, 5000, undefined, undefined, undefined, "case");
    expect(out).toHaveLength(8);
    expect(out[0]).toEqual(["points", "case type", "payment"]);
    expect(out[1]).toEqual([120, "high", 6000]);
    expect(out[2][0]).toBeCloseTo(28.8, 12);
    expect(out[2][1]).toBe("low");
    expect(out[2][2]).toBeCloseTo(1440, 9);
    expect(out[3]).toEqual([120, "normal", 6000]);
    expect(out[4]).toEqual(["", "", ""]);
    setLanguage("zh");
    const zh = drgPayment(groups, costs, table, 5000, undefined, undefined, undefined, "case");
    expect(zh[0]).toEqual(["点数", "病例类型", "支付"]);
    expect(zh[1][1]).toBe("高倍率");
  });

  test("group: one row a group, largest loss first, the total row last", () => {
    setLanguage("en");
    const out = drgPayment(groups, costs, table, 5000, undefined, undefined, undefined, "group");
    expect(out[0]).toEqual([
      "group",
      "cases",
      "normal",
      "high",
      "low",
      "points",
      "expected revenue",
      "cost",
      "balance",
      "balance rate",
      "balance per case",
    ]);
    // GB11: revenue 6,000 + 1,440 + 6,000 + 6,000 = 19,440, cost 50,000, balance -30,560, per case -7,640
    expect(out[1].slice(0, 6)).toEqual(["GB11", 4, 2, 1, 1, 388.8]);
    expect(out[1][6]).toBeCloseTo(19440, 8);
    expect(out[1][8]).toBeCloseTo(-30560, 8);
    expect(out[1][9]).toBeCloseTo(-30560 / 19440, 12);
    expect(out[1][10]).toBeCloseTo(-7640, 8);
    // ES21: revenue 5,000, cost 8,000, balance -3,000; total -33,560 over 6 cases
    expect(out[2][0]).toBe("ES21");
    expect(out[2][8]).toBeCloseTo(-3000, 8);
    expect(out[3][0]).toBe("(total)");
    expect(out[3][1]).toBe(6);
    expect(out[3][8]).toBeCloseTo(-33560, 8);
    expect(out).toHaveLength(4); // the blank row is padding (blank in every argument), not data
  });

  test("group_means: a regional mean of 10,000 turns GB11's 25,000 case high, a missing group errs", () => {
    setLanguage("en");
    const region = [
      ["GB11", 10000],
      ["ES21", 4000],
    ];
    const out = drgPayment(groups, costs, table, 5000, undefined, undefined, undefined, "group", undefined, region);
    // 25,000 / 10,000 = 2.5: 120 + 0.5 x 120 = 180 points (9,000); 3,000 / 10,000 = 0.3 low: 36 (1,800);
    // 12,000 and 10,000 normal: 6,000 each; revenue 22,800, balance 22,800 - 50,000 = -27,200
    expect(out[1][0]).toBe("GB11");
    expect(out[1][8]).toBeCloseTo(-27200, 8);
    const err = thrown(() =>
      drgPayment(groups, costs, table, 5000, undefined, undefined, undefined, "total", undefined, [["GB11", 10000]]),
    );
    expect(err.message).toBe('ES21 has no mean cost in group_means (2 cases); add it or set missing to "exclude"');
  });

  test("summary, and a last row for skipped rows", () => {
    setLanguage("en");
    const out = drgPayment(groups, costs, table, 5000, undefined, undefined, undefined, "summary");
    expect(out.slice(0, 4)).toEqual([
      ["cases", 6],
      ["normal cases", 4],
      ["high-cost cases", 1],
      ["low-cost cases", 1],
    ]);
    expect(out[4][1]).toBeCloseTo(488.8, 9); // 120 + 28.8 + 120 + 120 + 50 + 50
    expect(out[5][1]).toBeCloseTo(24440, 8);
    // the blank row 4 is blank in every argument: range padding, not reported
    expect(out).toHaveLength(7);
    expect(out[6]).toEqual(["cases without a weight (unpaid)", 0]);
    // a cost without a group is reported
    const skipped = drgPayment(col("GB11", ""), col(100, 50), table, 5000, undefined, undefined, undefined, "summary");
    expect(skipped[7]).toEqual(["(skipped: 1 with an empty group)", ""]);
  });

  test('missing "exclude": cases of groups without a weight are left unpaid and counted', () => {
    setLanguage("en");
    // GB11 x 2 at 12,000 (mean 12,000, normal): 2 x 6,000 = 12,000; XX11 unpaid
    const g = col("GB11", "XX11", "GB11");
    const c = col(12000, 5000, 12000);
    expect(drgPayment(g, c, table, 5000, undefined, undefined, undefined, "total", "exclude")[0][0]).toBeCloseTo(
      12000,
      9,
    );
    expect(drgPayment(g, c, table, 5000, undefined, undefined, undefined, "case", "exclude")[1]).toEqual([
      "",
      "no weight",
      "",
    ]);
    const summary = drgPayment(g, c, table, 5000, undefined, undefined, undefined, "summary", "exclude");
    expect(summary[0]).toEqual(["cases", 2]);
    expect(summary[6]).toEqual(["cases without a weight (unpaid)", 1]);
  });

  test("point value and coefficient; rules as text and as a two-column range", () => {
    // point value 0.9, coefficient 1.1: total 24,440 x 0.99 = 24,195.6
    expect(drgPayment(groups, costs, table, 5000, 0.9, 1.1)[0][0]).toBeCloseTo(24195.6, 8);
    // high = 1.9 for GB11's band: ratio 2 -> 120 + 0.1 x 120 = 132 (+12 points = +600)
    expect(drgPayment(groups, costs, table, 5000, undefined, undefined, [["high=3,1.9,1.5"]])[0][0]).toBeCloseTo(
      25040,
      8,
    );
    // low = 0.2: 3,000 (ratio 0.24) is now normal: 120 points (+91.2 points = +4,560)
    const range = [
      ["规则", "值"],
      ["低倍率", 0.2],
    ];
    expect(drgPayment(groups, costs, table, 5000, undefined, undefined, range)[0][0]).toBeCloseTo(29000, 8);
  });

  test("errors name the argument: rate, rules, missing weight, blank cost, unknown result", () => {
    setLanguage("en");
    expect(thrown(() => drgPayment(groups, costs, table, null as unknown as number)).message).toBe("rate is required");
    expect(thrown(() => drgPayment(groups, costs, table, -1)).message).toBe('rate: "-1" must be a number above 0');
    expect(thrown(() => drgPayment(groups, costs, table, 5000, undefined, undefined, [["high 3"]])).message).toMatch(
      /^rules: "high 3" is not key=value/,
    );
    const missing = thrown(() => drgPayment(col("GB11", "XX11"), col(1, 2), table, 5000));
    expect(missing.code).toBe("#N/A");
    expect(missing.message).toMatch(/^XX11 has no weight in weight_table \(1 case\)/);
    expect(thrown(() => drgPayment(col("GB11", "GB11"), col(1, null), table, 5000)).message).toBe(
      "costs row 2 is blank; every case of GB11 needs a cost to test the outlier thresholds",
    );
    expect(thrown(() => drgPayment(groups, costs, table, 5000, undefined, undefined, undefined, "each")).message).toBe(
      'result: "each" is not one of total, case, summary, group',
    );
    setLanguage("zh");
    expect(thrown(() => drgPayment(groups, col("费用", "a", 1, 1, 1, 1, 1, 1), table, 5000)).message).toBe(
      'costs 第 2 行："a" 不是数字',
    );
  });
});

describe("POINT_VALUE", () => {
  test("fund / total points; a range of points is added up", () => {
    // 100,000,000 / (1,200,000 + 800,000) = 50 per point
    expect(pointValue(1e8, [[2e6]])).toEqual([[50]]);
    expect(pointValue(1e8, col("总点数", 1.2e6, 8e5, null))).toEqual([[50]]);
    expect(pointValue(1e8, [[0]])).toEqual([[{ code: "#DIV/0!" }]]);
    setLanguage("en");
    expect(thrown(() => pointValue(1e8, col(1, "x"))).message).toBe('total_points row 2: "x" is not a number');
  });
});

describe("BENCHMARK_GAP", () => {
  test("the source's example: CMI 0.85, benchmark 1, 5,000 per weight -> 750 a case", () => {
    // (1 - 0.85) x 5,000 = 0.15 x 5,000 = 750
    const out = benchmarkGap([[0.85]], 1, 5000);
    expect(out[0][0]).toBeCloseTo(750, 9);
    // x 1,000 cases = 750,000
    expect(benchmarkGap([[0.85]], 1, 5000, [[1000]])[0][0]).toBeCloseTo(750000, 6);
  });

  test("a column of units with a column of cases", () => {
    setLanguage("zh");
    // 内科 CMI 0.9, 200 cases: 0.1 x 5,000 x 200 = 100,000; 外科 1.2, 100 cases: -0.2 x 5,000 x 100 = -100,000
    const out = benchmarkGap(col("CMI", 0.9, 1.2, null), 1, 5000, col("病例数", 200, 100, null));
    expect(out[0]).toEqual(["差额"]);
    expect(out[1][0]).toBeCloseTo(100000, 6);
    expect(out[2][0]).toBeCloseTo(-100000, 6);
    expect(out[3]).toEqual([""]);
    setLanguage("en");
    expect(thrown(() => benchmarkGap(col(0.9, 1.2), 1, 5000, col(1, 2, 3))).message).toBe(
      "cases has 3 rows but cmi has 2; give one number or a column the same size",
    );
  });
});
