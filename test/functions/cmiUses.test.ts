/**
 * The functions for the uses of CMI (issue 14): CMI_ADJUSTED, LOS_TARGET, COST_TARGET,
 * PREPAYMENT, CMI_COMPARE, DRUG_INDEX, MATERIAL_INDEX, CMI_TARGET, on the ten cases of
 * docs/methods.md, and against the Excel formulas a user would write by hand.
 */
import * as fc from "fast-check";
import { cmiAdjustedFunction, costTarget, losTarget } from "../../src/functions/cmiAdjusted";
import { cmiCompareFunction } from "../../src/functions/cmiCompare";
import { cmiTarget } from "../../src/functions/cmiTarget";
import { costIndex, drugIndex, materialIndex } from "../../src/functions/efficiency";
import { setLanguage } from "../../src/functions/excel";
import { prepayment } from "../../src/functions/prepayment";
import { curveFit } from "../../src/functions/trends";
import { col, thrown } from "../helpers/cells";

beforeEach(() => setLanguage("en"));
afterAll(() => setLanguage(undefined));

// docs/methods.md "The example data": A department, B group, C cost, D LOS, G drugs, H materials.
const DEPT = col("外科", "外科", "外科", "外科", "内科", "内科", "内科", "内科", "内科", "内科");
const GROUPS = col("GB11", "GB11", "GB15", "GB15", "GB15", "GB15", "ES21", "ES21", "ES21", "ES21");
const COST = col(30000, 34000, 18000, 20000, 12000, 14000, 6000, 7000, 8000, 11000);
const LOS = col(12, 14, 8, 10, 6, 8, 4, 5, 5, 6);
const DRUGS = col(8000, 9000, 5000, 6000, 4000, 5000, 3000, 3500, 4000, 6000);
const MATERIALS = col(10000, 12000, 4000, 5000, 2000, 3000, 500, 500, 1000, 1500);
const INFECTED = col(0, 1, 0, 0, 0, 0, 0, 0, 1, 0);
const W = [
  ["DRG编码", "权重"],
  ["GB11", 2],
  ["GB15", 1],
  ["ES21", 0.5],
];
const W_INSURANCE = [
  ["GB11", 1.8],
  ["GB15", 1.1],
  ["ES21", 0.6],
];
const close = (v: number, digits = 10) => expect.closeTo(v, digits);

describe("DRG.CMI_ADJUSTED", () => {
  it("cost per case / CMI per department: 内科 58,000 / 4 = 14,500, 外科 102,000 / 6 = 17,000", () => {
    // 内科 mean 58,000 / 6 = 9,666.67, CMI 4 / 6; 外科 mean 25,500, CMI 1.5
    expect(cmiAdjustedFunction(COST, GROUPS, W, DEPT)).toEqual([
      ["内科", close(14500), close(58000 / 6), close(4 / 6), 6],
      ["外科", 17000, 25500, 1.5, 4],
    ]);
    // hospital 160,000 / 10 = 16,000 at CMI 1
    expect(cmiAdjustedFunction(COST, GROUPS, W)).toEqual([[16000]]);
  });

  it('kind "rate": infection rate / CMI, 外科 0.25 / 1.5, 内科 (1/6) / (4/6) = 0.25', () => {
    const out = cmiAdjustedFunction(INFECTED, GROUPS, W, DEPT, "rate");
    expect(out.map((r) => [r[0], r[1], r[2]])).toEqual([
      ["内科", close(0.25), close(1 / 6)],
      ["外科", close(0.25 / 1.5), 0.25],
    ]);
  });

  it('kind "rate" takes TRUE/FALSE flags (a comparison such as =H2:H11="感染") as 1 and 0', () => {
    const asBooleans = INFECTED.map((r) => [r[0] === 1]);
    expect(cmiAdjustedFunction(asBooleans, GROUPS, W, DEPT, "rate")).toEqual(
      cmiAdjustedFunction(INFECTED, GROUPS, W, DEPT, "rate"),
    );
    // hospital: 2 infected of 10 at CMI 1 = 0.2
    expect(cmiAdjustedFunction(asBooleans, GROUPS, W, undefined, "rate")).toEqual([[close(0.2)]]);
  });

  it("is COUNTIFS / SUMPRODUCT for a rate and SUMIFS / SUMPRODUCT for a mean (random data)", () => {
    const weight: Record<string, number> = { GB11: 2, GB15: 1, ES21: 0.5 };
    const caseArb = fc.record({
      g: fc.constantFrom("GB11", "GB15", "ES21"),
      d: fc.constantFrom("内科", "外科"),
      flag: fc.constantFrom(0, 1),
      days: fc.integer({ min: 1, max: 30 }),
    });
    fc.assert(
      fc.property(fc.array(caseArb, { minLength: 1, maxLength: 40 }), (cases) => {
        const args = (f: "flag" | "days") => [col(...cases.map((c) => c[f])), col(...cases.map((c) => c.g)), W];
        const depts = col(...cases.map((c) => c.d));
        const rate = cmiAdjustedFunction(...(args("flag") as [any, any, any]), depts, "rate");
        const mean = cmiAdjustedFunction(...(args("days") as [any, any, any]), depts);
        for (const [i, d] of rate.map((r) => r[0]).entries()) {
          const mine = cases.filter((c) => c.d === d);
          // =COUNTIFS(A:A,d,F:F,1)/COUNTIFS(A:A,d) / (SUMPRODUCT((A:A=d)*W)/COUNTIFS(A:A,d))
          const countifs = mine.filter((c) => c.flag === 1).length;
          const sumproduct = mine.reduce((s, c) => s + weight[c.g], 0);
          expect(rate[i][1]).toBeCloseTo(countifs / mine.length / (sumproduct / mine.length), 10);
          // =SUMIFS(D:D,A:A,d) / SUMPRODUCT((A:A=d)*W)
          const sumifs = mine.reduce((s, c) => s + c.days, 0);
          expect(mean[i][1]).toBeCloseTo(sumifs / sumproduct, 10);
        }
      }),
      { numRuns: 100 },
    );
  });

  it("reports a blank value and an excluded group in the note; refuses an unknown kind in both languages", () => {
    const out = cmiAdjustedFunction(
      col(1, "", 3),
      col("GB11", "GB11", "XX99"),
      W,
      col("a", "a", "a"),
      "",
      undefined,
      "exclude",
    );
    expect(out[0]).toEqual(["a", 0.5, 1, 2, 1]);
    expect(out[1][0]).toBe("(skipped: 1 with a blank value, 1 case in groups without a weight (XX99))");
    expect(thrown(() => cmiAdjustedFunction(COST, GROUPS, W, DEPT, "median"))).toEqual({
      code: "#VALUE!",
      message: 'kind: "median" is not one of mean, rate',
    });
    setLanguage("zh");
    expect(thrown(() => cmiAdjustedFunction(COST, GROUPS, W, DEPT, "median")).message).toBe(
      'kind："median" 不是可选值之一（mean、rate）',
    );
  });
});

describe("DRG.LOS_TARGET and DRG.COST_TARGET", () => {
  it("LOS against the hospital's 78 days / 10 weight points = 7.8", () => {
    // 内科: mean 34/6 = 5.6667, CMI 0.6667, standardized 8.5, target 0.6667 x 7.8 = 5.2, gap 0.4667
    // 外科: mean 11, CMI 1.5, standardized 7.3333, target 11.7, gap -0.7
    expect(losTarget(GROUPS, LOS, W, DEPT)).toEqual([
      ["内科", close(34 / 6), close(4 / 6), close(8.5), close(7.8), close(5.2), close(34 / 6 - 5.2), 6],
      ["外科", 11, 1.5, close(44 / 6), close(7.8), close(11.7), close(-0.7), 4],
    ]);
  });

  it("the 25th percentile of the units' standardized LOS, or a given number", () => {
    // PERCENTILE.INC({7.3333, 8.5}, 0.25) = 7.625: 外科 target 1.5 x 7.625 = 11.4375
    const byPercentile = losTarget(GROUPS, LOS, W, DEPT, undefined, 0.25);
    expect(byPercentile[1][4]).toBeCloseTo(7.625, 10);
    expect(byPercentile[1][5]).toBeCloseTo(11.4375, 10);
    expect(losTarget(GROUPS, LOS, W, DEPT, "percentile", 0.25)).toEqual(byPercentile);
    expect(losTarget(GROUPS, LOS, W, DEPT, "分位数")[1][4]).toBeCloseTo((44 / 6 + 8.5) / 2, 10);
    expect(losTarget(GROUPS, LOS, W, DEPT, 7)[1][5]).toBe(10.5);
  });

  it("cost against the hospital's 160,000 / 10 = 16,000", () => {
    // 外科 target 1.5 x 16,000 = 24,000, gap 25,500 - 24,000 = 1,500; 内科 10,666.67, gap -1,000
    const out = costTarget(GROUPS, COST, W, DEPT, "hospital");
    expect(out[1]).toEqual(["外科", 25500, 1.5, 17000, 16000, 24000, 1500, 4]);
    expect(out[0][6]).toBeCloseTo(-1000, 8);
  });

  it("standardized LOS is SUMIFS / SUMPRODUCT", () => {
    // 外科: SUMIFS(D, A, "外科") = 44; SUMPRODUCT((A="外科") * weight) = 6
    expect(losTarget(GROUPS, LOS, W, DEPT)[1][3]).toBeCloseTo(44 / 6, 12);
  });

  it("needs by, a known benchmark word and a percentile in 0..1", () => {
    expect(thrown(() => losTarget(GROUPS, LOS, W, undefined as never)).message).toMatch(/^by is missing/);
    expect(thrown(() => losTarget(GROUPS, LOS, W, DEPT, "region")).message).toBe(
      'benchmark: "region" is not "hospital", "percentile" or a standardized value of at least 0',
    );
    expect(thrown(() => costTarget(GROUPS, COST, W, DEPT, undefined, 25)).message).toMatch(
      /^percentile: 25 must be between 0 and 1/,
    );
    setLanguage("zh");
    expect(thrown(() => losTarget(GROUPS, LOS, W, undefined as never)).message).toMatch(/^缺少 by/);
  });
});

describe("DRG.PREPAYMENT", () => {
  const X = col("CMI", 0.6, 0.8, 1.0, 1.2, 1.4);
  const Y = col("例均费用", 6000, 7500, 10000, 12000, 16000);

  it("the linear curve at CMI 1.1: 11,525 x 800 cases = 9,220,000", () => {
    expect(prepayment(col(1.1), col(800), X, Y, "linear")[0][0]).toBeCloseTo(9220000, 4);
  });

  it("a column of units: expected cost and prepayment in line, header as labels, blanks kept", () => {
    const out = prepayment(col("CMI", 1.1, "", 0.8), col("病例数", 800, 100, 50), X, Y, "linear");
    expect(out[0]).toEqual(["expected cost", "prepayment"]);
    expect(out[1]).toEqual([close(11525, 6), close(9220000, 3)]);
    expect(out[2]).toEqual(["", ""]);
    // -1,950 + 12,250 x 0.8 = 7,850; x 50 = 392,500
    expect(out[3]).toEqual([close(7850, 6), close(392500, 4)]);
  });

  it("one unit of the curve's own data returns its fitted value times its cases", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 10000 }), (i, n) => {
        const [b0, b1, b2] = curveFit(X, Y, "quadratic")[0] as number[];
        const xi = X[i][0] as number;
        const fitted = b0 + b1 * xi + b2 * xi * xi;
        expect(prepayment(col(xi), col(n), X, Y, "quadratic")[0][0]).toBeCloseTo(fitted * n, 4);
      }),
      { numRuns: 50 },
    );
  });

  it("refuses a negative number of cases, naming the row", () => {
    expect(thrown(() => prepayment(col(1, 1.1), col(10, -5), X, Y)).message).toMatch(/^cases row 2/);
  });
});

describe("DRG.CMI_COMPARE", () => {
  it("two weight tables on the same groups: 外科 1.5 -> 1.45, 内科 0.6667 -> 0.7667", () => {
    const out = cmiCompareFunction(GROUPS, W, GROUPS, W_INSURANCE, DEPT);
    expect(out).toEqual([
      ["内科", 6, close(4 / 6), 4, 2, 6, close(4.6 / 6), close(4.6), 2, close(0.1), close(0.6), 0],
      ["外科", 4, 1.5, 6, 2, 4, close(1.45), close(5.8), 2, close(-0.05), close(-0.2), 0],
    ]);
    // hospital: TW 10 -> 10.4, CMI 1 -> 1.04
    expect(cmiCompareFunction(GROUPS, W, GROUPS, W_INSURANCE)).toEqual([
      [10, 1, 10, 3, 10, close(1.04), close(10.4), 3, close(0.04), close(0.4), 0],
    ]);
  });

  it("the same table twice: zero differences (random groupings)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom("GB11", "GB15", "ES21"), fc.constantFrom("a", "b", "c")), { minLength: 1 }),
        (cases) => {
          const g = col(...cases.map((c) => c[0]));
          const out = cmiCompareFunction(g, W, g, W, col(...cases.map((c) => c[1])));
          for (const row of out) expect(row.slice(9)).toEqual([0, 0, 0]);
        },
      ),
    );
  });

  it("a header over one group column only is dropped from both; each version's skips named", () => {
    const a = col("DRG编码", "GB11", "XX99", "GB15");
    const b = col("GB11", "GB11", "GB11", "");
    const out = cmiCompareFunction(a, W, b, W, col("科室", "x", "x", "x"), undefined, "exclude");
    // A: GB11 + GB15 = 3 over 2 cases; B: GB11 x 2 = 4 over 2 cases, 1 empty group
    expect(out[0]).toEqual(["x", 2, 1.5, 3, 2, 2, 2, 4, 1, 0.5, 1, -1]);
    expect(out[1][0]).toBe(
      "(skipped: groups_a: 1 case in groups without a weight (XX99), groups_b: 1 with an empty group)",
    );
  });
});

describe("DRG.DRUG_INDEX and DRG.MATERIAL_INDEX", () => {
  it("the cost index on drug and material cost", () => {
    // drugs: GB11 mean 8,500, GB15 5,000, ES21 4,125; 外科 (17,000/8,500 + 11,000/5,000) / 4 = 1.05
    // 内科 (9,000/5,000 + 16,500/4,125) / 6 = 5.8 / 6 = 0.9667
    expect(drugIndex(GROUPS, DRUGS, DEPT).map((r) => r[1])).toEqual([close(5.8 / 6), close(1.05)]);
    // materials: GB11 11,000, GB15 3,500, ES21 875; 外科 (2 + 9,000/3,500) / 4 = 1.1429
    expect(materialIndex(GROUPS, MATERIALS, DEPT)[1][1]).toBeCloseTo((2 + 9000 / 3500) / 4, 12);
  });

  it("equals COST_INDEX on the same column (random data)", () => {
    const caseArb = fc.tuple(
      fc.constantFrom("GB11", "GB15", "ES21", ""),
      fc.oneof(fc.integer({ min: 0, max: 9000 }), fc.constant("")),
      fc.constantFrom("a", "b"),
    );
    fc.assert(
      fc.property(fc.array(caseArb, { minLength: 1, maxLength: 30 }), (cases) => {
        const g = col(...cases.map((c) => c[0]));
        const v = col(...cases.map((c) => c[1]));
        const k = col(...cases.map((c) => c[2]));
        const call = (f: typeof costIndex) => {
          try {
            return f(g, v, k);
          } catch (e) {
            return (e as { code: string }).code;
          }
        };
        const costs = call(costIndex);
        const drugs = call(drugIndex);
        const asCost = (out: unknown) => JSON.stringify(out).replace(/drug cost/g, "cost");
        expect(asCost(drugs)).toBe(asCost(costs));
        expect(JSON.stringify(call(materialIndex)).replace(/material cost/g, "cost")).toBe(asCost(costs));
      }),
    );
  });
});

describe("DRG.CMI_TARGET", () => {
  // engine test's example: 外科 CMI 1, 1.5, 1.125; 内科 0.5, -, 0.75
  const G = col(
    "DRG编码",
    "GB15",
    "GB15",
    "GB11",
    "GB15",
    "GB11",
    "GB15",
    "GB15",
    "ES21",
    "ES21",
    "ES21",
    "GB15",
    "ES21",
  );
  const D = col("科室", "外科", "外科", "外科", "外科", "外科", "外科", "外科", "外科", "内科", "内科", "内科", "内科");
  const P = col("年度", 2022, 2022, 2023, 2023, 2024, 2024, 2024, 2024, 2022, 2022, 2024, 2024);

  it("a header row, then per unit every input of the rule", () => {
    expect(cmiTarget(G, W, P, D)).toEqual([
      [
        "unit",
        "cases",
        "2022",
        "2023",
        "2024",
        "trend per period",
        "latest CMI",
        "latest period",
        "benchmark",
        "benchmark from",
        "share",
        "target CMI",
      ],
      ["内科", 4, 0.5, "", 0.75, close(0.125), 0.75, "2024", 0.75, "best period", 0.3, 0.75],
      ["外科", 8, 1, 1.5, 1.125, close(0.0625), 1.125, "2024", 1.5, "best period", 0.3, close(1.2375)],
    ]);
  });

  it("a benchmark table and a share; Chinese labels", () => {
    setLanguage("zh");
    const out = cmiTarget(G, W, P, D, [["内科", 0.9]], 0.5);
    expect(out[0][0]).toBe("单位");
    // 内科: 0.75 + 0.5 x (0.9 - 0.75) = 0.825
    expect(out[1].slice(8)).toEqual([0.9, "标杆表", 0.5, close(0.825)]);
    expect(out[2][9]).toBe("最佳时期");
  });

  it("counts rows with an empty period, and refuses a share above 1", () => {
    const out = cmiTarget(col("GB11", "GB15"), W, col(2024, ""), col("a", "a"));
    expect(out[2][0]).toBe("(skipped: 1 with an empty by or period)");
    expect(thrown(() => cmiTarget(G, W, P, D, undefined, 2)).message).toMatch(/^share must be between 0 and 1/);
  });

  it("refuses an error value in periods, naming the row", () => {
    expect(thrown(() => cmiTarget(col("GB11", "GB15"), W, col(2024, "#N/A"), col("a", "a")))).toEqual({
      code: "#VALUE!",
      message: 'periods row 2: "#N/A" is an error value',
    });
  });
});
