/** Section (b) of the trends sheet: the CMI change per unit and the ADRGs contributing most. */
import { Lang } from "../../engine/text";
import { colon, formatNumber, numberCell } from "../common";
import { CellValue, SheetModel, TableBlock } from "../model";
import { AMBER, BLUE } from "./colors";
import { DRIVER_LABELS, fill, TRENDS_LABELS, unitLabel } from "./labels";
import { DecompositionSection, DecompositionUnitRow, TrendsReport } from "./types";

/** The method, the hospital's change and its two parts, and what a rise made of severity suggests. */
function decompositionNote(d: DecompositionSection, lang: Lang): string {
  const o = d.overall;
  const pct = (x: number) =>
    Number.isFinite(x) && o.change !== 0 ? formatNumber((x / o.change) * 100, 1, lang) + "%" : "—";
  return lang === "zh"
    ? `CMI = Σ p_a × w_a（p_a 为 ADRG a 的病例占比，w_a 为其平均权重），同一权重表。ADRG 间结构 = Σ (p1 − p0) × w0；ADRG 内严重程度 = Σ p1 × (w1 − w0)；两者之和恰等于 CMI 变化。` +
        `全院 CMI ${formatNumber(o.cmiBefore, 4, lang)} → ${formatNumber(o.cmiAfter, 4, lang)}，变化 ${formatNumber(o.change, 4, lang)}：结构 ${formatNumber(o.mix, 4, lang)}（${pct(o.mix)}），严重程度 ${formatNumber(o.severity, 4, lang)}（${pct(o.severity)}）。` +
        `CMI 上升若主要来自 ADRG 内严重程度，文献（Carter 与 Ginsburg 1985；Steinwald 与 Dummit 1989）将其与编码强度（高套编码）相联系，而非病人更重，建议抽查病案。`
    : `CMI = Σ p_a × w_a (p_a share of cases in ADRG a, w_a its mean weight), one weight table. Mix across ADRGs = Σ (p1 − p0) × w0; severity inside ADRGs = Σ p1 × (w1 − w0); the two add up to the CMI change exactly. ` +
        `Hospital CMI ${formatNumber(o.cmiBefore, 4, lang)} → ${formatNumber(o.cmiAfter, 4, lang)}, change ${formatNumber(o.change, 4, lang)}: mix ${formatNumber(o.mix, 4, lang)} (${pct(o.mix)}), severity ${formatNumber(o.severity, 4, lang)} (${pct(o.severity)}). ` +
        `A rise made mostly of severity inside ADRGs is the pattern the literature (Carter and Ginsburg 1985; Steinwald and Dummit 1989) ties to coding intensity (高套编码) rather than sicker patients: audit a sample of records.`;
}

/** The change per unit, with the hospital as the total row. */
function unitTable(report: TrendsReport, d: DecompositionSection, lang: Lang): TableBlock {
  const L = TRENDS_LABELS;
  const y0 = d.before;
  const y1 = d.after;
  const driverText = (r: DecompositionUnitRow) => (r.driver === "" ? "" : DRIVER_LABELS[r.driver][lang]);
  const rowOf = (r: DecompositionUnitRow, name: string): CellValue[] => [
    name,
    r.casesBefore,
    r.casesAfter,
    numberCell(r.cmiBefore),
    numberCell(r.cmiAfter),
    numberCell(r.change),
    numberCell(r.mix),
    numberCell(r.severity),
    driverText(r),
  ];
  return {
    kind: "table",
    caption: `${unitLabel(report.settings.unit, lang)}${colon(lang)}${y0} → ${y1}`,
    columns: [
      { id: "unit", header: unitLabel(report.settings.unit, lang), type: "text", width: 20 },
      { id: "casesBefore", header: fill(L.casesIn, lang, { year: y0 }), type: "integer", width: 12 },
      { id: "casesAfter", header: fill(L.casesIn, lang, { year: y1 }), type: "integer", width: 12 },
      { id: "cmiBefore", header: fill(L.cmiIn, lang, { year: y0 }), type: "weight", width: 12 },
      { id: "cmiAfter", header: fill(L.cmiIn, lang, { year: y1 }), type: "weight", width: 12 },
      { id: "change", header: L.change[lang], type: "weight", width: 12 },
      { id: "mix", header: L.mix[lang], type: "weight", width: 14 },
      { id: "severity", header: L.severity[lang], type: "weight", width: 14 },
      { id: "driver", header: L.driver[lang], type: "text", width: 18 },
    ],
    rows: d.units.map((r) => rowOf(r, r.key)),
    totalRow: rowOf(d.overall, L.overall[lang]),
    conditionalFormats: [
      { columnId: "change", rule: { kind: "lessThan", value: 0, ...BLUE } },
      { columnId: "severity", rule: { kind: "greaterThan", value: 0, ...AMBER } },
      { columnId: "driver", rule: { kind: "textEquals", text: DRIVER_LABELS.severity[lang], ...AMBER } },
    ],
    autoFilter: true,
  };
}

/** The ADRGs contributing most to the change, largest first. */
function adrgTable(d: DecompositionSection, lang: Lang): TableBlock {
  const L = TRENDS_LABELS;
  const y0 = d.before;
  const y1 = d.after;
  const caption =
    lang === "zh"
      ? `对 CMI 变化贡献最大的 ADRG（共 ${d.adrgCount} 个，按 |结构 + 严重程度| 列出前 ${d.adrgs.length} 个）`
      : `ADRGs contributing most to the change (top ${d.adrgs.length} of ${d.adrgCount} by |mix + severity|)`;
  return {
    kind: "table",
    caption,
    columns: [
      { id: "adrg", header: L.adrg[lang], type: "text", width: 20 },
      { id: "casesBefore", header: fill(L.casesIn, lang, { year: y0 }), type: "integer", width: 12 },
      { id: "casesAfter", header: fill(L.casesIn, lang, { year: y1 }), type: "integer", width: 12 },
      { id: "shareBefore", header: fill(L.shareIn, lang, { year: y0 }), type: "percent", width: 12 },
      { id: "shareAfter", header: fill(L.shareIn, lang, { year: y1 }), type: "percent", width: 12 },
      { id: "weightBefore", header: fill(L.weightIn, lang, { year: y0 }), type: "weight", width: 14 },
      { id: "weightAfter", header: fill(L.weightIn, lang, { year: y1 }), type: "weight", width: 14 },
      { id: "mix", header: L.mix[lang], type: "weight", width: 14 },
      { id: "severity", header: L.severity[lang], type: "weight", width: 14 },
      { id: "total", header: L.contribution[lang], type: "weight", width: 12 },
    ],
    rows: d.adrgs.map((a) => [
      a.adrg,
      a.casesBefore,
      a.casesAfter,
      numberCell(a.shareBefore),
      numberCell(a.shareAfter),
      numberCell(a.weightBefore),
      numberCell(a.weightAfter),
      numberCell(a.mix),
      numberCell(a.severity),
      numberCell(a.mix + a.severity),
    ]),
    conditionalFormats: [{ columnId: "severity", rule: { kind: "greaterThan", value: 0, ...AMBER } }],
  };
}

export function decompositionBlocks(report: TrendsReport, d: DecompositionSection, lang: Lang): SheetModel["blocks"] {
  return [
    { kind: "text", text: decompositionNote(d, lang), style: "note" },
    unitTable(report, d, lang),
    adrgTable(d, lang),
  ];
}
