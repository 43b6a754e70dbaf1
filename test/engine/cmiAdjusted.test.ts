import * as fc from "fast-check";
import { cmiAdjusted } from "../../src/engine/cmiAdjusted";
import { caseMix } from "../../src/engine/caseMix";
import { internCodes, normalizeKey } from "../../src/engine/codes";
import { standardizedTargets } from "../../src/engine/standardizedTarget";
import { weightTable } from "../../src/engine/weightTable";

// The ten cases of docs/methods.md: 外科 GB11 x2, GB15 x2; 内科 GB15 x2, ES21 x4.
const table = weightTable(["GB11", "GB15", "ES21"], [2, 1, 0.5]);
const groups = internCodes(["GB11", "GB11", "GB15", "GB15", "GB15", "GB15", "ES21", "ES21", "ES21", "ES21"]);
const by = internCodes(["外科", "外科", "外科", "外科", "内科", "内科", "内科", "内科", "内科", "内科"], normalizeKey);
const los = Float64Array.of(12, 14, 8, 10, 6, 8, 4, 5, 5, 6);
const infected = Float64Array.of(0, 1, 0, 0, 0, 0, 0, 0, 1, 0);

describe("cmiAdjusted: worked examples", () => {
  it("divides mean LOS by the CMI of the same cases", () => {
    // 外科: 44 days / 4 = 11, TW 6 / 4 = CMI 1.5, 11 / 1.5 = 7.3333 (= 44 / 6)
    // 内科: 34 days / 6 = 5.6667, TW 4 / 6 = 0.6667, 5.6667 / 0.6667 = 8.5 (= 34 / 4)
    // hospital: 78 / 10 = 7.8, CMI 10 / 10 = 1, 7.8
    const r = cmiAdjusted({ groups, values: los, by }, table);
    const [inner, surgery] = r.rows!;
    expect(inner.key).toBe("内科");
    expect(inner.indicator).toBeCloseTo(34 / 6, 12);
    expect(inner.cmi).toBeCloseTo(4 / 6, 12);
    expect(inner.adjusted).toBeCloseTo(8.5, 12);
    expect(surgery.indicator).toBe(11);
    expect(surgery.cmi).toBe(1.5);
    expect(surgery.adjusted).toBeCloseTo(44 / 6, 12);
    expect(r.overall.adjusted).toBeCloseTo(7.8, 12);
  });

  it("kind rate: the share of cases with the flag over the CMI", () => {
    // 外科: 1 of 4 = 0.25, / 1.5 = 0.1667; 内科: 1 of 6 = 0.1667, / 0.6667 = 0.25; hospital 0.2 / 1
    const r = cmiAdjusted({ groups, values: infected, by }, table, { kind: "rate" });
    expect(r.rows!.map((x) => x.adjusted)).toEqual([expect.closeTo(0.25, 12), expect.closeTo(0.25 / 1.5, 12)]);
    expect(r.overall.indicator).toBeCloseTo(0.2, 12);
    expect(r.overall.adjusted).toBeCloseTo(0.2, 12);
  });

  it("leaves a case without a value out of both means, and counts it", () => {
    // 外科 without case 2: days 30 / 3 = 10, TW 4 / 3, adjusted 30 / 4 = 7.5
    const blank = Float64Array.from(los);
    blank[1] = NaN;
    const r = cmiAdjusted({ groups, values: blank, by }, table);
    expect(r.skipped.missingValue).toBe(1);
    expect(r.rows![1].cases).toBe(3);
    expect(r.rows![1].adjusted).toBeCloseTo(7.5, 12);
  });

  it("counts aggregate rows `counts` times, a flagged row with all its cases", () => {
    // GB11 x 3 flagged, ES21 x 1 not: rate 3 / 4 = 0.75, CMI (6 + 0.5) / 4 = 1.625, 0.75 / 1.625
    const r = cmiAdjusted(
      { groups: internCodes(["GB11", "ES21"]), values: Float64Array.of(1, 0), counts: Float64Array.of(3, 1) },
      table,
      { kind: "rate" },
    );
    expect(r.overall.adjusted).toBeCloseTo(0.75 / 1.625, 12);
  });
});

describe("standardizedTargets", () => {
  const result = cmiAdjusted({ groups, values: los, by }, table);

  it("hospital benchmark: total days / total weight, target = CMI x 7.8", () => {
    // 内科 0.6667 x 7.8 = 5.2, gap 5.6667 - 5.2 = 0.4667; 外科 1.5 x 7.8 = 11.7, gap 11 - 11.7 = -0.7
    const t = standardizedTargets(result, { kind: "hospital" });
    expect(t.benchmark).toBeCloseTo(7.8, 12);
    expect(t.rows[0].target).toBeCloseTo(5.2, 12);
    expect(t.rows[0].gap).toBeCloseTo(34 / 6 - 5.2, 12);
    expect(t.rows[1].target).toBeCloseTo(11.7, 12);
    expect(t.rows[1].gap).toBeCloseTo(-0.7, 12);
  });

  it("percentile benchmark as PERCENTILE.INC over the units", () => {
    // (7.3333, 8.5) at 0.25: 7.3333 + 0.25 x 1.1667 = 7.625; 外科 target 1.5 x 7.625 = 11.4375
    const t = standardizedTargets(result, { kind: "percentile", p: 0.25 });
    expect(t.benchmark).toBeCloseTo(7.625, 12);
    expect(t.rows[1].target).toBeCloseTo(11.4375, 12);
  });

  it("a given benchmark value", () => {
    const t = standardizedTargets(result, { kind: "value", value: 7 });
    expect(t.rows.map((r) => r.target)).toEqual([expect.closeTo((4 / 6) * 7, 12), 10.5]);
  });
});

describe("cmiAdjusted: properties", () => {
  const caseArb = fc.record({
    g: fc.constantFrom("GB11", "GB15", "ES21"),
    k: fc.constantFrom("A", "B", "C"),
    v: fc.integer({ min: 0, max: 40 }),
  });
  it("the units' CMI is caseMix's; the hospital is on target with the hospital benchmark", () => {
    fc.assert(
      fc.property(fc.array(caseArb, { minLength: 1, maxLength: 30 }), (cases) => {
        const g = internCodes(cases.map((c) => c.g));
        const b = internCodes(
          cases.map((c) => c.k),
          normalizeKey,
        );
        const values = Float64Array.from(cases.map((c) => c.v));
        const r = cmiAdjusted({ groups: g, values, by: b }, table);
        const mix = caseMix({ groups: g, by: b }, table);
        expect(r.rows!.map((x) => [x.key, x.cmi])).toEqual(mix.rows!.map((x) => [x.key, expect.closeTo(x.cmi, 12)]));
        // sum over units of target x cases = sum of CMI_u n_u x total / TW = total days
        const t = standardizedTargets(r, { kind: "hospital" });
        const targetDays = t.rows.reduce((s, x) => s + x.target * x.cases, 0);
        expect(targetDays).toBeCloseTo(r.overall.valueTotal, 8);
      }),
    );
  });
});
