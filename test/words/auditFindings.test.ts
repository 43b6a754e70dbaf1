/**
 * The words of the weight audit's findings (src/words): severity labels, how weights,
 * totals and changes are written, the detail sentence of each kind from the finding's data,
 * and the spill rows of DRG.WEIGHT_AUDIT.
 */
import * as fc from "fast-check";
import * as fs from "fs";
import { RANK_MCC, RANK_NONE, RANK_UNORDERED } from "../../src/engine/severityOrder";
import { auditWeights } from "../../src/engine/weightAudit/audit";
import { FINDING_KINDS } from "../../src/engine/weightAudit/findings";
import { fmtFactor, fmtPercent, fmtTotal, formatWeights } from "../../src/words/auditNumbers";
import { FINDING_LABELS, findingDetail, findingRow, noFindingsRow, severityLabel } from "../../src/words/auditFindings";
import { dataFile } from "../../src/cli/repository";

describe("numbers in the findings", () => {
  test("weights: six significant digits, more when two different weights would read the same", () => {
    expect(formatWeights([0.5372, 0.7392])).toEqual(["0.5372", "0.7392"]);
    expect(formatWeights([1 / 3, 2])).toEqual(["0.333333", "2"]);
    expect(formatWeights([1.0000001, 1])).toEqual(["1.0000001", "1"]);
    expect(formatWeights([NaN, 3])).toEqual(["", "3"]);
  });

  test("totals to four decimals, factors to eight digits, changes signed with two decimals", () => {
    expect(fmtTotal(80.123456)).toBe("80.1235");
    expect(fmtTotal(Infinity)).toBe("-");
    expect(fmtFactor(80 / 78)).toBe("1.025641"); // 1.02564102... to 8 digits: 1.0256410
    expect(fmtPercent(0.2)).toBe("+20.00%");
    expect(fmtPercent(-0.025)).toBe("-2.50%");
    expect(fmtPercent(0)).toBe("0.00%");
    expect(fmtPercent(NaN)).toBe("-");
  });
});

describe("labels", () => {
  test("severity ranks are bilingual; an unknown rank reads as not ordered", () => {
    expect(severityLabel(RANK_MCC)).toEqual({ en: "MCC", zh: "伴严重并发症或合并症" });
    expect(severityLabel(RANK_NONE).zh).toBe("不伴并发症或合并症");
    expect(severityLabel(42)).toEqual(severityLabel(RANK_UNORDERED));
  });

  test("every kind has a label in both languages, and they differ", () => {
    for (const lang of ["en", "zh"] as const) {
      const labels = FINDING_KINDS.map((k) => FINDING_LABELS[k][lang]);
      expect(labels.every((l) => l.length > 0)).toBe(true);
      expect(new Set(labels).size).toBe(FINDING_KINDS.length);
    }
  });
});

describe("the detail of a finding", () => {
  test("CHS-DRG severity order in the Harbin 2022 table: JR11 (MCC) lighter than JR15 (none)", () => {
    const lines = fs.readFileSync(dataFile("harbin_chsdrg_weights_2022.csv"), "utf8").trim().split(/\r?\n/);
    const rows = lines.slice(1).map((l) => l.split(","));
    const result = auditWeights({ base: { codes: rows.map((r) => r[0]), weights: rows.map((r) => r[4]) } });
    const jr = result.findings.find((f) => f.groups.join() === "JR11,JR15")!;
    // 0.7554 - 0.5372 = 0.2182 lighter; 0.2182 / 0.7554 = 28.89%. One table: "the table".
    expect(findingDetail(jr, result, "en")).toBe(
      "in the table, JR11 (1: MCC, 0.5372) weighs less than JR15 (5: no CC/MCC, 0.7554): 0.2182 lighter (28.89%)",
    );
    expect(findingDetail(jr, result, "zh")).toBe(
      "权重表中 JR11（1：伴严重并发症或合并症，0.5372）的权重低于 JR15（5：不伴并发症或合并症，0.7554），低 0.2182（28.89%）",
    );
    expect(findingRow(jr, result, "en").slice(0, 4)).toEqual([
      "severity order",
      "JR1",
      "JR11 < JR15",
      "0.5372 < 0.7554",
    ]);
  });

  test("MS-DRG severity order in the adjusted table: the levels as written", () => {
    const codes = ["193", "194", "195"];
    const names = [
      "SIMPLE PNEUMONIA & PLEURISY W MCC",
      "SIMPLE PNEUMONIA & PLEURISY W CC",
      "SIMPLE PNEUMONIA & PLEURISY W/O CC/MCC",
    ];
    const r = auditWeights(
      { base: { codes, weights: [1.4, 1.0, 0.7], names }, adjusted: { codes, weights: [0.95, 1.0, 0.7], names } },
      { largestChanges: 0, neutralityTolerance: 1 },
    );
    const f = r.findings[0];
    // 1 - 0.95 = 0.05 lighter, 0.05 / 1 = 5.00%.
    expect(findingDetail(f, r, "en")).toBe(
      "in the adjusted table, 193 (W MCC, 0.95) weighs less than 194 (W CC, 1): 0.05 lighter (5.00%)",
    );
    expect(findingRow(f, r, "zh")).toEqual([
      "严重程度倒挂",
      "SIMPLE PNEUMONIA & PLEURISY",
      "193 < 194",
      "0.95 < 1",
      "调整后权重表中 193（W MCC，0.95）的权重低于 194（W CC，1），低 0.05（5.00%）",
    ]);
  });

  test("a group blank in the table alone, and a large change without a volume", () => {
    const alone = auditWeights({ base: { codes: ["GB11", "GB13"], weights: [1.5, ""] } });
    expect(findingDetail(alone.findings[0], alone, "en")).toBe("GB13 is listed without a weight in the table");
    expect(findingDetail(alone.findings[0], alone, "zh")).toBe("GB13 在权重表中列出但没有权重");
    const pair = auditWeights(
      { base: { codes: ["A"], weights: [2] }, adjusted: { codes: ["A"], weights: [2.5] } },
      { neutralityTolerance: 1 },
    );
    // 2.5 / 2 - 1 = +25.00%; no volume, so no cases and no total.
    expect(findingRow(pair.findings[0], pair, "en")).toEqual([
      "large change",
      "",
      "A",
      "2 → 2.5",
      "A: 2 → 2.5 (+25.00%)",
    ]);
  });

  test("no findings: a row that says what was checked", () => {
    const r = auditWeights({
      base: { codes: ["GB11", "GB13", "GB15"], weights: [2, 1.5, 1] },
      adjusted: { codes: ["GB11", "GB13", "GB15"], weights: [2, 1.5, 1] },
    });
    expect(r.findings).toEqual([]);
    expect(noFindingsRow(r, "en")).toEqual([
      "no findings",
      "",
      "",
      "",
      "3 groups (adjusted table: 3), 1 family checked: severity order respected, every weight present and positive, total weight 0.00%, within tolerance",
    ]);
    expect(noFindingsRow(r, "zh")[0]).toBe("未发现问题");
    expect(noFindingsRow(r, "zh")[4]).toContain("已检查 3 个病组（调整后表 3 个）、1 个核心组/病组族");
  });

  test("property: every finding of any audit has words in both languages, without NaN or undefined", () => {
    const codes = ["GB11", "GB13", "GB15", "JR11", "JR13", "XX19"];
    const weight = fc.oneof(fc.constant(""), fc.double({ min: -1, max: 5, noNaN: true }));
    fc.assert(
      fc.property(
        fc.array(weight, { minLength: 6, maxLength: 6 }),
        fc.array(weight, { minLength: 6, maxLength: 6 }),
        fc.boolean(),
        (base, adjusted, paired) => {
          const r = auditWeights(
            { base: { codes, weights: base }, adjusted: paired ? { codes, weights: adjusted } : undefined },
            { neutralityTolerance: 0 },
          );
          const rows = r.findings.length > 0 ? r.findings.map((f) => findingRow(f, r, "en")) : [noFindingsRow(r, "en")];
          const zh = r.findings.map((f) => findingDetail(f, r, "zh"));
          for (const text of [...rows.flat(), ...zh]) expect(text).not.toMatch(/NaN|undefined/);
          for (const row of rows) expect(row[4].length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 200 },
    );
  });
});
