/**
 * The top of the audit sheet, key findings first: the catalogue note when the two tables look
 * like different catalogue versions, the severity inversions and the neutrality in one line
 * each, then a summary block of counts (groups, codes in common, findings by kind) and totals.
 * Also the compact section of the codes in one table only, by MDC, that replaces one finding
 * a code when the catalogues differ.
 */
import { Lang } from "../../engine/text";
import { groupByPrefix } from "../../engine/weightAudit/catalogue";
import { Finding, FINDING_KINDS, FindingKind } from "../../engine/weightAudit/findings";
import { FINDING_LABELS, findingDetail } from "../../words/auditFindings";
import { fmtPercent } from "../../words/auditNumbers";
import { mdcLabel } from "../../words/mdcNames";
import { listText, numberCell } from "../common";
import { CellValue, ColumnType, KeyValueBlock, TableBlock, TextBlock } from "../model";
import { AuditReport } from "./compute";
import { auditLabel, lower, tableName } from "./labels";
import { countText, plainPercent } from "./text";

/** True when the codes in one table only are grouped by MDC instead of listed one a finding. */
export function groupsOneTableCodes(report: AuditReport): boolean {
  return report.result.catalogue?.differentVersions === true;
}

/** A finding that the one-table section stands for: a code absent (not blank) from the other table. */
function isGrouped(f: Finding): boolean {
  return (f.kind === "onlyInBase" || f.kind === "onlyInAdjusted") && (f.blankIn ?? []).length === 0;
}

/** The findings the findings table lists (all of them unless the one-table codes are grouped). */
export function listedFindings(report: AuditReport): Finding[] {
  const all = report.result.findings;
  return groupsOneTableCodes(report) ? all.filter((f) => !isGrouped(f)) : all;
}

/** The first `max` items, then "… (+n)". */
function fewOf(items: readonly string[], lang: Lang, max: number): string {
  if (items.length <= max) return listText(items, lang);
  return `${listText(items.slice(0, max), lang)} … (+${countText(items.length - max, lang)})`;
}

/** "The tables look like different catalogue versions: ..." when they do (else undefined). */
export function catalogueNote(report: AuditReport, lang: Lang): string | undefined {
  const c = report.result.catalogue;
  if (!c || !c.differentVersions) return undefined;
  const params = {
    common: countText(c.common, lang),
    share: plainPercent(Number(c.overlap.toFixed(3))),
    threshold: plainPercent(c.threshold),
    base: countText(c.onlyInBase.length, lang),
    adjusted: countText(c.onlyInAdjusted.length, lang),
  };
  return auditLabel("catalogueNote", lang, params);
}

function catalogueLine(report: AuditReport, lang: Lang): TextBlock | undefined {
  const note = catalogueNote(report, lang);
  return note === undefined ? undefined : { kind: "text", text: note, style: "warning" };
}

function severityLine(report: AuditReport, lang: Lang): TextBlock {
  const pairs = report.result.findings.filter((f) => f.kind === "severityOrder");
  if (pairs.length === 0) {
    const families = countText(report.result.checked.families, lang);
    return { kind: "text", text: auditLabel("noSeverityKey", lang, { families }), style: "note" };
  }
  const paired = report.sources.adjusted !== undefined;
  const perTable = (["base", "adjusted"] as const)
    .map((t) => [t, pairs.filter((f) => f.table === t).length] as const)
    .filter(([, n]) => n > 0)
    .map(([t, n]) => `${lower(tableName(t, paired, lang), lang)} ${n}`);
  const params = {
    count: countText(pairs.length, lang),
    tables: listText(perTable, lang),
    pairs: fewOf(
      pairs.map((f) => f.groups.join(" < ")),
      lang,
      10,
    ),
  };
  return { kind: "text", text: auditLabel("severityKey", lang, params), style: "warning" };
}

function neutralityLine(report: AuditReport, lang: Lang): TextBlock | undefined {
  const n = report.result.neutrality;
  if (!n) return undefined;
  const finding = report.result.findings.find((f) => f.kind === "neutrality");
  if (finding) {
    const detail = findingDetail(finding, report.result, lang);
    return { kind: "text", text: detail.charAt(0).toUpperCase() + detail.slice(1), style: "warning" };
  }
  const params = { change: fmtPercent(n.relativeChange), tolerance: plainPercent(report.settings.neutralityTolerance) };
  return { kind: "text", text: auditLabel("neutralKey", lang, params), style: "note" };
}

/** The key findings, one line each: catalogue versions, severity inversions, neutrality. */
export function keyFindingLines(report: AuditReport, lang: Lang): TextBlock[] {
  const lines = [catalogueLine(report, lang), severityLine(report, lang), neutralityLine(report, lang)];
  return lines.filter((l): l is TextBlock => l !== undefined);
}

/** The kinds that can occur: a single table has no neutrality, one-table codes or changes. */
function kindsOf(report: AuditReport): FindingKind[] {
  if (report.sources.adjusted) return [...FINDING_KINDS];
  const paired: FindingKind[] = ["neutrality", "onlyInBase", "onlyInAdjusted", "largeChange"];
  return FINDING_KINDS.filter((k) => !paired.includes(k));
}

/** The summary block: groups, codes in common, findings by kind, totals and the largest changes. */
export function summaryBlock(report: AuditReport, lang: Lang): KeyValueBlock {
  const r = report.result;
  const rows: [string, CellValue][] = [];
  const types: (ColumnType | undefined)[] = [];
  const add = (label: string, value: CellValue, type?: ColumnType) => {
    rows.push([label, value]);
    types.push(type);
  };
  const c = r.catalogue;
  if (c) {
    add(auditLabel("groupsInBase", lang), r.checked.baseGroups, "integer");
    add(auditLabel("groupsInAdjusted", lang), r.checked.adjustedGroups ?? 0, "integer");
    add(auditLabel("codesInCommon", lang), c.common, "integer");
    add(auditLabel("overlapShare", lang), c.overlap, "percent");
    add(auditLabel("codesOnlyInBase", lang), c.onlyInBase.length, "integer");
    add(auditLabel("codesOnlyInAdjusted", lang), c.onlyInAdjusted.length, "integer");
  } else {
    add(auditLabel("groupsInTable", lang), r.checked.baseGroups, "integer");
  }
  add(auditLabel("familiesChecked", lang), r.checked.families, "integer");
  for (const k of kindsOf(report)) {
    add(auditLabel("findingsOfKind", lang, { kind: FINDING_LABELS[k][lang] }), report.counts[k], "integer");
  }
  const n = r.neutrality;
  if (n) {
    add(auditLabel("totalBefore", lang), numberCell(n.totalBefore), "weight");
    add(auditLabel("totalAfter", lang), numberCell(n.totalAfter), "weight");
    add(auditLabel("relativeChange", lang), numberCell(n.relativeChange), "percent");
    add(auditLabel("restoringFactor", lang), numberCell(n.restoringFactor), "ratio");
  }
  if (report.largest.length > 0) {
    const top = report.largest.slice(0, 3).map((l) => `${l.code} ${fmtPercent(l.relative)}`);
    add(auditLabel("largestInSummary", lang), listText(top, lang));
  }
  return { kind: "keyValue", caption: auditLabel("summary", lang), rows, types };
}

/** The codes in one table only by MDC, with counts and the first codes; undefined unless grouped. */
export function oneTableBlock(report: AuditReport, lang: Lang): TableBlock | undefined {
  const c = report.result.catalogue;
  if (!c || !groupsOneTableCodes(report)) return undefined;
  const groups = groupByPrefix(c);
  return {
    kind: "table",
    caption: auditLabel("oneTableCaption", lang),
    columns: [
      { id: "mdc", header: auditLabel("mdc", lang), type: "text", width: 24 },
      { id: "onlyInBase", header: auditLabel("onlyInBaseCount", lang), type: "integer", width: 10 },
      { id: "baseCodes", header: auditLabel("codesList", lang), type: "text", width: 40 },
      { id: "onlyInAdjusted", header: auditLabel("onlyInAdjustedCount", lang), type: "integer", width: 10 },
      { id: "adjustedCodes", header: auditLabel("codesList", lang), type: "text", width: 40 },
    ],
    rows: groups.map((g) => [
      g.prefix ? mdcLabel(g.prefix, lang) : auditLabel("otherCodes", lang),
      g.onlyInBase.length,
      fewOf(g.onlyInBase, lang, 8),
      g.onlyInAdjusted.length,
      fewOf(g.onlyInAdjusted, lang, 8),
    ]),
    totalRow: [auditLabel("total", lang), c.onlyInBase.length, "", c.onlyInAdjusted.length, ""],
  };
}
