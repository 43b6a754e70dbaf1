/** The 参数 (Parameters) sheet of the four-quadrant report: everything needed to reproduce it. */
import { QUADRANTS } from "../../engine/quadrants";
import { Lang } from "../../engine/text";
import { colon, numberCell } from "../common";
import { CONTRIBUTION_LABELS, label, LabelKey, quadrantLabel, SKIP_LABELS } from "../i18n";
import { ColumnType, SheetModel } from "../model";
import {
  aboutRows,
  keyValueBlock,
  mappingRows,
  missingWeightRows,
  ParameterRow,
  readRows,
  skippedRows,
  weightSettingRows,
} from "../parameterRows";
import { xCutText, yCutText } from "./cutText";
import { unitDimensions } from "./settings";
import { QuadrantReport } from "./types";

function settingRows(report: QuadrantReport, lang: Lang): ParameterRow[] {
  const s = report.settings;
  const L = (k: LabelKey) => label(k, lang);
  return [
    ...weightSettingRows(report.weights, lang),
    [L("yearFilter"), s.year ?? L("allYears")],
    [L("layer"), CONTRIBUTION_LABELS[s.layer][lang]],
    [L("xCut"), xCutText(report, lang)],
    [L("yCut"), yCutText(report, lang)],
    [L("minCases"), s.minCases],
    ...QUADRANTS.map((q): ParameterRow => [
      `${L("coefficients")}${colon(lang)}${quadrantLabel(q, lang, s.labels)}`,
      s.coefficients[q],
    ]),
    [L("incentiveMode"), s.money.mode === "pool" ? L("pool") : L("perPoint")],
    s.money.mode === "pool" ? [L("pool"), s.money.pool] : [L("perPoint"), s.money.moneyPerPoint],
    [
      L("unit"),
      unitDimensions(s.unit)
        .map((d) => L(d))
        .join(" + "),
    ],
  ];
}

/** The type of each result row's value: the y cut is a rate (per cent), the CMI and x cut weights. */
const RESULT_TYPES: ColumnType[] = [
  "integer",
  "weight",
  "number",
  "integer",
  "weight",
  "percent",
  ...QUADRANTS.map((): ColumnType => "integer"),
  "number",
];

function resultRows(report: QuadrantReport, lang: Lang): ParameterRow[] {
  const L = (k: LabelKey) => label(k, lang);
  const h = report.hospital;
  return [
    [L("hospitalCases"), h.cases],
    [L("hospitalCmi"), numberCell(h.cmi)],
    [L("totalWeight"), h.totalWeight],
    [L("groupCount"), h.groups],
    [`${L("cutX")} (RW)`, numberCell(report.cuts.x)],
    [`${L("cutY")}`, numberCell(report.cuts.y)],
    ...QUADRANTS.map((q): ParameterRow => [
      `${L("groupsPerQuadrant")}${colon(lang)}${quadrantLabel(q, lang, report.settings.labels)}`,
      report.quadrantCounts[q],
    ]),
    [L("points"), numberCell(h.points)],
  ];
}

export function parametersSheet(report: QuadrantReport, lang: Lang): SheetModel {
  const L = (k: LabelKey) => label(k, lang);
  const data: ParameterRow[] = [
    ...readRows(report, lang),
    ...skippedRows(report.skipped, SKIP_LABELS, L("skipped"), lang),
    ...missingWeightRows(report.weights.missingCodes, lang),
  ];
  return {
    name: L("sheetParameters"),
    blocks: [
      { kind: "text", text: L("parametersTitle"), style: "title" },
      keyValueBlock(L("settings"), settingRows(report, lang)),
      keyValueBlock(L("data"), data),
      keyValueBlock(L("columnMapping"), mappingRows(report, lang)),
      keyValueBlock(L("results"), resultRows(report, lang), RESULT_TYPES),
      keyValueBlock(L("about"), aboutRows(report, lang)),
    ],
  };
}
