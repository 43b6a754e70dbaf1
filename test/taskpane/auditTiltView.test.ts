/**
 * The "Audit weights" view with a policy-tilt rule in place of the adjusted table: the build
 * through the office-addin-mock context on the Harbin 2024 table (each group once: 172 of 703
 * groups with rw >= 2, neutrality factor 1,383.8855 / 1,479.18078 = 0.9355756367), the result
 * line, and the tilt field on the screen in both languages.
 */
import * as fs from "fs";
import * as React from "react";
import { renderToString } from "react-dom/server";
import { DEFAULT_AUDIT_SETTINGS } from "../../src/report/audit/compute";
import { RenderOptions } from "../../src/report/excel/options";
import { renderWorkbook } from "../../src/report/excel/render";
import { WorkbookModel } from "../../src/report/model";
import { AuditView } from "../../src/taskpane/AuditView";
import { AuditBuildDeps, auditSummaryLines, buildAudit } from "../../src/taskpane/auditBuild";
import { MockWorkbook, mockContext } from "./excelMock";
import { excelRows } from "./excelLike";
import { dataFile } from "../../src/cli/repository";

function book(): MockWorkbook {
  const b = new MockWorkbook();
  const w24 = excelRows(fs.readFileSync(dataFile("harbin_chsdrg_weights_2024.csv"), "utf8"));
  b.addSheet("权重2024", w24);
  b.names.push({ name: "W2024", sheet: "权重2024", row: 0, column: 0, rows: w24.length, columns: 5 });
  return b;
}

function deps(b: MockWorkbook): AuditBuildDeps {
  const context = mockContext(b);
  return {
    run: (batch) => batch(context),
    render: async (model: WorkbookModel, options: RenderOptions) => ({
      ...(await renderWorkbook(context, model, options)),
      grouped: true,
    }),
    ask: async () => "replace",
    yieldToUi: () => Promise.resolve(),
    time: new Date(Date.UTC(2025, 0, 31, 8)),
  };
}

describe("the audit view with a tilt rule", () => {
  it("tilts the base table and says so in the result lines", async () => {
    const picks = { base: { source: { kind: "name" as const, name: "W2024" } }, tilt: "rw>=2:1.1" };
    const built = await buildAudit(picks, DEFAULT_AUDIT_SETTINGS, "zh", deps(book()));
    const t = built.report.tilt!;
    expect(t.clauses[0].groups.length).toBe(172);
    expect(t.clauses[0].groups.length + t.unmatched).toBe(703);
    expect(t.totalBefore).toBeCloseTo(1383.8855, 9);
    expect(t.totalTilted).toBeCloseTo(1479.18078, 9);
    expect(t.factor).toBeCloseTo(0.9355756367, 10);
    expect(built.model.sheets[0].blocks[0]).toMatchObject({ text: "政策倾斜模拟" });
    const lines = auditSummaryLines(built, "zh", 1);
    expect(lines).toContain("政策倾斜：172 个病组倾斜；中性系数 0.9355756367");
  });

  it("names the tilt rule in a bad clause's message, in the user's language", async () => {
    const picks = { base: { source: { kind: "name" as const, name: "W2024" } }, tilt: "rw>=2 1.1" };
    await expect(buildAudit(picks, DEFAULT_AUDIT_SETTINGS, "zh", deps(book()))).rejects.toMatchObject({
      text: { zh: expect.stringContaining('政策倾斜规则：条件 "rw>=2 1.1" 缺少因子前的') },
    });
  });

  it("shows the tilt field in both languages while no adjusted table is compared", () => {
    const zh = renderToString(React.createElement(AuditView, { lang: "zh" }));
    expect(zh).toContain("政策倾斜规则（代替调整后权重表）");
    expect(zh).toContain('data-testid="audit-tilt"');
    const en = renderToString(React.createElement(AuditView, { lang: "en" }));
    expect(en).toContain("Tilt rule (instead of an adjusted table)");
  });
});
