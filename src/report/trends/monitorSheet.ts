/**
 * The monitor sheet (监测 / Monitoring) of the trends report: how the periods are read and the
 * benchmark of the indices, a summary, the hospital per period (all periods as the total row),
 * the CMI per period of the hospital and the units with most cases (drawn as a line chart
 * beside the tables), then every unit in every period, filterable.
 */
import { Lang } from "../../engine/text";
import { formatNumber, numberCell } from "../common";
import { label } from "../i18n";
import { keyValueBlock, ParameterRow, skippedRows } from "../parameterRows";
import {
  CellValue,
  ColumnModel,
  ColumnType,
  KeyValueBlock,
  LineChartModel,
  placeBlocks,
  SheetModel,
  TableBlock,
} from "../model";
import { fill, TRENDS_SKIP_LABELS, unitLabel } from "./labels";
import { INDICATOR_LABELS, MONITOR_LABELS as L, PERIOD_LABELS } from "./monitorLabels";
import { MONITOR_INDICATORS, MonitorRow, MonitorSection } from "./monitorTypes";
import { TrendsReport } from "./types";

interface Column {
  model: ColumnModel;
  cell: (r: MonitorRow) => CellValue;
}

const col = (id: string, header: string, type: ColumnType, width: number, cell: Column["cell"]): Column => ({
  model: { id, header, type, width },
  cell,
});

/** The indicator columns the data gives: cases, total weight, CMI, the indices, low-risk mortality. */
function indicatorColumns(m: MonitorSection, lang: Lang): Column[] {
  const out: Column[] = [
    col("cases", L.cases[lang], "integer", 10, (r) => r.cases),
    col("totalWeight", L.totalWeight[lang], "number", 12, (r) => r.totalWeight),
    col("cmi", label("cmi", lang), "weight", 10, (r) => numberCell(r.cmi)),
  ];
  for (const id of MONITOR_INDICATORS) {
    if (m.missing[id] || id === "lowRiskMortality") continue;
    out.push(col(id, INDICATOR_LABELS[id][lang], "ratio", 12, (r) => numberCell(r[id])));
  }
  if (!m.missing.lowRiskMortality) {
    out.push(
      col("lowRiskDeaths", L.lowRiskDeaths[lang], "integer", 12, (r) => r.lowRiskDeaths),
      col("lowRiskMortality", INDICATOR_LABELS.lowRiskMortality[lang], "percent", 12, (r) =>
        numberCell(r.lowRiskMortality),
      ),
    );
  }
  return out;
}

function summaryBlock(m: MonitorSection, lang: Lang): KeyValueBlock {
  const rows: ParameterRow[] = [];
  const types: (ColumnType | undefined)[] = [];
  const push = (row: ParameterRow, type?: ColumnType) => (rows.push(row), types.push(type));
  const rule = PERIOD_LABELS[m.period].rule[lang];
  push([L.periodRule[lang], lang === "zh" ? `${rule}（${m.source}）` : `${rule} (${m.source})`]);
  push([L.periodCount[lang], m.periods.length], "integer");
  push([L.range[lang], `${m.periods[0]} – ${m.periods[m.periods.length - 1]}`]);
  const first = m.hospital[0];
  const last = m.hospital[m.hospital.length - 1];
  push([fill(L.firstCmi, lang, { period: first.period }), numberCell(first.cmi)], "weight");
  if (m.hospital.length > 1) {
    push([fill(L.lastCmi, lang, { period: last.period }), numberCell(last.cmi)], "weight");
    push([L.cmiChange[lang], numberCell(last.cmi - first.cmi)], "weight");
  }
  const withCmi = m.hospital.filter((r) => Number.isFinite(r.cmi));
  if (withCmi.length > 1) {
    const hi = withCmi.reduce((a, b) => (b.cmi > a.cmi ? b : a));
    const lo = withCmi.reduce((a, b) => (b.cmi < a.cmi ? b : a));
    const digits = (x: number) => formatNumber(x, 4, lang);
    push([L.highest[lang], `${hi.period}: ${digits(hi.cmi)}`]);
    push([L.lowest[lang], `${lo.period}: ${digits(lo.cmi)}`]);
  }
  push([L.rowsUsed[lang], m.rows.used], "integer");
  for (const r of skippedRows(m.rows.skipped, TRENDS_SKIP_LABELS, label("skipped", lang), lang)) push(r);
  for (const id of MONITOR_INDICATORS) {
    const n = m.blankValues[id];
    if (n) push([fill(L.blankValue, lang, { indicator: INDICATOR_LABELS[id][lang] }), n], "integer");
  }
  return keyValueBlock(L.summary[lang], rows, types);
}

/** Period, hospital, then the chart's units: one column each, one row per period. */
function cmiTable(m: MonitorSection, lang: Lang): TableBlock {
  const cmi = new Map(m.units.map((r) => [`${r.period}\t${r.unit}`, r.cmi]));
  return {
    kind: "table",
    caption: L.cmiTable[lang],
    columns: [
      { id: "period", header: L.period[lang], type: "text", width: 12 },
      { id: "hospital", header: L.hospital[lang], type: "weight", width: 12 },
      ...m.chartUnits.map((u, j) => ({ id: `unit_${j}`, header: u, type: "weight" as const, width: 12 })),
    ],
    rows: m.hospital.map((h) => [
      h.period,
      numberCell(h.cmi),
      ...m.chartUnits.map((u) => numberCell(cmi.get(`${h.period}\t${u}`))),
    ]),
  };
}

/** The monitor sheet, or a sheet with the reason when the data has no periods. */
export function monitorSheet(report: TrendsReport, lang: Lang): SheetModel {
  const m = report.monitor;
  const blocks: SheetModel["blocks"] = [{ kind: "text", text: L.title[lang], style: "title" }];
  if (!m.available) {
    blocks.push({ kind: "text", text: m.reason[lang], style: "warning" });
    return { name: L.sheet[lang], blocks };
  }
  blocks.push({
    kind: "text",
    text: fill(L.note, lang, { period: PERIOD_LABELS[m.period].plural[lang], source: m.source }),
    style: "note",
  });
  for (const id of MONITOR_INDICATORS) {
    const reason = m.missing[id];
    if (reason) {
      blocks.push({
        kind: "text",
        text: fill(L.unavailable, lang, { indicator: INDICATOR_LABELS[id][lang], reason: reason[lang] }),
        style: "warning",
      });
    }
  }
  blocks.push(summaryBlock(m, lang));
  const indicators = indicatorColumns(m, lang);
  const periodCol = col("period", L.period[lang], "text", 12, (r) => r.period);
  const hospitalCols = [periodCol, ...indicators];
  const hospitalAt = blocks.length;
  blocks.push({
    kind: "table",
    caption: L.hospitalTable[lang],
    columns: hospitalCols.map((c) => c.model),
    rows: m.hospital.map((r) => hospitalCols.map((c) => c.cell(r))),
    totalRow: hospitalCols.map((c) => (c === periodCol ? L.allPeriods[lang] : c.cell(m.overall))),
  });
  const cmiAt = blocks.length;
  const wide = cmiTable(m, lang);
  blocks.push(wide);
  const unitCols = [
    periodCol,
    col("unit", unitLabel(report.settings.unit, lang), "text", 16, (r) => r.unit),
    ...indicators,
  ];
  blocks.push({
    kind: "table",
    caption: L.unitsTable[lang],
    columns: unitCols.map((c) => c.model),
    rows: m.units.map((r) => unitCols.map((c) => c.cell(r))),
    autoFilter: true,
  });
  const sheet: SheetModel = { name: L.sheet[lang], blocks, freeze: { rows: 0, columns: 1 } };
  let widest = 0;
  for (const b of blocks) if (b.kind === "table") widest = Math.max(widest, b.columns.length);
  const chart: LineChartModel = {
    kind: "line",
    title: L.chartTitle[lang],
    xTitle: L.period[lang],
    yTitle: label("cmi", lang),
    categories: { blockIndex: cmiAt, columnId: "period" },
    series: wide.columns.slice(1).map((c) => ({ name: c.header, values: { blockIndex: cmiAt, columnId: c.id } })),
    valueType: "number",
    anchor: { row: placeBlocks(sheet)[hospitalAt].top, column: widest + 1, width: 10, height: 22 },
  };
  sheet.lineCharts = [chart];
  return sheet;
}
