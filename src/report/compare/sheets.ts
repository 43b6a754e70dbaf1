/**
 * The workbook model of the two-versions comparison: the comparison sheet (summary, the units
 * with the hospital's total row), the regrouped cases (pairs A → B) and the parameters. Knows
 * nothing about Office.js or files.
 */
import { CmiCompareRow } from "../../engine/cmiCompare";
import { Lang } from "../../engine/text";
import { numberCell } from "../common";
import { HIGHLIGHTS } from "../layout/palette";
import { freezeTable } from "../layout/sheetLayout";
import { CellValue, ColumnModel, ConditionalFormat, SheetModel, TableBlock, WorkbookModel } from "../model";
import { printInfo } from "../printTitles";
import { emptyUnitWarning, unitTableBlock } from "../unitBlocks";
import { COMPARE_LABELS, compareLabel, CompareLabelKey, versionNames } from "./labels";
import { parametersSheet } from "./parametersSheet";
import { summaryBlock } from "./summary";
import { cmiChangeRate, CompareReport, CompareUnitTable } from "./types";

/** The workbook model: 版本对比, 改组病例, 参数 (English names in English). */
export function compareWorkbook(report: CompareReport, lang: Lang): WorkbookModel {
  return {
    lang,
    sheets: [comparisonSheet(report, lang), regroupedSheet(report, lang), parametersSheet(report, lang)],
    print: printInfo("compare", report.context, lang),
  };
}

/** The sheet names of the report in a language. */
export function compareSheetNames(lang: Lang): string[] {
  return (["sheetComparison", "sheetRegrouped", "sheetParameters"] as const).map((k) => compareLabel(k, lang));
}

const RED: ConditionalFormat["rule"] = { kind: "lessThan", value: 0, ...HIGHLIGHTS.bad };

/** The figure columns of the unit table, after the unit. */
function figureColumns(report: CompareReport, lang: Lang): ColumnModel[] {
  const [a, b] = versionNames(report.settings.names, lang);
  const L = (k: CompareLabelKey, name?: string) => compareLabel(k, lang, name === undefined ? {} : { name });
  return [
    { id: "cases", header: L("cases"), type: "integer", width: 9 },
    { id: "cmiA", header: L("cmiOf", a), type: "weight", width: 12 },
    { id: "cmiB", header: L("cmiOf", b), type: "weight", width: 12 },
    { id: "cmiChange", header: L("cmiChange"), type: "weight", width: 10 },
    { id: "cmiChangeRate", header: L("cmiChangeRate"), type: "percent", width: 11 },
    { id: "twA", header: L("totalWeightOf", a), type: "number", width: 14 },
    { id: "twB", header: L("totalWeightOf", b), type: "number", width: 14 },
    { id: "twChange", header: L("totalWeightChange"), type: "number", width: 13 },
    { id: "groupsA", header: L("groupsOf", a), type: "integer", width: 11 },
    { id: "groupsB", header: L("groupsOf", b), type: "integer", width: 11 },
    { id: "groupsChange", header: L("groupCountChange"), type: "integer", width: 10 },
  ];
}

function figureCells(r: CmiCompareRow): CellValue[] {
  return [
    r.a.cases,
    numberCell(r.a.cmi),
    numberCell(r.b.cmi),
    numberCell(r.cmiChange),
    numberCell(cmiChangeRate(r)),
    r.a.totalWeight,
    r.b.totalWeight,
    r.totalWeightChange,
    r.a.groupCount,
    r.b.groupCount,
    r.groupCountChange,
  ];
}

const DELTA_FORMATS: ConditionalFormat[] = ["cmiChange", "cmiChangeRate", "twChange", "groupsChange"].map(
  (columnId) => ({ columnId, rule: RED }),
);

function unitBlock(report: CompareReport, t: CompareUnitTable, lang: Lang): TableBlock {
  return unitTableBlock(
    compareLabel(t.dimension, lang),
    figureColumns(report, lang),
    t.rows.map((r) => [r.key, ...figureCells(r)]),
    [compareLabel("hospital", lang), ...figureCells(report.overall)],
    DELTA_FORMATS,
  );
}

function comparisonSheet(report: CompareReport, lang: Lang): SheetModel {
  const [a, b] = versionNames(report.settings.names, lang);
  const blocks: SheetModel["blocks"] = [
    { kind: "text", text: compareLabel("title", lang), style: "title" },
    { kind: "text", text: compareLabel("note", lang, { a, b }), style: "note" },
    summaryBlock(report, lang),
  ];
  const sheet: SheetModel = { name: compareLabel("sheetComparison", lang), blocks };
  const units = report.units;
  if (!units) return sheet;
  const at = blocks.push(unitBlock(report, units, lang)) - 1;
  blocks.push(
    ...emptyUnitWarning(COMPARE_LABELS.emptyUnit, compareLabel(units.dimension, lang), units.emptyUnitRows, lang),
  );
  // The summary above pushes the header down: the unit column stays in view and the printed
  // pages repeat the units' header only (layout/sheetLayout.ts freezeTable).
  freezeTable(sheet, at, 1);
  return sheet;
}

function regroupedSheet(report: CompareReport, lang: Lang): SheetModel {
  const [a, b] = versionNames(report.settings.names, lang);
  const L = (k: CompareLabelKey, name?: string) => compareLabel(k, lang, name === undefined ? {} : { name });
  const blocks: SheetModel["blocks"] = [
    { kind: "text", text: compareLabel("regroupedTitle", lang, { a, b }), style: "title" },
    { kind: "text", text: L("regroupedNote"), style: "note" },
  ];
  const sheet: SheetModel = { name: L("sheetRegrouped"), blocks };
  if (report.groupsB === "same") blocks.push({ kind: "text", text: L("sameGroupsNote"), style: "note" });
  const c = report.crosswalk;
  if (c.pairs.length === 0) {
    blocks.push({ kind: "text", text: L("noRegrouped"), style: "note" });
    return sheet;
  }
  const at =
    blocks.push({
      kind: "table",
      columns: [
        { id: "groupA", header: L("groupOf", a), type: "text", width: 10 },
        { id: "name", header: L("groupNameOf", a), type: "text", width: 30 },
        { id: "groupB", header: L("groupOf", b), type: "text", width: 10 },
        { id: "cases", header: L("cases"), type: "integer", width: 9 },
        { id: "weightA", header: L("weightOf", a), type: "weight", width: 11 },
        { id: "weightB", header: L("weightOf", b), type: "weight", width: 11 },
        { id: "weightChange", header: L("weightChange"), type: "number", width: 13 },
      ],
      rows: c.pairs.map((p) => [p.groupA, p.name, p.groupB, p.cases, p.weightA, p.weightB, p.weightChange]),
      totalRow: [L("total"), "", "", c.regroupedCases, null, null, c.regroupedWeightChange],
      conditionalFormats: [{ columnId: "weightChange", rule: RED }],
      autoFilter: true,
    }) - 1;
  freezeTable(sheet, at, 3);
  return sheet;
}
