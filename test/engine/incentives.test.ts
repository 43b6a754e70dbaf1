import * as fc from "fast-check";
import { internCodes, normalizeKey } from "../../src/engine/codes";
import {
  allocatePool,
  allocatePoolCents,
  casePoints,
  incentiveAmounts,
  poolInCents,
  roundCents,
  unitIncentives,
} from "../../src/engine/incentives";
import { weightTable } from "../../src/engine/weightTable";

describe("points and rounding", () => {
  it("points per case are RW x coefficient", () => {
    expect(Array.from(casePoints([2, 0.5], [1.5, 0.8]))).toEqual([3, 0.4]);
  });

  it("rounds to cents half away from zero on the decimal shown", () => {
    expect(roundCents(1.005)).toBe(1.01);
    expect(roundCents(2.675)).toBe(2.68);
    expect(roundCents(-1.005)).toBe(-1.01);
    expect(roundCents(1.004999)).toBe(1);
  });

  it("takes a pool only in whole cents", () => {
    expect(poolInCents(1234.56)).toBe(123456);
    expect(poolInCents(0.07)).toBe(7);
    expect(() => poolInCents(1000.005)).toThrow(/cents/);
    expect(() => poolInCents(-1)).toThrow(/pool/);
  });
});

describe("pool sharing (largest remainder)", () => {
  it("gives the cent left over to the largest fraction", () => {
    // 100 cents x 2/3 = 66.67, x 1/3 = 33.33: floors 66 + 33 = 99, the cent goes to .67
    expect(Array.from(allocatePoolCents([2, 1], 100))).toEqual([67, 33]);
  });

  it("breaks ties by points, then by order (the module's example)", () => {
    // 10,000 cents / 3 = 3,333.33 each; one cent left; equal fractions and points: the first unit
    expect(Array.from(allocatePool([1, 1, 1], 100))).toEqual([33.34, 33.33, 33.33]);
    // 5 cents / 4 = 1.25 each: floors 4, one cent left, all tied: the first unit
    expect(Array.from(allocatePoolCents([1, 1, 1, 1], 5))).toEqual([2, 1, 1, 1]);
    // 7 cents over points 2, 1, 1 (total 4): quotas 3.5, 1.75, 1.75; floors 3 + 1 + 1 = 5,
    // two cents left: the two .75 fractions first
    expect(Array.from(allocatePoolCents([2, 1, 1], 7))).toEqual([3, 2, 2]);
    // 1 cent over points 1, 1, 0: quotas 0.5, 0.5, 0: tied fractions and points, the first unit
    expect(Array.from(allocatePoolCents([1, 1, 0], 1))).toEqual([1, 0, 0]);
  });

  it("prefers more points among equal fractions", () => {
    // 3 cents over points [1, 2, 3] (total 6): quotas 0.5, 1, 1.5: floors 0 + 1 + 1 = 2, 1 left;
    // fractions .5 (1 point) and .5 (3 points): the unit with 3 points gets it
    expect(Array.from(allocatePoolCents([1, 2, 3], 3))).toEqual([0, 1, 2]);
  });

  it("a unit without points gets nothing, an empty pool nothing at all", () => {
    expect(Array.from(allocatePoolCents([0, 5], 999))).toEqual([0, 999]);
    expect(Array.from(allocatePoolCents([0, 0], 0))).toEqual([0, 0]);
    expect(() => allocatePoolCents([0, 0], 100)).toThrow(/points/);
    expect(() => allocatePoolCents([1, NaN], 100)).toThrow(/points item 2/);
  });

  it("always adds up to the pool exactly, in cents, within a cent of each share (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 0, max: 1e12 }),
        (points, poolCents) => {
          const total = points.reduce((a, b) => a + b, 0);
          fc.pre(total > 0);
          const cents = allocatePoolCents(points, poolCents);
          let sum = 0;
          cents.forEach((c, i) => {
            expect(Number.isInteger(c)).toBe(true);
            expect(c).toBeGreaterThanOrEqual(0);
            const share = (poolCents * points[i]) / total;
            expect(Math.abs(c - share)).toBeLessThan(1 + 1e-6 * Math.max(1, share));
            sum += c;
          });
          expect(sum).toBe(poolCents);
        },
      ),
    );
  });

  it("allocatePool in money adds up to the pool in cents (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.01, max: 500, noNaN: true }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 1e10 }),
        (points, poolCents) => {
          const amounts = allocatePool(points, poolCents / 100);
          let cents = 0;
          for (const a of amounts) cents += Math.round(a * 100);
          expect(cents).toBe(poolCents);
        },
      ),
    );
  });
});

describe("incentiveAmounts", () => {
  it("per point and pool (the module's examples)", () => {
    expect(Array.from(incentiveAmounts([10, 30], { mode: "perPoint", moneyPerPoint: 50 }))).toEqual([500, 1500]);
    expect(Array.from(incentiveAmounts([10, 30], { mode: "pool", pool: 1000 }))).toEqual([250, 750]);
    // 1.2345 points x 3 = 3.7035, rounded to cents 3.70
    expect(Array.from(incentiveAmounts([1.2345], { mode: "perPoint", moneyPerPoint: 3 }))).toEqual([3.7]);
    expect(() => incentiveAmounts([1], { mode: "perPoint", moneyPerPoint: -1 })).toThrow(/per_point/);
  });
});

describe("unitIncentives", () => {
  // GB11 (RW 2, coefficient 1.5) x 2 cases in 内科, ES21 (RW 0.5, coefficient 0.8) x 1 in 外科,
  // one case of XX99 (no weight) in 外科 and one GB11 case without a department.
  const groups = internCodes(["GB11", "GB11", "ES21", "XX99", "GB11"]);
  const by = internCodes(["内科", "内科", "外科", "外科", ""], normalizeKey);
  const weights = weightTable(["GB11", "ES21"], [2, 0.5]);
  const coef = new Map([
    ["GB11", 1.5],
    ["ES21", 0.8],
  ]);

  it("adds cases, weight and points per unit; shares a pool (the module's example)", () => {
    const r = unitIncentives({ groups, by }, weights, coef, { mode: "pool", pool: 1000 });
    // 内科: 2 cases, TW 4, CMI 2, points 2 x 2 x 1.5 = 6; 外科: 1 case, TW 0.5, points 0.4.
    // Pool 1,000 x 6 / 6.4 = 937.50, x 0.4 / 6.4 = 62.50
    expect(r.rows.map((x) => x.key)).toEqual(["内科", "外科"]);
    expect(r.rows[0]).toMatchObject({ cases: 2, totalWeight: 4, cmi: 2, points: 6, amount: 937.5 });
    expect(r.rows[1]).toMatchObject({ cases: 1, totalWeight: 0.5, cmi: 0.5, amount: 62.5 });
    expect(r.rows[1].points).toBeCloseTo(0.4, 12);
    expect(r.total.amount).toBe(1000);
    expect(r.total.cases).toBe(3);
    expect(r.total.cmi).toBeCloseTo(4.5 / 3, 12);
    expect(r.excludedCases).toBe(1);
    expect(r.skipped.emptyKey).toBe(1);
  });

  it("counts aggregated rows and pays per point", () => {
    const counts = Float64Array.of(3, 0, 2, 1, 1);
    const r = unitIncentives({ groups, by, counts }, weights, coef, { mode: "perPoint", moneyPerPoint: 10 });
    // 内科: 3 cases of GB11 (the second row has count 0): points 3 x 3 = 9, amount 90
    // 外科: 2 cases of ES21: points 2 x 0.4 = 0.8, amount 8
    expect(r.rows[0]).toMatchObject({ cases: 3, points: 9, amount: 90 });
    expect(r.rows[1].cases).toBe(2);
    expect(r.rows[1].amount).toBe(8);
    expect(r.total.amount).toBe(98);
  });
});
