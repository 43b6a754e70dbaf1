/** The two-versions comparison on the hand-computed example of compareCases.ts (arithmetic there), and its properties. */
import * as fc from "fast-check";
import { compareJson } from "../../../src/report/compare/json";
import { compareReport, compareRows, compareRowsWithSkips, tableOf, WEIGHTS_A, WEIGHTS_B } from "./compareCases";

const report = compareReport;

const round = (x: number) => Math.round(x * 1e9) / 1e9;

describe("the hand-computed example", () => {
  const r = report();

  it("gives the hospital's CMI, total weight and groups under A and B", () => {
    const o = r.overall;
    expect([o.a.cases, o.a.cmi, o.a.totalWeight, o.a.groupCount]).toEqual([5, 1.3, 6.5, 3]);
    expect([o.b.cases, round(o.b.cmi), round(o.b.totalWeight), o.b.groupCount]).toEqual([5, 1.06, 5.3, 4]);
    expect([round(o.cmiChange), round(o.totalWeightChange), o.groupCountChange]).toEqual([-0.24, -1.2, 1]);
    expect(r.groupsB).toBe("column");
  });

  it("lists the units largest loss of total weight first", () => {
    const units = r.units!.rows.map((u) => [
      u.key,
      u.a.cases,
      round(u.a.cmi),
      round(u.b.cmi),
      round(u.cmiChange),
      round(u.totalWeightChange),
      u.a.groupCount,
      u.b.groupCount,
    ]);
    expect(units).toEqual([
      ["外科", 3, 1.5, 1.2, -0.3, -0.9, 2, 3],
      ["内科", 2, 1, 0.85, -0.15, -0.3, 1, 2],
    ]);
  });

  it("counts 2 cases regrouped and lists the pairs largest change first", () => {
    const c = r.crosswalk;
    expect([c.cases, c.regroupedCases, round(c.regroupedWeightChange)]).toEqual([5, 2, -1.2]);
    expect(
      c.pairs.map((p) => [p.groupA, p.name, p.groupB, p.cases, p.weightA, p.weightB, round(p.weightChange)]),
    ).toEqual([
      ["GB11", "胃大部切除术", "GB13", 1, 2, 1.2, -0.8],
      ["FR11", "急性心肌梗死", "ES21", 1, 1, 0.6, -0.4],
    ]);
  });

  it("prints the same figures as JSON", () => {
    const j = compareJson(r);
    expect(Object.keys(j)).toEqual(["overall", "units", "regrouped", "parameters"]);
    expect(j.overall).toMatchObject({
      cases: 5,
      cmiA: 1.3,
      groupsA: 3,
      groupsB: 4,
      regroupedCases: 2,
      regroupedShare: 0.4,
    });
    expect(j.units.map((u) => [u.dimension, u.unit])).toEqual([
      ["department", "外科"],
      ["department", "内科"],
    ]);
    expect(j.regrouped[0]).toMatchObject({ groupA: "GB11", groupB: "GB13", cases: 1 });
    expect(j.parameters).toMatchObject({ groupsB: "column", missing: "exclude", unit: "department", names: null });
    expect(j.parameters.rows).toMatchObject({ read: 5, used: 5, skipped: {} });
  });
});

describe("rows left out", () => {
  it("are counted by reason and left out of both versions", () => {
    const r = report({}, compareRowsWithSkips());
    expect(r.skipped).toEqual({ blankRow: 1, emptyGroupB: 1, noWeightA: 1, noWeightB: 1 });
    expect([r.rowsRead, r.rowsUsed]).toEqual([9, 5]);
    expect([r.overall.a.cases, r.overall.b.cases, round(r.overall.totalWeightChange)]).toEqual([5, 5, -1.2]);
    expect(r.weights.missingCodes).toEqual(["XX99"]);
    expect(r.missingCodesB).toEqual(["ZZ99"]);
  });

  it("with missing = error, a group without a weight names the code, the table and the row", () => {
    const rows = compareRowsWithSkips();
    expect(() => report({ missing: "error" }, rows)).toThrow(/XX99 \(row 9\) has no weight in a\.csv/);
    rows.splice(8, 1);
    expect(() => report({ missing: "error" }, rows)).toThrow(/ZZ99 \(row 9\) has no weight in b\.csv/);
  });

  it("a compared case with an empty unit is in the hospital's figures and counted", () => {
    const rows = compareRows();
    rows[5][1] = "";
    const r = report({}, rows);
    expect(r.units!.emptyUnitRows).toBe(1);
    expect(r.skipped).toEqual({ emptyUnit: 1 });
    expect(r.overall.a.cases).toBe(5);
    expect(r.units!.rows.map((u) => u.a.cases)).toEqual([3, 1]);
  });
});

describe("properties", () => {
  const codes = ["GB11", "GB13", "ES21", "FR11"];
  const cases = fc.array(
    fc.record({
      a: fc.constantFrom(...codes),
      b: fc.constantFrom(...codes),
      dept: fc.constantFrom("外科", "内科", "儿科"),
    }),
    { minLength: 1, maxLength: 40 },
  );
  const rowsOf = (cs: { a: string; b: string; dept: string }[]) => [
    HEADERS_AB,
    ...cs.map((c, i) => [String(i + 1), c.dept, c.a, "", c.b]),
  ];
  const HEADERS_AB = ["病案号", "出院科室", "DRG编码", "DRG名称", "医保DRG编码"];
  const allWeights = tableOf(WEIGHTS_B);

  it("B the same column as A with the same table: every Δ is 0 and no case is regrouped", () => {
    fc.assert(
      fc.property(cases, (cs) => {
        const r = report(
          { weightsA: { table: allWeights, name: "b.csv" }, weightsB: { table: allWeights, name: "b.csv" } },
          rowsOf(cs.map((c) => ({ ...c, b: c.a }))),
        );
        for (const row of [...r.units!.rows, r.overall])
          expect([row.cmiChange, row.totalWeightChange, row.groupCountChange]).toEqual([0, 0, 0]);
        expect(r.crosswalk.regroupedCases).toBe(0);
        expect(r.crosswalk.pairs).toEqual([]);
      }),
    );
  });

  it("the units' total weights add up to the hospital's under each version", () => {
    fc.assert(
      fc.property(cases, (cs) => {
        const r = report(
          {
            weightsA: { table: tableOf([...WEIGHTS_A, ["GB13", 0.9]]), name: "a.csv" },
            weightsB: { table: allWeights, name: "b.csv" },
          },
          rowsOf(cs),
        );
        const sum = (f: (u: (typeof r.overall)["a"]) => number, v: "a" | "b") =>
          r.units!.rows.reduce((s, u) => s + f(u[v]), 0);
        for (const v of ["a", "b"] as const) {
          expect(sum((u) => u.totalWeight, v)).toBeCloseTo(r.overall[v].totalWeight, 9);
          expect(sum((u) => u.cases, v)).toBe(r.overall[v].cases);
        }
        const regrouped = cs.filter((c) => c.a !== c.b).length;
        expect(r.crosswalk.regroupedCases).toBe(regrouped);
        expect(r.crosswalk.pairs.reduce((s, p) => s + p.cases, 0)).toBe(regrouped);
      }),
    );
  });
});
