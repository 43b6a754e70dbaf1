/**
 * The audit when the two tables are different catalogue versions (src/engine/weightAudit/
 * catalogue.ts, src/report/audit/summary.ts): the note, the summary block and the codes in one
 * table only grouped by MDC, on hand-made tables and on the Harbin 2022 / 2024 pair; and no
 * text cell of the written workbook that reads as a number.
 */
import * as fc from "fast-check";
import * as fs from "fs";
import ExcelJS from "exceljs";
import { gridFromRows } from "../../src/engine/caseTable";
import { Lang } from "../../src/engine/text";
import { compareCatalogues, groupByPrefix } from "../../src/engine/weightAudit/catalogue";
import { auditTableFromGrid } from "../../src/engine/weightAudit/fromGrid";
import { AuditReport, computeAuditReport, DEFAULT_AUDIT_SETTINGS } from "../../src/report/audit/compute";
import { auditJson } from "../../src/report/audit/json";
import { auditWorkbook } from "../../src/report/audit/sheets";
import { KeyValueBlock, SheetModel, TableBlock, TextBlock } from "../../src/report/model";
import { renderXlsx } from "../../src/report/xlsx/render";
import { dataFile } from "../../src/cli/repository";
import { MDC_NAMES } from "../../src/words/mdcNames";

const CONTEXT = { version: "9.9.9", time: new Date(Date.UTC(2025, 0, 31, 8, 0, 0)) };

const table = (rows: unknown[][], source: string) => auditTableFromGrid(gridFromRows(rows), { source, firstRow: 1 });
const audit = (base: unknown[][], adjusted: unknown[][]): AuditReport =>
  computeAuditReport(
    { base: table(base, "base.csv"), adjusted: table(adjusted, "adjusted.csv") },
    DEFAULT_AUDIT_SETTINGS,
    CONTEXT,
  );

function csvRows(file: string): string[][] {
  return fs
    .readFileSync(dataFile(file), "utf8")
    .trim()
    .split(/\r?\n/)
    .map((l) => l.split(","));
}

const blocksOf = <K extends SheetModel["blocks"][number]["kind"]>(sheet: SheetModel, kind: K) =>
  sheet.blocks.filter((b) => b.kind === kind) as Extract<SheetModel["blocks"][number], { kind: K }>[];
const texts = (sheet: SheetModel) => (blocksOf(sheet, "text") as TextBlock[]).map((b) => b.text);
const summaryOf = (sheet: SheetModel) => blocksOf(sheet, "keyValue")[0] as KeyValueBlock;
const tableById = (sheet: SheetModel, id: string) =>
  (blocksOf(sheet, "table") as TableBlock[]).find((b) => b.columns[0].id === id);

/**
 * Two tables of 10 codes sharing 2 (GB11, GB13):
 *
 *   base only (8):     ES21 ES23 | FR11 FR13 FR15 | GB15 | JR11 JR13
 *   adjusted only (8): ES29 | FR19 FR21 FR23 | GB19 | JR19 | KR11 KR13
 *
 * overlap = 2 / min(10, 10) = 20% < 80%, and 16 codes in one table only (>= 10): different versions.
 * Neutrality over GB11, GB13 (each once): 2.0 + 1.5 = 3.5 -> 2.2 + 1.5 = 3.7, +5.714%, factor 3.5 / 3.7.
 * Severity: adjusted KR11 (MCC) 0.9 < KR13 (CC) 0.95. Largest change: GB11 2.0 -> 2.2 = +10%.
 */
const BASE_10 = [
  ["DRG编码", "权重"],
  ["GB11", 2.0],
  ["GB13", 1.5],
  ["GB15", 1.0],
  ["ES21", 1.2],
  ["ES23", 1.0],
  ["FR11", 3.0],
  ["FR13", 2.0],
  ["FR15", 1.0],
  ["JR11", 0.8],
  ["JR13", 0.6],
];
const ADJUSTED_10 = [
  ["DRG编码", "权重"],
  ["GB11", 2.2],
  ["GB13", 1.5],
  ["GB19", 1.1],
  ["ES29", 1.0],
  ["FR19", 1.5],
  ["FR21", 2.5],
  ["FR23", 2.0],
  ["JR19", 0.7],
  ["KR11", 0.9],
  ["KR13", 0.95],
];

describe("compareCatalogues", () => {
  test("counts, overlap of the smaller table and the 80% / 10-code rule", () => {
    const c = compareCatalogues(["A11", "A13", "A15", "B11"], ["A11", "A13", "C11"]);
    // common 2; smaller table 3: overlap 2 / 3; only 2 + 1 = 3 codes in one table only (< 10)
    expect(c).toMatchObject({ baseCodes: 4, adjustedCodes: 3, common: 2, differentVersions: false });
    expect(c.overlap).toBeCloseTo(2 / 3, 12);
    expect(c.onlyInBase).toEqual(["A15", "B11"]);
    expect(c.onlyInAdjusted).toEqual(["C11"]);
    const many = (p: string) => Array.from({ length: 10 }, (_, i) => `${p}${i}`);
    // 5 of 10 in common = 50%, 10 codes in one table only: different versions
    expect(
      compareCatalogues(
        [...many("X").slice(0, 5), ...many("Y").slice(0, 5)],
        [...many("X").slice(0, 5), ...many("Z").slice(0, 5)],
      ).differentVersions,
    ).toBe(true);
    // 8 of 10 = 80% is not under 80%
    expect(compareCatalogues(many("X"), [...many("X").slice(0, 8), "Q1", "Q2"], 0.8).differentVersions).toBe(false);
  });

  test("groups by MDC letter, codes that start otherwise last", () => {
    expect(groupByPrefix({ onlyInBase: ["FR11", "039", "BB11"], onlyInAdjusted: ["FR19"] })).toEqual([
      { prefix: "B", onlyInBase: ["BB11"], onlyInAdjusted: [] },
      { prefix: "F", onlyInBase: ["FR11"], onlyInAdjusted: ["FR19"] },
      { prefix: "", onlyInBase: ["039"], onlyInAdjusted: [] },
    ]);
  });

  test("property: common + only in one = each table; overlap in [0, 1]", () => {
    const code = fc.constantFrom("AA11", "AA13", "BB15", "CC19", "DD11", "EE13", "FF15", "GG19");
    fc.assert(
      fc.property(fc.uniqueArray(code), fc.uniqueArray(code), (a, b) => {
        const c = compareCatalogues(a, b);
        expect(c.common + c.onlyInBase.length).toBe(a.length);
        expect(c.common + c.onlyInAdjusted.length).toBe(b.length);
        expect(c.overlap).toBeGreaterThanOrEqual(0);
        expect(c.overlap).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe("two tables sharing 2 of 10 codes", () => {
  const report = audit(BASE_10, ADJUSTED_10);

  test("the note comes first, then the inversion and the neutrality, in both languages", () => {
    const en = auditWorkbook(report, "en").sheets[0];
    expect(texts(en).slice(2, 5)).toEqual([
      "The tables look like different catalogue versions: 2 codes in common (20% of the smaller table, under 80%), 8 only in the base table, 8 only in the adjusted table. The audit sheet groups those codes by MDC instead of listing each as a finding.",
      "1 severity inversions (adjusted table 1): KR11 < KR13",
      "Total weight with each group counted once (no volume given): 3.5 before, 3.7 after (+5.71%); multiply the adjusted weights by 0.94594595 to restore it; 16 groups not weighed in both tables are left out",
    ]);
    const zh = auditWorkbook(report, "zh").sheets[0];
    expect(texts(zh).slice(2, 4)).toEqual([
      "两张表看来是不同版本的分组目录：共有编码 2 个（占较小表的 20%，低于 80%），仅见于调整前表 8 个，仅见于调整后表 8 个。审核表将这些编码按 MDC 汇总，不逐条列为问题。",
      "严重程度倒挂 1 处（调整后权重表 1）：KR11 < KR13",
    ]);
    // The summary right after the key findings, before the findings table.
    expect(en.blocks[5]).toBe(summaryOf(en));
  });

  test("the summary: groups, codes in common, findings by kind, totals", () => {
    const s = summaryOf(auditWorkbook(report, "en").sheets[0]);
    const pairs = new Map(s.rows);
    expect(s.caption).toBe("Summary");
    expect(pairs.get("Groups in the base table")).toBe(10);
    expect(pairs.get("Groups in the adjusted table")).toBe(10);
    expect(pairs.get("Codes in both tables")).toBe(2);
    expect(pairs.get("Codes in common / codes of the smaller table")).toBeCloseTo(0.2, 12);
    expect(pairs.get("Codes only in the base table")).toBe(8);
    expect(pairs.get("Codes only in the adjusted table")).toBe(8);
    expect(pairs.get("Findings: severity order")).toBe(1);
    expect(pairs.get("Findings: only in base table")).toBe(8);
    expect(pairs.get("Findings: only in adjusted table")).toBe(8);
    expect(pairs.get("Total weight before")).toBeCloseTo(3.5, 12);
    expect(pairs.get("Total weight after")).toBeCloseTo(3.7, 12);
    expect(pairs.get("Relative change (after / before − 1)")).toBeCloseTo(3.7 / 3.5 - 1, 12);
    expect(pairs.get("Factor that restores the total (before / after)")).toBeCloseTo(3.5 / 3.7, 12);
    expect(pairs.get("Largest relative changes")).toBe("GB11 +10.00%");
    const typeOf = (label: string) => s.types![s.rows.findIndex(([k]) => k === label)];
    expect(typeOf("Codes in common / codes of the smaller table")).toBe("percent");
    expect(typeOf("Relative change (after / before − 1)")).toBe("percent");
    expect(typeOf("Codes in both tables")).toBe("integer");
  });

  test("the findings table lists 3 findings; the 16 codes are grouped by MDC", () => {
    for (const lang of ["en", "zh"] as Lang[]) {
      const sheet = auditWorkbook(report, lang).sheets[0];
      const findings = tableById(sheet, "kind")!;
      expect(findings.rows.map((r) => r[2])).toEqual(["", "KR11 < KR13", "GB11"]);
      expect(findings.caption).toBe(
        lang === "en"
          ? "Findings (3; the 16 codes in one table only are grouped by MDC below)"
          : "发现的问题（3 项；仅见于一张表的 16 个编码在下方按 MDC 汇总）",
      );
      const grouped = tableById(sheet, "mdc")!;
      const sep = lang === "en" ? ", " : "、";
      const list = (...codes: string[]) => codes.join(sep);
      // each MDC by its letter and its CHS-DRG name (src/words/mdcNames.ts)
      const mdc = (letter: string) => `MDC${letter} ${MDC_NAMES[letter][lang]}`;
      expect(grouped.rows).toEqual([
        [mdc("E"), 2, list("ES21", "ES23"), 1, "ES29"],
        [mdc("F"), 3, list("FR11", "FR13", "FR15"), 3, list("FR19", "FR21", "FR23")],
        [mdc("G"), 1, "GB15", 1, "GB19"],
        [mdc("J"), 2, list("JR11", "JR13"), 1, "JR19"],
        [mdc("K"), 0, "", 2, list("KR11", "KR13")],
      ]);
      expect(grouped.rows[0][0]).toBe(
        lang === "en" ? "MDCE Diseases and disorders of the respiratory system" : "MDCE 呼吸系统疾病及功能障碍",
      );
      expect(grouped.totalRow).toEqual([lang === "en" ? "Total" : "合计", 8, "", 8, ""]);
    }
  });

  test("--json keeps its keys and adds the catalogue", () => {
    const j = auditJson(report, "en");
    expect(Object.keys(j)).toEqual(["findings", "neutrality", "largestChanges", "units", "parameters", "catalogue"]);
    expect(j.findings).toHaveLength(19); // every finding: 1 + 1 + 8 + 8 + 1
    expect(j.catalogue).toMatchObject({
      common: 2,
      baseCodes: 10,
      adjustedCodes: 10,
      differentVersions: true,
      threshold: 0.8,
    });
    expect(j.catalogue!.onlyInAdjusted).toEqual(["ES29", "FR19", "FR21", "FR23", "GB19", "JR19", "KR11", "KR13"]);
  });
});

describe("two tables with the same codes", () => {
  // GB11 1.2 -> 1.3, GB13 1.5, GB15 0.9: 3 in common of 3 = 100%
  const report = audit(
    [
      ["DRG编码", "权重"],
      ["GB11", 1.2],
      ["GB13", 1.5],
      ["GB15", 0.9],
    ],
    [
      ["DRG编码", "权重"],
      ["GB11", 1.3],
      ["GB13", 1.5],
      ["GB15", 0.9],
    ],
  );

  test("no catalogue note and no grouped section", () => {
    for (const lang of ["en", "zh"] as Lang[]) {
      const sheet = auditWorkbook(report, lang).sheets[0];
      expect(texts(sheet).some((t) => t.includes("MDC"))).toBe(false);
      expect(tableById(sheet, "mdc")).toBeUndefined();
      const pairs = new Map(summaryOf(sheet).rows);
      expect(pairs.get(lang === "en" ? "Codes in both tables" : "两表共有的编码")).toBe(3);
      expect(
        pairs.get(lang === "en" ? "Codes in common / codes of the smaller table" : "共有编码占较小表编码的比例"),
      ).toBe(1);
    }
    expect(report.result.catalogue).toMatchObject({
      common: 3,
      onlyInBase: [],
      onlyInAdjusted: [],
      differentVersions: false,
    });
    // GB11 (MCC) is lighter than GB13 (CC) in both tables (1.2 < 1.5, 1.3 < 1.5): 2 inversions
    expect(report.counts.severityOrder).toBe(2);
  });
});

describe("the Harbin 2022 and 2024 catalogues", () => {
  const report = computeAuditReport(
    {
      base: table(csvRows("harbin_chsdrg_weights_2022.csv"), "2022.csv"),
      adjusted: table(csvRows("harbin_chsdrg_weights_2024.csv"), "2024.csv"),
    },
    DEFAULT_AUDIT_SETTINGS,
    CONTEXT,
  );

  test("7 inversions; 420 codes in common, 240 and 290 in one table only", () => {
    // 660 codes in 2022, 710 in 2024 (7 of them blank), 420 in both: 420 / 660 = 63.6% < 80%
    expect(report.counts.severityOrder).toBe(7);
    expect(report.result.catalogue).toMatchObject({
      baseCodes: 660,
      adjustedCodes: 710,
      common: 420,
      differentVersions: true,
    });
    expect(report.result.catalogue!.overlap).toBeCloseTo(420 / 660, 12);
    expect(report.result.catalogue!.onlyInBase).toHaveLength(660 - 420);
    expect(report.result.catalogue!.onlyInAdjusted).toHaveLength(710 - 420);
    const sheet = auditWorkbook(report, "zh").sheets[0];
    // 551 findings; 240 only-2022 and 286 only-2024 codes (4 more are blank in 2024: missing
    // weight, listed) grouped: 551 - 526 = 25 rows, the 7 inversions right after the neutrality.
    const findings = tableById(sheet, "kind")!;
    expect(findings.rows).toHaveLength(25);
    expect(findings.rows.slice(1, 8).every((r) => r[0] === "严重程度倒挂")).toBe(true);
    const grouped = tableById(sheet, "mdc")!;
    expect(grouped.totalRow?.slice(0, 4)).toEqual(["合计", 240, "", 290]);
    expect(grouped.rows.find((r) => r[0] === "MDCF 循环系统疾病及功能障碍")?.slice(0, 4)).toEqual([
      "MDCF 循环系统疾病及功能障碍",
      32,
      "FB21、FB2B、FC1B、FD19、FD2A、FD39、FE29、FF15 … (+24)",
      44,
    ]);
  });

  /** Text cells that read as numbers: "2.2319", "-5.6770%", "1,234", "+20.00%". */
  function textNumbers(wb: ExcelJS.Workbook): string[] {
    const out: string[] = [];
    for (const ws of wb.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          const v = cell.value;
          if (typeof v === "string" && /^[-+]?(\d[\d,]*)?(\.\d+)?%?$/.test(v.trim()) && /\d/.test(v)) {
            out.push(`${ws.name}!${cell.address}: ${v}`);
          }
        }),
      );
    }
    return out;
  }

  test("the written workbook stores numbers as numbers, with number formats, in both languages", async () => {
    for (const lang of ["en", "zh"] as Lang[]) {
      const model = auditWorkbook(report, lang);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await renderXlsx(model)) as unknown as ArrayBuffer);
      expect(textNumbers(wb)).toEqual([]);
      // The relative change and the share in common are numbers shown as per cents.
      const ws = wb.worksheets[0];
      const label = lang === "en" ? "Codes in common / codes of the smaller table" : "共有编码占较小表编码的比例";
      const shares: [unknown, string][] = [];
      ws.eachRow((row) => {
        if (row.getCell(1).value === label) shares.push([row.getCell(2).value, row.getCell(2).numFmt]);
      });
      expect(shares).toEqual([[expect.closeTo(420 / 660, 12), "0.00%"]]);
    }
  });
});
