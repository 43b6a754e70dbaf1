/**
 * The parameters sheet of the audit (审核参数 / Audit Parameters): everything needed to redo
 * it, the settings, each source with its columns and the rows left out, the results per kind.
 */
import { Lang } from "../../engine/text";
import { FINDING_KINDS } from "../../engine/weightAudit/findings";
import {
  AUDIT_UNIT_DIMENSIONS,
  AuditTableSource,
  AuditVolumeSource,
  GridOrigin,
} from "../../engine/weightAudit/fromGrid";
import { FINDING_LABELS } from "../../words/auditFindings";
import { colon } from "../common";
import { label } from "../i18n";
import { localTimeText } from "../localTime";
import { CellValue, ColumnType, KeyValueBlock, SheetModel } from "../model";
import { AuditReport } from "./compute";
import { AUDIT_SKIP_LABELS, auditLabel, lower, unitName } from "./labels";
import { clauseSep } from "./text";

/** The rows every source shares: where it came from, its header row, its columns, rows read. */
function originRows(
  s: GridOrigin,
  headerRow: CellValue,
  columns: string[],
  rowsRead: number,
  lang: Lang,
): [string, CellValue][] {
  const rows: [string, CellValue][] = [[label("source", lang), s.source]];
  if (s.sheet) rows.push([label("sheet", lang), s.sheet]);
  if (s.encoding) rows.push([label("encoding", lang), s.encoding]);
  rows.push(
    [label("headerRow", lang), headerRow],
    [auditLabel("columns", lang), columns.join(clauseSep(lang))],
    [label("rowsRead", lang), rowsRead],
  );
  return rows;
}

function skippedRows(skipped: [keyof typeof AUDIT_SKIP_LABELS, number][], lang: Lang): [string, CellValue][] {
  return skipped
    .filter(([, n]) => n > 0)
    .map(([reason, n]) => [`${label("skipped", lang)}${colon(lang)}${AUDIT_SKIP_LABELS[reason][lang]}`, n]);
}

function tableSourceRows(s: AuditTableSource, lang: Lang): [string, CellValue][] {
  const cols = [
    `${auditLabel("codeColumn", lang)} = ${s.columns.code}`,
    `${auditLabel("weightColumn", lang)} = ${s.columns.weight}`,
  ];
  if (s.columns.name) cols.push(`${auditLabel("nameColumn", lang)} = ${s.columns.name}`);
  return [
    ...originRows(s, s.headerRow > 0 ? s.headerRow : auditLabel("noHeader", lang), cols, s.rowsRead, lang),
    [auditLabel("groupsRead", lang), s.groups],
    [auditLabel("rowsWithoutWeight", lang), s.rowsWithoutWeight],
    ...skippedRows(Object.entries(s.skipped) as [keyof typeof AUDIT_SKIP_LABELS, number][], lang),
  ];
}

function volumeSourceRows(report: AuditReport, s: AuditVolumeSource, lang: Lang): [string, CellValue][] {
  const cols = [
    `${auditLabel("groupColumn", lang)} = ${s.columns.group}`,
    `${auditLabel("casesColumn", lang)} = ${s.columns.cases ?? auditLabel("oneCaseARow", lang)}`,
  ];
  for (const d of AUDIT_UNIT_DIMENSIONS) if (s.columns[d]) cols.push(`${unitName(d, lang)} = ${s.columns[d]}`);
  const rows: [string, CellValue][] = [
    ...originRows(s, s.headerRow, cols, s.rowsRead, lang),
    [auditLabel("volumeCases", lang), report.result.checked.volumeCases ?? 0],
    ...skippedRows(
      [
        ["blankRows", s.skipped.blankRows],
        ["emptyGroup", s.skipped.emptyGroup],
        ["noCases", report.result.volumeSkipped?.noCases ?? 0],
      ],
      lang,
    ),
  ];
  for (const u of report.units) {
    if (u.emptyUnitRows > 0) {
      rows.push([
        `${label("skipped", lang)}${colon(lang)}${auditLabel("emptyUnit", lang, { unit: lower(unitName(u.dimension, lang), lang) })}`,
        u.emptyUnitRows,
      ]);
    }
  }
  return rows;
}

export function parametersSheet(report: AuditReport, lang: Lang): SheetModel {
  const { base, adjusted, volume } = report.sources;
  const paired = adjusted !== undefined;
  const kv = (caption: string, rows: [string, CellValue][]): KeyValueBlock => ({ kind: "keyValue", caption, rows });
  const settings: [string, CellValue][] = [
    [auditLabel("largestChanges", lang), report.settings.largestChanges],
    [auditLabel("tolerance", lang), report.settings.neutralityTolerance],
    [auditLabel("severityRule", lang), auditLabel("severityRuleText", lang)],
  ];
  const settingTypes: (ColumnType | undefined)[] = [undefined, "percent", undefined];
  const catalogue = report.result.catalogue;
  if (catalogue) {
    settings.push([auditLabel("catalogueRule", lang), catalogue.threshold]);
    settingTypes.push("percent");
  }
  const results: [string, CellValue][] = [
    [auditLabel("familiesChecked", lang), report.result.checked.families],
    ...FINDING_KINDS.map((k): [string, CellValue] => [
      auditLabel("findingsOfKind", lang, { kind: FINDING_LABELS[k][lang] }),
      report.counts[k],
    ]),
  ];
  const about: [string, CellValue][] = [
    [label("version", lang), report.context.version],
    [label("time", lang), localTimeText(report.context.time, report.context.utcOffset)],
    [label("language", lang), lang],
  ];
  const blocks: SheetModel["blocks"] = [
    { kind: "text", text: auditLabel("parametersTitle", lang), style: "title" },
    { ...kv(label("settings", lang), settings), types: settingTypes },
    kv(auditLabel(paired ? "base" : "table", lang), tableSourceRows(base, lang)),
  ];
  if (report.tilt)
    blocks.push(
      kv(auditLabel("adjusted", lang), [
        [label("source", lang), auditLabel("tiltedTable", lang)],
        [auditLabel("tiltRule", lang), report.tilt.rule],
        [auditLabel("tiltFactor", lang), report.tilt.factor],
      ]),
    );
  else if (adjusted) blocks.push(kv(auditLabel("adjusted", lang), tableSourceRows(adjusted, lang)));
  if (volume) blocks.push(kv(auditLabel("volume", lang), volumeSourceRows(report, volume, lang)));
  blocks.push(kv(label("results", lang), results), kv(label("about", lang), about));
  return { name: auditLabel("sheetParameters", lang), blocks };
}
