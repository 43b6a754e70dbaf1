import fc from "fast-check";
import { rankByAmount } from "../../../src/report/quadrant/unitRanking";
import { UnitRow } from "../../../src/report/quadrant/types";

const row = (unit: string, amount: number): UnitRow => ({
  rank: 0,
  unit,
  cases: 1,
  totalWeight: 1,
  cmi: 1,
  points: amount,
  amount,
});

describe("rankByAmount", () => {
  it("sorts by amount, largest first, equal amounts sharing a rank as RANK.EQ", () => {
    // 100, 500, 300, 300 (in name order a, b, c, d) -> b 500 (1), c 300 (2), d 300 (2), a 100 (4)
    const ranked = rankByAmount([row("a", 100), row("b", 500), row("c", 300), row("d", 300)]);
    expect(ranked.map((r) => [r.unit, r.rank])).toEqual([
      ["b", 1],
      ["c", 2],
      ["d", 2],
      ["a", 4],
    ]);
  });

  it("gives each row 1 + the number of larger amounts, keeping name order on ties", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 30 }), (amounts) => {
        const rows = amounts.map((a, i) => row(String(i).padStart(2, "0"), a));
        const ranked = rankByAmount(rows);
        expect(ranked).toHaveLength(rows.length);
        ranked.forEach((r, i) => {
          expect(r.rank).toBe(1 + amounts.filter((a) => a > r.amount).length);
          if (i > 0 && ranked[i - 1].amount === r.amount) expect(ranked[i - 1].unit < r.unit).toBe(true);
        });
      }),
    );
  });
});
