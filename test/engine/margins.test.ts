import * as fc from "fast-check";
import { internCodes, normalizeKey } from "../../src/engine/codes";
import { addAcross, layerParts, marginContribution, MarginLayer, MARGIN_LAYERS } from "../../src/engine/margins";

const keys = (values: unknown[]) => internCodes(values, normalizeKey);

describe("cost layers", () => {
  it("each layer adds the next allocation to the one below", () => {
    expect(layerParts("marginal")).toEqual(["drug", "material"]);
    expect(layerParts("direct")).toEqual(["drug", "material", "allocatedDirect"]);
    expect(layerParts("gross")).toEqual(["drug", "material", "allocatedDirect", "allocatedAux"]);
    expect(layerParts("net")).toEqual(["drug", "material", "allocatedDirect", "allocatedAux", "allocatedAdmin"]);
    expect(MARGIN_LAYERS).toEqual(["marginal", "direct", "gross", "net"]);
  });

  it("a layer's cost adds its parts, a blank part counting as 0", () => {
    const parts = {
      drug: Float64Array.of(3000, 100),
      material: Float64Array.of(2000, NaN),
      allocatedDirect: Float64Array.of(1000, 10),
      allocatedAux: Float64Array.of(500, 1),
      allocatedAdmin: Float64Array.of(250, 0.5),
    };
    // case 1: 3,000 + 2,000 = 5,000; + 1,000 = 6,000; + 500 = 6,500; + 250 = 6,750
    // case 2: 100 + blank = 100; + 10 = 110; + 1 = 111; + 0.5 = 111.5
    const costs = (layer: MarginLayer) =>
      marginContribution({
        revenue: Float64Array.of(0, 0),
        cost: layerParts(layer).map((name) => parts[name]),
        by: keys(["a", "b"]),
      }).rows!.map((r) => r.cost);
    expect(costs("marginal")).toEqual([5000, 100]);
    expect(costs("direct")).toEqual([6000, 110]);
    expect(costs("gross")).toEqual([6500, 111]);
    expect(costs("net")).toEqual([6750, 111.5]);
  });

  it("addAcross adds columns, blanks as 0", () => {
    // revenue = insurance 8,000 + self-pay 2,000; second case has a blank self-pay
    expect(Array.from(addAcross([Float64Array.of(8000, 500), Float64Array.of(2000, NaN)]))).toEqual([10000, 500]);
    expect(addAcross([]).length).toBe(0);
  });
});

describe("marginContribution", () => {
  it("computes the contribution and its rate (the module's example)", () => {
    // revenue 10,000, variable cost 3,000 + 2,000 = 5,000: contribution 5,000, rate 0.5
    const r = marginContribution({ revenue: Float64Array.of(10000), cost: Float64Array.of(5000) });
    expect(r.overall).toEqual({ key: "", cases: 1, revenue: 10000, cost: 5000, contribution: 5000, rate: 0.5 });
  });

  it("adds up cases with counts and breaks down by key", () => {
    // A: 2 cases at (10,000, 6,000) + 1 case at (4,000, 5,000): revenue 24,000, cost 17,000,
    //    contribution 7,000, rate 7,000 / 24,000 = 0.291667
    // B: 1 case (5,000, 5,500): contribution -500, rate -0.1
    const r = marginContribution({
      revenue: Float64Array.of(10000, 4000, 5000),
      cost: Float64Array.of(6000, 5000, 5500),
      counts: Float64Array.of(2, 1, 1),
      by: keys(["A", "A", "B"]),
    });
    const [a, b] = r.rows!;
    expect(a).toMatchObject({ key: "A", cases: 3, revenue: 24000, cost: 17000, contribution: 7000 });
    expect(a.rate).toBeCloseTo(7000 / 24000, 12);
    expect(b).toMatchObject({ key: "B", cases: 1, contribution: -500 });
    expect(b.rate).toBeCloseTo(-0.1, 12);
    // overall: revenue 29,000, cost 22,500, contribution 6,500
    expect(r.overall.contribution).toBe(6500);
    expect(r.overall.rate).toBeCloseTo(6500 / 29000, 12);
  });

  it("the variable cost rate is 1 - the marginal contribution rate", () => {
    const r = marginContribution({ revenue: Float64Array.of(8000, 12000), cost: Float64Array.of(3000, 6000) });
    // cost rate 9,000 / 20,000 = 0.45; contribution rate 11,000 / 20,000 = 0.55
    expect(1 - r.overall.rate).toBeCloseTo(0.45, 12);
  });

  it("gives rate NaN (the caller's #DIV/0!) when revenue is 0, and skips zero counts and empty keys", () => {
    const r = marginContribution({
      revenue: Float64Array.of(0, 100, 100),
      cost: Float64Array.of(50, 10, 10),
      counts: Float64Array.of(1, 0, 1),
      by: keys(["A", "A", ""]),
    });
    expect(r.rows!).toHaveLength(1);
    expect(r.rows![0].rate).toBeNaN();
    expect(r.skipped.noCases).toBe(1);
    expect(r.skipped.emptyKey).toBe(1);
  });

  it("by keys recombine to the overall amounts; duplicating rows doubles amounts, not rates", () => {
    const rows = fc.array(
      fc.record({
        r: fc.integer({ min: 0, max: 100000 }),
        c: fc.integer({ min: 0, max: 100000 }),
        n: fc.integer({ min: 1, max: 9 }),
        k: fc.constantFrom("x", "y", "z"),
      }),
      { minLength: 1, maxLength: 40 },
    );
    const run = (rs: { r: number; c: number; n: number; k: string }[]) =>
      marginContribution({
        revenue: Float64Array.from(rs.map((x) => x.r)),
        cost: Float64Array.from(rs.map((x) => x.c)),
        counts: Float64Array.from(rs.map((x) => x.n)),
        by: keys(rs.map((x) => x.k)),
      });
    fc.assert(
      fc.property(rows, (rs) => {
        const base = run(rs);
        const sumOf = (f: (x: { contribution: number; cases: number }) => number) =>
          base.rows!.reduce((s, x) => s + f(x), 0);
        expect(sumOf((x) => x.contribution)).toBe(base.overall.contribution);
        expect(sumOf((x) => x.cases)).toBe(base.overall.cases);
        const doubled = run([...rs].reverse().concat(rs));
        expect(doubled.overall.contribution).toBe(2 * base.overall.contribution);
        if (base.overall.revenue > 0) expect(doubled.overall.rate).toBeCloseTo(base.overall.rate, 12);
      }),
    );
  });
});

describe("marginContribution over columns added across", () => {
  it("gives what adding the columns first gives, blanks counting 0 (hand example, then property)", () => {
    // revenue 8,000 + 2,000 and 5,000 + blank; cost 3,000 + 2,000 and blank + 1,000:
    // revenue 10,000 + 5,000 = 15,000, cost 5,000 + 1,000 = 6,000, contribution 9,000, rate 0.6
    const r = marginContribution({
      revenue: [Float64Array.of(8000, 5000), Float64Array.of(2000, NaN)],
      cost: [Float64Array.of(3000, NaN), Float64Array.of(2000, 1000)],
    });
    expect(r.overall).toEqual({ key: "", cases: 2, revenue: 15000, cost: 6000, contribution: 9000, rate: 0.6 });
    const money = fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constant(NaN));
    const rows = fc.array(
      fc.tuple(money, money, money, money, money, fc.integer({ min: 0, max: 3 }), fc.constantFrom("x", "y", "")),
      {
        minLength: 1,
        maxLength: 30,
      },
    );
    fc.assert(
      fc.property(rows, fc.integer({ min: 1, max: 3 }), (rs, costColumns) => {
        const col = (j: number) => Float64Array.from(rs, (x) => x[j] as number);
        const revenue = [col(0), col(1)];
        const cost = [col(2), col(3), col(4)].slice(0, costColumns);
        const counts = Float64Array.from(rs, (x) => x[5]);
        const by = keys(rs.map((x) => x[6]));
        const across = marginContribution({ revenue, cost, counts, by });
        const added = marginContribution({
          revenue: addAcross(revenue),
          cost: costColumns === 1 ? cost[0] : addAcross(cost),
          counts,
          by,
        });
        expect(across).toEqual(added);
      }),
    );
  });
});
