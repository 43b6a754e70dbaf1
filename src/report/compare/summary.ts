/**
 * The summary at the top of the comparison sheet: the source, the two versions (their names,
 * tables and group columns), the cases, CMI, total weight and groups under each and the
 * differences, and the cases regrouped.
 *
 *     // the example of test/report/compare/compareCases.ts: 5 cases, CMI 1.3 against 1.06,
 *     // total weight 6.5 against 5.3 (Δ −1.2), groups 3 against 4, 2 cases regrouped (40%)
 */
import { Lang } from "../../engine/text";
import { colon, numberCell, paren } from "../common";
import { label } from "../i18n";
import { ColumnType, KeyValueBlock } from "../model";
import { keyValueBlock, ParameterRow } from "../parameterRows";
import { compareLabel, CompareLabelKey, versionNames } from "./labels";
import { cmiChangeRate, CompareReport, regroupedShare } from "./types";

/** "Version A: 医疗DRG" and "a.csv, groups from DRG编码" of each version. */
export function versionRows(report: CompareReport, lang: Lang): ParameterRow[] {
  const [nameA, nameB] = versionNames(report.settings.names, lang);
  const L = (k: CompareLabelKey, p?: Record<string, string>) => compareLabel(k, lang, p);
  return [
    [
      L("versionOf", { version: L("versionA"), name: nameA }),
      L("versionText", { table: report.settings.weightsA.name, groups: report.columns.drg ?? "" }),
    ],
    [
      L("versionOf", { version: L("versionB"), name: nameB }),
      report.groupsB === "column"
        ? L("versionText", { table: report.settings.weightsB.name, groups: report.columns.drgB ?? "" })
        : L("versionSameGroups", { table: report.settings.weightsB.name }),
    ],
  ];
}

export function summaryBlock(report: CompareReport, lang: Lang): KeyValueBlock {
  const [nameA, nameB] = versionNames(report.settings.names, lang);
  const L = (k: CompareLabelKey, p?: Record<string, string>) => compareLabel(k, lang, p);
  const c = report.context;
  const o = report.overall;
  const source = c.sheet ? `${c.source}${paren(`${label("sheet", lang)}${colon(lang)}${c.sheet}`, lang)}` : c.source;
  const rows: [ParameterRow, ColumnType | undefined][] = [
    [[label("source", lang), source], undefined],
    ...versionRows(report, lang).map((r): [ParameterRow, undefined] => [r, undefined]),
    [[L("cases"), o.a.cases], "integer"],
    [[L("cmiOf", { name: nameA }), numberCell(o.a.cmi)], "weight"],
    [[L("cmiOf", { name: nameB }), numberCell(o.b.cmi)], "weight"],
    [[L("cmiChange"), numberCell(o.cmiChange)], "weight"],
    [[L("cmiChangeRate"), numberCell(cmiChangeRate(o))], "percent"],
    [[L("totalWeightOf", { name: nameA }), o.a.totalWeight], "number"],
    [[L("totalWeightOf", { name: nameB }), o.b.totalWeight], "number"],
    [[L("totalWeightChange"), o.totalWeightChange], "number"],
    [[L("groupsOf", { name: nameA }), o.a.groupCount], "integer"],
    [[L("groupsOf", { name: nameB }), o.b.groupCount], "integer"],
    [[L("regroupedCases"), report.crosswalk.regroupedCases], "integer"],
    [[L("regroupedShare"), numberCell(regroupedShare(report))], "percent"],
  ];
  return keyValueBlock(
    L("summary"),
    rows.map((r) => r[0]),
    rows.map((r) => r[1]),
  );
}
