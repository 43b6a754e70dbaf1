/**
 * The policy-tilt simulation of the audit (src/report/audit/tilt.ts): with a tilt rule and no
 * adjusted table, the adjusted table is the base table tilted and rescaled.
 *
 * Four groups, two hospitals (a tertiary 甲 and a secondary 乙), rule "rw>=2: 1.2; rw<0.8: 0.9":
 *
 *   group  RW   factor  tilted  甲 cases  乙 cases
 *   JR11   2.5  1.2     3.0     10        -
 *   JR13   2.0  1.2     2.4     10        10
 *   JR15   1.0  1       1.0     -         20
 *   JR19   0.5  0.9     0.45    10        20
 *
 * over the volume: before = 10 x 2.5 + 20 x 2 + 20 x 1 + 30 x 0.5 = 100;
 * tilted = 10 x 3 + 20 x 2.4 + 20 x 1 + 30 x 0.45 = 111.5; factor = sum(n w) / sum(n w f) = 100 / 111.5
 * 甲: before 25 + 20 + 5 = 50, tilted 30 + 24 + 4.5 = 58.5, after 58.5 x 100 / 111.5 = 52.466;
 *     change 5,850 / 5,575 - 1 = +4.933%
 * 乙: before 20 + 20 + 10 = 50, tilted 24 + 20 + 9 = 53, after 47.534; change 5,300 / 5,575 - 1 = -4.933%
 * each group once (no volume): before 2.5 + 2 + 1 + 0.5 = 6, tilted 3 + 2.4 + 1 + 0.45 = 6.85,
 * factor 6 / 6.85
 */
import { gridFromRows } from "../../src/engine/caseTable";
import { auditTableFromGrid, auditVolumeFromGrid } from "../../src/engine/weightAudit/fromGrid";
import { computeAuditReport, DEFAULT_AUDIT_SETTINGS } from "../../src/report/audit/compute";
import { auditJson } from "../../src/report/audit/json";
import { auditWorkbook } from "../../src/report/audit/sheets";
import { KeyValueBlock, TableBlock } from "../../src/report/model";

const CONTEXT = { version: "9.9.9", time: new Date(Date.UTC(2025, 0, 31, 8)), utcOffset: 480 };
const RULE = "rw>=2: 1.2; rw<0.8: 0.9";

const base = () =>
  auditTableFromGrid(
    gridFromRows([
      ["DRG编码", "DRG名称", "权重"],
      ["JR11", "甲组", 2.5],
      ["JR13", "", 2],
      ["JR15", "", 1],
      ["JR19", "", 0.5],
    ]),
    { source: "2024.csv" },
  );
const volume = () =>
  auditVolumeFromGrid(
    gridFromRows([
      ["DRG编码", "出院人数", "医院", "医院等级"],
      ["JR11", 10, "甲", "三级"],
      ["JR13", 10, "甲", "三级"],
      ["JR19", 10, "甲", "三级"],
      ["JR13", 10, "乙", "二级"],
      ["JR15", 20, "乙", "二级"],
      ["JR19", 20, "乙", "二级"],
    ]),
    { source: "volume.csv" },
  );
const build = (tilt: string, withVolume = true) =>
  computeAuditReport(
    { base: base(), volume: withVolume ? volume() : undefined, tilt },
    DEFAULT_AUDIT_SETTINGS,
    CONTEXT,
  );

describe("audit --tilt: the hand-computed four-group example", () => {
  const report = build(RULE);

  it("tilts, rescales and records the clauses with the groups they matched", () => {
    const t = report.tilt!;
    expect(t.clauses).toEqual([
      { clause: "rw>=2: 1.2", factor: 1.2, groups: ["JR11", "JR13"] },
      { clause: "rw<0.8: 0.9", factor: 0.9, groups: ["JR19"] },
    ]);
    expect(t.unmatched).toBe(1);
    expect(t.weighting).toBe("cases");
    expect(t.totalBefore).toBeCloseTo(100, 12);
    expect(t.totalTilted).toBeCloseTo(111.5, 12);
    expect(t.factor).toBeCloseTo(100 / 111.5, 14);
    expect(t.totalAfter).toBeCloseTo(100, 12);
    // the adjusted table is the tilted one: JR11 3 x 100 / 111.5
    const change = report.result.changes.find((c) => c.code === "JR11")!;
    expect(change.after).toBeCloseTo((3 * 100) / 111.5, 12);
    // neutral to 1e-12, so no neutrality finding
    expect(Math.abs(report.result.neutrality!.relativeChange)).toBeLessThan(1e-12);
    expect(report.counts.neutrality).toBe(0);
  });

  it("shows the winners and losers: the tertiary hospital gains", () => {
    const hospitals = report.units.find((u) => u.dimension === "hospital")!;
    expect(hospitals.rows.map((r) => [r.unit, r.totalWeightBefore])).toEqual([
      ["甲", 50],
      ["乙", 50],
    ]);
    expect(hospitals.rows[0].totalWeightAfter).toBeCloseTo((58.5 * 100) / 111.5, 12);
    expect(hospitals.rows[0].change).toBeCloseTo(5850 / 5575 - 1, 12);
    expect(hospitals.rows[1].change).toBeCloseTo(5300 / 5575 - 1, 12);
  });

  it("each group once without a volume: factor 6 / 6.85", () => {
    const t = build(RULE, false).tilt!;
    expect([t.weighting, t.totalBefore, t.totalTilted]).toEqual(["groups", 6, expect.closeTo(6.85, 12)]);
    expect(t.factor).toBeCloseTo(6 / 6.85, 14);
  });

  it("a factor of 1 changes nothing", () => {
    const r = build("rw>=0: 1");
    expect(r.tilt!.factor).toBe(1);
    expect(r.result.changes.map((c) => c.after)).toEqual([2.5, 2, 1, 0.5]);
  });

  it("refuses a tilt with an adjusted table, and names the rule's bad clause", () => {
    const both = () =>
      computeAuditReport({ base: base(), adjusted: base(), tilt: RULE }, DEFAULT_AUDIT_SETTINGS, CONTEXT);
    expect(both).toThrow("tilt: give a tilt rule or an adjusted table, not both");
    expect(() => build("rw>=2 1.1")).toThrow('tilt: clause "rw>=2 1.1" has no ":"');
  });

  it("puts the tilt section after the summary, and the tilt in the JSON", () => {
    const sheet = auditWorkbook(report, "zh").sheets[0];
    expect(sheet.blocks[0]).toMatchObject({ kind: "text", text: "政策倾斜模拟" });
    const tiltAt = sheet.blocks.findIndex((b) => b.kind === "keyValue" && b.caption === "政策倾斜");
    const summaryAt = sheet.blocks.findIndex((b) => b.kind === "keyValue");
    expect(summaryAt).toBeLessThan(tiltAt);
    const kv = sheet.blocks[tiltAt] as KeyValueBlock;
    expect(kv.rows).toEqual([
      ["政策倾斜规则", RULE],
      ["计算口径", "按病例量（病例数 × 权重）"],
      ["调整前总权重", expect.closeTo(100, 12)],
      ["倾斜后总权重（缩放前）", expect.closeTo(111.5, 12)],
      ["中性系数（调整前总权重 / 倾斜后总权重）", expect.closeTo(100 / 111.5, 14)],
      ["缩放后总权重", expect.closeTo(100, 12)],
    ]);
    const clauses = sheet.blocks[tiltAt + 1] as TableBlock;
    expect(clauses.rows).toEqual([
      ["rw>=2: 1.2", 1.2, 2, "JR11、JR13"],
      ["rw<0.8: 0.9", 0.9, 1, "JR19"],
      ["其他病组（因子 1）", 1, 1, ""],
    ]);
    const json = auditJson(report, "en");
    expect(json.tilt).toEqual({
      rule: RULE,
      clauses: [
        { clause: "rw>=2: 1.2", factor: 1.2, groups: ["JR11", "JR13"] },
        { clause: "rw<0.8: 0.9", factor: 0.9, groups: ["JR19"] },
      ],
      unmatched: 1,
      weighting: "cases",
      factor: expect.closeTo(100 / 111.5, 14),
      totalBefore: expect.closeTo(100, 12),
      totalTilted: expect.closeTo(111.5, 12),
      totalAfter: expect.closeTo(100, 12),
    });
    // without a rule, no tilt key
    expect(auditJson(computeAuditReport({ base: base() }, DEFAULT_AUDIT_SETTINGS, CONTEXT), "en").tilt).toBeUndefined();
  });
});
