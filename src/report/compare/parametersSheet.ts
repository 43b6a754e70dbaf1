/** The 参数 (Parameters) sheet: everything needed to reproduce the comparison. */
import { Lang } from "../../engine/text";
import { numberCell } from "../common";
import { label } from "../i18n";
import { ColumnType, SheetModel } from "../model";
import { aboutRows, codeListRows, dataRows, keyValueBlock, mappingRows, ParameterRow } from "../parameterRows";
import { COMPARE_SKIP_LABELS, compareLabel, CompareLabelKey, versionNames } from "./labels";
import { cmiChangeRate, CompareReport, regroupedShare } from "./types";

function settingRows(report: CompareReport, lang: Lang): ParameterRow[] {
  const s = report.settings;
  const L = (k: CompareLabelKey, p?: Record<string, string>) => compareLabel(k, lang, p);
  const [nameA, nameB] = versionNames(s.names, lang);
  const [a, b] = [L("versionA"), L("versionB")];
  return [
    [L("nameOf", { version: a }), nameA],
    [L("weightsOf", { version: a }), s.weightsA.name],
    [L("groupsFrom", { version: a }), report.columns.drg ?? ""],
    [L("nameOf", { version: b }), nameB],
    [L("weightsOf", { version: b }), s.weightsB.name],
    [L("groupsFrom", { version: b }), report.groupsB === "column" ? (report.columns.drgB ?? "") : L("sameGroups")],
    [L("missing"), s.missing === "exclude" ? L("missingExclude") : L("missingError")],
    [L("unit"), report.units ? L(report.units.dimension) : L("none")],
  ];
}

function resultRows(report: CompareReport, lang: Lang): [ParameterRow[], (ColumnType | undefined)[]] {
  const [nameA, nameB] = versionNames(report.settings.names, lang);
  const L = (k: CompareLabelKey, p?: Record<string, string>) => compareLabel(k, lang, p);
  const o = report.overall;
  const rows: [ParameterRow, ColumnType | undefined][] = [
    [[L("cases"), o.a.cases], "integer"],
    [[L("cmiOf", { name: nameA }), numberCell(o.a.cmi)], "weight"],
    [[L("cmiOf", { name: nameB }), numberCell(o.b.cmi)], "weight"],
    [[L("cmiChangeRate"), numberCell(cmiChangeRate(o))], "percent"],
    [[L("totalWeightChange"), o.totalWeightChange], "number"],
    [[L("regroupedCases"), report.crosswalk.regroupedCases], "integer"],
    [[L("regroupedShare"), numberCell(regroupedShare(report))], "percent"],
    [[L("regroupedChange"), report.crosswalk.regroupedWeightChange], "number"],
  ];
  return [rows.map((r) => r[0]), rows.map((r) => r[1])];
}

export function parametersSheet(report: CompareReport, lang: Lang): SheetModel {
  const L = (k: CompareLabelKey) => compareLabel(k, lang);
  const data: ParameterRow[] = [
    ...dataRows(report, COMPARE_SKIP_LABELS, lang),
    ...codeListRows(L("missingWeightsB"), report.missingCodesB, lang),
  ];
  const [results, resultTypes] = resultRows(report, lang);
  return {
    name: L("sheetParameters"),
    blocks: [
      { kind: "text", text: label("parametersTitle", lang), style: "title" },
      keyValueBlock(label("settings", lang), settingRows(report, lang)),
      keyValueBlock(label("data", lang), data),
      keyValueBlock(label("columnMapping", lang), mappingRows(report, lang)),
      keyValueBlock(label("results", lang), results, resultTypes),
      keyValueBlock(label("about", lang), aboutRows(report, lang)),
    ],
  };
}
