/**
 * The audit sheet (权重审核 / Weight Audit): the sources, the key findings and the summary
 * (`summary.ts`), the policy tilt when there is one (`tiltSheet.ts`), the findings table, the neutrality, the codes in one table only by MDC (when
 * the catalogues differ), the winners and losers per unit and the largest changes with their
 * bar chart; and the workbook of the audit with its parameters sheet (`parametersSheet.ts`).
 */
import { Lang } from "../../engine/text";
import { Finding, FINDING_KINDS, FindingKind } from "../../engine/weightAudit/findings";
import { UnitChange } from "../../engine/weightAudit/units";
import { FINDING_LABELS, findingRow, noFindingsRow } from "../../words/auditFindings";
import { colon, numberCell, paren } from "../common";
import {
  BarChartModel,
  CellValue,
  ColumnModel,
  ColumnType,
  ConditionalFormat,
  KeyValueBlock,
  SheetModel,
  TableBlock,
  WorkbookModel,
  placeBlocks,
} from "../model";
import { AuditReport, AuditUnitTable } from "./compute";
import { auditLabel, lower, tableName, unitName } from "./labels";
import { parametersSheet } from "./parametersSheet";
import { groupsOneTableCodes, keyFindingLines, listedFindings, oneTableBlock, summaryBlock } from "./summary";
import { clauseSep, countText, plainPercent, shortList } from "./text";
import { printInfo } from "../printTitles";
import { tiltBlocks } from "./tiltSheet";
import { BAR_COLORS, FILLS, HIGHLIGHTS } from "../layout/palette";

/** Fills of the kind cells of the findings table. */
export const FINDING_FILLS: Record<FindingKind, string> = {
  neutrality: FILLS.yellow,
  severityOrder: FILLS.red,
  missingWeight: FILLS.orange,
  nonPositiveWeight: FILLS.red,
  onlyInBase: FILLS.blue,
  onlyInAdjusted: FILLS.paleGreen,
  largeChange: FILLS.grey,
};
const NO_FINDINGS_FILL = FILLS.green;
const GAIN = HIGHLIGHTS.good;
const LOSS = HIGHLIGHTS.bad;
const BAR_UP = BAR_COLORS.up;
const BAR_DOWN = BAR_COLORS.down;

/** The difference and relative columns of a finding (see the findings note). */
function findingSizes(f: Finding): [number | undefined, number | undefined] {
  switch (f.kind) {
    case "severityOrder":
      return [f.size, f.weights[1] > 0 ? f.size / f.weights[1] : undefined];
    case "largeChange":
    case "neutrality":
      return [f.weights[1] - f.weights[0], f.size];
    default:
      return [undefined, undefined];
  }
}

function findingsCaption(report: AuditReport, listed: number, lang: Lang): string {
  const c = report.result.catalogue;
  if (!c || !groupsOneTableCodes(report)) return auditLabel("findingsCaption", lang, { count: listed });
  const grouped = countText(c.onlyInBase.length + c.onlyInAdjusted.length, lang);
  return auditLabel("findingsCaptionGrouped", lang, { count: countText(listed, lang), grouped });
}

function findingsBlock(report: AuditReport, lang: Lang): TableBlock {
  const paired = report.sources.adjusted !== undefined;
  const columns: ColumnModel[] = [
    { id: "kind", header: auditLabel("kind", lang), type: "text", width: 18 },
    { id: "family", header: auditLabel("family", lang), type: "text", width: 14 },
    { id: "groups", header: auditLabel("groups", lang), type: "text", width: 18 },
    { id: "weights", header: auditLabel("weights", lang), type: "text", width: 18 },
    { id: "difference", header: auditLabel("difference", lang), type: "weight", width: 12 },
    { id: "relative", header: auditLabel("relativeSize", lang), type: "percent", width: 11 },
    { id: "cases", header: auditLabel("cases", lang), type: "integer", width: 10 },
    { id: "table", header: auditLabel("tableColumn", lang), type: "text", width: 14 },
    { id: "detail", header: auditLabel("detail", lang), type: "text", width: 72 },
  ];
  const findings = listedFindings(report);
  const rows: CellValue[][] = findings.map((f) => {
    const [kind, family, groups, weights, detail] = findingRow(f, report.result, lang);
    const [difference, relative] = findingSizes(f);
    return [
      kind,
      family,
      groups,
      // One weight is a number; pairs ("0.5372 < 0.7392", "1.2 → 1.5") stay text.
      f.weights.length === 1 ? numberCell(f.weights[0]) : weights,
      numberCell(difference),
      numberCell(relative),
      numberCell(f.cases),
      tableName(f.table, paired, lang),
      detail,
    ];
  });
  const none = report.result.findings.length === 0 ? noFindingsRow(report.result, lang) : undefined;
  if (none) rows.push([none[0], "", "", "", null, null, null, "", none[4]]);
  const conditionalFormats: ConditionalFormat[] = FINDING_KINDS.map((k) => ({
    columnId: "kind",
    rule: { kind: "textEquals", text: FINDING_LABELS[k][lang], fill: FINDING_FILLS[k] },
  }));
  if (none)
    conditionalFormats.push({ columnId: "kind", rule: { kind: "textEquals", text: none[0], fill: NO_FINDINGS_FILL } });
  return {
    kind: "table",
    caption: findingsCaption(report, findings.length, lang),
    columns,
    rows,
    conditionalFormats,
    autoFilter: findings.length > 0,
  };
}

function neutralityBlock(report: AuditReport, lang: Lang): KeyValueBlock | undefined {
  const n = report.result.neutrality;
  if (!n) return undefined;
  const byCases = n.weighting === "cases";
  const rows: [string, CellValue][] = [];
  const types: (ColumnType | undefined)[] = [];
  const add = (key: string, value: CellValue, type?: ColumnType) => {
    rows.push([key, value]);
    types.push(type);
  };
  add(auditLabel("weighting", lang), auditLabel(byCases ? "weightingCases" : "weightingGroups", lang));
  add(auditLabel("totalBefore", lang), numberCell(n.totalBefore));
  add(auditLabel("totalAfter", lang), numberCell(n.totalAfter));
  add(auditLabel("relativeChange", lang), numberCell(n.relativeChange), "percent");
  add(auditLabel("restoringFactor", lang), numberCell(n.restoringFactor));
  add(auditLabel(byCases ? "casesCovered" : "groupsCovered", lang), n.casesCovered);
  if (n.casesWithoutWeight > 0) {
    if (byCases) add(auditLabel("casesLeftOut", lang), n.casesWithoutWeight);
    add(
      `${auditLabel("groupsLeftOut", lang)} (${n.groupsWithoutWeight.length})`,
      shortList(n.groupsWithoutWeight, lang),
    );
  }
  const within = Math.abs(n.relativeChange) <= report.settings.neutralityTolerance;
  add(
    `${auditLabel("withinTolerance", lang)}${paren(`± ${plainPercent(report.settings.neutralityTolerance)}`, lang)}`,
    auditLabel(within ? "yes" : "no", lang),
  );
  return { kind: "keyValue", caption: auditLabel("neutrality", lang), rows, types };
}

function unitBlock(u: AuditUnitTable, lang: Lang): TableBlock {
  const name = unitName(u.dimension, lang);
  const row = (r: UnitChange): CellValue[] => [
    r.unit,
    r.cases,
    r.totalWeightBefore,
    r.totalWeightAfter,
    numberCell(r.cmiBefore),
    numberCell(r.cmiAfter),
    numberCell(r.change),
    numberCell(r.changeAtNeutral),
  ];
  const total = row(u.total);
  total[0] = auditLabel("total", lang);
  const changeFormats = (id: string): ConditionalFormat[] => [
    { columnId: id, rule: { kind: "greaterThan", value: 0, fill: GAIN.fill, font: GAIN.font } },
    { columnId: id, rule: { kind: "lessThan", value: 0, fill: LOSS.fill, font: LOSS.font } },
  ];
  return {
    kind: "table",
    caption:
      auditLabel("unitCaption", lang, { unit: lower(name, lang) }) +
      (u.header && u.header !== name ? ` · ${u.header}` : ""),
    columns: [
      { id: "unit", header: name, type: "text", width: 24 },
      { id: "cases", header: auditLabel("cases", lang), type: "integer", width: 10 },
      { id: "totalBefore", header: auditLabel("totalWeightBefore", lang), type: "number", width: 14 },
      { id: "totalAfter", header: auditLabel("totalWeightAfter", lang), type: "number", width: 14 },
      { id: "cmiBefore", header: auditLabel("cmiBefore", lang), type: "weight", width: 11 },
      { id: "cmiAfter", header: auditLabel("cmiAfter", lang), type: "weight", width: 11 },
      { id: "change", header: auditLabel("change", lang), type: "percent", width: 11 },
      { id: "changeAtNeutral", header: auditLabel("changeAtNeutral", lang), type: "percent", width: 14 },
    ],
    rows: u.rows.map(row),
    totalRow: total,
    conditionalFormats: [...changeFormats("change"), ...changeFormats("changeAtNeutral")],
  };
}

function largestBlock(report: AuditReport, lang: Lang): TableBlock {
  const withCases = report.sources.volume !== undefined;
  const columns: ColumnModel[] = [
    { id: "code", header: auditLabel("group", lang), type: "text", width: 10 },
    { id: "family", header: auditLabel("family", lang), type: "text", width: 10 },
    { id: "name", header: auditLabel("name", lang), type: "text", width: 30 },
    ...(withCases
      ? [{ id: "cases", header: auditLabel("cases", lang), type: "integer", width: 10 } as ColumnModel]
      : []),
    { id: "before", header: auditLabel("before", lang), type: "weight", width: 12 },
    { id: "after", header: auditLabel("after", lang), type: "weight", width: 12 },
    { id: "difference", header: auditLabel("difference", lang), type: "weight", width: 12 },
    { id: "relative", header: auditLabel("relative", lang), type: "percent", width: 11 },
  ];
  return {
    kind: "table",
    caption: auditLabel("largestCaption", lang),
    columns,
    rows: report.largest.map((c) => [
      c.code,
      c.family,
      c.name,
      ...(withCases ? [numberCell(c.cases)] : []),
      c.before,
      c.after,
      c.change,
      numberCell(c.relative),
    ]),
    conditionalFormats: [
      { columnId: "relative", rule: { kind: "greaterThan", value: 0, fill: GAIN.fill, font: GAIN.font } },
      { columnId: "relative", rule: { kind: "lessThan", value: 0, fill: LOSS.fill, font: LOSS.font } },
    ],
  };
}

function sourcesNote(report: AuditReport, lang: Lang): string {
  const { base, adjusted, volume } = report.sources;
  const paired = adjusted !== undefined;
  const groups = (n: number) => (lang === "zh" ? `${countText(n, lang)} 个病组` : `${countText(n, lang)} groups`);
  const parts = [
    `${auditLabel(paired ? "base" : "table", lang)}${colon(lang)}${base.source}${paren(groups(base.groups), lang)}`,
  ];
  if (adjusted && report.tilt)
    parts.push(
      `${auditLabel("adjusted", lang)}${colon(lang)}${auditLabel("tiltedTable", lang)}${paren(`${auditLabel("tiltRule", lang)} ${report.tilt.rule}`, lang)}`,
    );
  else if (adjusted)
    parts.push(
      `${auditLabel("adjusted", lang)}${colon(lang)}${adjusted.source}${paren(groups(adjusted.groups), lang)}`,
    );
  if (volume) {
    const cases = report.result.checked.volumeCases ?? 0;
    parts.push(
      `${auditLabel("volume", lang)}${colon(lang)}${volume.source}${paren(lang === "zh" ? `${countText(cases, lang)} 例` : `${countText(cases, lang)} cases`, lang)}`,
    );
  }
  return parts.join(clauseSep(lang));
}

/** The unit tables with their warnings, or the note saying why there are none. */
function unitBlocks(report: AuditReport, lang: Lang): SheetModel["blocks"] {
  if (report.units.length === 0) {
    const why = report.sources.volume ? "noUnits" : "noVolumeForUnits";
    return [{ kind: "text", text: auditLabel(why, lang), style: "note" }];
  }
  const blocks: SheetModel["blocks"] = [{ kind: "text", text: auditLabel("unitNote", lang), style: "note" }];
  for (const u of report.units) {
    blocks.push(unitBlock(u, lang));
    const name = unitName(u.dimension, lang);
    if (u.total.casesWithoutWeight > 0) {
      const cases = countText(u.total.casesWithoutWeight, lang);
      blocks.push({ kind: "text", text: auditLabel("unitLeftOut", lang, { unit: name, cases }), style: "warning" });
    }
    if (u.emptyUnitRows > 0) {
      const params = { Unit: name, unit: lower(name, lang), rows: countText(u.emptyUnitRows, lang) };
      blocks.push({ kind: "text", text: auditLabel("emptyUnitRows", lang, params), style: "warning" });
    }
  }
  return blocks;
}

/**
 * The bar chart of the largest changes (block `at`), right of every block of the sheet: printed,
 * it then gets a page of its own (layout/pageSetup.ts) instead of covering the findings' detail
 * column, and on screen it stands beside its table.
 */
function largestChart(report: AuditReport, sheet: SheetModel, at: number, lang: Lang): BarChartModel {
  const top = placeBlocks(sheet)[at].top;
  const widest = Math.max(2, ...sheet.blocks.map((b) => (b.kind === "table" ? b.columns.length : 2)));
  return {
    kind: "bar",
    title: auditLabel("chartTitle", lang),
    xTitle: auditLabel("group", lang),
    yTitle: auditLabel("relative", lang),
    categories: { blockIndex: at, columnId: "code" },
    series: [
      {
        name: auditLabel("relative", lang),
        values: { blockIndex: at, columnId: "relative" },
        color: BAR_UP,
        negativeColor: BAR_DOWN,
      },
    ],
    horizontal: true,
    valueType: "percent",
    anchor: { row: top, column: widest + 1, width: 8, height: Math.max(16, report.largest.length + 5) },
  };
}

function auditSheet(report: AuditReport, lang: Lang): SheetModel {
  const paired = report.sources.adjusted !== undefined;
  const blocks: SheetModel["blocks"] = [
    {
      kind: "text",
      text: auditLabel(report.tilt ? "titleTilt" : paired ? "titlePaired" : "title", lang),
      style: "title",
    },
    { kind: "text", text: sourcesNote(report, lang), style: "note" },
    ...keyFindingLines(report, lang),
    summaryBlock(report, lang),
    ...tiltBlocks(report, lang),
    { kind: "text", text: auditLabel("noteFindings", lang), style: "note" },
    findingsBlock(report, lang),
  ];
  const neutral = neutralityBlock(report, lang);
  if (neutral) blocks.push(neutral);
  const oneTable = oneTableBlock(report, lang);
  if (oneTable) blocks.push({ kind: "text", text: auditLabel("oneTableNote", lang), style: "note" }, oneTable);
  if (paired) blocks.push(...unitBlocks(report, lang));
  const sheet: SheetModel = { name: auditLabel("sheetAudit", lang), blocks };
  if (paired && report.largest.length > 0) {
    const at = blocks.length;
    blocks.push(largestBlock(report, lang));
    sheet.barCharts = [largestChart(report, sheet, at, lang)];
  }
  return sheet;
}

/** The workbook model of the audit: 权重审核 and 审核参数 (English names in English). */
export function auditWorkbook(report: AuditReport, lang: Lang): WorkbookModel {
  return {
    lang,
    sheets: [auditSheet(report, lang), parametersSheet(report, lang)],
    print: printInfo("audit", report.context, lang),
  };
}

/** The sheet names of the audit in a language (for the conflict check before writing). */
export function auditSheetNames(lang: Lang): string[] {
  return [auditLabel("sheetAudit", lang), auditLabel("sheetParameters", lang)];
}
