/**
 * The workbook model of the four-quadrant report: the quadrant sheet (summary, groups, chart),
 * the incentive sheets (units by amount, with a rank: one sheet a unit table, so that each prints
 * with its own repeated header) and the parameters sheet. Knows nothing
 * about Office.js or files.
 */
import { QUADRANTS } from "../../engine/quadrants";
import { Lang } from "../../engine/text";
import { colon, formatNumber, listText, numberCell, paren } from "../common";
import { CONTRIBUTION_LABELS, COST_LABELS, label, quadrantLabel, RATE_LABELS, SKIP_LABELS } from "../i18n";
import { CellValue, ColumnModel, ConditionalFormat, SheetModel, TableBlock, WorkbookModel } from "../model";
import { freezeTable } from "../layout/sheetLayout";
import { BAR_COLORS, HIGHLIGHTS } from "../layout/palette";
import { quadrantChart } from "./chart";
import { QUADRANT_FILLS } from "./colors";
import { xCutText, yCutText } from "./cutText";
import { sparseWarning } from "./sparse";
import { parametersSheet } from "./parametersSheet";
import { summaryBlocks } from "./summary";
import { QuadrantReport, UnitRow, UnitTable } from "./types";
import { printInfo } from "../printTitles";

/** The workbook model of the report: 四象限分析, 绩效激励, 参数 (English names in English). */
export function quadrantWorkbook(report: QuadrantReport, lang: Lang): WorkbookModel {
  return {
    lang,
    sheets: [quadrantSheet(report, lang), ...incentiveSheets(report, lang), parametersSheet(report, lang)],
    print: printInfo("quadrant", report.context, lang),
  };
}

function groupColumns(report: QuadrantReport, lang: Lang): ColumnModel[] {
  const layer = report.settings.layer;
  return [
    { id: "group", header: label("group", lang), type: "text", width: 10 },
    { id: "name", header: label("groupName", lang), type: "text", width: 34 },
    { id: "cases", header: label("cases", lang), type: "integer", width: 9 },
    { id: "rw", header: label("rw", lang), type: "weight", width: 12 },
    {
      id: "revenue",
      header: label(report.settings.revenue === "payment" ? "expectedRevenue" : "revenue", lang),
      type: "money",
      width: 15,
    },
    { id: "cost", header: COST_LABELS[layer][lang], type: "money", width: 15 },
    { id: "contribution", header: CONTRIBUTION_LABELS[layer][lang], type: "money", width: 15 },
    { id: "rate", header: RATE_LABELS[layer][lang], type: "percent", width: 12 },
    { id: "quadrant", header: label("quadrant", lang), type: "text", width: 12 },
    { id: "coefficient", header: label("coefficient", lang), type: "number", width: 10 },
    { id: "points", header: label("points", lang), type: "number", width: 12 },
  ];
}

/** The groups with a hospital total row (its RW column is the hospital CMI). */
function groupTable(report: QuadrantReport, lang: Lang): TableBlock {
  const labels = report.settings.labels;
  const h = report.hospital;
  const conditionalFormats: ConditionalFormat[] = [
    { columnId: "rate", rule: { kind: "lessThan", value: 0, ...HIGHLIGHTS.bad } },
    { columnId: "contribution", rule: { kind: "lessThan", value: 0, ...HIGHLIGHTS.bad } },
    ...QUADRANTS.map((q): ConditionalFormat => ({
      columnId: "quadrant",
      rule: { kind: "textEquals", text: quadrantLabel(q, lang, labels), fill: QUADRANT_FILLS[q] },
    })),
    { columnId: "points", rule: { kind: "dataBar", color: BAR_COLORS.points } },
  ];
  return {
    kind: "table",
    columns: groupColumns(report, lang),
    rows: report.groups.map((g) => [
      g.group,
      g.name,
      g.cases,
      numberCell(g.rw),
      g.revenue,
      g.cost,
      g.contribution,
      numberCell(g.rate),
      quadrantLabel(g.quadrant, lang, labels),
      g.coefficient,
      numberCell(g.points),
    ]),
    totalRow: [
      label("total", lang),
      "",
      h.cases,
      numberCell(h.cmi),
      h.revenue,
      h.cost,
      h.contribution,
      numberCell(h.rate),
      "",
      "",
      numberCell(h.points),
    ],
    conditionalFormats,
    autoFilter: true,
  };
}

/** The note under the title: the cut lines and the rule for unclassified groups. */
function quadrantNote(report: QuadrantReport, lang: Lang): string {
  const s = report.settings;
  return lang === "zh"
    ? `${label("cutX", lang)} RW = ${xCutText(report, lang)}；${label("cutY", lang)} ${RATE_LABELS[s.layer].zh} = ${yCutText(report, lang)}；` +
        `病例数少于 ${s.minCases} 的病组不分类（系数 ${s.coefficients.unclassified}）；合计行的相对权重列为医院 CMI。`
    : `${label("cutX", lang)}: RW = ${xCutText(report, lang)}; ${label("cutY", lang)}: ${RATE_LABELS[s.layer].en.toLowerCase()} = ${yCutText(report, lang)}; ` +
        `groups with fewer than ${s.minCases} cases are not classified (coefficient ${s.coefficients.unclassified}); the total row's RW is the hospital CMI.`;
}

function quadrantSheet(report: QuadrantReport, lang: Lang): SheetModel {
  const table = groupTable(report, lang);
  const sheet: SheetModel = {
    name: label("sheetQuadrants", lang),
    blocks: [
      {
        kind: "text",
        text: `${label("quadrantTitle", lang)}${colon(lang)}${label("rw", lang)} × ${RATE_LABELS[report.settings.layer][lang]}`,
        style: "title",
      },
      { kind: "text", text: quadrantNote(report, lang), style: "note" },
    ],
  };
  const warning = sparseWarning(report, lang);
  if (warning) sheet.blocks.push({ kind: "text", text: warning, style: "warning" });
  sheet.blocks.push(...summaryBlocks(report, lang));
  const at = sheet.blocks.push(table) - 1;
  // The summary above puts the header on row 17: the group and name columns stay in view, the
  // rows scroll; printed pages repeat the groups' header only.
  freezeTable(sheet, at, 2);
  sheet.charts = [quadrantChart(report, lang, at, table.columns.length + 1)];
  return sheet;
}

function unitBlock(t: UnitTable, lang: Lang): TableBlock {
  const name = t.dimension === "department" ? label("department", lang) : label("doctor", lang);
  const u = t.total;
  const withDepartment = t.severalDepartments !== undefined;
  const columns: ColumnModel[] = [
    { id: "rank", header: label("rank", lang), type: "integer", width: 8 },
    { id: "unit", header: name, type: "text", width: 18 },
    ...(withDepartment
      ? [{ id: "department", header: label("mainDepartment", lang), type: "text" as const, width: 14 }]
      : []),
    { id: "cases", header: label("cases", lang), type: "integer", width: 10 },
    { id: "totalWeight", header: label("totalWeight", lang), type: "number", width: 14 },
    { id: "cmi", header: label("cmi", lang), type: "weight", width: 10 },
    { id: "points", header: label("points", lang), type: "number", width: 14 },
    { id: "amount", header: label("amount", lang), type: "money", width: 16 },
  ];
  const cells = (first: CellValue, r: UnitRow, department: CellValue[]): CellValue[] => [
    first,
    r.unit,
    ...department,
    r.cases,
    r.totalWeight,
    numberCell(r.cmi),
    r.points,
    r.amount,
  ];
  return {
    kind: "table",
    caption: name,
    columns,
    rows: t.rows.map((r) => cells(r.rank, r, withDepartment ? [r.department ?? ""] : [])),
    totalRow: cells(label("total", lang), { ...u, unit: "" }, withDepartment ? [""] : []),
    conditionalFormats: [{ columnId: "amount", rule: { kind: "dataBar", color: BAR_COLORS.money } }],
    autoFilter: true,
  };
}

/** The note under the doctor table: who works in several departments, and the rule applied. */
function severalDepartmentsNote(t: UnitTable, lang: Lang): string | undefined {
  const several = t.severalDepartments ?? [];
  if (several.length === 0) return undefined;
  const shown = several.slice(0, 10).map((d) => {
    const parts = d.departments.map((x) => `${x.department} ${formatNumber(x.cases, 0, lang)}`);
    return `${d.doctor}${paren(listText(parts, lang), lang)}`;
  });
  const more =
    several.length > 10 ? (lang === "zh" ? ` 等 ${several.length} 名` : ` and ${several.length - 10} more`) : "";
  return lang === "zh"
    ? `说明：${several.length} 名医师的病例分布在多个科室，科室列取其病例最多的科室（病例数相同时按名称顺序）：${listText(shown, lang)}${more}。`
    : `Note: ${several.length} doctors have cases in several departments; the department column shows the one with most of their cases (equal cases: by name): ${listText(shown, lang)}${more}.`;
}

/**
 * One incentive sheet a unit table (department, doctor): 绩效激励 when there is one, 科室激励 and
 * 医师激励 when there are both. A sheet repeats one set of header rows on its printed pages, so
 * the doctor table under the department table printed its pages without a header.
 */
function incentiveSheets(report: QuadrantReport, lang: Lang): SheetModel[] {
  const m = report.settings.money;
  const how =
    m.mode === "pool"
      ? `${label("pool", lang)} ${formatNumber(m.pool, 2, lang)}${colon(lang)}${label("poolNote", lang)}`
      : `${label("perPoint", lang)} ${formatNumber(m.moneyPerPoint, 2, lang)}${colon(lang)}${label("perPointNote", lang)}`;
  const sep = lang === "zh" ? "；" : "; ";
  const rules = [label("pointsNote", lang), how, label("rankNote", lang)].join(sep);
  const single = report.units.length === 1;
  return report.units.map((t) => {
    const unitName = t.dimension === "department" ? label("department", lang) : label("doctor", lang);
    const title = single ? label("incentiveTitle", lang) : `${label("incentiveTitle", lang)}${colon(lang)}${unitName}`;
    const blocks: SheetModel["blocks"] = [
      { kind: "text", text: title, style: "title" },
      { kind: "text", text: rules, style: "note" },
      unitBlock(t, lang),
    ];
    const note = severalDepartmentsNote(t, lang);
    if (note) blocks.push({ kind: "text", text: note, style: "note" });
    if (t.emptyUnitRows > 0) {
      blocks.push({
        kind: "text",
        text: `${SKIP_LABELS.emptyUnit[lang]}${colon(lang)}${t.emptyUnitRows}`,
        style: "warning",
      });
    }
    const name = single
      ? label("sheetIncentives", lang)
      : label(t.dimension === "department" ? "sheetDepartmentIncentives" : "sheetDoctorIncentives", lang);
    const sheet: SheetModel = { name, blocks };
    // Rank and name stay in view; printed pages repeat the table's header.
    freezeTable(sheet, 2, 2);
    return sheet;
  });
}
