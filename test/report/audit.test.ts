/**
 * The weight-audit report (src/report/audit): the hand-computed three-group neutrality example
 * with its unit tables, the findings rows of the sheet, the workbook layout (blocks,
 * conditional formats, bar chart), the JSON and the .xlsx it renders to.
 */
import * as fc from "fast-check";
import * as fs from "fs";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { gridFromRows } from "../../src/engine/caseTable";
import { CaseMixError } from "../../src/engine/text";
import { auditTableFromGrid, auditVolumeFromGrid } from "../../src/engine/weightAudit/fromGrid";
import { computeAuditReport, DEFAULT_AUDIT_SETTINGS } from "../../src/report/audit/compute";
import { auditJson } from "../../src/report/audit/json";
import { auditSheetNames, auditWorkbook, FINDING_FILLS } from "../../src/report/audit/sheets";
import { FINDING_LABELS, findingDetail } from "../../src/words/auditFindings";
import { BarChartModel, KeyValueBlock, placeBlocks, TableBlock } from "../../src/report/model";
import { renderXlsx } from "../../src/report/xlsx/render";
import { dataFile } from "../../src/cli/repository";

const TIME = new Date(Date.UTC(2025, 0, 31, 8, 0, 0));
// Beijing time (UTC+8), so that the shown time does not depend on the zone of the machine.
const CONTEXT = { version: "9.9.9", time: TIME, utcOffset: 480 };

function csvRows(file: string): string[][] {
  return fs.readFileSync(dataFile(file), "utf8").trim().split(/\r?\n/).map((l) => l.split(","));
}

const table = (rows: unknown[][], source = "t.csv", firstRow = 1) => auditTableFromGrid(gridFromRows(rows), { source, firstRow });

function tables(sheet: { blocks: unknown[] }): TableBlock[] {
  return (sheet.blocks as TableBlock[]).filter((b) => b.kind === "table");
}

/**
 * Three groups, two hospitals (a tertiary 甲 and a secondary 乙):
 *
 *   group  before  after   甲 cases  乙 cases
 *   JR11   2.0     2.4     10        -
 *   JR13   1.5     1.5     -         10
 *   JR15   1.0     0.8     10        30
 *
 * before = 10 x 2 + 10 x 1.5 + 40 x 1 = 75; after = 10 x 2.4 + 10 x 1.5 + 40 x 0.8 = 71
 * relative change = 71 / 75 - 1 = -0.05333; restoring factor = 75 / 71 = 1.056338
 * 甲: before 20 + 10 = 30, after 24 + 8 = 32, change +6.667%, CMI 1.5 -> 1.6,
 *     at neutral 32 x 75/71 / 30 - 1 = 2400/2130 - 1 = +12.676%
 * 乙: before 15 + 30 = 45, after 15 + 24 = 39, change -13.333%, CMI 1.125 -> 0.975,
 *     at neutral 39 x 75/71 / 45 - 1 = 2925/3195 - 1 = -8.451%
 * Largest changes: JR11 +20% and JR15 -20% (equal size: by code); JR13 did not change.
 */
function threeGroups() {
  const base = table([["drg_code", "drg_name", "weight"], ["JR11", "乳腺恶性肿瘤，伴严重并发症", 2], ["JR13", "", 1.5], ["JR15", "", 1]], "2023.csv");
  const adjusted = table([["DRG编码", "权重"], ["JR11", 2.4], ["JR13", 1.5], ["JR15", 0.8]], "2024.csv");
  const volume = auditVolumeFromGrid(
    gridFromRows([
      ["DRG编码", "出院人数", "医院", "医院等级"],
      ["JR11", 10, "甲", "三级"],
      ["JR15", 10, "甲", "三级"],
      ["JR13", 10, "乙", "二级"],
      ["JR15", 30, "乙", "二级"],
      ["JR15", 0, "乙", "二级"],
    ]),
    { source: "volume.csv" },
  );
  return computeAuditReport({ base, adjusted, volume }, DEFAULT_AUDIT_SETTINGS, CONTEXT);
}

describe("three-group neutrality example (hand-computed)", () => {
  const report = threeGroups();

  test("neutrality over the volume", () => {
    const n = report.result.neutrality!;
    expect(n.weighting).toBe("cases");
    expect(n.totalBefore).toBeCloseTo(75, 12);
    expect(n.totalAfter).toBeCloseTo(71, 12);
    expect(n.relativeChange).toBeCloseTo(71 / 75 - 1, 12);
    expect(n.restoringFactor).toBeCloseTo(75 / 71, 12);
    expect(n.casesCovered).toBe(60);
    expect(report.result.volumeSkipped?.noCases).toBe(1);
  });

  test("a unit table per unit column, winners first, with a total row", () => {
    expect(report.units.map((u) => u.dimension)).toEqual(["hospital", "hospitalLevel"]);
    const [hospital, level] = report.units;
    expect(hospital.rows.map((r) => r.unit)).toEqual(["甲", "乙"]);
    expect(level.rows.map((r) => r.unit)).toEqual(["三级", "二级"]);
    const [a, b] = hospital.rows;
    expect([a.cases, a.totalWeightBefore, a.totalWeightAfter]).toEqual([20, 30, 32]);
    expect([a.cmiBefore, a.cmiAfter]).toEqual([1.5, 1.6]);
    expect(a.change).toBeCloseTo(32 / 30 - 1, 12);
    expect(a.changeAtNeutral).toBeCloseTo(2400 / 2130 - 1, 12);
    expect([b.cases, b.totalWeightBefore]).toEqual([40, 45]);
    expect(b.totalWeightAfter).toBeCloseTo(39, 12);
    expect(b.cmiAfter).toBeCloseTo(0.975, 12);
    expect(b.change).toBeCloseTo(39 / 45 - 1, 12);
    expect(b.changeAtNeutral).toBeCloseTo(2925 / 3195 - 1, 12);
    // The total: the whole volume, back to 0 at the neutral total.
    const t = hospital.total;
    expect([t.cases, t.totalWeightBefore]).toEqual([60, 75]);
    expect(t.cmiBefore).toBe(1.25);
    expect(t.change).toBeCloseTo(-4 / 75, 12);
    expect(t.changeAtNeutral).toBeCloseTo(0, 12);
  });

  test("the largest changes, with the name of the group", () => {
    expect(report.largest.map((c) => [c.code, c.name, c.before, c.after, c.cases])).toEqual([
      ["JR11", "乳腺恶性肿瘤，伴严重并发症", 2, 2.4, 10],
      ["JR15", "", 1, 0.8, 40],
    ]);
  });

  test("the sheet: neutrality block, unit tables, findings, largest changes and the bar chart", () => {
    const model = auditWorkbook(report, "zh");
    expect(model.sheets.map((s) => s.name)).toEqual(auditSheetNames("zh"));
    expect(auditSheetNames("zh")).toEqual(["权重审核", "审核参数"]);
    expect(auditSheetNames("en")).toEqual(["Weight Audit", "Audit Parameters"]);
    const sheet = model.sheets[0];
    const kv = sheet.blocks.find((b) => b.kind === "keyValue" && b.caption === "总权重中性") as KeyValueBlock;
    expect(kv.rows).toEqual([
      ["计算口径", "按病例量（病例数 × 权重）"],
      ["调整前总权重", 75],
      ["调整后总权重", expect.closeTo(71, 12)],
      // 71 / 75 − 1 = −0.053333, stored as the fraction and shown 0.00% (types[3]).
      ["相对变化（调整后 / 调整前 − 1）", expect.closeTo(71 / 75 - 1, 12)],
      ["还原总权重的系数（调整前 / 调整后）", expect.closeTo(75 / 71, 12)],
      ["计入的病例数（两表均有权重）", 60],
      ["是否在容许范围内（± 0.1%）", "否"],
    ]);
    expect(kv.types?.[3]).toBe("percent");
    const [findings, hospital, level, largest] = tables(sheet);
    expect(hospital.caption).toBe("各医院得失（得益者在前）");
    expect(hospital.rows.map((r) => r.slice(0, 3))).toEqual([["甲", 20, 30], ["乙", 40, 45]]);
    expect(hospital.totalRow?.slice(0, 3)).toEqual(["合计", 60, 75]);
    expect(level.columns[0].header).toBe("医院等级");
    expect(hospital.conditionalFormats?.map((c) => [c.columnId, c.rule.kind])).toEqual([
      ["change", "greaterThan"],
      ["change", "lessThan"],
      ["changeAtNeutral", "greaterThan"],
      ["changeAtNeutral", "lessThan"],
    ]);
    expect(findings.rows.map((r) => r[0])).toEqual(["总权重变化", "调整幅度大", "调整幅度大"]);
    expect(largest.rows.map((r) => r[0])).toEqual(["JR11", "JR15"]);
    expect(largest.columns.map((c) => c.id)).toEqual(["code", "family", "name", "cases", "before", "after", "difference", "relative"]);
    // The bar chart: one bar per row of the largest-changes table, to its right.
    const chart = sheet.barCharts![0] as BarChartModel;
    const at = sheet.blocks.indexOf(largest);
    expect(chart.categories).toEqual({ blockIndex: at, columnId: "code" });
    expect(chart.series[0].values).toEqual({ blockIndex: at, columnId: "relative" });
    expect(chart.anchor.row).toBe(placeBlocks(sheet)[at].top);
    // Right of every block (then it prints on its own page): one column past the widest table.
    const widest = Math.max(...sheet.blocks.map((b) => (b.kind === "table" ? b.columns.length : 0)));
    expect(chart.anchor.column).toBe(widest + 1);
    expect(chart.anchor.column).toBeGreaterThan(largest.columns.length);
    expect(sheet.charts).toBeUndefined();
  });

  test("JSON: the same numbers, NaN as null", () => {
    const j = auditJson(report, "en");
    expect(j.neutrality).toMatchObject({ weighting: "cases", totalBefore: 75, casesCovered: 60, withinTolerance: false });
    expect(j.units.map((u) => [u.dimension, u.unit, u.cases])).toEqual([
      ["hospital", "甲", 20],
      ["hospital", "乙", 40],
      ["hospitalLevel", "三级", 20],
      ["hospitalLevel", "二级", 40],
    ]);
    expect(j.findings.map((f) => [f.kind, f.label])).toEqual([
      ["neutrality", "total weight changed"],
      ["largeChange", "large change"],
      ["largeChange", "large change"],
    ]);
    expect(j.parameters).toMatchObject({
      version: "9.9.9",
      time: TIME.toISOString(),
      volume: { columns: { group: "DRG编码", cases: "出院人数", hospital: "医院", hospitalLevel: "医院等级" }, cases: 60 },
      counts: { neutrality: 1, largeChange: 2, severityOrder: 0 },
    });
  });
});

/**
 * Findings of a five-row table (no volume: each group counts once):
 *
 *   code   base   adjusted
 *   GB11   1.2    1.6        base: GB11 (MCC) lighter than GB13 (CC) by 0.3 = 20% of 1.5
 *   GB13   1.5    1.5
 *   GB15   0.9    0.9
 *   ES21   blank  -          missing weight
 *   FR19   0      -          zero weight in the base table, and only in the base table
 *   XX19   -      0.7        only in the adjusted table
 *
 * Neutrality over GB11, GB13, GB15: 3.6 -> 4.0 (+11.11%), factor 0.9; 3 groups left out.
 * Largest change: GB11 1.2 -> 1.6 (+33.33%).
 */
describe("findings rows of the sheet", () => {
  const base = table([["DRG编码", "权重"], ["GB11", 1.2], ["GB13", 1.5], ["GB15", 0.9], ["ES21", ""], ["FR19", 0]], "base.csv");
  const adjusted = table([["DRG编码", "权重"], ["GB11", 1.6], ["GB13", 1.5], ["GB15", 0.9], ["XX19", 0.7]], "adjusted.csv");
  const report = computeAuditReport({ base, adjusted }, DEFAULT_AUDIT_SETTINGS, CONTEXT);

  test("one row per finding: kind, family, groups, weights, difference, relative, cases, table, detail", () => {
    for (const lang of ["en", "zh"] as const) {
      const findings = tables(auditWorkbook(report, lang).sheets[0]).find((b) => b.columns[0].id === "kind")!;
      const rows = findings.rows;
      expect(rows.map((r) => r.slice(0, 4))).toEqual(
        lang === "en"
          ? [
              ["total weight changed", "", "", "3.6 → 4"],
              ["severity order", "GB1", "GB11 < GB13", "1.2 < 1.5"],
              ["missing weight", "ES2", "ES21", ""],
              ["zero or negative weight", "FR1", "FR19", 0],
              ["only in base table", "FR1", "FR19", 0],
              ["only in adjusted table", "XX1", "XX19", 0.7],
              ["large change", "GB1", "GB11", "1.2 → 1.6"],
            ]
          : [
              ["总权重变化", "", "", "3.6 → 4"],
              ["严重程度倒挂", "GB1", "GB11 < GB13", "1.2 < 1.5"],
              ["缺少权重", "ES2", "ES21", ""],
              ["权重为零或负数", "FR1", "FR19", 0],
              ["仅见于调整前表", "FR1", "FR19", 0],
              ["仅见于调整后表", "XX1", "XX19", 0.7],
              ["调整幅度大", "GB1", "GB11", "1.2 → 1.6"],
            ],
      );
      // difference, relative
      expect(rows[0][4]).toBeCloseTo(0.4, 12);
      expect(rows[0][5]).toBeCloseTo(4 / 3.6 - 1, 12);
      expect(rows[1][4]).toBeCloseTo(0.3, 12);
      expect(rows[1][5]).toBeCloseTo(0.3 / 1.5, 12);
      expect(rows[6][5]).toBeCloseTo(1.6 / 1.2 - 1, 12);
      expect(rows.slice(2, 6).map((r) => [r[4], r[5], r[6]])).toEqual(Array(4).fill([null, null, null]));
      expect(rows.map((r) => r[7])).toEqual(
        lang === "en"
          ? ["Adjusted table", "Base table", "Base table", "Base table", "Base table", "Adjusted table", "Adjusted table"]
          : ["调整后权重表", "调整前权重表", "调整前权重表", "调整前权重表", "调整前权重表", "调整后权重表", "调整后权重表"],
      );
      expect(rows.map((r) => r[8])).toEqual(report.result.findings.map((f) => findingDetail(f, report.result, lang)));
      // The kind column is coloured by kind.
      expect(findings.conditionalFormats).toContainEqual({
        columnId: "kind",
        rule: { kind: "textEquals", text: FINDING_LABELS.severityOrder[lang], fill: FINDING_FILLS.severityOrder },
      });
      expect(findings.autoFilter).toBe(true);
    }
    expect(report.result.neutrality!.restoringFactor).toBeCloseTo(0.9, 12);
    expect(report.result.neutrality!.groupsWithoutWeight).toEqual(["ES21", "FR19", "XX19"]);
  });

  test("without a volume there is no unit table, and the sheet says how to get one", () => {
    const sheet = auditWorkbook(report, "en").sheets[0];
    expect(tables(sheet).map((b) => b.columns[0].id)).toEqual(["kind", "code"]);
    expect(sheet.blocks).toContainEqual({
      kind: "text",
      text: "Give a case volume with a hospital, hospital level or department column to see who gains and who loses.",
      style: "note",
    });
    // No case column in the largest-changes table.
    expect(tables(sheet)[1].columns.map((c) => c.id)).not.toContain("cases");
  });

  test("a clean table alone: one row says what was checked, no neutrality, no chart", () => {
    const clean = computeAuditReport({ base: table([["JR11", 3], ["JR13", 2], ["JR15", 1]]) }, DEFAULT_AUDIT_SETTINGS, CONTEXT);
    const sheet = auditWorkbook(clean, "zh").sheets[0];
    expect(sheet.blocks[0]).toEqual({ kind: "text", text: "权重表审核", style: "title" });
    // Only the summary: no neutrality without an adjusted table.
    expect(sheet.blocks.filter((b) => b.kind === "keyValue").map((b) => b.caption)).toEqual(["概要"]);
    const [findings] = tables(sheet);
    expect(findings.rows).toHaveLength(1);
    expect(findings.rows[0][0]).toBe("未发现问题");
    expect(findings.rows[0][8]).toMatch(/^已检查 3 个病组、1 个核心组/);
    expect(findings.autoFilter).toBe(false);
    expect(sheet.barCharts).toBeUndefined();
  });
});

describe("volume rows with an empty unit", () => {
  test("are left out of that unit table only, and the sheet says so in both languages", () => {
    const base = table([["DRG编码", "权重"], ["GB11", 2], ["GB13", 1]]);
    const adjusted = table([["DRG编码", "权重"], ["GB11", 2.2], ["GB13", 1]]);
    // 甲: 3 x GB11; 乙: 2 x GB13; 1 x GB13 without a department.
    const volume = auditVolumeFromGrid(gridFromRows([["DRG编码", "出院人数", "科室"], ["GB11", 3, "甲"], ["GB13", 2, "乙"], ["GB13", 1, ""]]), { source: "v.csv" });
    const report = computeAuditReport({ base, adjusted, volume }, DEFAULT_AUDIT_SETTINGS, CONTEXT);
    // Neutrality over all 6 cases: 6 + 3 = 9 before, 6.6 + 3 = 9.6 after.
    expect(report.result.neutrality!.totalBefore).toBe(9);
    const [dept] = report.units;
    expect(dept.emptyUnitRows).toBe(1);
    expect(dept.total.cases).toBe(5);
    const en = auditWorkbook(report, "en");
    expect(en.sheets[0].blocks).toContainEqual({ kind: "text", text: "Department: 1 volume rows with an empty department are left out of this table", style: "warning" });
    expect(tables(en.sheets[0])[1].caption).toBe("Winners and losers by department (winners first) · 科室"); // the header of the volume's column
    const zh = auditWorkbook(report, "zh");
    expect(zh.sheets[0].blocks).toContainEqual({ kind: "text", text: "科室：1 行病例量的科室为空，未计入此表", style: "warning" });
    const volumeRows = new Map((zh.sheets[1].blocks.find((b) => b.kind === "keyValue" && b.caption === "病例量") as KeyValueBlock).rows);
    expect(volumeRows.get("跳过：科室为空的行（仅不计入该单位表）")).toBe(1);
  });
});

describe("the parameters sheet", () => {
  test("settings, each source with its columns and skipped rows, counts, version and time", () => {
    const model = auditWorkbook(threeGroups(), "en");
    const params = model.sheets[1];
    expect(params.name).toBe("Audit Parameters");
    const blocks = params.blocks.filter((b) => b.kind === "keyValue") as KeyValueBlock[];
    expect(blocks.map((b) => b.caption)).toEqual(["Settings", "Base table", "Adjusted table", "Case volume", "Results", "About"]);
    const rows = (caption: string) => new Map(blocks.find((b) => b.caption === caption)!.rows);
    expect(rows("Settings").get("Largest changes listed")).toBe(10);
    expect(rows("Base table").get("Columns")).toBe("code = drg_code; weight = weight; name = drg_name");
    expect(rows("Base table").get("Rows read")).toBe(3);
    const volume = rows("Case volume");
    expect(volume.get("Columns")).toBe("group = DRG编码; cases = 出院人数; Hospital = 医院; Hospital level = 医院等级");
    expect(volume.get("Cases")).toBe(60);
    expect(volume.get("Skipped: rows with a blank or zero case count")).toBe(1);
    expect(rows("Results").get("Findings: large change")).toBe(2);
    // 08:00 UTC + 8 h = 16:00 Beijing time; the JSON keeps ISO UTC.
    expect(rows("About").get("Built at")).toBe("2025-01-31 16:00 (UTC+8)");
    expect(rows("About").get("CaseMix version")).toBe("9.9.9");
  });
});

describe("rendered to .xlsx", () => {
  test("the sheets open with ExcelJS and the bar chart points at the largest-changes cells", async () => {
    const report = threeGroups();
    const model = auditWorkbook(report, "en");
    const buffer = await renderXlsx(model);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Weight Audit", "Audit Parameters"]);
    const sheet = model.sheets[0];
    const at = sheet.blocks.findIndex((b) => b.kind === "table" && b.columns[0].id === "code");
    const first = placeBlocks(sheet)[at].firstDataRow + 1;
    const ws = wb.getWorksheet("Weight Audit")!;
    expect([ws.getCell(first, 1).value, ws.getCell(first + 1, 1).value]).toEqual(["JR11", "JR15"]);
    const zip = await JSZip.loadAsync(buffer);
    const xml = (await zip.file("xl/charts/chart1.xml")!.async("string")) as string;
    expect(xml).toContain('<c:barChart><c:barDir val="bar"/>');
    expect(xml).toContain(`<c:f>'Weight Audit'!$A$${first}:$A$${first + 1}</c:f>`);
    expect(xml).toContain(`<c:f>'Weight Audit'!$H$${first}:$H$${first + 1}</c:f>`);
    // JR15 (the second bar) went down: its bar is red.
    expect(xml).toContain('<c:dPt><c:idx val="1"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/><c:spPr><a:solidFill><a:srgbClr val="C00000"/>');
    expect(xml).not.toContain('<c:idx val="0"/><c:invertIfNegative val="0"/><c:bubble3D');
    const drawing = (await zip.file("xl/drawings/drawing1.xml")!.async("string")) as string;
    // Anchored on the caption row (0-based: the data starts two rows below it).
    const column = Math.max(...sheet.blocks.map((b) => (b.kind === "table" ? b.columns.length : 0))) + 1;
    expect(drawing).toContain(`<xdr:from><xdr:col>${column}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${first - 3}</xdr:row>`);
  });
});

describe("property: units add up to the volume and the neutral total changes by nothing", () => {
  test("for any tables and volume", () => {
    const codes = ["AA11", "AA13", "AA15", "BB19", "CC11", "CC15"];
    const weight = fc.double({ min: 0.05, max: 30, noNaN: true });
    fc.assert(
      fc.property(
        fc.array(weight, { minLength: codes.length, maxLength: codes.length }),
        fc.array(weight, { minLength: codes.length, maxLength: codes.length }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: codes.length - 1 }), fc.integer({ min: 1, max: 50 }), fc.constantFrom("甲", "乙", "丙")), { minLength: 1, maxLength: 30 }),
        (before, after, rows) => {
          const base = table([["code", "weight"], ...codes.map((c, i) => [c, before[i]])]);
          const adjusted = table([["code", "weight"], ...codes.map((c, i) => [c, after[i]])]);
          const volume = auditVolumeFromGrid(gridFromRows([["DRG", "cases", "医院"], ...rows.map(([g, n, h]) => [codes[g], n, h])]), { source: "v" });
          const report = computeAuditReport({ base, adjusted, volume }, DEFAULT_AUDIT_SETTINGS, CONTEXT);
          const [units] = report.units;
          const cases = rows.reduce((s, r) => s + r[1], 0);
          expect(units.total.cases).toBe(cases);
          expect(units.total.totalWeightBefore).toBeCloseTo(report.result.neutrality!.totalBefore, 9);
          expect(Math.abs(units.total.changeAtNeutral)).toBeLessThan(1e-12);
          // Winners first.
          for (let i = 1; i < units.rows.length; i++) expect(units.rows[i - 1].change).toBeGreaterThanOrEqual(units.rows[i].change);
        },
      ),
      { numRuns: 100 },
    );
  });
});
