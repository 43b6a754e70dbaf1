/**
 * What every report's parameters say alike: where the data came from, how many rows were read,
 * used and skipped, the weights, the column mapping and the version, as rows of the parameters
 * sheet and as the start of the JSON's `parameters`.
 */
import { Lang, Text } from "../engine/text";
import { colon, listText, numberCell, ReportBookkeeping, trimText, WeightsInfo, yearCell } from "./common";
import { columnMappingRows } from "./columnSources";
import { label, LabelKey } from "./i18n";
import { localTimeText } from "./localTime";
import { CellValue, ColumnType, KeyValueBlock } from "./model";

/** A label and its value, with the value's type when the row gives one (a year as "year"). */
export type ParameterRow = [string, CellValue] | [string, CellValue, ColumnType];

/** A row of a year or of the text that stands for one ("全部年份", a list): a lone year is a number. */
export function yearRow(key: string, text: string): ParameterRow {
  const value = yearCell(text);
  return typeof value === "number" ? [key, value, "year"] : [key, value];
}

/**
 * A captioned key-value block of the parameters; `types` formats numbers by row (a rate as per
 * cent), else a row's own type (a year).
 */
export function keyValueBlock(
  caption: string,
  rows: ParameterRow[],
  types?: (ColumnType | undefined)[],
): KeyValueBlock {
  const all = rows.map((r, i) => types?.[i] ?? r[2]);
  const pairs = rows.map(([k, v]): [string, CellValue] => [k, v]);
  return all.some((t) => t !== undefined)
    ? { kind: "keyValue", caption, rows: pairs, types: all }
    : { kind: "keyValue", caption, rows: pairs };
}

/** The JSON of the source and the rows: the first keys of every report's `parameters`. */
export function sourceParameters(report: ReportBookkeeping<string>): Record<string, unknown> {
  return {
    version: report.context.version,
    time: report.context.time.toISOString(),
    source: {
      file: report.context.source,
      sheet: report.context.sheet ?? null,
      encoding: report.context.encoding ?? null,
    },
    headerRow: report.headerRow,
    columns: report.columns,
    rows: { read: report.rowsRead, used: report.rowsUsed, skipped: report.skipped, flagged: report.flagged ?? null },
  };
}

/** Where the weights come from and, for data-derived weights, how they were computed. */
export function weightSettingRows(weights: WeightsInfo, lang: Lang): ParameterRow[] {
  const reportLabel = (k: LabelKey) => label(k, lang);
  const rows: ParameterRow[] = [
    [
      reportLabel("weightSource"),
      weights.source === "data"
        ? reportLabel("weightsFromData")
        : weights.source === "standardized"
          ? `${reportLabel("weightsStandardized")}${colon(lang)}${listText(weights.shares ?? [], lang)}`
          : `${reportLabel("weightsFromTable")}${colon(lang)}${weights.tableName}`,
    ],
  ];
  if (weights.source === "data") {
    rows.push(
      [reportLabel("trim"), trimText(weights.trim, lang)],
      [reportLabel("weightMinCases"), weights.minCases ?? null],
    );
    if (weights.years) rows.push(yearRow(reportLabel("years"), listText(weights.years, lang)));
    if (weights.yearWeights) rows.push([reportLabel("yearWeights"), listText(weights.yearWeights, lang)]);
    rows.push([reportLabel("allCaseMean"), numberCell(weights.allCaseMean ?? NaN)]);
  }
  return rows;
}

/** The source (file or range, sheet, encoding), the header row and the rows read and used. */
export function readRows(report: ReportBookkeeping<string>, lang: Lang): ParameterRow[] {
  const reportLabel = (k: LabelKey) => label(k, lang);
  const c = report.context;
  return [
    [reportLabel("source"), c.source],
    ...(c.sheet ? [[reportLabel("sheet"), c.sheet] as ParameterRow] : []),
    ...(c.encoding ? [[reportLabel("encoding"), c.encoding] as ParameterRow] : []),
    [reportLabel("headerRow"), report.headerRow],
    [reportLabel("rowsRead"), report.rowsRead],
    [reportLabel("rowsUsed"), report.rowsUsed],
  ];
}

/** One row per reason rows were skipped ("<prefix>: <reason>", rows), reasons with no row left out. */
export function skippedRows<Skip extends string>(
  skipped: Partial<Record<Skip, number>>,
  reasons: Record<Skip, Text>,
  prefix: string,
  lang: Lang,
): ParameterRow[] {
  return (Object.entries(skipped) as [Skip, number][])
    .filter(([, rows]) => rows > 0)
    .map(([reason, rows]) => [`${prefix}${colon(lang)}${reasons[reason][lang]}`, rows]);
}

/**
 * The data block's usual rows: the rows read and used, the rows skipped by reason (`reasons`),
 * and the groups without a weight.
 */
export function dataRows<Skip extends string>(
  report: ReportBookkeeping<Skip>,
  reasons: Record<Skip, Text>,
  lang: Lang,
): ParameterRow[] {
  return [
    ...readRows(report, lang),
    ...skippedRows(report.skipped, reasons, label("skipped", lang), lang),
    ...missingWeightRows(report.weights.missingCodes, lang),
  ];
}

/** A row listing codes (the first 30) after `key`, or no row when there is none. */
export function codeListRows(key: string, codes: readonly string[], lang: Lang): ParameterRow[] {
  if (codes.length === 0) return [];
  return [[key, listText(codes.length > 30 ? [...codes.slice(0, 30), "…"] : codes, lang)]];
}

/** The groups without a weight (the first 30), or no row when every group has one. */
export function missingWeightRows(codes: readonly string[], lang: Lang): ParameterRow[] {
  return codeListRows(label("missingWeights", lang), codes, lang);
}

/** Each column by its title and its source headers, then the flagged rows (columnSources.ts). */
export function mappingRows(report: ReportBookkeeping<string>, lang: Lang): ParameterRow[] {
  return columnMappingRows(report.columns, lang, report.flagged);
}

/** The CaseMix version, when the report was built and its language. */
export function aboutRows(report: ReportBookkeeping<string>, lang: Lang): ParameterRow[] {
  return [
    [label("version", lang), report.context.version],
    [label("time", lang), localTimeText(report.context.time, report.context.utcOffset)],
    [label("language", lang), lang],
  ];
}
