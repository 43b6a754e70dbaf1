import * as fc from "fast-check";
import { internCodes, normalizeKey } from "../../src/engine/codes";
import { cmiCompare } from "../../src/engine/cmiCompare";
import { weightTable } from "../../src/engine/weightTable";

const tableA = weightTable(["GB11", "GB15", "ES21"], [2, 1, 0.5]);
const tableB = weightTable(["GB11", "GB15", "ES21"], [1.8, 1.1, 0.6]);
const groups = internCodes(["GB11", "GB11", "GB15", "GB15", "GB15", "GB15", "ES21", "ES21", "ES21", "ES21"]);
const by = internCodes(["外科", "外科", "外科", "外科", "内科", "内科", "内科", "内科", "内科", "内科"], normalizeKey);

describe("cmiCompare: worked examples", () => {
  it("one grouping, two weight tables", () => {
    // 外科: A 2+2+1+1 = 6 (CMI 1.5); B 3.6 + 2.2 = 5.8 (1.45): dTW -0.2, dCMI -0.05
    // 内科: A 1+1+4 x 0.5 = 4 (0.6667); B 2.2 + 2.4 = 4.6 (0.7667): dTW 0.6, dCMI 0.1
    // hospital: A 10 (1.0), B 10.4 (1.04)
    const r = cmiCompare({ groupsA: groups, groupsB: groups, by }, tableA, tableB);
    const [inner, surgery] = r.rows!;
    expect(inner.key).toBe("内科");
    expect(inner.totalWeightChange).toBeCloseTo(0.6, 12);
    expect(inner.cmiChange).toBeCloseTo(0.1, 12);
    expect(surgery.a).toEqual({ cases: 4, cmi: 1.5, totalWeight: 6, groupCount: 2 });
    expect(surgery.b.totalWeight).toBeCloseTo(5.8, 12);
    expect(surgery.cmiChange).toBeCloseTo(-0.05, 12);
    expect(surgery.groupCountChange).toBe(0);
    expect(r.overall.b.cmi).toBeCloseTo(1.04, 12);
  });

  it("two groupings: the cases carry both codes", () => {
    // B groups case 3 as GB11 and cases 7, 8 as one DIP code "D1" (weight 0.7) in table C
    const tableC = weightTable(["GB11", "GB15", "ES21", "D1"], [2, 1, 0.5, 0.7]);
    const groupsB = internCodes(["GB11", "GB11", "GB11", "GB15", "GB15", "GB15", "D1", "D1", "ES21", "ES21"]);
    // 外科 B: 2+2+2+1 = 7, CMI 7 / 4 = 1.75, dTW +1; still 2 groups (GB11, GB15)
    // 内科 B: 1+1+0.7+0.7+0.5+0.5 = 4.4, groups GB15, D1, ES21 = 3 (A: 2); dCMI 0.4 / 6
    const r = cmiCompare({ groupsA: groups, groupsB, by }, tableA, tableC);
    const [inner, surgery] = r.rows!;
    expect(surgery.b.cmi).toBe(1.75);
    expect(surgery.totalWeightChange).toBe(1);
    expect(inner.b.totalWeight).toBeCloseTo(4.4, 12);
    expect(inner.groupCountChange).toBe(1);
    expect(inner.cmiChange).toBeCloseTo(0.4 / 6, 12);
  });

  it("a unit with cases under one version only gets a row with no CMI for the other", () => {
    const groupsB = internCodes(["GB11", "XX99"]);
    const r = cmiCompare(
      { groupsA: internCodes(["GB11", "GB15"]), groupsB, by: internCodes(["a", "b"], normalizeKey) },
      tableA,
      tableA,
      { missing: "exclude" },
    );
    expect(r.rows!.map((x) => x.key)).toEqual(["a", "b"]);
    expect(r.rows![1].b.cases).toBe(0);
    expect(r.rows![1].b.cmi).toBeNaN();
    expect(r.resultB.excludedCases).toBe(1);
  });
});

describe("cmiCompare: properties", () => {
  it("the same table twice gives zero differences", () => {
    const cases = fc.array(
      fc.record({ g: fc.constantFrom("GB11", "GB15", "ES21"), k: fc.constantFrom("A", "B", "C") }),
      { minLength: 1, maxLength: 30 },
    );
    fc.assert(
      fc.property(cases, (cs) => {
        const g = internCodes(cs.map((c) => c.g));
        const b = internCodes(
          cs.map((c) => c.k),
          normalizeKey,
        );
        const r = cmiCompare({ groupsA: g, groupsB: g, by: b }, tableB, tableB);
        for (const row of [...r.rows!, r.overall]) {
          expect([row.cmiChange, row.totalWeightChange, row.groupCountChange]).toEqual([0, 0, 0]);
        }
      }),
    );
  });
});
