import * as fc from "fast-check";
import { classifyQuadrants, DEFAULT_COEFFICIENTS, quadrantOf, resolveCoefficients } from "../../src/engine/quadrants";
import { CaseMixError } from "../../src/engine/text";

describe("quadrantOf", () => {
  it("puts a point on a cut line above it (RW >= cut, rate >= cut)", () => {
    expect(quadrantOf(1, 0, 1, 0)).toBe("strategic");
    expect(quadrantOf(1, -0.0001, 1, 0)).toBe("competitive");
    expect(quadrantOf(0.9999, 0, 1, 0)).toBe("suitable");
    expect(quadrantOf(0.9999, -0.0001, 1, 0)).toBe("weak");
  });
});

describe("classifyQuadrants", () => {
  // The module's example: x cut 1, y cut 0, min cases 5.
  const input = {
    rw: [2, 2, 0.5, 0.5, 3],
    rate: [0.1, -0.1, 0.2, -0.3, 0.5],
    cases: [10, 10, 10, 10, 2],
  };

  it("classifies the four quadrants and leaves small groups unclassified", () => {
    const r = classifyQuadrants(input, { xCut: 1 });
    expect(r.quadrant).toEqual(["strategic", "competitive", "suitable", "weak", "unclassified"]);
    expect(Array.from(r.coefficient)).toEqual([1.5, 1.3, 1.0, 0.8, 1.0]);
    expect(r.xCut).toBe(1);
    expect(r.yCut).toBe(0);
    expect(r.counts).toEqual({ strategic: 1, competitive: 1, suitable: 1, weak: 1, unclassified: 1 });
  });

  it("cuts x at the CMI by default", () => {
    // CMI 2.5: every group is below it, so the classified ones are suitable or weak.
    const r = classifyQuadrants(input, { cmi: 2.5 });
    expect(r.quadrant).toEqual(["suitable", "weak", "suitable", "weak", "unclassified"]);
    expect(() => classifyQuadrants(input, {})).toThrow(CaseMixError);
  });

  it("cuts at the medians of the classifiable groups, one value a group", () => {
    // eligible: the first four. RW median of [0.5, 0.5, 2, 2] = (0.5 + 2) / 2 = 1.25;
    // rate median of [-0.3, -0.1, 0.1, 0.2] = (-0.1 + 0.1) / 2 = 0. The small group (RW 3) takes no part.
    const r = classifyQuadrants(input, { xCut: "median", yCut: "median" });
    expect(r.xCut).toBeCloseTo(1.25, 12);
    expect(r.yCut).toBeCloseTo(0, 12);
    expect(r.quadrant.slice(0, 4)).toEqual(["strategic", "competitive", "suitable", "weak"]);
  });

  it("cuts y at the hospital's own rate when asked, and needs that rate", () => {
    // Hospital rate 0.15 (say 150 contribution on 1,000 revenue): rates 0.2 and 0.5 are at or above it,
    // 0.1, -0.1 and -0.3 below. x cut 1: RW 2 with 0.1 and -0.1 competitive, RW 0.5 with 0.2 suitable.
    const r = classifyQuadrants(input, { xCut: 1, yCut: "hospital", hospitalRate: 0.15 });
    expect(r.yCut).toBe(0.15);
    expect(r.quadrant).toEqual(["competitive", "competitive", "suitable", "weak", "unclassified"]);
    expect(() => classifyQuadrants(input, { xCut: 1, yCut: "hospital" })).toThrow(/hospital/);
    expect(() => classifyQuadrants(input, { xCut: 1, yCut: "hospital", hospitalRate: NaN })).toThrow(CaseMixError);
  });

  it("takes the minimum cases, the coefficients and a fixed y cut", () => {
    const r = classifyQuadrants(input, { xCut: 1, yCut: 0.15, minCases: 2, coefficients: { strategic: 2, weak: 0.5 } });
    // rates >= 0.15: 0.2 and 0.5 only; the RW 3 group now has enough cases.
    expect(r.quadrant).toEqual(["competitive", "competitive", "suitable", "weak", "strategic"]);
    expect(Array.from(r.coefficient)).toEqual([1.3, 1.3, 1.0, 0.5, 2]);
  });

  it("leaves a group without a weight or a rate unclassified", () => {
    const r = classifyQuadrants({ rw: [NaN, 1.5], rate: [0.2, NaN], cases: [10, 10] }, { xCut: 1 });
    expect(r.quadrant).toEqual(["unclassified", "unclassified"]);
  });

  it("rejects a bad coefficient and a median with nothing to take it of", () => {
    expect(() => resolveCoefficients({ weak: -1 })).toThrow(/coefficients/);
    expect(() => classifyQuadrants({ rw: [1], rate: [0], cases: [1] }, { xCut: "median" })).toThrow(/median/);
    expect(resolveCoefficients(undefined)).toEqual(DEFAULT_COEFFICIENTS);
  });

  it("agrees with quadrantOf on every classifiable group (property)", () => {
    const group = fc.record({
      rw: fc.double({ min: 0.1, max: 10, noNaN: true }),
      rate: fc.double({ min: -2, max: 1, noNaN: true }),
      cases: fc.integer({ min: 0, max: 20 }),
    });
    fc.assert(
      fc.property(fc.array(group, { minLength: 1, maxLength: 30 }), fc.double({ min: 0.1, max: 5, noNaN: true }), (gs, cmi) => {
        const r = classifyQuadrants(
          { rw: gs.map((g) => g.rw), rate: gs.map((g) => g.rate), cases: gs.map((g) => g.cases) },
          { cmi },
        );
        gs.forEach((g, i) => {
          const expected = g.cases >= 5 ? quadrantOf(g.rw, g.rate, cmi, 0) : "unclassified";
          expect(r.quadrant[i]).toBe(expected);
          expect(r.coefficient[i]).toBe(DEFAULT_COEFFICIENTS[expected]);
        });
      }),
    );
  });
});
