/**
 * The "Audit weights" view's build path through the office-addin-mock context: sources from an
 * Excel table, a named range and the selection; the audit written as two new sheets with its
 * conditional formats and bar chart; the question before replacing an earlier audit; cancel;
 * the form; and the view itself rendered once in each language.
 */
import { listedFindings } from "../../src/report/audit/summary";
import * as fs from "fs";
import * as React from "react";
import { renderToString } from "react-dom/server";
import { CaseMixError } from "../../src/engine/text";
import { DEFAULT_AUDIT_SETTINGS } from "../../src/report/audit/compute";
import { FINDING_LABELS, findingDetail } from "../../src/words/auditFindings";
import { RenderCancelled, RenderOptions } from "../../src/report/excel/options";
import { renderWorkbook } from "../../src/report/excel/render";
import { placeBlocks, TableBlock, WorkbookModel } from "../../src/report/model";
import { AuditView } from "../../src/taskpane/AuditView";
import {
  AuditBuildDeps,
  AuditPicks,
  auditSettingsFromForm,
  auditSummaryLines,
  buildAudit,
  DEFAULT_AUDIT_FORM,
} from "../../src/taskpane/auditBuild";
import { ReadCancelled } from "../../src/taskpane/excelData";
import { MockRange, MockSheet, MockWorkbook, mockContext } from "./excelMock";
import { excelRows, sampleRows } from "./excelLike";
import { dataFile } from "../../src/cli/repository";

const TIME = new Date(Date.UTC(2025, 0, 31, 8, 0, 0));
const noPause = () => Promise.resolve();

const harbin = (year: number) => excelRows(fs.readFileSync(dataFile(`harbin_chsdrg_weights_${year}.csv`), "utf8"));

/** A workbook with the 2022 table as an Excel table, the 2024 table as a named range and cases selected. */
function auditBook(cases = 3000): MockWorkbook {
  const book = new MockWorkbook();
  const w22 = harbin(2022);
  const w24 = harbin(2024);
  const rows = sampleRows(cases);
  book.addSheet("权重2022", w22);
  book.addSheet("权重2024", w24);
  book.addSheet("病案首页", rows);
  book.tables.push({ name: "W2022", sheet: "权重2022", row: 0, column: 0, rows: w22.length, columns: 5 });
  book.names.push({ name: "W2024", sheet: "权重2024", row: 0, column: 0, rows: w24.length, columns: 5 });
  book.selection = { sheet: "病案首页", row: 0, column: 0, rows: 1_048_576, columns: rows[0].length };
  return book;
}

const PICKS: AuditPicks = {
  base: { source: { kind: "table", name: "W2022" } },
  adjusted: { source: { kind: "name", name: "W2024" } },
  volume: { source: { kind: "selection" } },
};

function deps(book: MockWorkbook, extra: Partial<AuditBuildDeps> & { renderOptions?: Partial<RenderOptions> } = {}) {
  const context = mockContext(book);
  const progress: [string, number][] = [];
  const asked: unknown[] = [];
  const d: AuditBuildDeps = {
    run: (batch) => batch(context),
    render: async (model: WorkbookModel, options: RenderOptions) => ({
      ...(await renderWorkbook(context, model, { ...options, ...extra.renderOptions })),
      grouped: true,
    }),
    ask: async (existing, suffix) => {
      asked.push({ existing, suffix });
      return "replace";
    },
    onProgress: (label, fraction) => progress.push([label, fraction]),
    yieldToUi: noPause,
    time: TIME,
    ...extra,
  };
  return { deps: d, progress, asked };
}

/** Ranges the renderer creates, to read the conditional formats logged on them. */
function captureRanges(): MockRange[] {
  const ranges: MockRange[] = [];
  const original = MockSheet.prototype.getRangeByIndexes;
  jest.spyOn(MockSheet.prototype, "getRangeByIndexes").mockImplementation(function (this: MockSheet, ...args) {
    const range = original.apply(this, args);
    ranges.push(range);
    return range;
  });
  return ranges;
}

afterEach(() => jest.restoreAllMocks());

describe("Build: table, named range and selection, written as two new sheets", () => {
  test("reads at Build, audits, writes the findings, the formats and the bar chart", async () => {
    const book = auditBook();
    const ranges = captureRanges();
    const { deps: d, progress, asked } = deps(book);
    const built = await buildAudit(PICKS, DEFAULT_AUDIT_SETTINGS, "zh", d);

    // Sources: each read once, in order; 3,000 cases with 出院科室.
    expect(built.data.base.address).toBe("权重2022!A1:E661");
    expect(built.data.adjusted!.address).toBe("权重2024!A1:E711");
    expect(built.report.sources.volume!.units.map((u) => u.dimension)).toEqual(["department"]);
    expect(built.report.result.checked.volumeCases).toBe(3000);
    expect(built.report.counts.severityOrder).toBe(7);
    expect(progress.map(([label]) => label.replace(/[\d…%. ]+$/, ""))).toEqual([
      "正在读取调整前权重表",
      "正在读取调整后权重表",
      "正在读取病例量",
      "正在审核",
      "正在检查工作表",
      ...Array(progress.length - 5).fill("正在写入审核表"),
    ]);
    expect(progress[progress.length - 1][1]).toBe(1);
    expect(asked).toEqual([]);

    // Two new sheets, ours, the audit shown; the user's sheets untouched.
    expect(built.rendered.sheets.map((s) => s.name)).toEqual(["权重审核", "审核参数"]);
    expect(book.live().map((s) => s.name)).toEqual(["权重2022", "权重2024", "病案首页", "权重审核", "审核参数"]);
    expect(book.activeSheet?.name).toBe("权重审核");
    for (const name of ["权重2022", "权重2024", "病案首页"]) expect(book.sheet(name)!.written).toEqual([]);
    expect(book.sheet("权重审核")!.marker).toBe(true);
    expect(built.syncs).toBe(book.stats.syncs);

    // The findings table, cell for cell where the model puts it.
    const model = built.model.sheets[0];
    const at = model.blocks.findIndex((b) => b.kind === "table" && b.columns[0].id === "kind");
    const findings = model.blocks[at] as TableBlock;
    const place = placeBlocks(model)[at];
    const written = book.sheet("权重审核")!.written;
    expect(written[place.headerRow].slice(0, 9)).toEqual(["类型", "核心组 / 病组族", "病组", "权重", "差值", "相对幅度", "病例数", "所在表", "说明"]);
    const severity = built.report.result.findings.filter((f) => f.kind === "severityOrder");
    const rows = written.slice(place.firstDataRow, place.firstDataRow + findings.rows.length);
    expect(rows.filter((r) => r[0] === "严重程度倒挂").map((r) => r[2])).toEqual(severity.map((f) => f.groups.join(" < ")));
    // Different catalogue versions: the codes absent from the other table are grouped by MDC.
    expect(built.report.result.catalogue?.differentVersions).toBe(true);
    const listed = listedFindings(built.report);
    expect(listed).toHaveLength(built.report.result.findings.length - 526); // 551 - 240 only in 2022 - 286 only in 2024 = 25 rows
    expect(rows.map((r) => r[8])).toEqual(listed.map((f) => findingDetail(f, built.report.result, "zh")));

    // Conditional formats: the kind column coloured by kind (a custom rule per label).
    const kindRules = ranges
      .filter((r) => r.sheet.name === "权重审核" && r.row === place.firstDataRow && r.column === 0 && r.rows === findings.rows.length)
      .map((r) => r.conditionalLog)
      .filter((l) => l.length > 0);
    expect(kindRules).toHaveLength(7);
    expect(kindRules).toContainEqual([
      ["add", "Custom"],
      ["formula", `=A${place.firstDataRow + 1}="${FINDING_LABELS.severityOrder.zh}"`],
      ["color", "#FFC7CE"],
    ]);

    // The bar chart: the largest changes, labels and values from the table's own cells.
    const charts = book.sheet("权重审核")!.chartLogs;
    expect(charts).toHaveLength(1);
    const calls = JSON.stringify(charts[0]);
    expect(calls).toContain('"BarClustered"');
    const lt = model.blocks.findIndex((b) => b.kind === "table" && b.columns[0].id === "code");
    const lp = placeBlocks(model)[lt];
    const n = (model.blocks[lt] as TableBlock).rows.length;
    expect(n).toBe(10);
    expect(calls).toContain(`"权重审核!R${lp.firstDataRow}C0:${n}x1"`); // categories: the code column
    expect(calls).toContain(`"权重审核!R${lp.firstDataRow}C7:${n}x1"`); // values: the relative column
    expect(calls).toContain('"numberFormat","0%"');
    expect(calls).toContain('"reversePlotOrder",true');
  });

  test("a second build asks, and replaces only our earlier audit; the quadrant report's 参数 is not in the way", async () => {
    const book = auditBook(500);
    book.addSheet("参数", [], true); // the quadrant report's parameters sheet
    const first = deps(book);
    await buildAudit(PICKS, DEFAULT_AUDIT_SETTINGS, "zh", first.deps);
    expect(first.asked).toEqual([]);
    const old = book.sheet("权重审核")!;

    const second = deps(book);
    const built = await buildAudit(PICKS, DEFAULT_AUDIT_SETTINGS, "zh", second.deps);
    expect(second.asked).toEqual([
      {
        existing: [
          { name: "权重审核", ours: true },
          { name: "审核参数", ours: true },
        ],
        suffix: 2,
      },
    ]);
    expect(built.rendered.sheets.map((s) => [s.name, s.replaced])).toEqual([
      ["权重审核", true],
      ["审核参数", true],
    ]);
    expect(old.deleted).toBe(true);
    expect(book.live().map((s) => s.name)).toEqual(["权重2022", "权重2024", "病案首页", "参数", "权重审核", "审核参数"]);

    // Closing the question: nothing written.
    const third = deps(book, { ask: async () => null });
    await expect(buildAudit(PICKS, DEFAULT_AUDIT_SETTINGS, "zh", third.deps)).rejects.toBeInstanceOf(ReadCancelled);
    expect(book.live()).toHaveLength(6);
  });

  test("values read before are not read again", async () => {
    const book = auditBook(200);
    const once = await buildAudit(PICKS, DEFAULT_AUDIT_SETTINGS, "en", deps(book).deps);
    const syncs = book.stats.syncs;
    const picks: AuditPicks = {
      base: { ...PICKS.base, data: once.data.base },
      adjusted: { ...PICKS.adjusted!, data: once.data.adjusted },
      volume: { ...PICKS.volume!, data: once.data.volume },
    };
    const again = await buildAudit(picks, DEFAULT_AUDIT_SETTINGS, "en", deps(book, { ask: async () => "suffix" }).deps);
    expect(again.rendered.sheets.map((s) => s.name)).toEqual(["Weight Audit (2)", "Audit Parameters (2)"]);
    // Only the conflict check and the writing: no read request.
    expect(book.stats.syncs - syncs).toBe(again.syncs);
    expect(again.syncs).toBe(2 + again.rendered.syncs);
  });

  test("cancel while writing: the sheets of this build are deleted, nothing else changes", async () => {
    const book = auditBook(200);
    let cancel = false;
    const { deps: d } = deps(book, {
      isCancelled: () => cancel,
      onProgress: (label) => {
        if (label.startsWith("Writing")) cancel = true;
      },
      renderOptions: { requestBudget: 2000 },
    });
    await expect(buildAudit(PICKS, DEFAULT_AUDIT_SETTINGS, "en", d)).rejects.toBeInstanceOf(RenderCancelled);
    expect(book.live().map((s) => s.name)).toEqual(["权重2022", "权重2024", "病案首页"]);
  });

  test("two sources from the selection, neither read: an error naming both, in both languages", async () => {
    const book = auditBook(10);
    const picks: AuditPicks = { base: { source: { kind: "selection" } }, adjusted: { source: { kind: "selection" } } };
    try {
      await buildAudit(picks, DEFAULT_AUDIT_SETTINGS, "en", deps(book).deps);
      throw new Error("expected an error");
    } catch (e) {
      expect(e).toBeInstanceOf(CaseMixError);
      expect((e as CaseMixError).messageIn("en")).toMatch(/^Base table, Adjusted table: select each and press its Read button first/);
      expect((e as CaseMixError).messageIn("zh")).toMatch(/^调整前权重表、调整后权重表：请先逐一选中/);
    }
    expect(book.stats.syncs).toBe(0);
  });

  test("the result lines", async () => {
    const book = auditBook(1000);
    const built = await buildAudit(PICKS, DEFAULT_AUDIT_SETTINGS, "en", deps(book).deps);
    const lines = auditSummaryLines(built, "en", 1.25);
    expect(lines[0]).toBe("Sheets: Weight Audit, Audit Parameters");
    expect(lines[1]).toBe("660 groups checked (adjusted table: 710); " + `${built.report.result.checked.families} ADRGs / families with ordered levels`);
    expect(lines[2]).toMatch(/^\d+ findings: total weight changed 1, severity order 7, /);
    expect(lines[3]).toMatch(/^Total weight [+-]\d+\.\d\d% \(over [\d,]+ cases\); restoring factor \d\.\d+$/);
    expect(lines[4]).toMatch(/^\d+ departments: most gained .+ \([+-]\d+\.\d\d%\), most lost .+ \([+-]\d+\.\d\d%\) at a neutral total$/);
    expect(lines.slice(-2)).toEqual(["One Undo (Ctrl+Z) removes the whole report.", "Done in 1.3 s."]);
  });
});

describe("the form", () => {
  test("defaults are the engine's", () => {
    expect(auditSettingsFromForm(DEFAULT_AUDIT_FORM, "en")).toEqual({ settings: DEFAULT_AUDIT_SETTINGS, errors: [] });
  });
  test("every wrong field is reported, in the user's language", () => {
    const form = { largest: "2.5", tolerance: "ten" };
    expect(auditSettingsFromForm(form, "en").errors).toEqual([
      "Largest changes to list: 2.5 must be a whole number of 0 or more",
      "Neutrality tolerance (0.001 = 0.1%): “ten” is not a number",
    ]);
    expect(auditSettingsFromForm(form, "zh").errors).toEqual([
      "列出相对变化最大的病组数：2.5 应为大于或等于 0 的整数",
      "总权重中性容许范围（0.001 = 0.1%）：“ten” 不是数字",
    ]);
    expect(auditSettingsFromForm({ largest: "２０", tolerance: "0.01" }, "zh").settings).toEqual({ largestChanges: 20, neutralityTolerance: 0.01 });
  });
});

describe("the view", () => {
  test("renders in both languages with its three sources and the Build button", () => {
    const zh = renderToString(React.createElement(AuditView, { lang: "zh" }));
    expect(zh).toContain("CaseMix：权重表审核");
    expect(zh).toContain("与调整后权重表比较");
    expect(zh).toContain('data-testid="audit-build"');
    const en = renderToString(React.createElement(AuditView, { lang: "en" }));
    expect(en).toContain("CaseMix: weight table audit");
    expect(en).toContain("Weigh the totals by a case volume");
    expect(en).not.toContain("调整后权重表");
  });
});
