import * as fc from "fast-check";
import { internCodes, normalizeKey } from "../../src/engine/codes";
import { cmiCostIndex } from "../../src/engine/cmiCostIndex";
import { CaseMixError } from "../../src/engine/text";
import { weightTable } from "../../src/engine/weightTable";

const table = weightTable(["A", "B", "Z"], [2, 0.5, 0]);
const keys = (values: unknown[]) => internCodes(values, normalizeKey);

function thrown(f: () => unknown): CaseMixError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(CaseMixError);
    return e as CaseMixError;
  }
  throw new Error("expected a CaseMixError");
}

describe("cmiCostIndex", () => {
  it("divides each case's cost by its weight, then by cases and the rate (the module's example)", () => {
    // A: 12,000 / 2 = 6,000 per point; B: 4,000 / 0.5 = 8,000 per point
    // (6,000 + 8,000) / 2 / 10,000 = 0.7; contribution index 1 - 0.7 = 0.3
    const r = cmiCostIndex({ groups: internCodes(["A", "B"]), costs: Float64Array.of(12000, 4000) }, table, 10000);
    expect(r.overall.costIndex).toBeCloseTo(0.7, 12);
    expect(r.overall.contributionIndex).toBeCloseTo(0.3, 12);
    expect(r.overall.cases).toBe(2);
  });

  it("counts aggregate rows and breaks down by key", () => {
    // x: 3 cases of A at 12,000 (6,000 per point each) + 1 of B at 4,000 (8,000):
    //    (3 x 6,000 + 8,000) / 4 / 10,000 = 26,000 / 40,000 = 0.65
    // y: 1 case of B at 2,000: 2,000 / 0.5 = 4,000 per point: 0.4
    const r = cmiCostIndex(
      {
        groups: internCodes(["A", "B", "B"]),
        costs: Float64Array.of(12000, 4000, 2000),
        counts: Float64Array.of(3, 1, 1),
        by: keys(["x", "x", "y"]),
      },
      table,
      10000,
    );
    expect(r.rows!.map((x) => x.key)).toEqual(["x", "y"]);
    expect(r.rows![0].costIndex).toBeCloseTo(0.65, 12);
    expect(r.rows![0].cases).toBe(4);
    expect(r.rows![1].costIndex).toBeCloseTo(0.4, 12);
    expect(r.rows![1].contributionIndex).toBeCloseTo(0.6, 12);
    // overall: (26,000 + 4,000) / 5 / 10,000 = 0.6
    expect(r.overall.costIndex).toBeCloseTo(0.6, 12);
  });

  it("when every case's cost is exactly rate x RW, the index is 1", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ g: fc.constantFrom("A", "B"), n: fc.integer({ min: 1, max: 9 }) }), { minLength: 1 }),
        fc.double({ min: 100, max: 50000, noNaN: true }),
        (rows, rate) => {
          const costs = Float64Array.from(rows.map((x) => rate * table.weightOf(x.g)));
          const r = cmiCostIndex(
            { groups: internCodes(rows.map((x) => x.g)), costs, counts: Float64Array.from(rows.map((x) => x.n)) },
            table,
            rate,
          );
          expect(Math.abs(r.overall.costIndex - 1)).toBeLessThanOrEqual(1e-12);
        },
      ),
    );
  });

  it("rejects a rate that is not above 0, and a weight of 0", () => {
    const input = { groups: internCodes(["A"]), costs: Float64Array.of(1) };
    for (const rate of [0, -5, NaN, Infinity]) {
      expect(thrown(() => cmiCostIndex(input, table, rate)).kind).toBe("value");
    }
    expect(thrown(() => cmiCostIndex(input, table, 0)).text.en).toBe(
      "rate must be the payment per weight point, a number above 0 (got 0)",
    );
    const e = thrown(() => cmiCostIndex({ groups: internCodes(["Z"]), costs: Float64Array.of(1) }, table, 100));
    expect(e.kind).toBe("div0");
    expect(e.text.en).toMatch(/^Z has weight 0/);
  });

  it("missing weights: an error by default, left out and counted with exclude", () => {
    const input = { groups: internCodes(["A", "Q", "", "A"]), costs: Float64Array.of(12000, 1, 1, NaN) };
    expect(thrown(() => cmiCostIndex(input, table, 10000)).text.en).toMatch(/^Q has no weight/);
    const r = cmiCostIndex(input, table, 10000, { missing: "exclude" });
    expect(r.excludedCases).toBe(1);
    expect(r.overall.cases).toBe(1);
    expect(r.overall.costIndex).toBeCloseTo(0.6, 12); // 12,000 / 2 / 10,000
    expect(r.skipped).toMatchObject({ emptyGroup: 1, missingValue: 1 });
  });
});
