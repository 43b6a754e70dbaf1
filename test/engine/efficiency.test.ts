import * as fc from "fast-check";
import { internCodes, normalizeKey } from "../../src/engine/codes";
import { efficiencyIndex, groupMeans } from "../../src/engine/efficiency";
import { weightTable } from "../../src/engine/weightTable";

const keys = (values: unknown[]) => internCodes(values, normalizeKey);

describe("efficiencyIndex: worked examples", () => {
  it("against a benchmark table (the module's example)", () => {
    // GB11: 9,000 and 11,000 against B = 8,000; ES21: 3,000 against B = 4,000
    // (2 x 10,000 / 8,000 + 1 x 3,000 / 4,000) / 3 = (2.5 + 0.75) / 3 = 1.083333
    const benchmark = weightTable(["GB11", "ES21"], [8000, 4000]);
    const r = efficiencyIndex(
      { groups: internCodes(["GB11", "GB11", "ES21"]), values: Float64Array.of(9000, 11000, 3000) },
      benchmark,
    );
    expect(r.overall.index).toBeCloseTo(3.25 / 3, 12);
    expect(r.overall.cases).toBe(3);
    expect(r.overall.meanValue).toBeCloseTo(23000 / 3, 9);
    expect(r.overall.casesWithoutBenchmark).toBe(0);
  });

  it("reports and leaves out cases in groups without a benchmark", () => {
    // FR23 has no benchmark: only GB11 counts, 12,000 / 8,000 = 1.5
    const benchmark = weightTable(["GB11"], [8000]);
    const r = efficiencyIndex(
      { groups: internCodes(["GB11", "FR23", "FR23"]), values: Float64Array.of(12000, 5000, 7000) },
      benchmark,
    );
    expect(r.overall.index).toBeCloseTo(1.5, 12);
    expect(r.overall.cases).toBe(1);
    expect(r.overall.casesWithoutBenchmark).toBe(2);
    expect(r.groupsWithoutBenchmark).toEqual(["FR23"]);
  });

  it("a benchmark of 0 counts as no benchmark", () => {
    const r = efficiencyIndex(
      { groups: internCodes(["GB11"]), values: Float64Array.of(100) },
      weightTable(["GB11"], [0]),
    );
    expect(r.overall.index).toBeNaN();
    expect(r.overall.casesWithoutBenchmark).toBe(1);
  });

  it("without a benchmark table the benchmark is each group's mean over all rows, by unit", () => {
    // GB11 mean (10 + 20 + 30) / 3 = 20; ES21 mean (4 + 8) / 2 = 6
    // unit A: GB11 10, ES21 8 -> (10/20 + 8/6) / 2 = (0.5 + 1.333333) / 2 = 0.916667
    // unit B: GB11 20, GB11 30, ES21 4 -> (1 + 1.5 + 0.666667) / 3 = 1.055556
    // overall: (0.5 + 1.333333 + 1 + 1.5 + 0.666667) / 5 = 5 / 5 = 1
    const groups = internCodes(["GB11", "ES21", "GB11", "GB11", "ES21"]);
    const values = Float64Array.of(10, 8, 20, 30, 4);
    const r = efficiencyIndex({ groups, values, by: keys(["A", "A", "B", "B", "B"]) });
    expect(r.overall.index).toBeCloseTo(1, 12);
    const [a, b] = r.rows!;
    expect(a.key).toBe("A");
    expect(a.index).toBeCloseTo((0.5 + 8 / 6) / 2, 12);
    expect(a.cases).toBe(2);
    expect(a.meanValue).toBeCloseTo(9, 12);
    expect(b.index).toBeCloseTo((1 + 1.5 + 4 / 6) / 3, 12);
    expect(Array.from(r.benchmarkById)).toEqual([20, 6]);
  });

  it("reads aggregate rows as `counts` cases at their average", () => {
    // benchmark GB11 = 1,000. Unit: 30 cases at 1,200 and 10 at 800:
    // (30 x 1.2 + 10 x 0.8) / 40 = (36 + 8) / 40 = 1.1
    const r = efficiencyIndex(
      {
        groups: internCodes(["GB11", "GB11"]),
        values: Float64Array.of(1200, 800),
        counts: Float64Array.of(30, 10),
      },
      weightTable(["GB11"], [1000]),
    );
    expect(r.overall.index).toBeCloseTo(1.1, 12);
    expect(r.overall.cases).toBe(40);
  });

  it("skips and counts empty groups, blank values, blank counts and empty keys", () => {
    const groups = internCodes(["A", "", "A", "A", "A"]);
    const values = Float64Array.of(5, 5, NaN, 5, 5);
    const counts = Float64Array.of(1, 1, 1, 0, 1);
    const by = keys(["x", "x", "x", "x", null]);
    const r = efficiencyIndex({ groups, values, counts, by });
    expect(r.skipped).toEqual({ emptyGroup: 1, emptyKey: 1, noCases: 1, missingValue: 1 });
    expect(r.rows!.map((x) => [x.key, x.cases])).toEqual([["x", 1]]);
  });

  it("groupMeans is the case-weighted mean per group, NaN for a group with no value", () => {
    const m = groupMeans(internCodes(["A", "A", "B"]), Float64Array.of(10, 40, NaN), Float64Array.of(3, 1, 2));
    // A: (3 x 10 + 1 x 40) / 4 = 17.5
    expect(m[0]).toBeCloseTo(17.5, 12);
    expect(m[1]).toBeNaN();
  });
});

describe("efficiencyIndex: properties", () => {
  const rowsArb = fc.array(
    fc.record({
      g: fc.constantFrom("A1", "A3", "B1", "C9"),
      k: fc.constantFrom("d1", "d2"),
      v: fc.double({ min: 1, max: 1e5, noNaN: true }),
      n: fc.integer({ min: 1, max: 20 }),
    }),
    { minLength: 1, maxLength: 50 },
  );
  const run = (rows: { g: string; k: string; v: number; n: number }[]) =>
    efficiencyIndex({
      groups: internCodes(rows.map((r) => r.g)),
      values: Float64Array.from(rows.map((r) => r.v)),
      counts: Float64Array.from(rows.map((r) => r.n)),
      by: keys(rows.map((r) => r.k)),
    });

  it("against the data itself the overall index is 1, and the units recombine to it", () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const r = run(rows);
        expect(Math.abs(r.overall.index - 1)).toBeLessThanOrEqual(1e-12);
        let c = 0;
        let s = 0;
        for (const row of r.rows!) {
          c += row.cases;
          s += row.cases * row.index;
        }
        expect(Math.abs(s / c - 1)).toBeLessThanOrEqual(1e-12);
      }),
    );
  });

  it("reversing or duplicating rows changes no index", () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const base = run(rows);
        const reversed = run(rows.slice().reverse());
        const doubled = run([...rows, ...rows]);
        base.rows!.forEach((row, i) => {
          expect(reversed.rows![i].index).toBeCloseTo(row.index, 10);
          expect(doubled.rows![i].index).toBeCloseTo(row.index, 10);
          expect(doubled.rows![i].cases).toBe(2 * row.cases);
        });
      }),
    );
  });
});
