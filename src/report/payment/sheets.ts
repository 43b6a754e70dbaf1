/**
 * The workbook model of the DRG payment P&L report: the groups sheet (summary, settlement,
 * groups, the ranked bar chart), the units sheet (departments, doctors), the high- and low-cost
 * cases, and the parameters. Knows nothing about Office.js or files.
 */
import { GroupBalance } from "../../engine/paymentGroups";
import { Lang } from "../../engine/text";
import { numberCell } from "../common";
import { CellValue, ColumnModel, ConditionalFormat, SheetModel, TableBlock, WorkbookModel } from "../model";
import { HIGHLIGHTS } from "../layout/palette";
import { freezeTable } from "../layout/sheetLayout";
import { printInfo } from "../printTitles";
import { emptyUnitWarning, unitTableBlock } from "../unitBlocks";
import { balanceChart, chartGroups, chartTable } from "./chart";
import { PAYMENT_COST_LABELS, PAYMENT_LABELS, paymentLabel, PaymentLabelKey } from "./labels";
import { parametersSheet } from "./parametersSheet";
import { settlementBlock, summaryBlock } from "./summary";
import { PaymentReport, PaymentUnitTable } from "./types";

/** The workbook model: DRG盈亏, 科室医师盈亏, 高低倍率病例, 支付参数 (English names in English). */
export function paymentWorkbook(report: PaymentReport, lang: Lang): WorkbookModel {
  return {
    lang,
    sheets: [
      groupSheet(report, lang),
      unitSheet(report, lang),
      outlierSheet(report, lang),
      parametersSheet(report, lang),
    ],
    print: printInfo("payment", report.context, lang),
  };
}

/** The sheet names of the report in a language. */
export function paymentSheetNames(lang: Lang): string[] {
  return (["sheetGroups", "sheetUnits", "sheetOutliers", "sheetParameters"] as const).map((k) => paymentLabel(k, lang));
}

const RED: ConditionalFormat["rule"] = { kind: "lessThan", value: 0, ...HIGHLIGHTS.bad };

/** The balance columns shared by the group and unit tables, after the first ones. */
function balanceColumns(report: PaymentReport, lang: Lang): ColumnModel[] {
  const L = (k: PaymentLabelKey) => paymentLabel(k, lang);
  return [
    { id: "cases", header: L("cases"), type: "integer", width: 9 },
    { id: "normal", header: L("normal"), type: "integer", width: 9 },
    { id: "high", header: L("high"), type: "integer", width: 9 },
    { id: "low", header: L("low"), type: "integer", width: 9 },
    { id: "points", header: L("points"), type: "number", width: 12 },
    { id: "revenue", header: L("revenue"), type: "money", width: 15 },
    { id: "cost", header: PAYMENT_COST_LABELS[report.settings.layer][lang], type: "money", width: 15 },
    { id: "balance", header: L("balance"), type: "money", width: 15 },
    { id: "rate", header: L("rate"), type: "percent", width: 11 },
    { id: "perCase", header: L("perCase"), type: "money", width: 13 },
  ];
}

function balanceCells(r: GroupBalance): CellValue[] {
  return [
    r.cases,
    r.normal,
    r.high,
    r.low,
    r.points,
    r.revenue,
    r.cost,
    r.balance,
    numberCell(r.rate),
    numberCell(r.perCase),
  ];
}

const FORMATS: ConditionalFormat[] = [
  { columnId: "balance", rule: RED },
  { columnId: "rate", rule: RED },
  { columnId: "perCase", rule: RED },
];

function groupTable(report: PaymentReport, lang: Lang): TableBlock {
  return {
    kind: "table",
    columns: [
      { id: "group", header: paymentLabel("group", lang), type: "text", width: 10 },
      { id: "name", header: paymentLabel("groupName", lang), type: "text", width: 34 },
      ...balanceColumns(report, lang),
    ],
    rows: report.groups.map((g) => [g.group, g.name, ...balanceCells(g)]),
    totalRow: [paymentLabel("total", lang), "", ...balanceCells(report.total)],
    conditionalFormats: FORMATS,
    autoFilter: true,
  };
}

function groupSheet(report: PaymentReport, lang: Lang): SheetModel {
  const blocks: SheetModel["blocks"] = [
    { kind: "text", text: paymentLabel("title", lang), style: "title" },
    {
      kind: "text",
      text: paymentLabel("note", lang, { points: report.settings.rules.pointsPerWeight }),
      style: "note",
    },
    summaryBlock(report, lang),
  ];
  const settlement = settlementBlock(report, lang);
  if (settlement) blocks.push(settlement);
  const table = groupTable(report, lang);
  const at = blocks.push(table) - 1;
  const sheet: SheetModel = { name: paymentLabel("sheetGroups", lang), blocks };
  // The summary above pushes the header down: the group columns stay in view and the printed
  // pages repeat the groups' header only (layout/sheetLayout.ts freezeTable).
  freezeTable(sheet, at, 2);
  const n = report.settings.chartGroups;
  const bars = chartGroups(report.groups, n).length;
  if (bars > 0) {
    const chartAt = blocks.push(chartTable(report.groups, n, lang)) - 1;
    sheet.barCharts = [balanceChart(chartAt, bars, 2, table.columns.length + 1, lang)];
  }
  return sheet;
}

function unitBlock(report: PaymentReport, t: PaymentUnitTable, lang: Lang): TableBlock {
  return unitTableBlock(
    paymentLabel(t.dimension, lang),
    balanceColumns(report, lang),
    t.rows.map((r) => [r.group, ...balanceCells(r)]),
    [paymentLabel("total", lang), ...balanceCells(t.total)],
    FORMATS,
  );
}

function unitSheet(report: PaymentReport, lang: Lang): SheetModel {
  const blocks: SheetModel["blocks"] = [{ kind: "text", text: paymentLabel("unitsTitle", lang), style: "title" }];
  for (const t of report.units) {
    blocks.push(unitBlock(report, t, lang));
    blocks.push(...emptyUnitWarning(PAYMENT_LABELS.emptyUnit, paymentLabel(t.dimension, lang), t.emptyUnitRows, lang));
  }
  const sheet: SheetModel = { name: paymentLabel("sheetUnits", lang), blocks };
  if (report.units.length === 1) freezeTable(sheet, 1, 1);
  return sheet;
}

function outlierSheet(report: PaymentReport, lang: Lang): SheetModel {
  const L = (k: PaymentLabelKey) => paymentLabel(k, lang);
  const blocks: SheetModel["blocks"] = [
    { kind: "text", text: L("outliersTitle"), style: "title" },
    { kind: "text", text: paymentLabel("outliersNote", lang, { low: report.settings.rules.low }), style: "note" },
  ];
  const sheet: SheetModel = { name: L("sheetOutliers"), blocks };
  if (report.outliers.length === 0) {
    blocks.push({ kind: "text", text: L("noOutliers"), style: "note" });
    return sheet;
  }
  const at =
    blocks.push({
      kind: "table",
      columns: [
        { id: "row", header: L("row"), type: "rowNumber", width: 8 },
        { id: "group", header: L("group"), type: "text", width: 10 },
        { id: "department", header: L("department"), type: "text", width: 16 },
        { id: "kind", header: L("caseType"), type: "text", width: 10 },
        { id: "cost", header: L("totalCost"), type: "money", width: 14 },
        { id: "groupMean", header: L("groupMean"), type: "money", width: 14 },
        { id: "ratio", header: L("ratio"), type: "ratio", width: 11 },
        { id: "multiplier", header: L("multiplier"), type: "number", width: 9 },
        { id: "threshold", header: L("threshold"), type: "money", width: 14 },
        { id: "basePoints", header: L("basePoints"), type: "number", width: 11 },
        { id: "points", header: L("points"), type: "number", width: 11 },
        { id: "payment", header: L("payment"), type: "money", width: 14 },
      ],
      rows: report.outliers.map((o) => [
        o.row,
        o.group,
        o.department,
        L(o.kind),
        o.cost,
        numberCell(o.groupMean),
        numberCell(o.ratio),
        o.multiplier,
        numberCell(o.threshold),
        o.basePoints,
        o.points,
        o.payment,
      ]),
      autoFilter: true,
    }) - 1;
  freezeTable(sheet, at, 2);
  return sheet;
}
