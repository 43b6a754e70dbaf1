import * as fc from "fast-check";
import { internCodes } from "../../src/engine/codes";
import { paymentByGroup } from "../../src/engine/paymentGroups";
import { drgPayment, HIGH_COST_CASE, NORMAL_CASE, NO_MEAN_CASE } from "../../src/engine/pointPayment";
import { weightTable } from "../../src/engine/weightTable";

// FR13 RW 1.2 (120 points, band 100-200, high t = 2), GB11 RW 0.8 (80 points, t = 3), ES21 RW 2.5 (250 points, t = 1.5).
const table = weightTable(["FR13", "GB11", "ES21"], [1.2, 0.8, 2.5]);
const groups = internCodes(["FR13", "FR13", "FR13", "FR13", "GB11", "GB11", "ES21", "ES21"]);
// FR13 mean (25,000 + 3,000 + 9,000 + 3,000) / 4 = 10,000; GB11 mean (13,000 + 1,000) / 2 = 7,000;
// ES21 mean (10,000 + 20,000) / 2 = 15,000.
const costs = Float64Array.of(25000, 3000, 9000, 3000, 13000, 1000, 10000, 20000);
const rate = 5000;

describe("paymentByGroup", () => {
  it("gives the hand-computed balances with the hospital's own means", () => {
    const paid = drgPayment({ groups, costs }, table, { rate });
    const pnl = paymentByGroup(paid, groups, costs);
    // FR13: 25,000 / 10,000 = 2.5 >= 2 high: 120 + 0.5 x 120 = 180 points, 9,000;
    //       3,000 ratio 0.3 <= 0.4 low: 36 points, 1,800 (twice); 9,000 normal: 120 points, 6,000.
    //       revenue 9,000 + 1,800 + 6,000 + 1,800 = 18,600; cost 40,000; balance -21,400.
    // GB11: 13,000 / 7,000 = 1.857 normal: 80 points, 4,000; 1,000 / 7,000 = 0.143 low: 80 x 1/7 points,
    //       5,000 x 0.8 / 7 = 571.43; revenue 4,571.43, cost 14,000, balance -9,428.57.
    // ES21: 10,000 / 15,000 = 0.667 normal, 20,000 / 15,000 = 1.333 < 1.5 normal: 2 x 12,500 = 25,000;
    //       cost 30,000, balance -5,000.
    expect(pnl.groups.map((g) => g.group)).toEqual(["FR13", "GB11", "ES21"]);
    const [fr, gb, es] = pnl.groups;
    expect([fr.cases, fr.normal, fr.high, fr.low]).toEqual([4, 1, 1, 2]);
    expect(fr.points).toBeCloseTo(180 + 36 + 120 + 36, 10);
    expect(fr.revenue).toBeCloseTo(18600, 8);
    expect(fr.cost).toBe(40000);
    expect(fr.balance).toBeCloseTo(-21400, 8);
    expect(fr.rate).toBeCloseTo(-21400 / 18600, 12);
    expect(fr.perCase).toBeCloseTo(-5350, 8);
    expect([gb.normal, gb.high, gb.low]).toEqual([1, 0, 1]);
    expect(gb.balance).toBeCloseTo(4000 + 4000 / 7 - 14000, 8);
    expect(es.balance).toBeCloseTo(-5000, 8);
    expect(pnl.total.cases).toBe(8);
    expect(pnl.total.balance).toBeCloseTo(-21400 + 4000 + 4000 / 7 - 14000 - 5000, 8);
  });

  it("uses a regional table of means: ES21 at 12,000 turns the 20,000 case high", () => {
    const means = weightTable(["FR13", "GB11", "ES21"], [10000, 7000, 12000], { argName: "group_means" });
    const paid = drgPayment({ groups, costs }, table, { rate, groupMeans: means });
    expect(paid.kind[7]).toBe(HIGH_COST_CASE);
    expect(paid.kind[6]).toBe(NORMAL_CASE);
    const es = paymentByGroup(paid, groups, costs).groups.find((g) => g.group === "ES21")!;
    // 20,000 / 12,000 = 1.6667 >= 1.5: 250 + 0.16667 x 250 = 291.667 points, 14,583.33;
    // revenue 12,500 + 14,583.33 = 27,083.33, cost 30,000, balance -2,916.67.
    expect(es.high).toBe(1);
    expect(es.revenue).toBeCloseTo(12500 + (250 + (20000 / 12000 - 1.5) * 250) * 50, 8);
    expect(es.balance).toBeCloseTo(27083.333333 - 30000, 5);
  });

  it("follows the missing rule for groups absent from the regional table", () => {
    const means = weightTable(["FR13", "GB11"], [10000, 7000], { argName: "group_means" });
    expect(() => drgPayment({ groups, costs }, table, { rate, groupMeans: means })).toThrow(
      /ES21 has no mean cost in group_means \(2 cases\)/,
    );
    const paid = drgPayment({ groups, costs }, table, { rate, groupMeans: means, missing: "exclude" });
    expect(paid.kind[6]).toBe(NO_MEAN_CASE);
    expect(paid.excludedCases).toBe(2);
    expect(paid.missingMeanCodes).toEqual(["ES21"]);
    expect(paymentByGroup(paid, groups, costs).total.cases).toBe(6);
  });

  it("sums to the total mode, and a regional table equal to the own means changes nothing", () => {
    const code = fc.constantFrom("FR13", "GB11", "ES21");
    fc.assert(
      fc.property(
        fc.array(fc.tuple(code, fc.integer({ min: 1, max: 60000 })), { minLength: 1, maxLength: 30 }),
        (rows) => {
          const g = internCodes(rows.map((r) => r[0]));
          const c = Float64Array.from(rows.map((r) => r[1]));
          const paid = drgPayment({ groups: g, costs: c }, table, { rate });
          const pnl = paymentByGroup(paid, g, c);
          const sum = pnl.groups.reduce((s, r) => s + r.revenue, 0);
          expect(Math.abs(sum - paid.totalPayment)).toBeLessThanOrEqual(1e-9 * paid.totalPayment);
          expect(pnl.total.revenue).toBeCloseTo(paid.totalPayment, 6);
          const own = weightTable(g.codes, Array.from(paid.groupMean), { argName: "group_means" });
          const again = drgPayment({ groups: g, costs: c }, table, { rate, groupMeans: own });
          expect(Array.from(again.kind)).toEqual(Array.from(paid.kind));
          expect(again.totalPayment).toBe(paid.totalPayment);
        },
      ),
      { numRuns: 100 },
    );
  });
});
