/** Section (c) of the trends sheet: the curve models, the units against the curve, and the chart. */
import { Lang } from "../../engine/text";
import { formatNumber, numberCell } from "../common";
import { label } from "../i18n";
import { CellValue, ChartModel, SheetModel, TableBlock } from "../model";
import { HIGHLIGHTS } from "../layout/palette";
import { BLUE, FLAG_COLORS, RED } from "./colors";
import { fill, FLAG_LABELS, modelName, TRENDS_LABELS, unitLabel } from "./labels";
import { CurveFlag, CurveSection, TrendsReport } from "./types";

/** How the curve was fitted, the best model and the flag rule. */
function curveNote(report: TrendsReport, c: CurveSection, lang: Lang): string {
  const s = report.settings;
  const best = c.models[0];
  const year = c.year ?? TRENDS_LABELS.allRows[lang];
  const lo = formatNumber(1 - s.flagTolerance, 2, lang);
  const hi = formatNumber(1 + s.flagTolerance, 2, lang);
  return lang === "zh"
    ? `每个${unitLabel(report.settings.unit, lang)}一个点（${year}，病例数不少于 ${s.minCases}）：x = CMI，y = ln(例均费用)，按 SPSS 曲线估计的各模型拟合（复合、幂、S、增长、指数模型按 SPSS 做法再取对数拟合，其 R² 在该尺度上）。` +
        (best
          ? `按 R² 最优为${modelName(best.model, lang)}模型（R² ${formatNumber(best.rSquared, 3, lang)}）；预期例均费用 = e^(拟合值)，实际 / 预期高于 ${hi} 或低于 ${lo} 时标记。`
          : `点数太少或数据不允许，没有可用的模型。`)
    : `One point per ${unitLabel(report.settings.unit, lang).toLowerCase()} (${year}, at least ${s.minCases} cases): x = CMI, y = ln(mean cost per case), fitted with each SPSS curve-estimation model (compound, power, S, growth and exponential take ln once more, as SPSS does, and their R² is on that scale). ` +
        (best
          ? `Best by R²: ${modelName(best.model, lang)} (R² ${formatNumber(best.rSquared, 3, lang)}); expected cost = e^(fitted value); actual / expected above ${hi} or below ${lo} is flagged.`
          : `No model could be fitted (too few points, or the data do not allow it).`);
}

/** How the prepayment estimate is made (DOMAIN.md "Expected cost and prepayment"). */
function prepaymentNote(c: CurveSection, lang: Lang): string {
  return fill(TRENDS_LABELS.prepaymentNote, lang, { year: c.year ?? TRENDS_LABELS.allRows[lang] });
}

/** Every curve model, best R² first, then the models that could not be fitted and why. */
function modelTable(c: CurveSection, lang: Lang): TableBlock {
  const L = TRENDS_LABELS;
  return {
    kind: "table",
    caption: L.modelsCaption[lang],
    columns: [
      { id: "model", header: L.model[lang], type: "text", width: 20 },
      { id: "b0", header: "b0", type: "ratio", width: 12 },
      { id: "b1", header: "b1", type: "ratio", width: 12 },
      { id: "b2", header: "b2", type: "ratio", width: 12 },
      { id: "b3", header: "b3", type: "ratio", width: 12 },
      { id: "r2", header: L.rSquared[lang], type: "ratio", width: 14 },
      { id: "f", header: L.f[lang], type: "number", width: 14 },
      { id: "n", header: L.n[lang], type: "integer", width: 10 },
      { id: "note", header: L.note[lang], type: "text", width: 18 },
    ],
    rows: [
      ...c.models.map((m, i): CellValue[] => [
        modelName(m.model, lang),
        ...[0, 1, 2, 3].map((j) => (j < m.coefficients.length ? numberCell(m.coefficients[j]) : null)),
        numberCell(m.rSquared),
        numberCell(m.f),
        m.n,
        i === 0 ? L.bestModel[lang] : "",
      ]),
      ...c.failures.map((f): CellValue[] => [
        modelName(f.model, lang),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        f.reason[lang],
      ]),
    ],
    conditionalFormats: [
      { columnId: "note", rule: { kind: "textEquals", text: L.bestModel[lang], ...HIGHLIGHTS.good } },
    ],
  };
}

/** The units against the curve: actual and expected mean cost, their ratio and the flag. */
function unitTable(report: TrendsReport, c: CurveSection, lang: Lang): TableBlock {
  const L = TRENDS_LABELS;
  const s = report.settings;
  return {
    kind: "table",
    columns: [
      { id: "unit", header: unitLabel(report.settings.unit, lang), type: "text", width: 20 },
      { id: "cases", header: label("cases", lang), type: "integer", width: 12 },
      { id: "cmi", header: label("cmi", lang), type: "weight", width: 12 },
      { id: "meanCost", header: L.meanCost[lang], type: "money", width: 12 },
      { id: "lnCost", header: L.lnCost[lang], type: "ratio", width: 12 },
      { id: "expected", header: L.expected[lang], type: "money", width: 14 },
      { id: "ratio", header: L.ratio[lang], type: "ratio", width: 14 },
      { id: "flag", header: L.flag[lang], type: "text", width: 18 },
      { id: "prepayment", header: L.prepayment[lang], type: "money", width: 16 },
    ],
    rows: c.units.map((r) => [
      r.unit,
      r.cases,
      numberCell(r.cmi),
      numberCell(r.meanCost),
      numberCell(r.lnCost),
      numberCell(r.expected),
      numberCell(r.ratio),
      FLAG_LABELS[r.flag][lang],
      numberCell(r.prepayment),
    ]),
    totalRow: [
      L.overall[lang],
      c.prepayment.cases,
      null,
      null,
      null,
      null,
      null,
      null,
      c.models.length > 0 ? c.prepayment.total : null,
    ],
    conditionalFormats: [
      { columnId: "ratio", rule: { kind: "greaterThan", value: 1 + s.flagTolerance, ...RED } },
      { columnId: "ratio", rule: { kind: "lessThan", value: 1 - s.flagTolerance, ...BLUE } },
      { columnId: "flag", rule: { kind: "textEquals", text: FLAG_LABELS.high[lang], ...RED } },
      { columnId: "flag", rule: { kind: "textEquals", text: FLAG_LABELS.low[lang], ...BLUE } },
    ],
    autoFilter: true,
  };
}

export function curveBlocks(report: TrendsReport, c: CurveSection, lang: Lang): SheetModel["blocks"] {
  return [
    { kind: "text", text: curveNote(report, c, lang), style: "note" },
    ...(c.models.length > 0 ? [{ kind: "text" as const, text: prepaymentNote(c, lang), style: "note" as const }] : []),
    modelTable(c, lang),
    unitTable(report, c, lang),
  ];
}

export function curveChart(
  report: TrendsReport,
  c: CurveSection,
  lang: Lang,
  blockIndex: number,
  anchor: ChartModel["anchor"],
): ChartModel {
  const L = TRENDS_LABELS;
  const flags: CurveFlag[] = ["inLine", "high", "low"];
  const series = flags
    .map((flag) => {
      const rows: number[] = [];
      c.units.forEach((r, i) => {
        if (r.fitted && r.flag === flag) rows.push(i);
      });
      return {
        name: `${FLAG_LABELS[flag][lang]} (${rows.length})`,
        x: { blockIndex, columnId: "cmi" },
        y: { blockIndex, columnId: "meanCost" },
        rows,
        color: FLAG_COLORS[flag],
      };
    })
    .filter((s) => s.rows.length > 0);
  if (series.length === 0) {
    // No model: the fitted units, uncoloured.
    const rows = c.units.flatMap((r, i) => (r.fitted ? [i] : []));
    series.push({
      name: unitLabel(report.settings.unit, lang),
      x: { blockIndex, columnId: "cmi" },
      y: { blockIndex, columnId: "meanCost" },
      rows,
      color: FLAG_COLORS.notFitted,
    });
  }
  const best = c.models[0];
  return {
    kind: "scatter",
    title: `${L.chartTitle[lang]}${c.year ? ` (${c.year})` : ""}`,
    xTitle: label("cmi", lang),
    yTitle: L.meanCost[lang],
    series,
    ...(best && c.line.length > 1
      ? {
          line: {
            name: fill(L.fittedLine, lang, {
              model: modelName(best.model, lang),
              r2: formatNumber(best.rSquared, 3, lang),
            }),
            points: c.line,
          },
        }
      : {}),
    anchor,
  };
}
