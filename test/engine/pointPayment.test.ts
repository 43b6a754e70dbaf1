import fc from "fast-check";
import { internCodes } from "../../src/engine/codes";
import {
  benchmarkGap,
  caseKind,
  casePoints,
  DEFAULT_PAYMENT_RULES,
  drgPayment,
  HIGH_COST_CASE,
  highThreshold,
  LOW_COST_CASE,
  NORMAL_CASE,
  paymentRules,
  pointValue,
} from "../../src/engine/pointPayment";
import { CaseMixError } from "../../src/engine/text";
import { weightTable } from "../../src/engine/weightTable";

function failure(f: () => unknown): CaseMixError {
  try {
    f();
  } catch (e) {
    return e as CaseMixError;
  }
  throw new Error("did not fail");
}

const R = DEFAULT_PAYMENT_RULES;

describe("thresholds", () => {
  it("bands: base points <= 100 -> 3, 100 to 200 -> 2, above 200 -> 1.5 (a bound is in the lower band)", () => {
    expect(highThreshold(50, R)).toBe(3);
    expect(highThreshold(100, R)).toBe(3);
    expect(highThreshold(100.01, R)).toBe(2);
    expect(highThreshold(200, R)).toBe(2);
    expect(highThreshold(200.01, R)).toBe(1.5);
  });

  it("a case exactly on a threshold is an outlier (>= and <=)", () => {
    // base 80 (band 1, t = 3): ratio 3 is high, 2.999 normal; ratio 0.4 low, 0.41 normal
    expect(caseKind(80, 3, R)).toBe(HIGH_COST_CASE);
    expect(caseKind(80, 2.999, R)).toBe(NORMAL_CASE);
    expect(caseKind(80, 0.4, R)).toBe(LOW_COST_CASE);
    expect(caseKind(80, 0.41, R)).toBe(NORMAL_CASE);
    expect(caseKind(80, NaN, R)).toBe(NORMAL_CASE);
  });

  it("points of high, low and normal cases", () => {
    // high: base 120 (t = 2), ratio 2.5: 120 + (2.5 - 2) x 120 = 180
    expect(casePoints(120, 2.5, R)).toBeCloseTo(180, 12);
    // at the threshold a high case keeps its base: 120 + 0 = 120
    expect(casePoints(120, 2, R)).toBe(120);
    // low: base 120, ratio 0.3: 120 x 0.3 = 36
    expect(casePoints(120, 0.3, R)).toBeCloseTo(36, 12);
    expect(casePoints(120, 1.1, R)).toBe(120);
    // base 250 (t = 1.5), ratio 2: 250 + 0.5 x 250 = 375
    expect(casePoints(250, 2, R)).toBe(375);
  });
});

describe("paymentRules", () => {
  it("starts from the defaults and reads English and Chinese keys", () => {
    const r = paymentRules([["高倍率", "2.5, 2, 1.5"], ["low", 0.5], ["base", "标准"]]);
    expect(r).toEqual({ pointsPerWeight: 100, bands: [100, 200], high: [2.5, 2, 1.5], low: 0.5, base: "standard" });
    expect(paymentRules([["bands", "150"], ["high", "3 2"], ["points", "1000"]])).toEqual({
      pointsPerWeight: 1000,
      bands: [150],
      high: [3, 2],
      low: 0.4,
      base: "data",
    });
  });

  it("rejects rules that cannot score a case", () => {
    expect(failure(() => paymentRules([["bands", "100,200,300"]])).text.en).toBe(
      "rules: high needs 4 multipliers for 3 band bounds; it has 3",
    );
    expect(failure(() => paymentRules([["bands", "200,100"], ["high", "3,2,1"]])).text.en).toMatch(/ascending/);
    expect(failure(() => paymentRules([["low", "2"]])).text.en).toMatch(/above low \(2\); 2 is not/);
    expect(failure(() => paymentRules([["size", "2"]])).text.zh).toMatch(/未知规则 "size"/);
    expect(failure(() => paymentRules([["low", "x"]])).text.en).toBe('rules: low: "x" is not a number of zero or more');
    expect(failure(() => paymentRules([["base", "median"]])).kind).toBe("value");
  });
});

describe("drgPayment by hand", () => {
  // GB11 RW 1.2 (120 points, t = 2); ES21 RW 0.5 (50 points, t = 3)
  const table = weightTable(["GB11", "ES21"], [1.2, 0.5]);

  it("group means from the data, rate 5,000", () => {
    // GB11 costs 25,000, 3,000, 12,000, 10,000 -> mean 50,000 / 4 = 12,500
    //   25,000 / 12,500 = 2    -> high (>= 2): 120 + 0 = 120 points
    //    3,000 / 12,500 = 0.24 -> low: 120 x 0.24 = 28.8 points
    //   12,000 / 12,500 = 0.96 -> normal 120; 10,000 / 12,500 = 0.8 -> normal 120
    // ES21 costs 4,000, 4,000 -> mean 4,000, both normal: 50 points each
    // payment = points / 100 x 5,000: 6,000 + 1,440 + 6,000 + 6,000 + 2,500 + 2,500 = 24,440
    const groups = internCodes(["GB11", "GB11", "GB11", "", "GB11", "ES21", "ES21"]);
    const costs = Float64Array.of(25000, 3000, 12000, NaN, 10000, 4000, 4000);
    const r = drgPayment({ groups, costs }, table, { rate: 5000 });
    expect(Array.from(r.kind)).toEqual([1, -1, 0, 0, 0, 0, 0]);
    expect(r.points[0]).toBe(120);
    expect(r.points[1]).toBeCloseTo(28.8, 12);
    expect(Number.isNaN(r.points[3])).toBe(true);
    expect(r.payment[1]).toBeCloseTo(1440, 9);
    expect(r.totalPoints).toBeCloseTo(120 + 28.8 + 120 + 120 + 50 + 50, 9);
    expect(r.totalPayment).toBeCloseTo(24440, 9);
    expect(r.cases).toBe(6);
    expect([r.normalCases, r.highCases, r.lowCases]).toEqual([4, 1, 1]);
    expect(r.skipped.emptyGroup).toBe(1);
    expect(r.groupMean[0]).toBe(12500);
  });

  it("point value and institution coefficient multiply; base = standard uses RW x money per weight", () => {
    // rate 5,000, point value 0.9, coefficient 1.1: money per weight 4,950
    // GB11 standard 1.2 x 4,950 = 5,940. Case costing 14,850: ratio 2.5 -> high: 120 + 0.5 x 120 = 180 points
    //   payment 1.8 x 4,950 = 8,910. Case costing 2,376: ratio 0.4 -> low: 48 points, 0.48 x 4,950 = 2,376
    const rules = paymentRules([["base", "standard"]]);
    const r = drgPayment(
      { groups: internCodes(["GB11", "GB11"]), costs: Float64Array.of(14850, 2376) },
      table,
      { rate: 5000, pointValue: 0.9, coefficient: 1.1, rules },
    );
    expect(r.groupMean[0]).toBeCloseTo(5940, 9);
    expect(r.points[0]).toBeCloseTo(180, 9);
    expect(r.payment[0]).toBeCloseTo(8910, 6);
    expect(r.kind[1]).toBe(LOW_COST_CASE);
    expect(r.payment[1]).toBeCloseTo(2376, 6);
  });

  it("money per point: rate = 100 points per weight, point value = money per point", () => {
    // point value 50 per point; GB11 normal case: 120 points x 50 = 6,000
    const r = drgPayment({ groups: internCodes(["GB11"]), costs: Float64Array.of(9000) }, table, { rate: 100, pointValue: 50 });
    expect(r.payment[0]).toBeCloseTo(6000, 9);
  });

  it("errors: a group without a weight, a case without a cost", () => {
    const missing = failure(() =>
      drgPayment({ groups: internCodes(["GB11", "XX19", "XX19"]), costs: Float64Array.of(1, 2, 3) }, table, { rate: 1 }),
    );
    expect(missing.text.en).toMatch(/^XX19 has no weight in weight_table \(2 cases\)/);
    const blank = failure(() =>
      drgPayment({ groups: internCodes(["GB11", "GB11"]), costs: Float64Array.of(1, NaN) }, table, { rate: 1, firstRow: 2 }),
    );
    expect(blank.text.en).toBe("costs row 3 is blank; every case of GB11 needs a cost to test the outlier thresholds");
  });

  it("property: with no outliers possible the payment is total weight x rate x point value x coefficient", () => {
    // high far away and low 0: every case normal, so revenue = TW x rate x point value x coefficient
    const rules = paymentRules([["high", "1000,1000,1000"], ["low", "0"]]);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom("GB11", "ES21"), fc.double({ min: 1, max: 1e5, noNaN: true })), { minLength: 1, maxLength: 40 }),
        fc.double({ min: 100, max: 20000, noNaN: true }),
        (cases, rate) => {
          const groups = internCodes(cases.map((c) => c[0]));
          const r = drgPayment({ groups, costs: Float64Array.from(cases, (c) => c[1]) }, table, { rate, pointValue: 0.95, coefficient: 1.05, rules });
          const tw = cases.reduce((s, c) => s + (c[0] === "GB11" ? 1.2 : 0.5), 0);
          return Math.abs(r.totalPayment - tw * rate * 0.95 * 1.05) <= 1e-9 * tw * rate && r.normalCases === cases.length;
        },
      ),
    );
  });
});

describe("pointValue and benchmarkGap", () => {
  it("point value = fund / total points", () => {
    // 100,000,000 / 2,000,000 points = 50 per point
    expect(pointValue(1e8, 2e6)).toBe(50);
    expect(Number.isNaN(pointValue(1e8, 0))).toBe(true);
  });

  it("the source's example: benchmark 1, CMI 0.85, 5,000 per weight -> 750 per case", () => {
    // (1 - 0.85) x 5,000 = 0.15 x 5,000 = 750
    expect(benchmarkGap(0.85, 1, 5000)).toBeCloseTo(750, 9);
    // x 200 cases = 150,000
    expect(benchmarkGap(0.85, 1, 5000, 200)).toBeCloseTo(150000, 6);
    // above the benchmark: negative gap (more money), (1 - 1.2) x 5,000 = -1,000
    expect(benchmarkGap(1.2, 1, 5000)).toBeCloseTo(-1000, 9);
  });
});
