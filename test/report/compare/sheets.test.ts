/** The workbook model of the two-versions comparison: sheet names, the summary, the unit and pair tables. */
import { COMPARE_LABELS } from "../../../src/report/compare/labels";
import { CompareSettings } from "../../../src/report/compare/settings";
import { compareSheetNames, compareWorkbook } from "../../../src/report/compare/sheets";
import { HIGHLIGHTS } from "../../../src/report/layout/palette";
import { KeyValueBlock, TableBlock, TextBlock } from "../../../src/report/model";
import { compareReport, compareRows } from "./compareCases";

function model(lang: "zh" | "en", extra: Partial<CompareSettings> = {}, rows = compareRows()) {
  return compareWorkbook(compareReport(extra, rows), lang);
}

test("sheet names in Chinese and English", () => {
  expect(model("zh").sheets.map((s) => s.name)).toEqual(compareSheetNames("zh"));
  expect(compareSheetNames("zh")).toEqual(["版本对比", "改组病例", "参数"]);
  expect(model("en").sheets.map((s) => s.name)).toEqual(["Version Comparison", "Regrouped Cases", "Parameters"]);
});

test("the summary: the versions by name, numbers as numbers with their types", () => {
  const sheet = model("zh", { names: ["医疗DRG", "医保DRG"] }).sheets[0];
  const summary = sheet.blocks.find((b) => b.kind === "keyValue") as KeyValueBlock;
  const value = (key: string) => summary.rows.find((r) => r[0] === key)?.[1];
  const type = (key: string) => summary.types?.[summary.rows.findIndex((r) => r[0] === key)];
  expect(value("版本A：医疗DRG")).toBe("a.csv，分组取自 DRG编码");
  expect(value("版本B：医保DRG")).toBe("b.csv，分组取自 医保DRG编码");
  expect(value("病例数")).toBe(5);
  expect([value("医疗DRG CMI"), type("医疗DRG CMI")]).toEqual([1.3, "weight"]);
  expect(value("医保DRG CMI") as number).toBeCloseTo(1.06, 12);
  expect(value("ΔCMI 变化率") as number).toBeCloseTo(-0.24 / 1.3, 12);
  expect(value("Δ 总权重") as number).toBeCloseTo(-1.2, 12);
  expect([value("医疗DRG 病组数"), value("医保DRG 病组数")]).toEqual([3, 4]);
  expect([value("改组病例数"), value("改组病例占比"), type("改组病例占比")]).toEqual([2, 0.4, "percent"]);
});

test("the default names are 版本A / 版本B (Version A / Version B)", () => {
  const en = model("en").sheets[0].blocks.find((b) => b.kind === "keyValue") as KeyValueBlock;
  expect(en.rows.map((r) => r[0])).toContain("CMI Version A");
  expect(en.rows.map((r) => r[0])).toContain("Version B: Version B");
});

test("the unit table: largest loss first, the hospital's total row, red for negative Δ, frozen on the unit", () => {
  const sheet = model("en").sheets[0];
  const at = sheet.blocks.findIndex((b) => b.kind === "table");
  const units = sheet.blocks[at] as TableBlock;
  expect(units.rows.map((r) => r[0])).toEqual(["外科", "内科"]);
  expect(units.totalRow?.[0]).toBe("Hospital");
  expect(units.totalRow?.[1]).toBe(5);
  expect(units.columns.map((c) => c.type)).toEqual([
    "text",
    "integer",
    "weight",
    "weight",
    "weight",
    "percent",
    "number",
    "number",
    "number",
    "integer",
    "integer",
    "integer",
  ]);
  expect(units.conditionalFormats?.map((f) => f.columnId)).toEqual([
    "cmiChange",
    "cmiChangeRate",
    "twChange",
    "groupsChange",
  ]);
  expect(units.conditionalFormats?.[0].rule).toMatchObject({ kind: "lessThan", value: 0, ...HIGHLIGHTS.bad });
  expect(sheet.freeze?.columns).toBe(1);
  expect(sheet.printTitles).toBeDefined();
});

test("the regrouped pairs, largest change first, with their total, under the versions' names", () => {
  const sheet = model("zh", { names: ["医疗DRG", "医保DRG"] }).sheets[1];
  expect(sheet.blocks[0]).toMatchObject({ kind: "text", text: "医疗DRG到医保DRG改变分组的病例" });
  expect(model("en").sheets[1].blocks[0]).toMatchObject({
    text: "Cases that change group from Version A to Version B",
  });
  const pairs = sheet.blocks.find((b) => b.kind === "table") as TableBlock;
  expect(pairs.columns.map((c) => c.header)).toEqual([
    "医疗DRG 组",
    "病组名称（医疗DRG）",
    "医保DRG 组",
    "病例数",
    "医疗DRG 权重",
    "医保DRG 权重",
    "权重变化",
  ]);
  expect(pairs.rows.map((r) => r.slice(0, 4))).toEqual([
    ["GB11", "胃大部切除术", "GB13", 1],
    ["FR11", "急性心肌梗死", "ES21", 1],
  ]);
  expect(pairs.totalRow?.[3]).toBe(2);
  expect(sheet.freeze?.columns).toBe(3);
});

test("without a second group column the pairs sheet says so; without --by, by department if it can", () => {
  const rows = compareRows().map((r) => r.slice(0, 4));
  const m = model("en", { unit: undefined }, rows);
  const units = m.sheets[0].blocks.find((b): b is TableBlock => b.kind === "table");
  expect(units?.columns[0].header).toBe("Department");
  // no department column either: the hospital only
  const noUnit = model(
    "en",
    { unit: undefined },
    rows.map((r) => [r[0], r[2], r[3]]),
  );
  expect(noUnit.sheets[0].blocks.some((b) => b.kind === "table")).toBe(false);
  const texts = m.sheets[1].blocks.map((b) => (b as TextBlock).text);
  expect(texts).toContain(COMPARE_LABELS.sameGroupsNote.en);
  expect(texts).toContain(COMPARE_LABELS.noRegrouped.en);
});

test("no internal key or placeholder is shown", () => {
  for (const lang of ["zh", "en"] as const) {
    const text = JSON.stringify(model(lang, {}, compareRows()).sheets);
    expect(text).not.toMatch(/\{\w+\}|emptyGroupA|noWeightA|"drgB"|totalWeightChange/);
  }
});
