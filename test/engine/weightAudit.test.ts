import * as fc from "fast-check";
import * as fs from "fs";
import { internCodes, normalizeKey } from "../../src/engine/codes";
import { AuditResult, auditWeights } from "../../src/engine/weightAudit/audit";
import { Finding } from "../../src/engine/weightAudit/findings";
import { neutrality, rescaleTable, rescaleToNeutral, tableNeutrality } from "../../src/engine/weightAudit/neutrality";
import { auditTable } from "../../src/engine/weightAudit/table";
import { RANK_MCC, RANK_NONE } from "../../src/engine/severityOrder";
import { CaseMixError, Text } from "../../src/engine/text";
import { findingDetail } from "../../src/words/auditFindings";
import { loadCms } from "../helpers/cmsData";
import { dataFile } from "../../src/cli/repository";

/** The Harbin catalogues: drg_code, adrg_code, severity_digit, drg_name, weight (no quoted commas). */
function harbin(year: 2022 | 2024): { codes: string[]; weights: string[]; names: string[] } {
  const lines = fs.readFileSync(dataFile(`harbin_chsdrg_weights_${year}.csv`), "utf8").trim().split(/\r?\n/);
  expect(lines[0]).toBe("drg_code,adrg_code,severity_digit,drg_name,weight");
  const rows = lines.slice(1).map((l) => l.split(","));
  return { codes: rows.map((r) => r[0]), weights: rows.map((r) => r[4]), names: rows.map((r) => r[3]) };
}

/** The words of a finding in both languages (src/words), to pin the numbers they carry. */
function say(f: Finding, result: AuditResult): Text {
  return { en: findingDetail(f, result, "en"), zh: findingDetail(f, result, "zh") };
}

function expectCaseMixError(fn: () => unknown, en: RegExp, zh: RegExp): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CaseMixError);
    expect((e as CaseMixError).text.en).toMatch(en);
    expect((e as CaseMixError).text.zh).toMatch(zh);
    return;
  }
  throw new Error("expected an error");
}

describe("real tables: Harbin CHS-DRG", () => {
  test("2022: severity findings for exactly the ADRGs whose weights are out of order", () => {
    // Worked out with awk over the 1/3/5 rows of each ADRG, then read in the file:
    //   BT21 0.8216 < BT23 0.8887 (BT25 0.7122)
    //   BW23 1.0064 < BW25 1.2086 (BW21 1.5194)
    //   HS11 1.5229 < HS13 1.6167 (HS15 1.1831)
    //   IZ21 0.6331 < IZ23 0.7374 (IZ25 0.5995)
    //   JR11 0.5372 < JR13 0.7392 < JR15 0.7554: three pairs, one of them skipping a level
    // Letter-suffix groups (BT1A 0.8436 against BT15 0.1863, ...) are not ordered.
    const result = auditWeights({ base: harbin(2022) });
    const severity = result.findings.filter((f) => f.kind === "severityOrder");
    expect([...new Set(severity.map((f) => f.family))]).toEqual(["BT2", "BW2", "HS1", "IZ2", "JR1"]);
    expect(severity.map((f) => f.groups.join(" < "))).toEqual([
      "BT21 < BT23",
      "BW23 < BW25",
      "HS11 < HS13",
      "IZ21 < IZ23",
      "JR11 < JR13",
      "JR11 < JR15",
      "JR13 < JR15",
    ]);
    const jr = severity.find((f) => f.groups.join() === "JR11,JR15")!;
    expect(jr.weights).toEqual([0.5372, 0.7554]);
    expect(jr.levels).toEqual(["1", "5"]);
    expect([jr.ranks, jr.system]).toEqual([[RANK_MCC, RANK_NONE], "chs"]);
    expect(jr.size).toBeCloseTo(0.7554 - 0.5372, 12);
    expect(jr.table).toBe("base");
    expect(jr.cases).toBeUndefined();
    // Every weight of the 2022 table is present and positive, so nothing else is found.
    expect(result.findings).toHaveLength(7);
    expect(result.checked.baseGroups).toBe(660);
  });

  test("2024: no severity finding; the seven groups the catalogue lists without a weight", () => {
    const result = auditWeights({ base: harbin(2024) });
    expect(result.findings.filter((f) => f.kind === "severityOrder")).toEqual([]);
    // SOURCES.md: 710 groups, 703 with a weight.
    expect(result.findings.map((f) => `${f.kind}:${f.groups[0]}`)).toEqual(
      ["AC19", "AD19", "AF19", "NG19", "PB19", "PJ19", "RA49"].map((c) => `missingWeight:${c}`),
    );
    expect(result.checked.baseGroups).toBe(710);
  });

  test("2022 against 2024: the inversions are in the base table only; codes of one year only are listed", () => {
    const base = harbin(2022);
    const adjusted = harbin(2024);
    const result = auditWeights({ base, adjusted }, { largestChanges: 3 });
    const severity = result.findings.filter((f) => f.kind === "severityOrder");
    expect(severity).toHaveLength(7);
    expect(severity.every((f) => f.table === "base")).toBe(true);
    const b = new Set(base.codes);
    const a = new Set(adjusted.codes);
    const weighted24 = new Set(adjusted.codes.filter((_, i) => adjusted.weights[i] !== ""));
    const onlyBase = result.findings.filter((f) => f.kind === "onlyInBase").map((f) => f.groups[0]);
    const onlyAdj = result.findings.filter((f) => f.kind === "onlyInAdjusted").map((f) => f.groups[0]);
    expect(onlyBase).toEqual(base.codes.filter((c) => !weighted24.has(c)).sort());
    expect(onlyAdj).toEqual([...weighted24].filter((c) => !b.has(c)).sort());
    // The 2024 groups without a weight that 2022 does not list either.
    const missing = result.findings.filter((f) => f.kind === "missingWeight").map((f) => f.groups[0]);
    expect(missing).toEqual(adjusted.codes.filter((c) => !weighted24.has(c) && !b.has(c)));
    expect(a.size).toBe(710);
    // The largest relative change: OF19 0.0902 -> 2.0315.
    const changes = result.findings.filter((f) => f.kind === "largeChange");
    expect(changes).toHaveLength(3);
    expect(changes[0].groups).toEqual(["OF19"]);
    expect(changes[0].size).toBeCloseTo(2.0315 / 0.0902 - 1, 12);
    expect(result.changes[0].code).toBe("OF19");
    expect(result.neutrality!.weighting).toBe("groups");
  });
});

describe("real table: CMS MS-DRG (FY2011 top 100)", () => {
  // weights = discharge-weighted mean of Average Total Payments per DRG / overall discharge-weighted mean
  function cmsTable() {
    const cms = loadCms();
    const groups = internCodes(cms.drg);
    const pay = new Float64Array(groups.codes.length);
    const n = new Float64Array(groups.codes.length);
    let allPay = 0;
    let allN = 0;
    for (let i = 0; i < groups.ids.length; i++) {
      const g = groups.ids[i];
      pay[g] += cms.discharges[i] * cms.totalPayments[i];
      n[g] += cms.discharges[i];
      allPay += cms.discharges[i] * cms.totalPayments[i];
      allN += cms.discharges[i];
    }
    const overall = allPay / allN;
    const weights = groups.codes.map((_, g) => pay[g] / n[g] / overall);
    return { cms, groups, weights, allN };
  }

  test("no MS-DRG family finding; swapping two weights inside one family gives exactly that one", () => {
    const { cms, groups, weights, allN } = cmsTable();
    const volume = { groups, counts: cms.discharges };
    const clean = auditWeights({ base: { codes: groups.codes, weights }, volume });
    expect(clean.findings).toEqual([]);
    expect(clean.checked.families).toBe(29);
    expect(clean.checked.volumeCases).toBe(allN);
    expect(allN).toBe(6975318);

    // Two-level family: 202 (W CC/MCC) and 203 (W/O CC/MCC).
    const at = (prefix: string) => groups.codes.findIndex((c) => c.startsWith(prefix));
    const swapped = weights.slice();
    const [i202, i203] = [at("202 "), at("203 ")];
    [swapped[i202], swapped[i203]] = [swapped[i203], swapped[i202]];
    const one = auditWeights({ base: { codes: groups.codes, weights: swapped }, volume });
    expect(one.findings).toHaveLength(1);
    const f = one.findings[0];
    expect(f.kind).toBe("severityOrder");
    expect(f.family).toBe("BRONCHITIS & ASTHMA");
    expect(f.groups).toEqual(["202 - BRONCHITIS & ASTHMA W CC/MCC", "203 - BRONCHITIS & ASTHMA W/O CC/MCC"]);
    expect(f.weights).toEqual([weights[i203], weights[i202]]);
    expect(f.levels).toEqual(["W CC/MCC", "W/O CC/MCC"]);
    const n = (p: string) => cms.discharges.reduce((s, d, i) => s + (cms.drg[i].startsWith(p) ? d : 0), 0);
    expect(f.cases).toBe(n("202 ") + n("203 "));

    // Three-level family, adjacent levels: 193 (W MCC) and 194 (W CC); 195 stays below both.
    const swapped2 = weights.slice();
    const [i193, i194] = [at("193 "), at("194 ")];
    [swapped2[i193], swapped2[i194]] = [swapped2[i194], swapped2[i193]];
    const two = auditWeights({ base: { codes: groups.codes, weights: swapped2 } });
    expect(two.findings.map((x) => [x.family, ...x.groups.map((g) => g.slice(0, 3))])).toEqual([
      ["SIMPLE PNEUMONIA & PLEURISY", "193", "194"],
    ]);
  });

  test("winners and losers per state: unit totals add up to the neutrality totals", () => {
    const { cms, groups, weights } = cmsTable();
    // A policy tilt: +10% for W MCC groups, -5% for every other group.
    const adjusted = groups.codes.map((c, g) => weights[g] * (/ W MCC/.test(c) ? 1.1 : 0.95));
    const units = internCodes(cms.state, normalizeKey);
    const result = auditWeights({
      base: { codes: groups.codes, weights },
      adjusted: { codes: groups.codes, weights: adjusted },
      volume: { groups, counts: cms.discharges, units },
    });
    const n = result.neutrality!;
    expect(n.weighting).toBe("cases");
    expect(n.casesWithoutWeight).toBe(0);
    const rows = result.units!;
    expect(rows).toHaveLength(units.codes.length);
    let before = 0;
    let after = 0;
    let cases = 0;
    for (const r of rows) {
      before += r.totalWeightBefore;
      after += r.totalWeightAfter;
      cases += r.cases;
      expect(r.cmiBefore).toBeCloseTo(r.totalWeightBefore / r.cases, 12);
      expect(r.change).toBeCloseTo(r.cmiAfter / r.cmiBefore - 1, 12);
      expect(r.changeAtNeutral).toBeCloseTo((r.totalWeightAfter * n.restoringFactor) / r.totalWeightBefore - 1, 12);
    }
    expect(before / n.totalBefore).toBeCloseTo(1, 12);
    expect(after / n.totalAfter).toBeCloseTo(1, 12);
    expect(cases).toBe(n.casesCovered);
    // The overall total weight before is the sum of the discharges (weights are normalized to mean 1).
    expect(n.totalBefore / n.casesCovered).toBeCloseTo(1, 12);
    // Winners first.
    for (let i = 1; i < rows.length; i++) expect(rows[i - 1].change).toBeGreaterThanOrEqual(rows[i].change);
  });
});

describe("neutrality", () => {
  test("three groups by hand", () => {
    // before = 10 x 2.0 + 20 x 1.5 + 30 x 1.0 = 20 + 30 + 30 = 80
    // after  = 10 x 2.4 + 20 x 1.5 + 30 x 0.8 = 24 + 30 + 24 = 78
    // relative change = 78 / 80 - 1 = -0.025; restoring factor = 80 / 78 = 1.0256410256...
    const t = neutrality([2.0, 1.5, 1.0], [2.4, 1.5, 0.8], [10, 20, 30]);
    expect(t.totalBefore).toBeCloseTo(80, 12);
    expect(t.totalAfter).toBeCloseTo(78, 12);
    expect(t.relativeChange).toBeCloseTo(-0.025, 15);
    expect(t.restoringFactor).toBeCloseTo(80 / 78, 15);
    expect(t.covered).toBe(60);
    // rescaled: 2.4 x 80/78 = 2.4615384..., 1.5 x 80/78 = 1.5384615..., 0.8 x 80/78 = 0.8205128...
    const r = rescaleToNeutral([2.0, 1.5, 1.0], [2.4, 1.5, 0.8], [10, 20, 30]);
    expect(Array.from(r).map((x) => Number(x.toFixed(7)))).toEqual([2.4615385, 1.5384615, 0.8205128]);
    expect(10 * r[0] + 20 * r[1] + 30 * r[2]).toBeCloseTo(80, 12);
  });

  test("the same example through the tables and a case volume of aggregated rows", () => {
    const base = auditTable({ codes: ["GB11", "GB13", "GB15"], weights: [2.0, 1.5, 1.0] });
    const adjusted = auditTable({ codes: ["GB11", "GB13", "GB15"], weights: [2.4, 1.5, 0.8] }, "adjusted");
    // 10 GB11 cases as 4 + 6, GB13 20, GB15 30, one row of a group in no table (5 cases),
    // one blank count and one empty group (skipped).
    const volume = {
      groups: internCodes(["GB11", "GB13", "gb11", "GB15", "XX11", "GB13", ""]),
      counts: Float64Array.from([4, 20, 6, 30, 5, NaN, 3]),
    };
    const n = tableNeutrality(base, adjusted, volume);
    expect(n.weighting).toBe("cases");
    expect(n.totalBefore).toBeCloseTo(80, 12);
    expect(n.totalAfter).toBeCloseTo(78, 12);
    expect(n.casesCovered).toBe(60);
    expect(n.casesWithoutWeight).toBe(5);
    expect(n.groupsWithoutWeight).toEqual(["XX11"]);
    const { weights } = rescaleTable(base, adjusted, volume);
    expect(weights[0]).toBeCloseTo((2.4 * 80) / 78, 14);

    const result = auditWeights({
      base: { codes: ["GB11", "GB13", "GB15"], weights: [2.0, 1.5, 1.0] },
      adjusted: { codes: ["GB11", "GB13", "GB15"], weights: [2.4, 1.5, 0.8] },
      volume,
    });
    expect(result.volumeSkipped).toEqual({ emptyGroup: 1, emptyKey: 0, noCases: 1, missingValue: 0 });
    expect(result.checked.volumeCases).toBe(65);
    const kinds = result.findings.map((f) => `${f.kind}:${f.groups.join("<")}`);
    // GB13 unchanged is no large change; the volume group in no table is a missing weight.
    expect(kinds).toEqual(["neutrality:", "missingWeight:XX11", "largeChange:GB11", "largeChange:GB15"]);
    const nf = result.findings[0];
    expect(nf.weights.map((w) => Number(w.toFixed(9)))).toEqual([80, 78]);
    expect(nf.size).toBeCloseTo(-0.025, 15);
    expect(nf.cases).toBe(60);
    expect(say(nf, result).en).toBe(
      "total weight over 60 cases: 80 before, 78 after (-2.50%); multiply the adjusted weights by 1.025641 to restore it; 5 cases in 1 group not weighed in both tables are left out",
    );
    expect(say(nf, result).zh).toBe(
      "按 60 例计算，调整前总权重 80，调整后 78（-2.50%）；调整后权重乘以 1.025641 可还原总权重；1 个病组的 5 例在两表中不都有权重，未计入",
    );
    // largeChange: GB15 -20% before GB11 +20%? Equal |relative|: by code, GB11 first.
    expect(result.findings[2].size).toBeCloseTo(0.2, 12);
    expect(result.findings[3].size).toBeCloseTo(-0.2, 12);
    expect(say(result.findings[2], result).en).toBe("GB11: 2 → 2.4 (+20.00%); 10 cases, total weight +4");
    expect(say(result.findings[3], result).zh).toBe("GB15：1 → 0.8（-20.00%）；30 例，总权重 -6");
    expect(say(result.findings[1], result).en).toBe("XX11 has cases in the volume but is in no table; 5 cases");
  });

  test("without a volume each group counts once, and the finding says so", () => {
    // before = 2 + 1.5 + 1 = 4.5; after = 2.4 + 1.5 + 0.8 = 4.7; +4.44%
    const result = auditWeights({
      base: { codes: ["GB11", "GB13", "GB15"], weights: [2.0, 1.5, 1.0] },
      adjusted: { codes: ["GB11", "GB13", "GB15"], weights: [2.4, 1.5, 0.8] },
    });
    const n = result.neutrality!;
    expect(n.weighting).toBe("groups");
    expect(n.totalBefore).toBeCloseTo(4.5, 12);
    expect(n.totalAfter).toBeCloseTo(4.7, 12);
    expect(n.casesCovered).toBe(3);
    const f = result.findings[0];
    expect(f.kind).toBe("neutrality");
    expect(f.cases).toBeUndefined();
    expect(say(f, result).en).toContain("with each group counted once (no volume given)");
    expect(say(f, result).zh).toContain("未提供病例量，每个病组按 1 例计");
    expect(say(f, result).en).toContain("(+4.44%)");
  });

  test("a change within the tolerance is not a finding", () => {
    const base = { codes: ["A", "B"], weights: [1, 2] };
    const adjusted = { codes: ["A", "B"], weights: [1.0015, 2] }; // total 3.0015: +0.05%
    expect(auditWeights({ base, adjusted }, { largestChanges: 0 }).findings).toEqual([]);
    const strict = auditWeights({ base, adjusted }, { largestChanges: 0, neutralityTolerance: 1e-4 });
    expect(strict.findings.map((f) => f.kind)).toEqual(["neutrality"]);
    expect(strict.findings[0].size).toBeCloseTo(0.0005, 12);
  });

  test("a zero adjusted total has no restoring factor", () => {
    const t = neutrality([1, 2], [0, 0]);
    expect(t.relativeChange).toBe(-1);
    expect(t.restoringFactor).toBeNaN();
    expectCaseMixError(() => rescaleToNeutral([1, 2], [0, 0]), /no factor that restores/, /无法求得还原总权重的系数/);
    expect(neutrality([NaN, 1], [1, NaN]).relativeChange).toBeNaN();
  });

  test("property: rescaling any adjusted table restores the base total to 1e-12", () => {
    const weight = fc.double({ min: 0.01, max: 50, noNaN: true });
    const row = fc.record({ before: weight, after: weight, count: fc.integer({ min: 0, max: 5000 }) });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 300 }), (rows) => {
        fc.pre(rows.some((r) => r.count > 0));
        const before = rows.map((r) => r.before);
        const after = rows.map((r) => r.after);
        const counts = rows.map((r) => r.count);
        const rescaled = rescaleToNeutral(before, after, counts);
        let target = 0;
        let got = 0;
        for (let i = 0; i < rows.length; i++) {
          target += counts[i] * before[i];
          got += counts[i] * rescaled[i];
        }
        expect(Math.abs(got / target - 1)).toBeLessThanOrEqual(1e-12);
      }),
    );
  });

  test("property: the same through tables and a volume of case rows", () => {
    const weight = fc.double({ min: 0.01, max: 50, noNaN: true });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(weight, weight), { minLength: 1, maxLength: 40 }),
        fc.array(fc.nat(60), { minLength: 1, maxLength: 400 }),
        (table, caseRows) => {
          const codes = table.map((_, i) => `G${i}`);
          const base = auditTable({ codes, weights: table.map((t) => t[0]) });
          const adjusted = auditTable({ codes, weights: table.map((t) => t[1]) }, "adjusted");
          // Case rows point at table groups, some beyond the table (no weight).
          const volume = { groups: internCodes(caseRows.map((k) => `G${k}`)) };
          fc.pre(caseRows.some((k) => k < table.length));
          const { weights } = rescaleTable(base, adjusted, volume);
          let target = 0;
          let got = 0;
          for (const k of caseRows) {
            if (k >= table.length) continue;
            target += table[k][0];
            got += weights[k];
          }
          expect(Math.abs(got / target - 1)).toBeLessThanOrEqual(1e-12);
        },
      ),
    );
  });
});

describe("auditWeights: findings", () => {
  test("a tie is not an inversion; 7, 9 and local letters are not ordered", () => {
    const result = auditWeights({
      base: {
        codes: ["GB11", "GB13", "GB15", "GB17", "GB19", "GB1A", "ES21", "ES25"],
        weights: [1.2, 1.2, 1.5, 0.1, 9, 0.05, 0.8, 0.8],
      },
    });
    // GB11 = GB13 tie: fine; GB11 < GB15 and GB13 < GB15 are inversions; ES21 = ES25 tie: fine.
    expect(result.findings.map((f) => f.groups.join(" < "))).toEqual(["GB11 < GB15", "GB13 < GB15"]);
    expect(result.checked.families).toBe(2);
  });

  test("missing, zero or negative, and one-table-only groups, with their cases", () => {
    const result = auditWeights(
      {
        base: { codes: ["AA11", "AA13", "BB19", "CC19", "DD19", "EE19"], weights: [2, "", 0, 1, 1.5, ""] },
        adjusted: { codes: ["AA11", "AA13", "BB19", "CC19", "FF19", "EE19"], weights: [2, 1, -0.5, "", 3, ""] },
        volume: { groups: internCodes(["AA13", "CC19", "CC19", "EE19", "FF19"]) },
      },
      { largestChanges: 0 },
    );
    const rows = result.findings.map((f) => [f.kind, f.table, f.groups.join(), f.weights.join(), f.size, f.cases]);
    expect(rows).toEqual([
      // base total 2 + 0 = 2 (AA11, BB19), after 2 - 0.5 = 1.5 over one case each? No volume
      // rows for AA11 or BB19: the covered cases are 0, the totals are 0 and cannot be compared.
      ["neutrality", "adjusted", "", "0,0", NaN, 0],
      ["missingWeight", "base", "EE19", "", 1, 1],
      ["nonPositiveWeight", "base", "BB19", "0", 0, 0],
      ["nonPositiveWeight", "adjusted", "BB19", "-0.5", -0.5, 0],
      ["onlyInBase", "base", "CC19", "1", 2, 2],
      ["onlyInBase", "base", "DD19", "1.5", 0, 0],
      ["onlyInAdjusted", "adjusted", "AA13", "1", 1, 1],
      ["onlyInAdjusted", "adjusted", "FF19", "3", 1, 1],
    ]);
    const find = (kind: string, code: string) => result.findings.find((f) => f.kind === kind && f.groups[0] === code)!;
    const d = (kind: string, code: string) => say(find(kind, code), result);
    // Whether the other table lists the group blank or not at all is data; the words follow it.
    expect(find("onlyInBase", "CC19").blankIn).toEqual(["adjusted"]);
    expect(find("onlyInBase", "DD19").blankIn).toEqual([]);
    expect(find("missingWeight", "EE19").blankIn).toEqual(["base", "adjusted"]);
    expect(d("onlyInBase", "CC19")).toEqual({
      en: "CC19 (1 in the base table) is listed without a weight in the adjusted table; 2 cases",
      zh: "CC19（调整前权重表中为 1）在调整后权重表中没有权重；2 例",
    });
    expect(d("onlyInBase", "DD19").en).toBe("DD19 (1.5 in the base table) is not in the adjusted table; 0 cases");
    expect(d("missingWeight", "EE19")).toEqual({
      en: "EE19 is listed without a weight in both tables; 1 case",
      zh: "EE19 在两张表中都列出但没有权重；1 例",
    });
    expect(d("nonPositiveWeight", "BB19").zh).toBe("BB19 在调整前权重表中的权重为 0，权重应大于 0；0 例");
    expect(say(result.findings[3], result).en).toBe("BB19 weighs -0.5 in the adjusted table; a weight must be above 0; 0 cases");
    expect(say(result.findings[0], result)).toEqual({
      en: "the totals cannot be compared: 0 before, 0 after over 0 cases; 5 cases in 4 groups not weighed in both tables are left out",
      zh: "按 0 例计算，调整前总权重 0，调整后 0，无法比较；4 个病组的 5 例在两表中不都有权重，未计入",
    });
  });

  test("the largest changes: top N by |relative|, zero changes left out", () => {
    const codes = ["A", "B", "C", "D", "E"];
    const base = { codes, weights: [1, 1, 1, 1, 1] };
    const adjusted = { codes, weights: [1.1, 0.5, 1, 1.3, 0.95] };
    const r = auditWeights({ base, adjusted }, { largestChanges: 2, neutralityTolerance: 1 });
    expect(r.findings.map((f) => f.groups[0])).toEqual(["B", "D"]);
    expect(r.changes.map((c) => c.code)).toEqual(["B", "D", "A", "E", "C"]);
    expect(r.changes[0]).toEqual({ code: "B", family: "", before: 1, after: 0.5, change: -0.5, relative: -0.5 });
    const all = auditWeights({ base, adjusted }, { neutralityTolerance: 1 });
    expect(all.findings.map((f) => f.groups[0])).toEqual(["B", "D", "A", "E"]);
  });

  test("severity order is checked in the adjusted table too; MS-DRG families from a names column", () => {
    const codes = ["193", "194", "195", "069"];
    const names = [
      "SIMPLE PNEUMONIA & PLEURISY W MCC",
      "SIMPLE PNEUMONIA & PLEURISY W CC",
      "SIMPLE PNEUMONIA & PLEURISY W/O CC/MCC",
      "TRANSIENT ISCHEMIA",
    ];
    const r = auditWeights(
      {
        base: { codes, weights: [1.4, 1.0, 0.7, 0.5], names },
        adjusted: { codes, weights: [0.95, 1.0, 0.7, 2], names },
      },
      { largestChanges: 0, neutralityTolerance: 1 },
    );
    expect(r.findings).toHaveLength(1);
    const f = r.findings[0];
    expect([f.table, f.family, ...f.groups]).toEqual(["adjusted", "SIMPLE PNEUMONIA & PLEURISY", "193", "194"]);
    expect([f.levels, f.ranks, f.system]).toEqual([["W MCC", "W CC"], [3, 2], "ms"]);
    expect(f.size).toBeCloseTo(0.05, 12);
  });

  test("units: winners and losers by hand", () => {
    // GB11 2.0 -> 2.4, GB15 1.0 -> 0.8.
    // Tertiary: 10 GB11 + 10 GB15: before 20 + 10 = 30, after 24 + 8 = 32 (+6.67%)
    // Secondary: 2 GB11 + 30 GB15: before 4 + 30 = 34, after 4.8 + 24 = 28.8 (-15.29%)
    // ZZ19 (4 secondary cases) has no weight: left out. The row without a unit (1 GB11 case)
    // counts in the overall totals but in no unit: overall 30 + 34 + 2 = 66 -> 32 + 28.8 + 2.4 = 63.2,
    // factor 66 / 63.2; at neutrality tertiary 32 x 66 / 63.2 / 30 - 1 = +11.39%.
    const rows = [
      ["T", "GB11", 10],
      ["T", "GB15", 10],
      ["S", "GB11", 2],
      ["S", "GB15", 30],
      ["S", "ZZ19", 4],
      ["", "GB11", 1],
    ] as const;
    const r = auditWeights({
      base: { codes: ["GB11", "GB15"], weights: [2, 1] },
      adjusted: { codes: ["GB11", "GB15"], weights: [2.4, 0.8] },
      volume: {
        groups: internCodes(rows.map((x) => x[1])),
        counts: Float64Array.from(rows.map((x) => x[2])),
        units: internCodes(rows.map((x) => x[0]), normalizeKey),
      },
    });
    const [t, s] = r.units!;
    expect(t.unit).toBe("T");
    expect(t.cases).toBe(20);
    expect(t.totalWeightBefore).toBeCloseTo(30, 12);
    expect(t.totalWeightAfter).toBeCloseTo(32, 12);
    expect(t.cmiBefore).toBeCloseTo(1.5, 12);
    expect(t.cmiAfter).toBeCloseTo(1.6, 12);
    expect(t.change).toBeCloseTo(32 / 30 - 1, 12);
    const n = r.neutrality!;
    expect(n.totalBefore).toBeCloseTo(30 + 34 + 2, 12);
    expect(n.totalAfter).toBeCloseTo(32 + 28.8 + 2.4, 12);
    expect(t.changeAtNeutral).toBeCloseTo(((32 * 66) / 63.2) / 30 - 1, 12);
    expect(s.unit).toBe("S");
    expect(s.cases).toBe(32);
    expect(s.casesWithoutWeight).toBe(4);
    expect(s.change).toBeCloseTo(28.8 / 34 - 1, 12);
    expect(r.units).toHaveLength(2);
    expect(r.volumeSkipped!.emptyKey).toBe(1);
  });
});

describe("auditTable", () => {
  test("blank weights are kept as NaN, duplicates with the same weight merged", () => {
    const t = auditTable({ codes: ["GB11", " gb11", "GB13", "", "GB15"], weights: [2.1, "2.1", "", 7, "1,234.5"] });
    expect(t.codes).toEqual(["GB11", "GB13", "GB15"]);
    expect(Array.from(t.weights)).toEqual([2.1, NaN, 1234.5]);
  });

  test("errors name the argument and the row, in both languages", () => {
    expectCaseMixError(
      () => auditTable({ codes: ["A", "B"], weights: [1, "n/a"], argName: "adjusted", firstRow: 2 }),
      /^adjusted row 3: "n\/a" is not a number$/,
      /^adjusted 第 3 行："n\/a" 不是数字$/,
    );
    expectCaseMixError(
      () => auditTable({ codes: ["A", "a"], weights: [1, 2] }),
      /weights row 2: A is listed twice with different weights \(1 and 2\)/,
      /weights 第 2 行：A 重复出现且权重不同/,
    );
    expectCaseMixError(
      () => auditTable({ codes: ["A", "B"], weights: [1] }),
      /the codes have 2 rows but the other column has 1/,
      /编码有 2 行，而另一列有 1 行/,
    );
    expectCaseMixError(
      () => auditWeights({ base: { codes: ["A"], weights: [1] }, volume: { groups: internCodes(["A"]), counts: new Float64Array(2) } }),
      /volume: the counts have 2 rows but the groups have 1/,
      /volume：病例数有 2 行，而病组有 1 行/,
    );
  });
});
