import * as fc from "fast-check";
import { caseMix } from "../../src/engine/caseMix";
import { internCodes, normalizeKey } from "../../src/engine/codes";
import { CaseMixError } from "../../src/engine/text";
import { weightTable } from "../../src/engine/weightTable";

const table = weightTable(["GB11", "GB13", "ES21"], [2, 1.5, 0.5]);
const keys = (values: unknown[]) => internCodes(values, normalizeKey);

describe("caseMix: worked examples", () => {
  it("computes total weight, CMI and group count overall", () => {
    // GB11 2 + GB11 2 + GB13 1.5 + ES21 0.5 + ES21 0.5 = 6.5; CMI = 6.5 / 5 = 1.3; 3 groups
    const groups = internCodes(["GB11", " gb11", "ＧＢ１３", "ES21", "es21 "]);
    const r = caseMix({ groups }, table);
    expect(r.overall.totalWeight).toBeCloseTo(6.5, 12);
    expect(r.overall.cases).toBe(5);
    expect(r.overall.cmi).toBeCloseTo(1.3, 12);
    expect(r.overall.groupCount).toBe(3);
    expect(r.rows).toBeUndefined();
  });

  it("breaks down by a dimension, keys in display order", () => {
    // B: GB11, GB13, ES21 -> TW 2 + 1.5 + 0.5 = 4, 3 cases, CMI 1.3333, 3 groups
    // A: GB11, ES21       -> TW 2 + 0.5 = 2.5, 2 cases, CMI 1.25, 2 groups
    const groups = internCodes(["GB11", "GB13", "GB11", "ES21", "ES21"]);
    const by = keys(["B", "B", "A", "B", "A"]);
    const r = caseMix({ groups, by }, table);
    expect(r.rows!.map((x) => x.key)).toEqual(["A", "B"]);
    const [a, b] = r.rows!;
    expect(a.totalWeight).toBeCloseTo(2.5, 12);
    expect(a.cases).toBe(2);
    expect(a.cmi).toBeCloseTo(1.25, 12);
    expect(a.groupCount).toBe(2);
    expect(b.totalWeight).toBeCloseTo(4, 12);
    expect(b.cmi).toBeCloseTo(4 / 3, 12);
    expect(b.groupCount).toBe(3);
    expect(r.overall.cmi).toBeCloseTo(6.5 / 5, 12);
  });

  it("lists numeric keys numerically and Chinese keys in pinyin order", () => {
    const groups = internCodes(["GB11", "GB11", "GB11", "GB11"]);
    const by = keys(["内科", "10", "儿科", "9"]);
    const r = caseMix({ groups, by }, table);
    expect(r.rows!.map((x) => x.key)).toEqual(["9", "10", "儿科", "内科"]);
  });

  it("counts an aggregate row `counts` times", () => {
    // GB11 x 10 (20) + ES21 x 30 (15) = 35 over 40 cases: CMI 0.875
    const groups = internCodes(["GB11", "ES21"]);
    const r = caseMix({ groups, counts: Float64Array.of(10, 30) }, table);
    expect(r.overall.cases).toBe(40);
    expect(r.overall.totalWeight).toBeCloseTo(35, 12);
    expect(r.overall.cmi).toBeCloseTo(0.875, 12);
  });

  it("skips and counts rows with an empty group, a blank or zero count, an empty key", () => {
    const groups = internCodes(["GB11", null, "ES21", "GB13", "", 0, "GB11"]);
    const counts = Float64Array.of(1, 1, NaN, 0, 1, 1, 1);
    const by = keys(["A", "A", "A", "A", "A", "A", ""]);
    const r = caseMix({ groups, counts, by }, table);
    expect(r.skipped).toEqual({ emptyGroup: 3, emptyKey: 1, noCases: 2, missingValue: 0 });
    expect(r.rows).toHaveLength(1);
    expect(r.rows![0].cases).toBe(1);
    expect(r.overall.cases).toBe(1);
  });

  it("source example: benchmark CMI 1, hospital CMI 0.85, 5,000 per weight point: 750 less per case", () => {
    // region: 4 cases of weight 1.5 and 4 of 0.5: (6 + 2) / 8 = 1
    // hospital: 7 cases of weight 1 and 3 of 0.5: (7 + 1.5) / 10 = 0.85
    const t = weightTable(["A", "B", "C"], [1, 0.5, 1.5]);
    const region = caseMix({ groups: internCodes(["C", "B"]), counts: Float64Array.of(4, 4) }, t);
    const hospital = caseMix({ groups: internCodes(["A", "B"]), counts: Float64Array.of(7, 3) }, t);
    expect(region.overall.cmi).toBeCloseTo(1, 12);
    expect(hospital.overall.cmi).toBeCloseTo(0.85, 12);
    // gap per case = (1 - 0.85) x 5,000 = 750
    expect((region.overall.cmi - hospital.overall.cmi) * 5000).toBeCloseTo(750, 9);
  });

  it("errors on a group without a weight, or leaves its cases out and reports them", () => {
    const groups = internCodes(["GB11", "XX11", "XX11", "ES21"]);
    let err: unknown;
    try {
      caseMix({ groups }, table);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CaseMixError);
    expect((err as CaseMixError).text.en).toMatch(/^XX11 has no weight in weight_table \(2 cases\)/);
    // exclude: (2 + 0.5) / 2 = 1.25; 2 cases excluded
    const r = caseMix({ groups }, table, { missing: "exclude" });
    expect(r.overall.cmi).toBeCloseTo(1.25, 12);
    expect(r.overall.cases).toBe(2);
    expect(r.overall.groupCount).toBe(2);
    expect(r.excludedCases).toBe(2);
    expect(r.missingCodes).toEqual(["XX11"]);
  });

  it("gives CMI NaN (the caller's #DIV/0!) when nothing is left", () => {
    const r = caseMix({ groups: internCodes([null, ""]) }, table);
    expect(r.overall.cases).toBe(0);
    expect(r.overall.cmi).toBeNaN();
    expect(r.overall.totalWeight).toBe(0);
  });
});

describe("caseMix: properties", () => {
  const codes = ["A1", "A3", "B1", "B5", "C9"];
  const caseRows = fc.array(
    fc.record({
      g: fc.constantFrom(...codes),
      k: fc.constantFrom("d1", "d2", "d3"),
      n: fc.integer({ min: 1, max: 50 }),
    }),
    { minLength: 1, maxLength: 60 },
  );
  const weights = fc.array(fc.double({ min: 0.05, max: 20, noNaN: true }), {
    minLength: codes.length,
    maxLength: codes.length,
  });

  function run(rows: { g: string; k: string; n: number }[], w: number[], withBy = true) {
    return caseMix(
      {
        groups: internCodes(rows.map((r) => r.g)),
        counts: Float64Array.from(rows.map((r) => r.n)),
        by: withBy ? keys(rows.map((r) => r.k)) : undefined,
      },
      weightTable(codes, w),
    );
  }

  it("CMI of a constant weight is that weight", () => {
    fc.assert(
      fc.property(caseRows, fc.double({ min: 0.01, max: 100, noNaN: true }), (rows, w) => {
        const r = run(rows, codes.map(() => w));
        expect(r.overall.cmi).toBeCloseTo(w, 10);
        for (const row of r.rows!) expect(Math.abs(row.cmi - w)).toBeLessThanOrEqual(1e-12 * w);
      }),
    );
  });

  it("splitting by a dimension and recombining case-weighted gives the overall CMI", () => {
    fc.assert(
      fc.property(caseRows, weights, (rows, w) => {
        const r = run(rows, w);
        let cases = 0;
        let tw = 0;
        for (const row of r.rows!) {
          cases += row.cases;
          tw += row.cases * row.cmi;
        }
        expect(cases).toBe(r.overall.cases);
        expect(Math.abs(tw / cases - r.overall.cmi)).toBeLessThanOrEqual(1e-12 * r.overall.cmi);
        expect(Math.abs(tw - r.overall.totalWeight)).toBeLessThanOrEqual(1e-9 * r.overall.totalWeight);
      }),
    );
  });

  it("sorting rows changes nothing; duplicating every row doubles cases and total weight only", () => {
    fc.assert(
      fc.property(caseRows, weights, fc.integer(), (rows, w, seed) => {
        const base = run(rows, w);
        // a deterministic shuffle from the seed
        const shuffled = rows
          .map((r, i) => ({ r, s: Math.sin(seed + i * 7919) }))
          .sort((a, b) => a.s - b.s)
          .map((x) => x.r);
        const moved = run(shuffled, w);
        expect(moved.overall.cases).toBe(base.overall.cases);
        expect(moved.overall.cmi).toBeCloseTo(base.overall.cmi, 10);
        expect(moved.overall.groupCount).toBe(base.overall.groupCount);
        expect(moved.rows!.map((x) => [x.key, x.cases, x.groupCount])).toEqual(
          base.rows!.map((x) => [x.key, x.cases, x.groupCount]),
        );
        const doubled = run([...rows, ...rows], w);
        expect(doubled.overall.cases).toBe(2 * base.overall.cases);
        expect(doubled.overall.totalWeight).toBeCloseTo(2 * base.overall.totalWeight, 8);
        expect(doubled.overall.cmi).toBeCloseTo(base.overall.cmi, 10);
        expect(doubled.overall.groupCount).toBe(base.overall.groupCount);
        doubled.rows!.forEach((row, i) => {
          expect(row.cases).toBe(2 * base.rows![i].cases);
          expect(row.cmi).toBeCloseTo(base.rows![i].cmi, 10);
          expect(row.groupCount).toBe(base.rows![i].groupCount);
        });
      }),
    );
  });

  it("group count by key is the number of distinct groups of the key's cases", () => {
    fc.assert(
      fc.property(caseRows, (rows) => {
        const r = run(rows, codes.map(() => 1));
        for (const row of r.rows!) {
          const distinct = new Set(rows.filter((x) => x.k === row.key).map((x) => x.g));
          expect(row.groupCount).toBe(distinct.size);
        }
        expect(r.overall.groupCount).toBe(new Set(rows.map((x) => x.g)).size);
      }),
    );
  });
});
