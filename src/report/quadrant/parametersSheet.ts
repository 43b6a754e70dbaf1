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
  yearRow,
} from "../parameterRows";
import { revenueText, xCutText, yCutText } from "./cutText";
import { unitDimensions } from "./settings";
import { QuadrantReport } from "./types";

function settingRows(report: QuadrantReport, lang: Lang): ParameterRow[] {
  const s = report.settings;
  const reportLabel = (k: LabelKey) => label(k, lang);
  return [
    ...weightSettingRows(report.weights, lang),
    yearRow(reportLabel("yearFilter"), s.year ?? reportLabel("allYears")),
    [reportLabel("revenueSource"), revenueText(report, lang)],
    ...(s.revenue === "payment" && s.payment
      ? ([
          [`${reportLabel("revenueSource")}${colon(lang)}${reportLabel("paymentRate")}`, s.payment.rate],
          [`${reportLabel("revenueSource")}${colon(lang)}${reportLabel("paymentPointValue")}`, s.payment.pointValue],
          [`${reportLabel("revenueSource")}${colon(lang)}${reportLabel("paymentCoefficient")}`, s.payment.coefficient],
        ] as ParameterRow[])
      : []),
    [reportLabel("layer"), CONTRIBUTION_LABELS[s.layer][lang]],
    [reportLabel("xCut"), xCutText(report, lang)],
    [reportLabel("yCut"), yCutText(report, lang)],
    [reportLabel("minCases"), s.minCases],
    ...QUADRANTS.map((q): ParameterRow => [
      `${reportLabel("coefficients")}${colon(lang)}${quadrantLabel(q, lang, s.labels)}`,
      s.coefficients[q],
    ]),
    [reportLabel("incentiveMode"), s.money.mode === "pool" ? reportLabel("pool") : reportLabel("perPoint")],
    s.money.mode === "pool" ? [reportLabel("pool"), s.money.pool] : [reportLabel("perPoint"), s.money.moneyPerPoint],
    [
      reportLabel("unit"),
      unitDimensions(s.unit)
        .map((d) => reportLabel(d))
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
  const reportLabel = (k: LabelKey) => label(k, lang);
  const h = report.hospital;
  return [
    [reportLabel("hospitalCases"), h.cases],
    [reportLabel("hospitalCmi"), numberCell(h.cmi)],
    [reportLabel("totalWeight"), h.totalWeight],
    [reportLabel("groupCount"), h.groups],
    [`${reportLabel("cutX")} (RW)`, numberCell(report.cuts.x)],
    [`${reportLabel("cutY")}`, numberCell(report.cuts.y)],
    ...QUADRANTS.map((q): ParameterRow => [
      `${reportLabel("groupsPerQuadrant")}${colon(lang)}${quadrantLabel(q, lang, report.settings.labels)}`,
      report.quadrantCounts[q],
    ]),
    [reportLabel("points"), numberCell(h.points)],
  ];
}

export function parametersSheet(report: QuadrantReport, lang: Lang): SheetModel {
  const reportLabel = (k: LabelKey) => label(k, lang);
  const data: ParameterRow[] = [
    ...readRows(report, lang),
    ...skippedRows(report.skipped, SKIP_LABELS, reportLabel("skipped"), lang),
    ...missingWeightRows(report.weights.missingCodes, lang),
  ];
  return {
    name: reportLabel("sheetParameters"),
    blocks: [
      { kind: "text", text: reportLabel("parametersTitle"), style: "title" },
      keyValueBlock(reportLabel("settings"), settingRows(report, lang)),
      keyValueBlock(reportLabel("data"), data),
      keyValueBlock(reportLabel("columnMapping"), mappingRows(report, lang)),
      keyValueBlock(reportLabel("results"), resultRows(report, lang), RESULT_TYPES),
      keyValueBlock(reportLabel("about"), aboutRows(report, lang)),
    ],
  };
}
