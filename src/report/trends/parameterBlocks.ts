/** The parameters part of the trends sheet: everything needed to reproduce it. */
import { Lang, Text } from "../../engine/text";
import { colon, formatNumber, listText, numberCell } from "../common";
import { label, LabelKey } from "../i18n";
import { ColumnType, KeyValueBlock } from "../model";
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
import { fill, modelName, TRENDS_LABELS, TRENDS_SKIP_LABELS, unitLabel } from "./labels";
import { SectionRows, TrendsReport } from "./types";

function settingRows(report: TrendsReport, lang: Lang): ParameterRow[] {
  const s = report.settings;
  const d = report.decomposition;
  const c = report.curve;
  return [
    ...weightSettingRows(report.weights, lang),
    [label("unit", lang), unitLabel(s.unit, lang)],
    [
      TRENDS_LABELS.levelSource[lang],
      s.levels.source === "benchmark"
        ? `${TRENDS_LABELS.levelsFromBenchmark[lang]}${colon(lang)}${s.levels.name}`
        : TRENDS_LABELS.levelsFromData[lang],
    ],
    [TRENDS_LABELS.period[lang], d.available ? `${d.before} → ${d.after}` : "—"],
    yearRow(TRENDS_LABELS.curveYear[lang], c.available ? (c.year ?? TRENDS_LABELS.allRows[lang]) : "—"),
    [TRENDS_LABELS.curveY[lang], TRENDS_LABELS.curveYValue[lang]],
    [TRENDS_LABELS.minCases[lang], s.minCases],
    [
      TRENDS_LABELS.flagTolerance[lang],
      `${formatNumber(1 - s.flagTolerance, 2, lang)} – ${formatNumber(1 + s.flagTolerance, 2, lang)}`,
    ],
    [TRENDS_LABELS.topAdrgs[lang], s.topAdrgs],
  ];
}

/** The source and rows of the report, then the rows each section used and skipped. */
function dataRows(report: TrendsReport, lang: Lang): ParameterRow[] {
  const { quality: q, decomposition: d, curve: c } = report;
  const data: ParameterRow[] = [
    ...readRows(report, lang),
    ...skippedRows(report.skipped, TRENDS_SKIP_LABELS, label("skipped", lang), lang),
    yearRow(label("years", lang), report.years.length > 0 ? listText(report.years, lang) : "—"),
  ];
  const section = (name: Text, rows: SectionRows | undefined) => {
    if (!rows) return;
    const title = fill(TRENDS_LABELS.rowsSection, lang, { section: name[lang] });
    data.push([title, rows.used], ...skippedRows(rows.skipped, TRENDS_SKIP_LABELS, title, lang));
  };
  section(TRENDS_LABELS.sectionQuality, q.available ? q.rows : undefined);
  section(TRENDS_LABELS.sectionDecomposition, d.available ? d.rows : undefined);
  section(TRENDS_LABELS.sectionCurve, c.available ? c.rows : undefined);
  section(TRENDS_LABELS.sectionMonitor, report.monitor.available ? report.monitor.rows : undefined);
  data.push(...missingWeightRows(report.weights.missingCodes, lang));
  return data;
}

/** The results with the type of each value (the low-risk rate as per cent, CMI parts as weights). */
function resultRows(report: TrendsReport, lang: Lang): { rows: ParameterRow[]; types: (ColumnType | undefined)[] } {
  const { quality: q, decomposition: d, curve: c } = report;
  const results: ParameterRow[] = [];
  const types: (ColumnType | undefined)[] = [];
  if (q.available) {
    results.push([TRENDS_LABELS.lowRiskTotal[lang], numberCell(q.overall.rate)]);
    types.push("percent");
  }
  if (d.available) {
    results.push(
      [TRENDS_LABELS.cmiChange[lang], numberCell(d.overall.change)],
      [TRENDS_LABELS.mix[lang], numberCell(d.overall.mix)],
      [TRENDS_LABELS.severity[lang], numberCell(d.overall.severity)],
    );
    types.push("weight", "weight", "weight");
  }
  if (c.available && c.models[0]) {
    results.push(
      [
        TRENDS_LABELS.bestModel[lang],
        `${modelName(c.models[0].model, lang)} (R² ${formatNumber(c.models[0].rSquared, 4, lang)})`,
      ],
      [TRENDS_LABELS.unitsFlagged[lang], c.units.filter((u) => u.flag === "high" || u.flag === "low").length],
    );
    types.push(undefined, "integer");
  }
  return { rows: results, types };
}

export function parameterBlocks(report: TrendsReport, lang: Lang): KeyValueBlock[] {
  const reportLabel = (k: LabelKey) => label(k, lang);
  const results = resultRows(report, lang);
  return [
    keyValueBlock(reportLabel("settings"), settingRows(report, lang)),
    keyValueBlock(reportLabel("data"), dataRows(report, lang)),
    keyValueBlock(reportLabel("columnMapping"), mappingRows(report, lang)),
    keyValueBlock(reportLabel("results"), results.rows, results.types),
    keyValueBlock(reportLabel("about"), aboutRows(report, lang)),
  ];
}
