import * as fc from "fast-check";
import { ruleFactors, ruleMatches, tiltRule, weightTilt } from "../../src/engine/weightTilt";

describe("tiltRule", () => {
  const codes = ["FR11", "FR13", "FT21", "GB11", "ES21"];
  const weights = [2.5, 1.5, 0.7, 2.1, 0.6];

  it("first matching clause wins; unmatched groups keep 1", () => {
    // FR11: MDCF & rw>=2 -> 1.2 (before MDCF); FR13, FT21: MDCF -> 1.05; GB11: rw>=2 -> 1.1; ES21: rw<0.8 -> 0.95
    const f = ruleFactors(codes, weights, tiltRule("MDCF & rw>=2: 1.2; MDCF: 1.05; rw>=2: 1.1; rw<0.8: 0.95"));
    expect(Array.from(f)).toEqual([1.2, 1.05, 1.05, 1.1, 0.95]);
    expect(Array.from(ruleFactors(codes, weights, tiltRule("FR1, ES2 ：1.1")))).toEqual([1.1, 1.1, 1, 1, 1.1]);
    expect(Array.from(ruleFactors(codes, weights, tiltRule("权重≥2：1.3")))).toEqual([1.3, 1, 1, 1.3, 1]);
  });

  it("names the malformed clause in en and zh", () => {
    expect(() => tiltRule("rw>=2 1.1")).toThrow('factors_or_rule: clause "rw>=2 1.1" has no ":" before its factor');
    expect(() => tiltRule("rw>=x: 1.1")).toThrow(/clause "rw>=x: 1.1" compares rw with "x"/);
    expect(() => tiltRule("FR1: -1")).toThrow(/clause "FR1: -1" needs a factor above 0/);
    expect(() => tiltRule("rw~2: 1")).toThrow(/clause "rw~2: 1" has a condition "rw~2"/);
    try {
      tiltRule("rw>=2 1.1");
    } catch (e) {
      expect((e as { text: { zh: string } }).text.zh).toContain('条件 "rw>=2 1.1" 缺少因子前的 ":"');
    }
  });
});

describe("weightTilt", () => {
  it("rescales to the base total: the module example", () => {
    const t = weightTilt([1, 2], [1, 1.1]);
    // tilted 1, 2.2 (total 3.2); f = 3 / 3.2 = 0.9375; after 0.9375, 2.0625
    expect(t.neutralityFactor).toBe(0.9375);
    expect(Array.from(t.after)).toEqual([0.9375, 2.0625]);
  });

  it("over a volume: 10 x A (1), 5 x B (2) with B x 1.2", () => {
    // before 10 + 10 = 20; tilted 10 + 12 = 22; f = 20 / 22; after A 0.90909, B 2.18182
    const t = weightTilt([1, 2], [1, 1.2], [10, 5]);
    expect(t.neutralityFactor).toBeCloseTo(20 / 22, 15);
    expect(t.after[1]).toBeCloseTo(2.4 * (20 / 22), 15);
    expect(t.totalAfter).toBeCloseTo(20, 12);
  });

  it("keeps the total over the volume to 1e-12, and factor 1 changes nothing", () => {
    const group = fc.tuple(
      fc.double({ min: 0.05, max: 20, noNaN: true }),
      fc.double({ min: 0.5, max: 2, noNaN: true }),
      fc.integer({ min: 0, max: 500 }),
    );
    fc.assert(
      fc.property(fc.array(group, { minLength: 1, maxLength: 40 }), (gs) => {
        fc.pre(gs.some((g) => g[2] > 0));
        const w = gs.map((g) => g[0]);
        const n = gs.map((g) => g[2]);
        const t = weightTilt(
          w,
          gs.map((g) => g[1]),
          n,
        );
        expect(Math.abs(t.totalAfter / t.totalBefore - 1)).toBeLessThanOrEqual(1e-12);
        const same = weightTilt(
          w,
          w.map(() => 1),
          n,
        );
        expect(same.neutralityFactor).toBe(1);
        expect(Array.from(same.after)).toEqual(w);
      }),
    );
  });
});

describe("ruleMatches: the clause each group falls under", () => {
  it("gives the first matching clause's index, -1 for none, and no clause for a group without a weight", () => {
    // FR13 (2.2) matches both clauses: the first wins; GB11 (0.5) the second; JR11 (1) none; XX11 (NaN) none
    const clauses = tiltRule("rw>=2: 1.1; rw<0.8 & GB: 0.9; FR: 1.05");
    expect(Array.from(ruleMatches(["FR13", "GB11", "JR11", "XX11"], [2.2, 0.5, 1, NaN], clauses))).toEqual([
      0, 1, -1, -1,
    ]);
    expect(Array.from(ruleFactors(["FR13", "GB11", "JR11"], [2.2, 0.5, 1], clauses))).toEqual([1.1, 0.9, 1]);
  });
});
