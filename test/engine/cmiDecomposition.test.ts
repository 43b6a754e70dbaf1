import fc from "fast-check";
import * as fs from "fs";
import { internCodes } from "../../src/engine/codes";
import { adrgTerms, decomposeCmi } from "../../src/engine/cmiDecomposition";
import { CaseMixError } from "../../src/engine/text";
import { weightTable } from "../../src/engine/weightTable";
import { dataFile } from "../../src/cli/repository";

/** Both periods in one column set: period 0 then period 1. */
function periods(before: string[], after: string[], byBefore?: string[], byAfter?: string[]) {
  const groups = internCodes([...before, ...after]);
  const period = Int8Array.from([...before.map(() => 0), ...after.map(() => 1)]);
  const by = byBefore && byAfter ? internCodes([...byBefore, ...byAfter], (v) => String(v)) : undefined;
  return { groups, period, by };
}

const table = weightTable(["GB11", "GB15", "ES21", "FM19", "XA11"], [2.0, 1.0, 0.5, 3.0, 4.0]);

describe("decomposeCmi by hand", () => {
  it("a shift inside one ADRG is all severity", () => {
    // before GB11 x 2, GB15 x 2, ES21 x 4: CMI0 = (4 + 2 + 2) / 8 = 1
    // after  GB11 x 3, GB15 x 1, ES21 x 4: CMI1 = (6 + 1 + 2) / 8 = 1.125
    // shares 0.5 / 0.5 in both periods: mix 0; GB1 mean weight 1.5 -> 1.75: severity 0.5 x 0.25 = 0.125
    const before = ["GB11", "GB11", "GB15", "GB15", "ES21", "ES21", "ES21", "ES21"];
    const after = ["GB11", "GB11", "GB11", "GB15", "ES21", "ES21", "ES21", "ES21"];
    const r = decomposeCmi(periods(before, after), table);
    expect(r.overall.cmiBefore).toBe(1);
    expect(r.overall.cmiAfter).toBe(1.125);
    expect(r.overall.change).toBe(0.125);
    expect(r.overall.mix).toBe(0);
    expect(r.overall.severity).toBe(0.125);
  });

  it("a new ADRG falls wholly in the mix term", () => {
    // before: GB11 (2.0) x 2, ES21 (0.5) x 2; N0 = 4, CMI0 = (4 + 1) / 4 = 1.25
    // after: GB11, GB15 (1.0), ES21, FM19 (3.0); N1 = 4, CMI1 = (2 + 1 + 0.5 + 3) / 4 = 1.625; change 0.375
    // GB1: p0 0.5, w0 2; p1 0.5, w1 1.5 -> mix 0,                   severity 0.5 x (1.5 - 2) = -0.25
    // ES2: p0 0.5, w0 0.5; p1 0.25, w1 0.5 -> mix -0.25 x 0.5 = -0.125, severity 0
    // FM1: after only, p1 0.25, w1 3      -> mix 0.75,                severity 0
    // mix = 0.625, severity = -0.25, sum 0.375 = change
    const r = decomposeCmi(periods(["GB11", "GB11", "ES21", "ES21"], ["GB11", "GB15", "ES21", "FM19"]), table);
    expect(r.overall.cmiBefore).toBe(1.25);
    expect(r.overall.cmiAfter).toBe(1.625);
    expect(r.overall.change).toBe(0.375);
    expect(r.overall.mix).toBe(0.625);
    expect(r.overall.severity).toBe(-0.25);
    expect(r.adrgs.map((a) => [a.adrg, a.casesBefore, a.casesAfter, a.mix, a.severity])).toEqual([
      ["ES2", 2, 1, -0.125, 0],
      ["FM1", 0, 1, 0.75, 0],
      ["GB1", 2, 2, 0, -0.25],
    ]);
    expect(Number.isNaN(r.adrgs[1].weightBefore)).toBe(true);
    expect(r.adrgs[1].weightAfter).toBe(3);
  });

  it("an ADRG that disappears falls wholly in the mix term", () => {
    // before: XA11 (4) x 1, ES21 (0.5) x 1: CMI0 = 2.25; after: ES21 x 2: CMI1 = 0.5; change -1.75
    // XA1 before only: mix -0.5 x 4 = -2; ES2: p 0.5 -> 1, w 0.5 -> 0.5: mix 0.5 x 0.5 = 0.25, severity 0
    const r = decomposeCmi(periods(["XA11", "ES21"], ["ES21", "ES21"]), table);
    expect(r.overall.change).toBe(-1.75);
    expect(r.overall.mix).toBe(-1.75);
    expect(r.overall.severity).toBe(0);
  });

  it("by unit, with units in one period only", () => {
    // 内科: before GB15, GB15 (CMI 1); after GB11, GB15 (CMI 1.5): severity 1 x (1.5 - 1) = 0.5, mix 0
    // 外科: before ES21 (0.5); after FM19 (3): mix -1 x 0.5 + 1 x 3 = 2.5, change 2.5
    // 儿科: after only: CMI before NaN, mix and severity NaN
    const r = decomposeCmi(
      periods(
        ["GB15", "GB15", "ES21"],
        ["GB11", "GB15", "FM19", "ES21"],
        ["内科", "内科", "外科"],
        ["内科", "内科", "外科", "儿科"],
      ),
      table,
    );
    const rows = r.rows!;
    expect(rows.map((x) => x.key)).toEqual(["儿科", "内科", "外科"]);
    expect(rows[1]).toEqual({
      key: "内科",
      casesBefore: 2,
      casesAfter: 2,
      cmiBefore: 1,
      cmiAfter: 1.5,
      change: 0.5,
      mix: 0,
      severity: 0.5,
    });
    expect(rows[2]).toMatchObject({ cmiBefore: 0.5, cmiAfter: 3, change: 2.5, mix: 2.5, severity: 0 });
    expect(rows[0].casesBefore).toBe(0);
    expect(Number.isNaN(rows[0].cmiBefore)).toBe(true);
    expect(Number.isNaN(rows[0].mix)).toBe(true);
  });

  it("counts, empty groups and rows outside both periods", () => {
    // before: GB11 x 3 (one row, count 3), ES21 x 1; after: ES21 x 4 (count 4). Row of period 2 ignored.
    // CMI0 = (6 + 0.5) / 4 = 1.625, CMI1 = 0.5
    const groups = internCodes(["GB11", "ES21", "", "ES21", "GB11"]);
    const r = decomposeCmi(
      { groups, period: Int8Array.of(0, 0, 0, 1, 2), counts: Float64Array.of(3, 1, 1, 4, 9) },
      table,
    );
    expect(r.overall.cmiBefore).toBe(1.625);
    expect(r.overall.cmiAfter).toBe(0.5);
    expect(r.skipped.emptyGroup).toBe(1);
  });

  it("a group missing from the table is an error naming it and its cases in both periods", () => {
    let error: CaseMixError | undefined;
    try {
      decomposeCmi(periods(["GB11", "ZZ11"], ["ZZ11", "ZZ11", "YY11"]), table);
    } catch (e) {
      error = e as CaseMixError;
    }
    expect(error!.text.en).toMatch(
      /^ZZ11 has no weight in weight_table \(3 cases\); 1 more group without a weight, 4 cases in all/,
    );
  });

  it("adrgTerms: one period only", () => {
    const out = new Float64Array(2);
    adrgTerms(0, 0, 2, 6, 10, 4, out); // after only: p1 = 0.5, w1 = 3 -> mix 1.5
    expect(Array.from(out)).toEqual([1.5, 0]);
    adrgTerms(5, 10, 0, 0, 10, 4, out); // before only: p0 = 0.5, w0 = 2 -> mix -1
    expect(Array.from(out)).toEqual([-1, 0]);
  });
});

describe("decomposeCmi properties", () => {
  const codes = ["GB11", "GB13", "GB15", "ES21", "ES23", "FM19", "FR11", "FR15", "XA11"];
  const weights = [2.31, 1.47, 0.93, 0.61, 0.44, 3.2, 1.9, 0.77, 12.5];
  const t = weightTable(codes, weights);
  const arbPeriod = fc.array(fc.integer({ min: 0, max: codes.length - 1 }), { minLength: 1, maxLength: 60 });

  it("mix + severity = change (the parts add up, no interaction term)", () => {
    fc.assert(
      fc.property(arbPeriod, arbPeriod, (b, a) => {
        const r = decomposeCmi(
          periods(
            b.map((i) => codes[i]),
            a.map((i) => codes[i]),
          ),
          t,
        );
        const { change, mix, severity } = r.overall;
        const adrgMix = r.adrgs.reduce((s, x) => s + x.mix, 0);
        return Math.abs(mix + severity - change) <= 1e-12 && Math.abs(adrgMix - mix) <= 1e-12;
      }),
    );
  });

  it("per unit the parts add up too, and a unit's rows match decomposing its cases alone", () => {
    const arbCases = fc.array(fc.tuple(fc.integer({ min: 0, max: codes.length - 1 }), fc.constantFrom("A", "B", "C")), {
      minLength: 1,
      maxLength: 60,
    });
    fc.assert(
      fc.property(arbCases, arbCases, (b, a) => {
        const r = decomposeCmi(
          periods(
            b.map((x) => codes[x[0]]),
            a.map((x) => codes[x[0]]),
            b.map((x) => x[1]),
            a.map((x) => x[1]),
          ),
          t,
        );
        for (const row of r.rows!) {
          if (row.casesBefore === 0 || row.casesAfter === 0) continue;
          if (Math.abs(row.mix + row.severity - row.change) > 1e-12) return false;
          const alone = decomposeCmi(
            periods(
              b.filter((x) => x[1] === row.key).map((x) => codes[x[0]]),
              a.filter((x) => x[1] === row.key).map((x) => codes[x[0]]),
            ),
            t,
          ).overall;
          if (Math.abs(alone.mix - row.mix) > 1e-12 || Math.abs(alone.severity - row.severity) > 1e-12) return false;
        }
        return true;
      }),
    );
  });
});

describe("decomposeCmi on the Harbin 2024 weight table", () => {
  const csv = fs.readFileSync(dataFile("harbin_chsdrg_weights_2024.csv"), "utf8");
  const lines = csv
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((l) => l.split(","));
  const harbin = weightTable(
    lines.map((l) => l[0]),
    lines.map((l) => l[4]),
  );
  // ADRGs with both a x3 and a x1 group that have weights: upcoding moves cases from x3 to x1.
  const pairs = lines
    .filter((l) => l[0].endsWith("3") && l[4] !== "")
    .map((l) => [l[0], l[0].slice(0, 3) + "1"])
    .filter(([, heavy]) => harbin.weightOf(heavy) === harbin.weightOf(heavy));

  it("recoding x3 cases as x1 in the same ADRGs is pure severity, and raises CMI", () => {
    expect(pairs.length).toBeGreaterThan(50);
    // Deterministic case list: for pair i, (i mod 7) + 1 cases of the x3 group.
    const before: string[] = [];
    pairs.forEach(([light], i) => {
      for (let k = 0; k <= i % 7; k++) before.push(light);
    });
    // After: every third case recoded to the x1 group of its ADRG.
    const after = before.map((code, i) => (i % 3 === 0 ? code.slice(0, 3) + "1" : code));
    const r = decomposeCmi(periods(before, after), harbin);
    expect(r.overall.mix).toBe(0); // the same ADRG counts in both periods: p1 - p0 = 0 exactly
    expect(Math.abs(r.overall.severity - r.overall.change)).toBeLessThan(1e-12);
    expect(r.overall.change).toBeGreaterThan(0);
  });
});
